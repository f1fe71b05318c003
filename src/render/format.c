/* Displaying values as GNU Octave 7 does under `format short` / `format long`,
 * with the project's own rule for matrices (see below); see format.h.
 *
 * Scalars follow Octave's rule exactly, with P = 5 significant digits for
 * short and P = 15 for long (Octave 7 itself uses 16 for long):
 *   digits = floor(log10|x|) + 1
 *   integer:      ld = digits, rd = 0
 *   digits > 0:   ld = digits, rd = P > digits ? P - digits : P
 *   digits < 0:   ld = 1,      rd = P - digits
 *   digits == 0:  ld = 1,      rd = P - 1
 *   exponent form (%.{P-1}e) when ld + rd > 1.5 P, ld + rd > 16 or
 *   ld + 1 + rd > 21; otherwise %.{rd}f (integers as integers).
 *
 * Matrices use one format for every entry and one width for every column:
 *   all entries integers (or NaN/Inf; whole in single precision, as
 *     Octave tests them): integers, unless the widest needs
 *     7 digits or more (short) / 16 or more (long): then exponent form, as
 *     Octave does;
 *   otherwise fixed with 4 decimals (short) or 15 significant digits for
 *     the largest entry (long), unless the largest magnitude is >= 1e5 or,
 *     in a matrix with no exact zero (or whose largest entry shows as zero
 *     too), a nonzero entry is smaller than 1e-5 or would print as zero: then every entry in exponent form, %.4e
 *     (short) / %.14e (long). (Octave's smallest magnitude counts the
 *     zeros, so with one its decimals never go to exponent form for a
 *     small entry: roundoff under R's zeros shows as -0.0000 there.)
 * Octave would instead pick 3 to 6 decimals from the smallest and largest
 * entries; a fixed number of decimals is easier to read across matrices.
 *
 * An exact zero in a matrix of non-integers is a bare `0`, right-aligned, as
 * Octave shows it.
 *
 * Every column is two spaces plus the common width, entries right-aligned.
 * The width leaves room for a minus sign even when none is shown (as
 * Octave's does). */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Entries whose magnitude is at least this switch the matrix to exponent
 * form (the issue: no common scale factor that hides magnitudes). */
#define BIG_BOUND 1e5
/* ... and so do nonzero entries smaller than this. */
#define SMALL_BOUND 1e-5

/* Enough for any entry this file renders: fixed entries are < 1e5 and
 * integers have at most 16 digits, so the longest is an exponent form. */
enum { ENTRY_MAX = 64 };

static const char HIDDEN_NOTE[] = "  [x] = hidden by the mask\n";

/* How every entry of one display is written. */
struct style {
	char kind;   /* 'd' integer, 'f' fixed, 'e' exponent */
	int dec;     /* decimals of 'f' and 'e' */
	int nosign;  /* no room for a minus sign: a logical matrix, `  1  0  1` */
};

static int precision_of(enum lr_numfmt f)
{
	return f == LR_FMT_LONG ? 15 : 5;
}

/* Digits before the decimal point of a > 0 (negative for a < 0.1). */
static int num_digits(double a)
{
	return (int)floor(log10(a)) + 1;
}

static int is_int(double x)
{
	return isfinite(x) && x == nearbyint(x);
}

/* Writes x in style s (no padding) and returns the length. */
static size_t render(char *buf, double x, struct style s)
{
	int n;

	if (isnan(x))
		n = snprintf(buf, ENTRY_MAX, "NaN");
	else if (isinf(x))
		n = snprintf(buf, ENTRY_MAX, "%s", x < 0 ? "-Inf" : "Inf");
	else {
		if (x == 0)        /* an exact zero (or -0) is a bare 0, as in Octave */
			n = snprintf(buf, ENTRY_MAX, "0");
		else if (s.kind == 'e')
			n = snprintf(buf, ENTRY_MAX, "%.*e", s.dec, x);
		else
			n = snprintf(buf, ENTRY_MAX, "%.*f", s.kind == 'f' ? s.dec : 0, x);
	}
	if (n < 0)
		n = 0;
	return (size_t)n < ENTRY_MAX ? (size_t)n : ENTRY_MAX - 1;
}

/* Octave's choice for one number shown alone (make_real_format). */
static struct style scalar_style(double x, int prec)
{
	struct style s = { 'd', 0, 0 };
	int ld, rd;

	if (!isfinite(x) || x == 0)
		return s;
	int digits = num_digits(fabs(x));
	if (is_int(x)) {
		ld = digits;
		rd = 0;
	} else if (digits > 0) {
		ld = digits;
		rd = prec > digits ? prec - digits : prec;
	} else {
		ld = 1;
		rd = digits < 0 ? prec - digits : prec - 1;
	}
	if (ld + rd > 16 || ld + 1 + rd > 21 || 2 * (ld + rd) > 3 * prec) {
		s.kind = 'e';
		s.dec = prec - 1;
	} else if (rd > 0) {
		s.kind = 'f';
		s.dec = rd;
	}
	return s;
}

