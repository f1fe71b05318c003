/* Displaying complex values as GNU Octave 7 does (its make_complex_format
 * and make_complex_matrix_format), with P = 5 significant digits for format
 * short and the project's P = 15 for format long (Octave uses 16).
 *
 * Digits d of a magnitude a: floor(log10 a) + 1, and 0 for a = 0. A scalar
 * takes d of its real part (dr) and of its imaginary part (di); a matrix
 * takes the larger of the real and imaginary parts' digits, once for the
 * largest magnitudes (dmax) and once for the smallest (dmin).
 *   every part whole (or Inf/NaN): iw = max(dmax, dmin, 1) (at least 3 with
 *     an Inf or NaN), integers;
 *   otherwise, for each of dmax and dmin: d > 0: ld = d, rd = P - d (P if
 *     d >= P); d < 0: ld = 1, rd = P - d; d = 0: ld = 1, rd = P - 1; ld and
 *     rd the larger of the two; iw = ld + 1 + rd, %.{rd}f;
 *   the real part's width rw = iw + 1 (room for its sign);
 *   exponent form (%.{P-1}e, iw = P + 5) when whole parts need 2 rw > 3 P,
 *     or fixed ones ld + rd > 1.5 P or ld + rd > 16.
 * An entry is written `re + imi` (or `re - |im|i`), a zero part as a bare
 * `0`; matrix columns are two spaces apart. */
#include "format.h"

#include <math.h>
#include <stdio.h>

enum { PART_MAX = 64 };

struct cstyle {
	char kind;    /* 'd', 'f' or 'e' */
	int dec;      /* decimals of 'f' and 'e' */
	int rw, iw;   /* widths of the real and imaginary parts */
};

static int digits_of(double a)
{
	return a > 0 && isfinite(a) ? (int)floor(log10(a)) + 1 : 0;
}

static void ld_rd(int d, int prec, int *ld, int *rd)
{
	if (d > 0) {
		*ld = d;
		*rd = prec > d ? prec - d : prec;
	} else {
		*ld = 1;
		*rd = d < 0 ? prec - d : prec > 1 ? prec - 1 : prec;
	}
}

static struct cstyle choose(int dmax, int dmin, int all_int, int inf_nan, int prec)
{
	struct cstyle s = { 'd', 0, 0, 0 };

	if (all_int) {
		int d = dmax > dmin ? dmax : dmin;
		s.iw = d <= 0 ? 1 : d;
		if (inf_nan && s.iw < 3)
			s.iw = 3;
		s.rw = s.iw + 1;
		if (2 * s.rw > 3 * prec)
			s.kind = 'e';
	} else {
		int l1, r1, l2, r2;
		ld_rd(dmax, prec, &l1, &r1);
		ld_rd(dmin, prec, &l2, &r2);
		int ld = l1 > l2 ? l1 : l2, rd = r1 > r2 ? r1 : r2;
		s.kind = 'f';
		s.dec = rd;
		s.iw = ld + 1 + rd;
		if (inf_nan && s.iw < 4)
			s.iw = 4;
		s.rw = s.iw + 1;
		if (2 * (ld + rd) > 3 * prec || ld + rd > 16)
			s.kind = 'e';
	}
	if (s.kind == 'e') {
		s.dec = prec - 1;
		s.iw = prec + 5;   /* d.dddde+dd */
		s.rw = s.iw + 1;
	}
	return s;
}

/* x in style s, unpadded; a zero is a bare 0. */
static int part(char *buf, double x, struct cstyle s)
{
	if (isnan(x))
		return snprintf(buf, PART_MAX, "NaN");
	if (isinf(x))
		return snprintf(buf, PART_MAX, "%s", x < 0 ? "-Inf" : "Inf");
	if (x == 0)
		return snprintf(buf, PART_MAX, "0");
	if (s.kind == 'e')
		return snprintf(buf, PART_MAX, "%.*e", s.dec, x);
	return snprintf(buf, PART_MAX, "%.*f", s.kind == 'f' ? s.dec : 0, x);
}

