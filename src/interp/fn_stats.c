/* Fitting and the statistics of several variables, as GNU Octave 7 names
 * them: polyfit, polyval, cov, corr, corrcoef. Lessons 7 (least squares)
 * and 9 (PCA) are where a student reaches for them.
 *
 * polyfit solves its least-squares problem in the core (dgelsd) where
 * Octave uses QR: the same coefficients to rounding when the fit is unique;
 * when it is not (fewer distinct x than coefficients) this gives the
 * minimum-norm fit where Octave warns and gives huge ones (README). */
#include <math.h>
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/status.h"
#include "builtins.h"
#include "fn_args.h"

/* The element count of a vector argument, or -1 with the error set. */
static long vector_len(struct lr_call *c, const char *name, int i, const struct lr_matrix *m,
                       const char *what)
{
	if (m->rows * m->cols > 0 && !lr_fn_is_vector(m))
		return lr_fn_fail(c, i, "%s: %s must be a vector", name, what);
	return (long)(m->rows * m->cols);
}

/* p = polyfit(x, y, n): the coefficients, highest power first, of the
 * degree-n polynomial closest to y at x in the least-squares sense. */
static int fn_polyfit(struct lr_call *c)
{
	const struct lr_matrix *x = lr_fn_mat(c, "polyfit", 0), *y;
	struct lr_matrix *A, *Y, *P = NULL;
	double n;
	long len;

	if (!x || !(y = lr_fn_mat(c, "polyfit", 1)))
		return -1;
	if (lr_fn_scalar(c, "polyfit", 2, &n) < 0)
		return -1;
	if (n < 0 || n != floor(n) || n > 1e6)
		return lr_fn_fail(c, 2, "polyfit: N must be a non-negative integer");
	len = (long)(x->rows * x->cols);   /* x(:) and y(:), as Octave takes them */
	if ((size_t)len != y->rows * y->cols)
		return lr_fn_fail(c, -1, "polyfit: X and Y must have the same number of points");
	if (!(A = lr_fn_mk(c, "polyfit", (double)len, n + 1)))
		return -1;
	if (!(Y = lr_fn_mk(c, "polyfit", (double)len, 1))) {
		lr_mat_destroy(A);
		return -1;
	}
	/* The Vandermonde matrix, highest power in the first column. */
	for (long i = 0; i < len; i++) {
		double p = 1;
		for (long j = (long)n; j >= 0; j--) {
			LR_AT(A, i, j) = p;
			p *= LR_AT(x, (size_t)i % x->rows, (size_t)i / x->rows);
		}
		Y->data[i] = LR_AT(y, (size_t)i % y->rows, (size_t)i / y->rows);
	}
	enum lr_status st = lr_linalg_lstsq(LR_LEFT, A, Y, &P, NULL);
	lr_mat_destroy(A);
	lr_mat_destroy(Y);
	if (st != LR_OK)
		return lr_fn_fail(c, -1, "polyfit: %s", lr_status_str(st));
	P->cols = P->rows;   /* a column of n+1 becomes Octave's row */
	P->rows = 1;
	return lr_fn_put(c, "polyfit", 0, P);
}

/* y = polyval(p, x): the polynomial p (highest power first) at each
 * element of x, by Horner's rule; an empty p is the zero polynomial. */
static int fn_polyval(struct lr_call *c)
{
	const struct lr_matrix *p, *x;
	struct lr_matrix *y;
	long np;

	if (lr_fn_str(c, 1))
		return lr_fn_fail(c, 1, "polyval: X must be numeric floating point");
	if (!(p = lr_fn_mat(c, "polyval", 0)) || !(x = lr_fn_mat(c, "polyval", 1)))
		return -1;
	if ((np = vector_len(c, "polyval", 0, p, "P")) < 0)
		return -1;
	if (!(y = lr_fn_mk(c, "polyval", (double)x->rows, (double)x->cols)))
		return -1;
	for (size_t i = 0; i < x->rows * x->cols; i++) {
		double v = 0;
		for (long k = 0; k < np; k++)
			v = v * x->data[i] + p->data[k];
		y->data[i] = v;
	}
	return lr_fn_put(c, "polyval", 0, y);
}

