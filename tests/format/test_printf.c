/* Tests of printf (src/interp/printf.c). Unless a test says otherwise every
 * expected text is what GNU Octave 7.3's sprintf gives for the same template
 * and arguments (checked with octave-cli). */
#include "check.h"

#include <stdarg.h>

#include "lowrank/alloc.h"
#include "lr_printf.h"

/* Arguments are built from a small description: 'n' a number (double),
 * 's' a string (const char *), 'm' a matrix (rows, cols, const double *
 * row-major, rows*cols of them), 'e' an empty matrix. */
static int make_args(struct lr_value **a, const char *kinds, va_list ap)
{
	int n = 0;

	for (const char *k = kinds; *k; k++) {
		if (*k == 'n') {
			a[n++] = lr_value_scalar(va_arg(ap, double));
		} else if (*k == 's') {
			const char *s = va_arg(ap, const char *);
			a[n++] = lr_value_str(s, strlen(s));
		} else if (*k == 'm') {
			size_t r = va_arg(ap, size_t), c = va_arg(ap, size_t);
			const double *d = va_arg(ap, const double *);
			a[n++] = lr_value_mat(lr_mat_from(r, c, d));
		} else {
			a[n++] = lr_value_mat(lr_mat_create(0, 0));
		}
		CHECK(a[n - 1] != NULL);
	}
	return n;
}

/* Formats and returns the result (caller frees), or NULL with msg set. */
static char *format(size_t *len, char *msg, const char *fmt, const char *kinds, ...)
{
	struct lr_value *a[16];
	struct lr_buf b;
	va_list ap;

	va_start(ap, kinds);
	int n = make_args(a, kinds, ap);
	va_end(ap);
	lr_buf_init(&b);
	int r = lr_format_printf(&b, fmt, strlen(fmt), (const struct lr_value *const *)a, n,
	                         msg, 200);
	for (int i = 0; i < n; i++)
		lr_value_destroy(a[i]);
	CHECK(!b.failed);
	if (r < 0) {
		lr_buf_finish(&b);
		return NULL;
	}
	*len = b.len;
	return lr_buf_take(&b);
}

/* Compares bytes, so embedded NULs count. */
static void check_bytes(const char *file, int line, const char *got, size_t glen,
                        const char *want, size_t wlen, const char *msg)
{
	if (!got) {
		fprintf(stderr, "%s:%d: error: %s\n", file, line, msg);
		check_failures++;
	} else if (glen != wlen || memcmp(got, want, wlen) != 0) {
		fprintf(stderr, "%s:%d: got \"%.*s\" (%zu bytes), expected \"%.*s\" (%zu bytes)\n",
		        file, line, (int)glen, got, glen, (int)wlen, want, wlen);
		check_failures++;
	}
}

#define EXPECT_N(want, wlen, fmt, ...) do { size_t l_ = 0; char m_[200] = ""; \
	char *g_ = format(&l_, m_, fmt, __VA_ARGS__); \
	check_bytes(__FILE__, __LINE__, g_, l_, want, wlen, m_); lr_free(g_); } while (0)
#define EXPECT(want, fmt, ...) EXPECT_N(want, strlen(want), fmt, __VA_ARGS__)

#define EXPECT_ERR(want, fmt, ...) do { size_t l_ = 0; char m_[200] = ""; \
	char *g_ = format(&l_, m_, fmt, __VA_ARGS__); \
	CHECK(g_ == NULL); lr_free(g_); \
	if (strcmp(m_, want) != 0) { fprintf(stderr, "%s:%d: message \"%s\", expected \"%s\"\n", \
		__FILE__, __LINE__, m_, want); check_failures++; } } while (0)

static const double ROW123[] = { 1, 2, 3 };
static const double SQ1234[] = { 1, 2, 3, 4 };   /* [1 2; 3 4] */

