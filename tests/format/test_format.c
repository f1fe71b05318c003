/* Tests of the display of values (src/render/format.c). Unless a test says
 * otherwise, every expected text is GNU Octave 7.3's output for the same
 * value (format short, or format long with output_precision(15)), checked
 * with octave-cli at 80 columns. */
#include "check.h"

#include "format.h"
#include "remainder.h"
#include "lowrank/rounding.h"
#include "lowrank/alloc.h"

static const struct lr_fmt_opts SHORT80 = { LR_FMT_SHORT, 80 };
static const struct lr_fmt_opts LONG80 = { LR_FMT_LONG, 80 };

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (strcmp(g_, w_) != 0) { \
		fprintf(stderr, "%s:%d: got\n---\n%s---\nexpected\n---\n%s---\n", \
		        __FILE__, __LINE__, g_, w_); check_failures++; } } while (0)

/* The display of a rows×cols matrix (row-major data, optional mask). */
static char *show(const char *name, size_t rows, size_t cols, const double *data,
                  const unsigned char *mask, const struct lr_fmt_opts *o)
{
	struct lr_matrix *m = lr_mat_from(rows, cols, data);
	struct lr_buf b;

	CHECK(m != NULL);
	if (mask) {
		m->mask = lr_malloc(rows * cols);
		memcpy(m->mask, mask, rows * cols);
	}
	lr_buf_init(&b);
	lr_fmt_matrix(&b, name, m, o);
	lr_mat_destroy(m);
	CHECK(!b.failed);
	return lr_buf_take(&b);
}

static void expect(const char *name, size_t rows, size_t cols, const double *data,
                   const struct lr_fmt_opts *o, const char *want)
{
	char *got = show(name, rows, cols, data, NULL, o);
	CHECK_STR(got, want);
	lr_free(got);
}

static void expect_scalar(double x, const struct lr_fmt_opts *o, const char *want)
{
	char line[128];

	snprintf(line, sizeof line, "x = %s\n", want);
	expect("x", 1, 1, &x, o, line);
}

static void scalar_short(void)
{
	expect_scalar(3, &SHORT80, "3");
	expect_scalar(0.5, &SHORT80, "0.5000");
	expect_scalar(-0.5, &SHORT80, "-0.5000");
	expect_scalar(NAN, &SHORT80, "NaN");
	expect_scalar(INFINITY, &SHORT80, "Inf");
	expect_scalar(-INFINITY, &SHORT80, "-Inf");
	expect_scalar(3.14159265358979, &SHORT80, "3.1416");
	expect_scalar(1e-6, &SHORT80, "1.0000e-06");
	expect_scalar(0.001, &SHORT80, "1.0000e-03");
	expect_scalar(0.01, &SHORT80, "0.010000");
	expect_scalar(0.1, &SHORT80, "0.1000");
	expect_scalar(12.3456789, &SHORT80, "12.346");
	expect_scalar(100.5, &SHORT80, "100.50");
	expect_scalar(123.456, &SHORT80, "123.46");
	expect_scalar(1234.5678, &SHORT80, "1234.6");
	expect_scalar(10000.5, &SHORT80, "1.0000e+04");
	expect_scalar(12345.678, &SHORT80, "1.2346e+04");
	expect_scalar(99999.5, &SHORT80, "1.0000e+05");
	expect_scalar(1.5e-5, &SHORT80, "1.5000e-05");
	expect_scalar(2.5e300, &SHORT80, "2.5000e+300");
	expect_scalar(1e-300, &SHORT80, "1.0000e-300");
}

static void scalar_short_integers(void)
{
	expect_scalar(0, &SHORT80, "0");
	expect_scalar(-0.0, &SHORT80, "0");
	expect_scalar(99999, &SHORT80, "99999");
	expect_scalar(100000, &SHORT80, "100000");
	expect_scalar(123456, &SHORT80, "123456");
	expect_scalar(1234567, &SHORT80, "1234567");
	expect_scalar(-1234567, &SHORT80, "-1234567");
	/* Eight digits and more: exponent form. */
	expect_scalar(12345678, &SHORT80, "1.2346e+07");
	expect_scalar(-123456789, &SHORT80, "-1.2346e+08");
	expect_scalar(1e10, &SHORT80, "1.0000e+10");
	expect_scalar(1e15, &SHORT80, "1.0000e+15");
	expect_scalar(1e16, &SHORT80, "1.0000e+16");
}