/* Whether x counts as a whole number in a matrix display. Octave 7 decides
 * this in single precision, so that results such as [1 2; 3 4] / [5 6; 7 8]
 * (2.9999999999999947, ...) show as integers; [1+1e-8 2] shows as `1 2`.
 * Past 1e7 a float has no fraction bits to speak of and the test is exact
 * (such entries are shown in exponent form anyway unless they are whole). */
static int int_in_matrix(double x)
{
	if (fabs(x) >= 1e7)
		return x == nearbyint(x);
	float f = (float)x;
	if (f == 0 && x != 0)   /* below float's range: never shown as a bare 0 */
		return 0;
	return f == nearbyintf(f);
}

/* Largest magnitude, smallest nonzero magnitude (0 if none), whether
 * every finite entry is an integer and whether one is an exact zero, over
 * the finite entries of m. */
static void scan_matrix(const struct lr_matrix *m, double *maxabs,
                        double *minnz, int *all_int, int *has_zero)
{
	size_t n = m->rows * m->cols;

	*maxabs = 0;
	*minnz = 0;
	*all_int = 1;
	*has_zero = 0;
	for (size_t k = 0; k < n; k++) {
		double x = m->data[k];
		if (!isfinite(x))
			continue;
		double a = fabs(x);
		*has_zero |= a == 0;
		if (a > *maxabs)
			*maxabs = a;
		if (a > 0 && (*minnz == 0 || a < *minnz))
			*minnz = a;
		if (!int_in_matrix(x))
			*all_int = 0;
	}
}

/* 1 if a nonzero value of magnitude a would print as all zeros in s. */
static int shows_as_zero(double a, struct style s)
{
	char buf[ENTRY_MAX];

	render(buf, a, s);
	return strtod(buf, NULL) == 0;
}

/* The project's choice for a matrix (see the comment at the top). */
static struct style matrix_style(const struct lr_matrix *m, int prec)
{
	struct style s = { 'd', 0, 0 };
	double maxabs, minnz;
	int all_int, has_zero;

	scan_matrix(m, &maxabs, &minnz, &all_int, &has_zero);
	int digits = maxabs > 0 ? num_digits(maxabs) : 0;
	if (all_int) {
		/* Octave's width test for integer matrices: fw = digits + 1. */
		int fw = digits <= 0 ? 2 : digits + 1;
		if (fw > 16 || 2 * fw > 3 * prec) {
			s.kind = 'e';
			s.dec = prec - 1;
		}
		return s;
	}
	s.kind = 'f';
	s.dec = prec == 5 ? 4 : prec - (digits > 1 ? digits : 1);
	/* Octave takes the smallest magnitude with the zeros in it: a matrix
	 * holding an exact 0 (and a largest entry that shows) does not turn to
	 * exponent form for a small entry, so the roundoff of R = qr(A) below
	 * its zeros shows as -0.0000, as there. */
	int small_shows = has_zero && !shows_as_zero(maxabs, s);
	if (maxabs >= BIG_BOUND || (minnz > 0 && !small_shows && (minnz < SMALL_BOUND
	                                                          || shows_as_zero(minnz, s)))) {
		s.kind = 'e';
		s.dec = prec - 1;
	}
	return s;
}

/* Entry k (row-major) is hidden: masked out and not NaN (a NaN is
 * unobserved by nature and shows as NaN). */
static int is_hidden(const struct lr_matrix *m, size_t k)
{
	return m->mask && !m->mask[k] && !isnan(m->data[k]);
}

/* The text of entry k, in brackets when hidden; returns its length and
 * sets *width to the column width it needs (a minus sign's room included). */
static size_t entry_text(char *buf, const struct lr_matrix *m, size_t k,
                         struct style s, size_t *width)
{
	double x = m->data[k];
	size_t n;

	if (is_hidden(m, k)) {
		buf[0] = '[';
		n = 1 + render(buf + 1, x, s);
		buf[n++] = ']';
		buf[n] = '\0';
	} else {
		n = render(buf, x, s);
	}
	*width = n + (x < 0 || s.nosign ? 0 : 1);
	return n;
}

static size_t common_width(const struct lr_matrix *m, struct style s, int *any_hidden)
{
	char buf[ENTRY_MAX + 2];
	size_t n = m->rows * m->cols, w = 0, wk;

	*any_hidden = 0;
	for (size_t k = 0; k < n; k++) {
		entry_text(buf, m, k, s, &wk);
		if (wk > w)
			w = wk;
		if (is_hidden(m, k))
			*any_hidden = 1;
	}
	return w;
}