static void conversions(void)
{
	EXPECT("42", "%i", "n", 42.0);
	EXPECT("-3", "%u", "n", -3.0);
	EXPECT("ff", "%x", "n", 255.0);
	EXPECT("FF", "%X", "n", 255.0);
	EXPECT("10", "%o", "n", 8.0);
	EXPECT("1.234568e+04", "%e", "n", 12345.678);
	EXPECT("1.000000E+00", "%E", "n", 1.0);
	EXPECT("12345.7", "%g", "n", 12345.678);
	EXPECT("1e-10", "%g", "n", 1e-10);
	EXPECT("1E-20", "%G", "n", 1e-20);
	EXPECT("100000", "%g", "n", 100000.0);
	EXPECT("1e+06", "%g", "n", 1000000.0);
	EXPECT("A", "%c", "n", 65.0);
	EXPECT("abc", "%s", "s", "abc");
	EXPECT("0", "%d", "n", -0.0);
	EXPECT("-0.000000", "%f", "n", -0.0);
	EXPECT("-0", "%g", "n", -0.0);
	EXPECT("0.000000e+00", "%e", "n", 0.0);
	EXPECT("1 2 3", "%lu %ld %hd", "nnn", 1.0, 2.0, 3.0);
	EXPECT("70000", "%hd", "n", 70000.0);
	EXPECT("1.000000", "%Lf", "n", 1.0);
}

static void flags_width_precision(void)
{
	EXPECT("+5", "%+d", "n", 5.0);
	EXPECT(" 5", "% d", "n", 5.0);
	EXPECT("-5", "% d", "n", -5.0);
	EXPECT("00042", "%05d", "n", 42.0);
	EXPECT("42   |", "%-5d|", "n", 42.0);
	EXPECT("010", "%#o", "n", 8.0);
	EXPECT("0xff", "%#x", "n", 255.0);
	EXPECT("    0|", "%#5x|", "n", 0.0);
	EXPECT("  005", "%5.3d", "n", 5.0);
	EXPECT("007", "%.3d", "n", 7.0);
	EXPECT("-1.25e+01", "%+.2e", "n", -12.5);
	EXPECT("1.00000", "%#g", "n", 1.0);
	EXPECT("1.00", "%#.3g", "n", 1.0);
	EXPECT(" 03.1", "% 05.1f", "n", 3.14159);
	EXPECT("+3.142  |", "%-+8.3f|", "n", 3.14159);
	EXPECT(" +2.0|", "%+5.1f|", "n", 2.0);
	EXPECT("    3.1416|", "%10.4f|", "n", 3.14159265358979);
	EXPECT("3.14e+00  |", "%-10.2e|", "n", 3.14159265358979);
	EXPECT("0", "%.0f", "n", 0.5);
	EXPECT("2", "%.0f", "n", 1.5);
	EXPECT("    2|", "%5.0f|", "n", 2.5);
	EXPECT("1e+04", "%.0e", "n", 12345.0);
	EXPECT("0.3333333333", "%.10g", "n", 1.0 / 3);
	EXPECT("0.10000000000000000555", "%.20f", "n", 0.1);
	EXPECT("   ab|", "%5s|", "s", "ab");
	EXPECT("ab   |", "%-5s|", "s", "ab");
	EXPECT("ab|", "%.2s|", "s", "abcdef");
	EXPECT("  abc|", "%5.3s|", "s", "abcdef");
	EXPECT("ab", "%+s", "s", "ab");
	EXPECT("   ab|", "%05s|", "s", "ab");
	EXPECT("  a|", "%3c|", "s", "a");
	EXPECT("a  |b  |", "%-3c|", "s", "ab");
}