/* format long: 15 significant digits, Octave 7 with output_precision(15). */
static void scalar_long(void)
{
	expect_scalar(3.14159265358979323846, &LONG80, "3.14159265358979");
	expect_scalar(0.5, &LONG80, "0.50000000000000");
	expect_scalar(-2.0 / 3, &LONG80, "-0.66666666666667");
	expect_scalar(0.01, &LONG80, "1.00000000000000e-02");
	expect_scalar(123.456, &LONG80, "123.456000000000");
	expect_scalar(12345.678, &LONG80, "12345.6780000000");
	expect_scalar(1e10, &LONG80, "10000000000");
	expect_scalar(1234567890123456.0, &LONG80, "1234567890123456");
	expect_scalar(12345678901234567.0, &LONG80, "1.23456789012346e+16");
	expect_scalar(123456789012345.5, &LONG80, "1.23456789012346e+14");
	expect_scalar(NAN, &LONG80, "NaN");
}

static void number(void)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_fmt_number(&b, 3.14159265358979, LR_FMT_SHORT);
	lr_buf_putc(&b, '|');
	lr_fmt_number(&b, 3.14159265358979, LR_FMT_LONG);
	lr_buf_putc(&b, '|');
	lr_fmt_number(&b, 42, LR_FMT_SHORT);
	lr_buf_putc(&b, '|');
	lr_fmt_number(&b, -INFINITY, LR_FMT_SHORT);
	lr_buf_putc(&b, '|');
	lr_fmt_number(&b, 1e-6, LR_FMT_SHORT);
	CHECK_STR(b.data, "3.1416|3.14159265358979|42|-Inf|1.0000e-06");
	lr_buf_finish(&b);
}

static void int_matrix(void)
{
	static const double a[] = { 1, -2, 3, 4 };
	static const double b[] = { 100, -2 };
	static const double c[] = { 1, 123456 };
	static const double d[] = { 0, 0 };
	static const double e[] = { 1, 2 };
	static const double f[] = { -1, -2 };

	expect("A", 2, 2, a, &SHORT80, "A =\n\n   1  -2\n   3   4\n\n");
	expect("A", 1, 2, b, &SHORT80, "A =\n\n   100    -2\n\n");
	expect("A", 1, 2, c, &SHORT80, "A =\n\n        1   123456\n\n");
	expect("A", 1, 2, d, &SHORT80, "A =\n\n   0   0\n\n");
	expect("A", 2, 1, e, &SHORT80, "A =\n\n   1\n   2\n\n");
	expect("A", 1, 2, f, &SHORT80, "A =\n\n  -1  -2\n\n");
}

/* Octave shows integer matrices in exponent form from 7 digits on. */
static void int_matrix_exp(void)
{
	static const double a[] = { 1, 1234567 };
	static const double b[] = { 1e10, 1 };

	expect("A", 1, 2, a, &SHORT80, "A =\n\n   1.0000e+00   1.2346e+06\n\n");
	expect("A", 1, 2, b, &SHORT80, "A =\n\n   1.0000e+10   1.0000e+00\n\n");
}

static void fixed_matrix(void)
{
	static const double a[] = { 0.3374, 0.6005, 0.1735 };
	static const double b[] = { -0.3374, 0.6005, 0.1735 };
	static const double c[] = { 0.5, -0.25 };
	static const double d[] = { -1.5, -2.5 };
	static const double e[] = { 1.5, 100.25 };

	expect("A", 1, 3, a, &SHORT80, "A =\n\n   0.3374   0.6005   0.1735\n\n");
	expect("A", 1, 3, b, &SHORT80, "A =\n\n  -0.3374   0.6005   0.1735\n\n");
	expect("A", 2, 1, c, &SHORT80, "A =\n\n   0.5000\n  -0.2500\n\n");
	expect("A", 1, 2, d, &SHORT80, "A =\n\n  -1.5000  -2.5000\n\n");
	expect("A", 1, 2, e, &SHORT80, "A =\n\n     1.5000   100.2500\n\n");
}

/* Project rule, not Octave: always 4 decimals in format short (Octave
 * shows [10.5 20.5] with 3 decimals and [0.01 0.5] with 6) and fixed form
 * up to 1e5 (Octave switches [1.5 12345.5] to exponent form). */
static void fixed_four_decimals(void)
{
	static const double a[] = { 10.5, 20.5 };
	static const double b[] = { 0.01, 0.5 };
	static const double c[] = { 1.5, 12345.5 };
	static const double d[] = { 0.001, 0.5 };

	expect("A", 1, 2, a, &SHORT80, "A =\n\n   10.5000   20.5000\n\n");
	expect("A", 1, 2, b, &SHORT80, "A =\n\n   0.0100   0.5000\n\n");
	expect("A", 1, 2, c, &SHORT80, "A =\n\n       1.5000   12345.5000\n\n");
	expect("A", 1, 2, d, &SHORT80, "A =\n\n   0.0010   0.5000\n\n");
}