void lr_fmt_empty(struct lr_buf *out, const char *name, size_t rows, size_t cols)
{
	if (name)
		lr_buf_printf(out, "%s = ", name);
	lr_buf_printf(out, "[](%zux%zu)\n", rows, cols);
}

void lr_fmt_block_start(struct lr_buf *out, size_t c0, size_t c1, size_t cols)
{
	size_t first = c0 + 1, last = c1;

	if (c1 - c0 == cols)
		return;
	if (c0 > 0)
		lr_buf_putc(out, '\n');
	if (first == last)
		lr_buf_printf(out, " Column %zu:\n\n", first);
	else if (last == first + 1)
		lr_buf_printf(out, " Columns %zu and %zu:\n\n", first, last);
	else
		lr_buf_printf(out, " Columns %zu through %zu:\n\n", first, last);
}

static void put_rows(struct lr_buf *out, const struct lr_matrix *m, struct style s,
                     size_t w, size_t c0, size_t c1)
{
	char buf[ENTRY_MAX + 2];
	size_t wk;

	for (size_t i = 0; i < m->rows; i++) {
		for (size_t j = c0; j < c1; j++) {
			size_t n = entry_text(buf, m, i * m->cols + j, s, &wk);
			lr_buf_fill(out, ' ', 2 + w - n);
			lr_buf_add(out, buf, n);
		}
		lr_buf_putc(out, '\n');
	}
}

/* The rows of a nonempty matrix, split into column blocks when wider than
 * the output; returns 1 if a hidden entry was shown. */
static int put_blocks(struct lr_buf *out, const struct lr_matrix *m,
                      const struct lr_fmt_opts *o, int logical)
{
	struct style s = matrix_style(m, precision_of(o->numfmt));
	s.nosign = logical;
	int any_hidden;
	size_t w = common_width(m, s, &any_hidden);
	size_t colw = w + 2, per = m->cols;

	if (o->width > 0 && m->cols * colw > (size_t)o->width) {
		per = (size_t)o->width / colw;
		if (per == 0)
			per = 1;
	}
	for (size_t c0 = 0; c0 < m->cols; c0 += per) {
		size_t c1 = c0 + per < m->cols ? c0 + per : m->cols;
		lr_fmt_block_start(out, c0, c1, m->cols);
		put_rows(out, m, s, w, c0, c1);
	}
	return any_hidden;
}

void lr_fmt_number(struct lr_buf *out, double x, enum lr_numfmt f)
{
	char buf[ENTRY_MAX];

	lr_buf_add(out, buf, render(buf, x, scalar_style(x, precision_of(f))));
}

static void put_scalar(struct lr_buf *out, const char *name,
                       const struct lr_matrix *m, enum lr_numfmt f)
{
	int hidden = is_hidden(m, 0);

	if (name)
		lr_buf_printf(out, "%s = ", name);
	if (hidden)
		lr_buf_putc(out, '[');
	lr_fmt_number(out, m->data[0], f);
	lr_buf_puts(out, hidden ? "]\n" : "\n");
	if (hidden)
		lr_buf_puts(out, HIDDEN_NOTE);
}

static void put_matrix(struct lr_buf *out, const char *name, const struct lr_matrix *m,
                       const struct lr_fmt_opts *o, int logical)
{
	static const struct lr_fmt_opts defaults = { LR_FMT_SHORT, 80 };

	if (!o)
		o = &defaults;
	if (m->rows == 0 || m->cols == 0) {
		lr_fmt_empty(out, name, m->rows, m->cols);
		return;
	}
	if (m->rows == 1 && m->cols == 1) {
		put_scalar(out, name, m, o->numfmt);
		return;
	}
	if (name)
		lr_buf_printf(out, "%s =\n\n", name);
	int any_hidden = put_blocks(out, m, o, logical);
	if (name)
		lr_buf_putc(out, '\n');
	if (any_hidden)
		lr_buf_puts(out, HIDDEN_NOTE);
}

void lr_fmt_matrix(struct lr_buf *out, const char *name, const struct lr_matrix *m,
                   const struct lr_fmt_opts *o)
{
	put_matrix(out, name, m, o, 0);
}

void lr_fmt_logical(struct lr_buf *out, const char *name, const struct lr_matrix *m,
                    const struct lr_fmt_opts *o)
{
	put_matrix(out, name, m, o, 1);
}

void lr_fmt_string(struct lr_buf *out, const char *name, const char *s)
{
	if (name)
		lr_buf_printf(out, "%s = ", name);
	lr_buf_puts(out, s);
	lr_buf_putc(out, '\n');
}