static void star(void)
{
	EXPECT("    3", "%*d", "nn", 5.0, 3.0);
	EXPECT("3    |", "%-*d|", "nn", 5.0, 3.0);
	EXPECT("3.14", "%.*f", "nn", 2.0, 3.14159265358979);
	EXPECT("007|", "%.*d|", "nn", 3.0, 7.0);
	EXPECT("    3.14|", "%*.*f|", "nnn", 8.0, 2.0, 3.14159265358979);
	/* The star takes the last element; the value finds none: stop. */
	EXPECT("", "%*d|", "n", 3.0);
	EXPECT("  4|", "%*d|", "nnn", 3.0, 4.0, 5.0);
	/* A character's code is a width too. */
	EXPECT_N("                                                                  "
	         "                              1|", 98, "%*d|", "sn", "a", 1.0);
}

static void escapes(void)
{
	EXPECT("a\tb\\c\"d", "a\\tb\\\\c\\\"d", "");
	EXPECT("AA", "\\101\\x41", "");
	EXPECT("ABc", "\\x41\\102\\c", "");
	EXPECT("\\n", "\\\\n", "");
	EXPECT("a\\", "a\\", "");
	EXPECT_N("\0x", 2, "\\0x", "");
	EXPECT_N("\x04g", 2, "\\x4g", "");
	EXPECT_N("\0g", 2, "\\xg", "");
	EXPECT("A4", "\\x414", "");
	EXPECT("\x01" "8", "\\18", "");
	EXPECT("\xff", "\\777", "");
	EXPECT("\a\r\v\f\b", "\\a\\r\\v\\f\\b", "");
	EXPECT("q", "\\q", "");
	EXPECT("1\t2\n", "%d\\t%d\\n", "nn", 1.0, 2.0);
	/* The escapes are replaced before the conversions are read. */
	EXPECT("5", "\\045d", "n", 5.0);
}

static void percent(void)
{
	EXPECT("%", "%%", "");
	EXPECT("100%\n", "100%%\\n", "");
	EXPECT("1%\n2%\n", "%d%%\\n", "m", (size_t)1, (size_t)2, ROW123);
	EXPECT("%|", "%5%|", "");
	EXPECT("1 % ", "%d %% %d|", "n", 1.0);
	EXPECT("1 %2 %", "%d %%", "m", (size_t)1, (size_t)2, ROW123);
}

/* The template is reused until the elements run out, and the output stops
 * at the first conversion that finds none. */
static void reuse(void)
{
	EXPECT("1 2\n3 ", "%d %d\\n", "m", (size_t)1, (size_t)3, ROW123);
	EXPECT("1\n2\n3\n", "%d\\n", "m", (size_t)1, (size_t)3, ROW123);
	EXPECT("a1ba2b", "a%db", "m", (size_t)1, (size_t)2, ROW123);
	EXPECT("a1b2ca3b", "a%db%dc", "m", (size_t)1, (size_t)3, ROW123);
	EXPECT("1 ", "%d %d", "n", 1.0);
	EXPECT("1 2|3 ", "%d %d|", "nnn", 1.0, 2.0, 3.0);
	EXPECT("1.000000 2.000000\n3.000000 ", "%f %f\\n", "nnn", 1.0, 2.0, 3.0);
	EXPECT("x=5\nyy=6\n", "%s=%d\\n", "snsn", "x", 5.0, "yy", 6.0);
	EXPECT("1 ab\n2 cd\n", "%d %s\\n", "nsns", 1.0, "ab", 2.0, "cd");
	/* Without conversions the template prints once. */
	EXPECT("hello", "hello", "nn", 1.0, 2.0);
}

/* Matrices give their elements in column-major order. */
static void column_major(void)
{
	static const double col[] = { 1, 2, 3 };

	EXPECT("1,3;2,4;", "%d,%d;", "m", (size_t)2, (size_t)2, SQ1234);
	EXPECT("1324", "%d", "m", (size_t)2, (size_t)2, SQ1234);
	EXPECT("[  1.0][  3.0][  2.0][  4.0]", "[%5.1f]", "m", (size_t)2, (size_t)2, SQ1234);
	EXPECT("1.000000|2.0000003.000000|", "%f|%f", "m", (size_t)3, (size_t)1, col);
	EXPECT("13245", "%d", "mn", (size_t)2, (size_t)2, SQ1234, 5.0);
}