/* Exponent form for the whole matrix when an entry is >= 1e5 or a nonzero
 * one is < 1e-5 or would print as 0.0000 (project rule; Octave agrees on
 * the first two cases). Never a common scale factor. */
static void exp_matrix(void)
{
	static const double a[] = { 1e-6, 1 };
	static const double b[] = { 1e-6, -2, NAN, INFINITY };
	static const double c[] = { 1e5 + 0.5, 1 };
	static const double d[] = { 4e-5, 1.5 };
	static const double e[] = { 1e-200, 0.5 };
	static const double f[] = { 2e-5, 1e-5 };

	expect("A", 1, 2, a, &SHORT80, "A =\n\n   1.0000e-06   1.0000e+00\n\n");
	expect("A", 2, 2, b, &SHORT80,
	       "A =\n\n   1.0000e-06  -2.0000e+00\n          NaN          Inf\n\n");
	expect("A", 1, 2, c, &SHORT80, "A =\n\n   1.0000e+05   1.0000e+00\n\n");
	/* 4e-5 would show as 0.0000. */
	expect("A", 1, 2, d, &SHORT80, "A =\n\n   4.0000e-05   1.5000e+00\n\n");
	/* Three-digit exponents widen every column (Octave prints "1e-200"). */
	expect("A", 1, 2, e, &SHORT80, "A =\n\n   1.0000e-200    5.0000e-01\n\n");
	expect("A", 1, 2, f, &SHORT80, "A =\n\n   2.0000e-05   1.0000e-05\n\n");
}

static void nonfinite_matrix(void)
{
	static const double a[] = { 1, NAN, INFINITY, -INFINITY };
	static const double b[] = { 1.5, NAN, INFINITY, -INFINITY };
	static const double c[] = { NAN, NAN };
	static const double d[] = { NAN, 0.5 };
	static const double e[] = { -INFINITY, 100 };

	expect("A", 2, 2, a, &SHORT80, "A =\n\n     1   NaN\n   Inf  -Inf\n\n");
	expect("A", 2, 2, b, &SHORT80, "A =\n\n   1.5000      NaN\n      Inf     -Inf\n\n");
	expect("A", 1, 2, c, &SHORT80, "A =\n\n   NaN   NaN\n\n");
	expect("A", 1, 2, d, &SHORT80, "A =\n\n      NaN   0.5000\n\n");
	expect("A", 1, 2, e, &SHORT80, "A =\n\n  -Inf   100\n\n");
}

static void empty(void)
{
	expect("A", 0, 3, NULL, &SHORT80, "A = [](0x3)\n");
	expect("A", 3, 0, NULL, &SHORT80, "A = [](3x0)\n");
	expect("A", 0, 0, NULL, &SHORT80, "A = [](0x0)\n");
	expect(NULL, 0, 3, NULL, &SHORT80, "[](0x3)\n");
}

/* disp(): no name, no blank lines; a scalar is just the number. */
static void disp_form(void)
{
	static const double a[] = { 1, 2, 3, 4 };
	static const double five = 5, pi = 3.14159265358979;

	expect(NULL, 2, 2, a, &SHORT80, "   1   2\n   3   4\n");
	expect(NULL, 1, 1, &five, &SHORT80, "5\n");
	expect(NULL, 1, 1, &pi, &SHORT80, "3.1416\n");
}

static void long_matrix(void)
{
	static const double a[] = { 3.14159265358979323846, 1 };
	static const double b[] = { 0.5, 0.25 };
	static const double c[] = { 1e-6, 1 };

	expect("A", 1, 2, a, &LONG80, "A =\n\n   3.14159265358979   1.00000000000000\n\n");
	/* Project rule: 15 significant digits for the largest entry. */
	expect("A", 1, 2, b, &LONG80, "A =\n\n   0.50000000000000   0.25000000000000\n\n");
	expect("A", 1, 2, c, &LONG80,
	       "A =\n\n   1.00000000000000e-06   1.00000000000000e+00\n\n");
}

static void fill(double *d, size_t n, double add)
{
	for (size_t i = 0; i < n; i++)
		d[i] = (double)(i + 1) + add;
}