/* The variables of X: its columns, or a vector as one variable. */
static void shape_vars(const struct lr_matrix *X, size_t *obs, size_t *vars)
{
	if (X->rows == 1) {
		*obs = X->cols;
		*vars = X->cols > 0 ? 1 : 0;
	} else {
		*obs = X->rows;
		*vars = X->cols;
	}
}

/* Element (i, j) of X taken as obs×vars (a row vector read as a column). */
static double var_at(const struct lr_matrix *X, size_t i, size_t j)
{
	return X->rows == 1 ? X->data[i] : LR_AT(X, i, j);
}

/* C(j, k) = the covariance of variable j of X with variable k of Y, divided
 * by obs − 1 (or obs when by_n, or obs is 1). */
static struct lr_matrix *covariance(struct lr_call *c, const char *name,
                                    const struct lr_matrix *X, const struct lr_matrix *Y,
                                    int by_n)
{
	size_t obs, vx, vy, oy;
	struct lr_matrix *C;

	shape_vars(X, &obs, &vx);
	shape_vars(Y, &oy, &vy);
	if (!(C = lr_fn_mk(c, name, (double)vx, (double)vy)))
		return NULL;
	double div = (by_n || obs == 1) ? (double)obs : (double)obs - 1;
	for (size_t j = 0; j < vx; j++)
		for (size_t k = 0; k < vy; k++) {
			double mx = 0, my = 0, s = 0;
			for (size_t i = 0; i < obs; i++) {
				mx += var_at(X, i, j);
				my += var_at(Y, i, k);
			}
			mx /= (double)obs;
			my /= (double)obs;
			for (size_t i = 0; i < obs; i++)
				s += (var_at(X, i, j) - mx) * (var_at(Y, i, k) - my);
			LR_AT(C, j, k) = s / div;
		}
	return C;
}

/* cov(x), cov(x, opt), cov(x, y), cov(x, y, opt) as Octave 7: the
 * covariance matrix of x's columns; with y, the covariance of x and y
 * (vectors). opt 1 divides by N instead of N − 1. */
static int fn_cov(struct lr_call *c)
{
	const struct lr_matrix *X = lr_fn_mat(c, "cov", 0), *Y = X;
	double opt = 0;
	int opt_arg = c->nargin == 3 ? 2 : -1;   /* which argument is OPT, if any */

	if (!X)
		return -1;
	if (c->nargin >= 2) {
		const struct lr_matrix *b = lr_fn_mat(c, "cov", 1);
		if (!b)
			return -1;
		if (c->nargin == 2 && b->rows * b->cols == 1 && X->rows * X->cols != 1)
			opt_arg = 1;   /* cov(x, opt) */
		else
			Y = b;
	}
	if (opt_arg >= 0 && lr_fn_scalar(c, "cov", opt_arg, &opt) < 0)
		return -1;
	if (opt != 0 && opt != 1)
		return lr_fn_fail(c, opt_arg, "cov: normalization OPT must be 0 or 1");
	if (X->rows * X->cols == 0)
		return lr_fn_put(c, "cov", 0, lr_fn_mk(c, "cov", 0, 0));
	if (Y != X) {
		if (vector_len(c, "cov", 0, X, "X") < 0 || vector_len(c, "cov", 1, Y, "Y") < 0)
			return -1;
		if (X->rows * X->cols != Y->rows * Y->cols)
			return lr_fn_fail(c, -1, "cov: X and Y must have the same number of observations");
		struct lr_matrix xc = *X, yc = *Y;   /* both as columns: one variable each */
		xc.rows = X->rows * X->cols, xc.cols = 1;
		yc.rows = xc.rows, yc.cols = 1;
		return lr_fn_put(c, "cov", 0, covariance(c, "cov", &xc, &yc, opt == 1));
	}
	return lr_fn_put(c, "cov", 0, covariance(c, "cov", X, X, opt == 1));
}

/* The correlation coefficients of x's variables with y's: their
 * covariances over the product of their standard deviations. */