static void no_args(void)
{
	EXPECT("hello ", "hello %d world", "");
	EXPECT("hello ", "hello %d world %s!", "");
	EXPECT("", "%d world", "");
	EXPECT("x", "x%sy%dz", "");
	EXPECT("hello\n", "hello\\n", "");
	EXPECT("", "%f", "");
	EXPECT("", "%s", "");
	EXPECT("", "", "");
}

/* An empty argument is one element that prints nothing (%s and %c still
 * pad it). */
static void empty_args(void)
{
	EXPECT("", "%d", "e");
	EXPECT("ab", "a%db", "e");
	EXPECT("ab5c", "a%db%dc", "en", 5.0);
	EXPECT("|", "%s|", "s", "");
	EXPECT("1||2|", "%d|%s|", "nsn", 1.0, "", 2.0);
	EXPECT("     |", "%5.1s|", "s", "");
	EXPECT("||", "%d|", "ee");
	EXPECT("|", "%s|", "e");
	EXPECT("|", "%c|", "e");
	EXPECT("\n", "%d\\n", "e");
	EXPECT(" ", "%d %d", "e");
}

/* %d %i %c given a non-integer switch to %g with the same flags, width and
 * precision; %u %o %x %X also for negative numbers. */
static void nonint_switch(void)
{
	EXPECT("1.5", "%d", "n", 1.5);
	EXPECT("3.14159", "%d", "n", 3.14159265358979);
	EXPECT("10000000000", "%d", "n", 1e10);
	EXPECT("1.23457e+08", "%d", "n", 123456789.5);
	EXPECT("  2.5", "%5d", "n", 2.5);
	EXPECT("    2", "%5.1d", "n", 2.5);
	EXPECT("3", "%d", "n", 3.0000000001);
	EXPECT("1e+15", "%d", "n", 1e15 + 0.5);
	EXPECT("-0.5", "%d", "n", -0.5);
	EXPECT("0.1", "%i", "n", 0.1);
	EXPECT("3.5", "%ld", "n", 3.5);
	EXPECT("-5.5|-5.5", "%i|%u", "nn", -5.5, -5.5);
	EXPECT("1.5", "%x", "n", 1.5);
	EXPECT("255.5", "%x", "n", 255.5);
	EXPECT("1.5", "%u", "n", 1.5);
	EXPECT("-1", "%o", "n", -1.0);
	EXPECT("-1", "%x", "n", -1.0);
	EXPECT("3.5", "%c", "n", 3.5);
	EXPECT("65.5", "%c", "n", 65.5);
}

/* Integers beyond 64 bits saturate; %d above 2^63 switches to %g. */
static void big_integers(void)
{
	EXPECT("9007199254740992", "%d", "n", 9007199254740992.0);
	EXPECT("9223372036854775807", "%d", "n", 0x1p63);
	EXPECT("-9223372036854775808", "%d", "n", -0x1p63);
	EXPECT("-9223372036854775808", "%d", "n", -1e19);
	EXPECT("1e+19", "%d", "n", 1e19);
	EXPECT("1.84467e+19", "%d", "n", 0x1p64);
	EXPECT("1e+20", "%d", "n", 1e20);
	EXPECT("10000000000000000000", "%u", "n", 1e19);
	EXPECT("ffffffffffffffff", "%x", "n", 0x1p64);
	EXPECT("1777777777777777777777", "%o", "n", 0x1p64);
	/* %f prints every digit. */
	size_t len = 0;
	char msg[200];
	char *s = format(&len, msg, "%f", "n", 1e300);
	CHECK(s && len == 301 + 7 && strncmp(s, "1000000000000000052504760255204420", 34) == 0);
	lr_free(s);
}