static void wrap(void)
{
	double d[30];

	fill(d, 11, 0.5);
	expect("C", 1, 11, d, &SHORT80,
	       "C =\n\n"
	       " Columns 1 through 8:\n\n"
	       "    1.5000    2.5000    3.5000    4.5000    5.5000    6.5000    7.5000    8.5000\n"
	       "\n"
	       " Columns 9 through 11:\n\n"
	       "    9.5000   10.5000   11.5000\n\n");
	fill(d, 10, 0.5);
	expect("A", 1, 10, d, &SHORT80,
	       "A =\n\n"
	       " Columns 1 through 8:\n\n"
	       "    1.5000    2.5000    3.5000    4.5000    5.5000    6.5000    7.5000    8.5000\n"
	       "\n"
	       " Columns 9 and 10:\n\n"
	       "    9.5000   10.5000\n\n");
	fill(d, 9, 0.5);
	expect("B", 1, 9, d, &SHORT80,
	       "B =\n\n"
	       " Columns 1 through 8:\n\n"
	       "   1.5000   2.5000   3.5000   4.5000   5.5000   6.5000   7.5000   8.5000\n"
	       "\n"
	       " Column 9:\n\n"
	       "   9.5000\n\n");
	fill(d, 30, 0);
	expect("D", 1, 30, d, &SHORT80,
	       "D =\n\n"
	       " Columns 1 through 16:\n\n"
	       "    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16\n"
	       "\n"
	       " Columns 17 through 30:\n\n"
	       "   17   18   19   20   21   22   23   24   25   26   27   28   29   30\n\n");
}

static void wrap_disp(void)
{
	double d[9];

	fill(d, 9, 0.5);
	expect(NULL, 1, 9, d, &SHORT80,
	       " Columns 1 through 8:\n\n"
	       "   1.5000   2.5000   3.5000   4.5000   5.5000   6.5000   7.5000   8.5000\n"
	       "\n"
	       " Column 9:\n\n"
	       "   9.5000\n");
}

/* Not from Octave: narrower than one column gives one column per block;
 * several rows; width 0 means no wrapping. */
static void wrap_narrow(void)
{
	static const double a[] = { 1.5, -2.5, 3, 4 };
	const struct lr_fmt_opts tiny = { LR_FMT_SHORT, 5 }, none = { LR_FMT_SHORT, 0 };
	double d[30];

	expect("A", 2, 2, a, &tiny,
	       "A =\n\n Column 1:\n\n   1.5000\n   3.0000\n\n"
	       " Column 2:\n\n  -2.5000\n   4.0000\n\n");
	fill(d, 30, 0);
	char *got = show(NULL, 1, 30, d, NULL, &none);
	CHECK(strchr(got, 'C') == NULL);
	CHECK(strlen(got) == 30 * 5 + 1);
	lr_free(got);
}

static void expect_masked(const char *name, size_t rows, size_t cols, const double *data,
                          const unsigned char *mask, const char *want)
{
	char *got = show(name, rows, cols, data, mask, &SHORT80);
	CHECK_STR(got, want);
	lr_free(got);
}

/* Project rule: hidden entries in brackets, NaN as NaN, and a note. */
static void mask(void)
{
	static const double a[] = { 1, 3.3359, 2, 4 };
	static const unsigned char ma[] = { 1, 0, 1, 1 };
	static const double b[] = { 1, -2, 3, 4 };
	static const unsigned char mb[] = { 1, 0, 0, 1 };
	static const double c[] = { 1, NAN, 3, 4 };
	static const unsigned char mc[] = { 1, 0, 1, 1 };
	static const double d[] = { 1, 2, 3, 4 };
	static const unsigned char md[] = { 1, 1, 1, 1 };

	expect_masked("A", 2, 2, a, ma,
	              "A =\n\n     1.0000   [3.3359]\n     2.0000     4.0000\n\n"
	              "  [x] = hidden by the mask\n");
	expect_masked("B", 2, 2, b, mb,
	              "B =\n\n     1  [-2]\n   [3]     4\n\n  [x] = hidden by the mask\n");
	/* A NaN under the mask is just NaN: no brackets, no note. */
	expect_masked("C", 2, 2, c, mc, "C =\n\n     1   NaN\n     3     4\n\n");
	expect_masked("D", 2, 2, d, md, "D =\n\n   1   2\n   3   4\n\n");
	expect_masked(NULL, 2, 2, a, ma,
	              "     1.0000   [3.3359]\n     2.0000     4.0000\n"
	              "  [x] = hidden by the mask\n");
}

static void mask_scalar(void)
{
	static const double x = 3.3359;
	static const unsigned char hidden = 0, seen = 1;

	expect_masked("x", 1, 1, &x, &hidden, "x = [3.3359]\n  [x] = hidden by the mask\n");
	expect_masked("x", 1, 1, &x, &seen, "x = 3.3359\n");
}