static int correlation(struct lr_call *c, const char *name, const struct lr_matrix *X,
                       const struct lr_matrix *Y)
{
	struct lr_matrix *C = covariance(c, name, X, Y, 0), *sx, *sy;

	if (!C)
		return -1;
	sx = covariance(c, name, X, X, 0);
	sy = Y == X ? sx : covariance(c, name, Y, Y, 0);
	if (!sx || !sy) {
		lr_mat_destroy(C);
		lr_mat_destroy(sx);
		if (sy != sx)
			lr_mat_destroy(sy);
		return -1;
	}
	for (size_t j = 0; j < C->rows; j++)
		for (size_t k = 0; k < C->cols; k++)
			LR_AT(C, j, k) /= sqrt(LR_AT(sx, j, j)) * sqrt(LR_AT(sy, k, k));
	if (X == Y)   /* a variable with itself is exactly 1, as Octave sets it */
		for (size_t j = 0; j < C->rows; j++)
			if (isfinite(LR_AT(C, j, j)))
				LR_AT(C, j, j) = 1;
	lr_mat_destroy(sx);
	if (sy != sx)
		lr_mat_destroy(sy);
	return lr_fn_put(c, name, 0, C);
}

/* corr(x), corr(x, y): the correlation of x's columns (with y's). */
static int fn_corr(struct lr_call *c)
{
	const struct lr_matrix *X = lr_fn_mat(c, "corr", 0), *Y;

	if (!X)
		return -1;
	Y = X;
	if (c->nargin == 2) {
		if (!(Y = lr_fn_mat(c, "corr", 1)))
			return -1;
		size_t ox, oy, v;
		shape_vars(X, &ox, &v);
		shape_vars(Y, &oy, &v);
		if (ox != oy)
			return lr_fn_fail(c, -1, "corr: X and Y must have the same number of observations");
	}
	return correlation(c, "corr", X, Y);
}

/* corrcoef(x), corrcoef(x, y): as corr, with two vectors taken as the two
 * columns of one matrix (a 2×2 result). */
static int fn_corrcoef(struct lr_call *c)
{
	const struct lr_matrix *X = lr_fn_mat(c, "corrcoef", 0), *Y;

	if (!X)
		return -1;
	if (c->nargin == 1)
		return correlation(c, "corrcoef", X, X);
	if (!(Y = lr_fn_mat(c, "corrcoef", 1)))
		return -1;
	if (X->rows * X->cols != Y->rows * Y->cols)
		return lr_fn_fail(c, -1, "corrcoef: X and Y must be the same size");
	struct lr_matrix *XY = lr_fn_mk(c, "corrcoef", (double)(X->rows * X->cols), 2);
	if (!XY)
		return -1;
	for (size_t i = 0; i < XY->rows; i++) {   /* x(:) and y(:): column by column */
		LR_AT(XY, i, 0) = LR_AT(X, i % X->rows, i / X->rows);
		LR_AT(XY, i, 1) = LR_AT(Y, i % Y->rows, i / Y->rows);
	}
	int rc = correlation(c, "corrcoef", XY, XY);
	lr_mat_destroy(XY);
	return rc;
}

static const struct lr_builtin table[] = {
	{ "corr", 1, 2, 1, fn_corr, "corr(X), corr(X, Y)",
	  "correlation coefficients of the columns of X (with those of Y)" },
	{ "corrcoef", 1, 2, 1, fn_corrcoef, "corrcoef(X), corrcoef(x, y)",
	  "correlation coefficients; of two vectors, as the columns of one matrix" },
	{ "cov", 1, 3, 1, fn_cov, "cov(X), cov(X, opt), cov(x, y)",
	  "covariance matrix of the columns of X (divided by N-1, or N with opt 1)" },
	{ "polyfit", 3, 3, 1, fn_polyfit, "p = polyfit(x, y, n)",
	  "least-squares polynomial of degree n through the points (x, y), highest power first" },
	{ "polyval", 2, 2, 1, fn_polyval, "polyval(p, x)",
	  "the polynomial p (highest power first) at each element of x" },
};

const struct lr_builtin_table lr_builtins_stats = LR_BUILTIN_GROUP(table, "Fitting and statistics");