static void nonfinite(void)
{
	static const double nan1[] = { 1, NAN };
	static const double nf[] = { NAN, INFINITY };

	EXPECT("NaN", "%d", "n", (double)NAN);
	EXPECT("Inf", "%d", "n", (double)INFINITY);
	EXPECT("-Inf", "%d", "n", -(double)INFINITY);
	EXPECT("NaN", "%f", "n", (double)NAN);
	EXPECT("-Inf", "%f", "n", -(double)INFINITY);
	EXPECT("Inf", "%e", "n", (double)INFINITY);
	EXPECT("NaN", "%x", "n", (double)NAN);
	EXPECT("  NaN|", "%5.2f|", "n", (double)NAN);
	EXPECT("Inf   |", "%-6d|", "n", (double)INFINITY);
	EXPECT("+NaN +Inf", "%+d %+f", "nn", (double)NAN, (double)INFINITY);
	EXPECT(" -Inf|", "%05d|", "n", -(double)INFINITY);
	EXPECT("Inf  |", "%-05d|", "n", (double)INFINITY);
	EXPECT("NaN|", "%.1d|", "n", (double)NAN);
	EXPECT("NaN|", "% d|", "n", (double)NAN);
	EXPECT("-Inf    |", "%-8.3e|", "n", -(double)INFINITY);
	EXPECT("  1.0|  NaN|", "%5.1f|%5.1f|", "m", (size_t)1, (size_t)2, nan1);
	EXPECT("NaN x", "%f %s", "ns", (double)NAN, "x");
	EXPECT("[NaN][Inf]", "[%s]", "m", (size_t)1, (size_t)2, nf);
}

/* Strings: %s takes the rest of the string, the other conversions take one
 * character code at a time. */
static void strings(void)
{
	EXPECT("979899", "%d", "s", "abc");
	EXPECT("9798", "%d", "ss", "a", "b");
	EXPECT("abc-de", "%s-%s", "ss", "abc", "de");
	EXPECT("abcd", "%s", "ss", "ab", "cd");
	EXPECT("1 abc", "%d %s", "ns", 1.0, "abc");
	EXPECT("97 bc", "%d %s", "s", "abc");
	EXPECT("abc ", "%s %d", "s", "abc");
	EXPECT("a 98c ", "%c %d", "s", "abc");
	EXPECT("abc", "%c", "s", "abc");
	EXPECT("ab|c", "%c%c|", "s", "abc");
	EXPECT("abc|de|", "%c%s|", "ss", "abc", "de");
	EXPECT("ab 3", "%s %d", "sn", "ab", 3.0);
	EXPECT("a|d|", "%.1s|", "ss", "abc", "de");
	EXPECT("abc ", "%s %s|", "s", "abc");
	EXPECT("1 abc|2 ", "%d %s|", "nsn", 1.0, "abc", 2.0);
	EXPECT("97\n98\n1\n2\n", "%d\\n", "sm", "ab", (size_t)1, (size_t)2, ROW123);
	EXPECT("61", "%x", "s", "a");
	EXPECT("97.000000", "%f", "s", "a");
}

/* %s given whole numbers 0..255 takes them as characters, a run at a time. */
static void char_codes(void)
{
	static const double hi[] = { 72, 105 };
	static const double run[] = { 1, 72, 105, 2 };
	static const double sq[] = { 72, 105, 33, 34 };   /* [72 105; 33 34] */

	EXPECT("A", "%s", "n", 65.0);
	EXPECT("Hix", "%s", "ms", (size_t)1, (size_t)2, hi, "x");
	EXPECT("1 Hi\x02", "%d %s", "m", (size_t)1, (size_t)4, run);
	EXPECT("H!i\"|", "%s|", "m", (size_t)2, (size_t)2, sq);
	EXPECT("\xe9|", "%c|", "n", 233.0);
	EXPECT_N("\0", 1, "%c", "n", 0.0);
	/* %c of a larger whole number: that code point in UTF-8. */
	EXPECT("\xc4\x80", "%c", "n", 256.0);
	EXPECT("", "%c", "n", -1.0);
}