/* Hidden entries widen the common column so the wrap still fits. */
static void mask_wrap(void)
{
	double d[9];
	unsigned char m[9];

	fill(d, 9, 0.5);
	memset(m, 1, sizeof m);
	m[8] = 0;
	expect_masked(NULL, 1, 9, d, m,
	              " Columns 1 through 7:\n\n"
	              "     1.5000     2.5000     3.5000     4.5000     5.5000     6.5000     7.5000\n"
	              "\n"
	              " Columns 8 and 9:\n\n"
	              "     8.5000   [9.5000]\n"
	              "  [x] = hidden by the mask\n");
}

static void string(void)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_fmt_string(&b, "s", "hello");
	lr_fmt_string(&b, NULL, "world");
	CHECK_STR(b.data, "s = hello\nworld\n");
	lr_buf_finish(&b);
}

/* Every display is plain text: printable ASCII and newlines only. */
static void plain_text(void)
{
	static const double a[] = { 1e-6, -2, NAN, INFINITY, 0.5, -0.0 };
	static const unsigned char m[] = { 0, 1, 0, 1, 0, 1 };
	const struct lr_fmt_opts *opts[] = { &SHORT80, &LONG80 };

	for (size_t k = 0; k < 2; k++) {
		char *got = show("A", 2, 3, a, m, opts[k]);
		for (const char *p = got; *p; p++)
			CHECK(*p == '\n' || (*p >= 0x20 && *p < 0x7F));
		lr_free(got);
	}
}

/* No NULL options: defaults are format short at 80 columns. */
static void default_opts(void)
{
	double d[11];

	fill(d, 11, 0.5);
	char *a = show("C", 1, 11, d, NULL, NULL);
	char *b = show("C", 1, 11, d, NULL, &SHORT80);
	CHECK_STR(a, b);
	lr_free(a);
	lr_free(b);
}

/* The display allocates only through the buffer: a failing allocation
 * latches the buffer's flag and nothing crashes. */
static void alloc_fail(void)
{
	static const double a[] = { 1, 2, 3, 4 };
	struct lr_matrix *m = lr_mat_from(2, 2, a);
	struct lr_buf b;

	lr_buf_init(&b);
	lr_alloc_fail_after(1);
	lr_fmt_matrix(&b, "A", m, &SHORT80);
	lr_fmt_string(&b, "s", "x");
	lr_alloc_fail_after(-1);
	CHECK(b.failed);
	lr_buf_finish(&b);
	lr_mat_destroy(m);
}

/* A remainder by the rounding rule (remainder.h): the note, a bare 0 where
 * the caller says it elsewhere, a computed 0 that is noise noted too, and
 * the raw number when the rule says no. */
static void remainder_text(void)
{
	struct lr_buf b;

	lr_buf_init(&b);
	CHECK(lr_fmt_remainder(&b, 6.3808e-23, lr_sumsq_zero_to_rounding(6.3808e-23, 2.43e8, 30),
	                       1, LR_FMT_SHORT) == 1);
	lr_buf_putc(&b, '|');
	CHECK(lr_fmt_remainder(&b, -1e-30, 1, 0, LR_FMT_SHORT) == 1);
	lr_buf_putc(&b, '|');
	CHECK(lr_fmt_remainder(&b, 0.0, 1, 1, LR_FMT_SHORT) == 1);
	lr_buf_putc(&b, '|');
	CHECK(lr_fmt_remainder(&b, 0.0, 0, 1, LR_FMT_SHORT) == 0);
	lr_buf_putc(&b, '|');
	CHECK(lr_fmt_remainder(&b, 0.1219, lr_sumsq_zero_to_rounding(0.1219, 29.0, 3), 1,
	                       LR_FMT_SHORT) == 0);
	CHECK_STR(b.data, "0 (zero to rounding)|0|0 (zero to rounding)|0|0.1219");
	lr_buf_finish(&b);
}

SUBTEST_MAIN(T(remainder_text), T(scalar_short), T(scalar_short_integers), T(scalar_long), T(number),
             T(int_matrix), T(int_matrix_exp), T(fixed_matrix), T(fixed_four_decimals),
             T(exp_matrix), T(nonfinite_matrix), T(empty), T(disp_form), T(long_matrix),
             T(wrap), T(wrap_disp), T(wrap_narrow), T(mask), T(mask_scalar), T(mask_wrap),
             T(string), T(plain_text), T(default_opts), T(alloc_fail))