static void put_entry(struct lr_buf *out, double re, double im, struct cstyle s)
{
	char buf[PART_MAX];
	int n = part(buf, re, s);

	lr_buf_fill(out, ' ', n < s.rw ? (size_t)(s.rw - n) : 0);
	lr_buf_add(out, buf, (size_t)n);
	/* the sign of the imaginary part, also of -0 and of NaN as C keeps it */
	lr_buf_puts(out, signbit(im) && !isnan(im) ? " - " : " + ");
	n = part(buf, isnan(im) ? im : fabs(im), s);
	lr_buf_fill(out, ' ', n < s.iw ? (size_t)(s.iw - n) : 0);
	lr_buf_add(out, buf, (size_t)n);
	lr_buf_putc(out, 'i');
}

static int whole(double x)
{
	return !isfinite(x) || x == nearbyint(x);
}

/* Whole as a matrix entry: Octave 7 tests this in single precision, as for
 * real matrices (format.c), so that eig([1 2 0; -2 1 0; 0 0 3]), whose
 * imaginary parts are 2.0000000000000004, shows as `1 + 2i`. */
static int whole_in_matrix(double x)
{
	if (!isfinite(x) || fabs(x) >= 1e7)
		return whole(x);
	float f = (float)x;
	if (f == 0 && x != 0)
		return 0;
	return f == nearbyintf(f);
}

/* Octave's scan of a complex matrix: the digits of the largest and smallest
 * magnitudes, the larger of real and imaginary parts for each. */
static struct cstyle matrix_cstyle(const struct lr_matrix *re, const struct lr_matrix *im,
                                   int prec)
{
	size_t n = re->rows * re->cols;
	double rmax = 0, rmin = INFINITY, imax = 0, imin = INFINITY;
	int all_int = 1, inf_nan = 0;

	for (size_t k = 0; k < n; k++) {
		double a = re->data[k], b = im->data[k];
		all_int &= whole_in_matrix(a) && whole_in_matrix(b);
		inf_nan |= !isfinite(a) || !isfinite(b);
		if (isfinite(a)) {
			rmax = fmax(rmax, fabs(a));
			rmin = fmin(rmin, fabs(a));
		}
		if (isfinite(b)) {
			imax = fmax(imax, fabs(b));
			imin = fmin(imin, fabs(b));
		}
	}
	int dr_max = digits_of(rmax), dr_min = isinf(rmin) ? 0 : digits_of(rmin);
	int di_max = digits_of(imax), di_min = isinf(imin) ? 0 : digits_of(imin);
	return choose(dr_max > di_max ? dr_max : di_max, dr_min > di_min ? dr_min : di_min,
	              all_int, inf_nan, prec);
}

static void put_blocks(struct lr_buf *out, const struct lr_matrix *re,
                       const struct lr_matrix *im, struct cstyle s, int width)
{
	/* Octave budgets a column as both widths plus 7, one more than it prints */
	size_t colw = (size_t)s.rw + (size_t)s.iw + 7, per = re->cols;

	if (width > 0 && re->cols * colw > (size_t)width)
		per = (size_t)width / colw ? (size_t)width / colw : 1;
	for (size_t c0 = 0; c0 < re->cols; c0 += per) {
		size_t c1 = c0 + per < re->cols ? c0 + per : re->cols;
		lr_fmt_block_start(out, c0, c1, re->cols);
		for (size_t i = 0; i < re->rows; i++) {
			for (size_t j = c0; j < c1; j++) {
				lr_buf_puts(out, "  ");
				put_entry(out, LR_AT(re, i, j), LR_AT(im, i, j), s);
			}
			lr_buf_putc(out, '\n');
		}
	}
}

void lr_fmt_complex(struct lr_buf *out, const char *name, const struct lr_matrix *re,
                    const struct lr_matrix *im, const struct lr_fmt_opts *o)
{
	int prec = o && o->numfmt == LR_FMT_LONG ? 15 : 5;

	if (re->rows == 0 || re->cols == 0) {
		lr_fmt_empty(out, name, re->rows, re->cols);
		return;
	}
	if (re->rows == 1 && re->cols == 1) {
		double a = re->data[0], b = im->data[0];
		struct cstyle s = choose(digits_of(fabs(a)), digits_of(fabs(b)), whole(a) && whole(b),
		                         !isfinite(a) || !isfinite(b), prec);
		if (name)
			lr_buf_printf(out, "%s = ", name);
		put_entry(out, a, b, s);
		lr_buf_putc(out, '\n');
		return;
	}
	if (name)
		lr_buf_printf(out, "%s =\n\n", name);
	put_blocks(out, re, im, matrix_cstyle(re, im, prec), o ? o->width : 80);
	if (name)
		lr_buf_putc(out, '\n');
}