/* Project rules, not Octave 7.3 (which prints nothing for these): %s of a
 * number that is not a character code prints it as %d would. */
static void s_of_number(void)
{
	static const double mixed[] = { 72, 105, 300, 72, 66 };

	EXPECT("1.5", "%s", "n", 1.5);
	EXPECT("3.14159", "%s", "n", 3.14159265358979);
	EXPECT("  2.5|", "%5s|", "n", 2.5);
	EXPECT("2.5     |", "%-8s|", "n", 2.5);
	EXPECT("300", "%s", "n", 300.0);
	EXPECT("-1", "%s", "n", -1.0);
	EXPECT("  300", "%05s", "n", 300.0);
	EXPECT("Hi,300,HB,", "%s,", "m", (size_t)1, (size_t)5, mixed);
}

/* Project rule, not Octave (which counts bytes): a string's width and
 * precision count UTF-8 characters. */
static void utf8_width(void)
{
	EXPECT("   \xc3\xa9|", "%4s|", "s", "\xc3\xa9");
	EXPECT("\xc3\xa9\xc3\xa8|", "%.2s|", "s", "\xc3\xa9\xc3\xa8\xc3\xa0");
	/* %c takes a whole UTF-8 character from a string (Octave: one byte). */
	EXPECT("  \xc3\xa9|", "%3c|", "s", "\xc3\xa9");
	EXPECT("\xc3\xa9|b|", "%c|", "s", "\xc3\xa9" "b");
	/* ... but only a valid one: a stray byte is taken alone. */
	EXPECT("\xc3|b|", "%c|", "s", "\xc3" "b");
}

static void errors(void)
{
	EXPECT_ERR("printf: unknown conversion '%q' in the format", "%q", "");
	EXPECT_ERR("printf: unknown conversion '%5q' in the format", "%5q", "n", 1.0);
	EXPECT_ERR("printf: unknown conversion '%y' in the format", "%y %d", "n", 1.0);
	EXPECT_ERR("printf: unknown conversion '%F' in the format", "%F", "n", 1.0);
	EXPECT_ERR("printf: unknown conversion '%a' in the format", "%a", "n", 1.0);
	EXPECT_ERR("printf: unknown conversion '%\\n' in the format", "%\\n", "");
	EXPECT_ERR("printf: unknown conversion '%\xc3\xa9' in the format", "%\xc3\xa9", "");
	EXPECT_ERR("printf: incomplete conversion '%' at the end of the format", "abc%", "n", 1.0);
	EXPECT_ERR("printf: incomplete conversion '%-5.' at the end of the format", "%-5.", "");
	EXPECT_ERR("printf: width 100000 is too large (at most 1000)", "%100000d", "n", 1.0);
	EXPECT_ERR("printf: precision 5000 is too large (at most 1000)", "%.5000f", "n", 1.0);
	EXPECT_ERR("printf: width 2000 is too large (at most 1000)", "%*d", "nn", 2000.0, 1.0);
	EXPECT_ERR("printf: a * width must be a whole number >= 0, not -5", "%*d|", "nn",
	           -5.0, 3.0);
	EXPECT_ERR("printf: a * width must be a whole number >= 0, not 2.5", "%*d|", "nn",
	           2.5, 3.0);
	EXPECT_ERR("printf: a * precision must be a whole number >= 0, not nan", "%.*f", "nn",
	           (double)NAN, 3.0);
	EXPECT_ERR("printf: a * width must be a number, not an empty value", "%*d|", "en", 1.0);
	/* Limits are accepted up to the cap. */
	size_t len = 0;
	char msg[200];
	char *s = format(&len, msg, "%1000d", "n", 1.0);
	CHECK(s && len == 1000);
	lr_free(s);
}

/* An error prints nothing: the buffer keeps what it had before the call. */
static void error_keeps_buffer(void)
{
	struct lr_value *a[3] = { lr_value_scalar(1), lr_value_scalar(-5), lr_value_scalar(3) };
	struct lr_buf b;
	char msg[200];
	const char *fmt = "%d %*d\\n";

	lr_buf_init(&b);
	lr_buf_puts(&b, "keep");
	CHECK(lr_format_printf(&b, fmt, strlen(fmt), (const struct lr_value *const *)a, 3,
	                       msg, sizeof msg) == -1);
	CHECK(b.len == 4 && strcmp(b.data, "keep") == 0);
	/* A NULL message buffer is allowed. */
	CHECK(lr_format_printf(&b, "%q", 2, NULL, 0, NULL, 0) == -1);
	CHECK(b.len == 4);
	lr_buf_finish(&b);
	for (int i = 0; i < 3; i++)
		lr_value_destroy(a[i]);
}

/* NULs in the template (written or from \0) are kept. */
static void nul_bytes(void)
{
	struct lr_value *s = lr_value_str("ab", 2);
	struct lr_buf b;
	char msg[200];

	lr_buf_init(&b);
	CHECK(lr_format_printf(&b, "[%s]\0!\\0", 8, (const struct lr_value *const *)&s, 1,
	                       msg, sizeof msg) == 0);
	CHECK(b.len == 7 && memcmp(b.data, "[ab]\0!\0", 7) == 0);
	lr_buf_finish(&b);
	lr_value_destroy(s);
}

/* A double-quoted template had its escapes replaced when it was read, so
 * printf takes its backslashes as they are: Octave 7.3 prints
 * printf("a\\tb|%d\n", 1) as a, backslash, t, b, |1. */
static void verbatim_template(void)
{
	struct lr_value *v = lr_value_scalar(1);
	struct lr_buf b;
	char msg[200];
	static const char fmt[] = "a\\tb|%d\n";

	lr_buf_init(&b);
	CHECK(lr_format_printf_escapes(&b, fmt, strlen(fmt), 0,
	                               (const struct lr_value *const *)&v, 1, msg, sizeof msg) == 0);
	CHECK(b.data && strcmp(b.data, "a\\tb|1\n") == 0);
	lr_buf_reset(&b);
	CHECK(lr_format_printf_escapes(&b, fmt, strlen(fmt), 1,
	                               (const struct lr_value *const *)&v, 1, msg, sizeof msg) == 0);
	CHECK(b.data && strcmp(b.data, "a\tb|1\n") == 0);
	lr_buf_finish(&b);
	lr_value_destroy(v);
}

/* The first allocation (the unescaped template) failing is reported; a
 * failure in the output buffer is latched there for the caller. */
static void alloc_fail(void)
{
	struct lr_value *v = lr_value_scalar(3);
	struct lr_buf b;
	char msg[200] = "";

	lr_buf_init(&b);
	lr_alloc_fail_after(1);
	int r = lr_format_printf(&b, "x = %d\\n", 8, (const struct lr_value *const *)&v, 1,
	                         msg, sizeof msg);
	lr_alloc_fail_after(-1);
	CHECK(r == -1 && strcmp(msg, "printf: out of memory") == 0);
	CHECK(b.len == 0);

	lr_alloc_fail_after(2);
	r = lr_format_printf(&b, "x = %d\\n", 8, (const struct lr_value *const *)&v, 1,
	                     msg, sizeof msg);
	lr_alloc_fail_after(-1);
	CHECK(r == 0 && b.failed);
	lr_buf_finish(&b);
	lr_value_destroy(v);
}

SUBTEST_MAIN(T(conversions), T(flags_width_precision), T(star), T(escapes), T(percent),
             T(reuse), T(column_major), T(no_args), T(empty_args), T(nonint_switch),
             T(big_integers), T(nonfinite), T(strings), T(char_codes), T(s_of_number),
             T(utf8_width), T(errors), T(error_keeps_buffer), T(nul_bytes), T(verbatim_template),
             T(alloc_fail))
