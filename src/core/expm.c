/* The matrix exponential as GNU Octave 7's expm.m computes it; see
 * lowrank/matfun.h.
 *
 * The work is done on the transpose held row-major, which is A itself in
 * column-major order, as Octave hands it to LAPACK and BLAS: dgebal then
 * balances the same array, a product X Y is lr_linalg_mul(Yᵀ, Xᵀ) (the
 * BLAS computes X Y on the column-major arrays) and (x − y) \ (x + y) is
 * (x + y)ᵀ / (x − y)ᵀ, which reaches the solver with the arrays Octave
 * gives it. */
#include "lowrank/matfun.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "linalg_impl.h"
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"

typedef lapack_int lint;

/* The coefficients of the (8, 8) Padé approximant Octave's expm.m uses. */
static const double pade[8] = {
	5.0000000000000000e-1, 1.1666666666666667e-1, 1.6666666666666667e-2,
	1.6025641025641026e-3, 1.0683760683760684e-4, 4.8562548562548563e-6,
	1.3875013875013875e-7, 1.9270852604185938e-9,
};

static int is_diagonal(const struct lr_matrix *A)
{
	for (size_t i = 0; i < A->rows; i++)
		for (size_t j = 0; j < A->cols; j++)
			if (i != j && LR_AT(A, i, j) != 0.0)
				return 0;
	return 1;
}

/* What expm.m answers before any work: the empty matrix, a scalar, a
 * diagonal matrix. NULL with *st LR_OK when A needs the whole method. */
static struct lr_matrix *trivial(const struct lr_matrix *A, enum lr_status *st)
{
	struct lr_matrix *R;

	*st = LR_OK;
	if (A->rows > 1 && !is_diagonal(A))
		return NULL;
	if (!(R = lr_la_create(A->rows, A->cols, st)))
		return NULL;
	for (size_t i = 0; i < A->rows; i++)
		LR_AT(R, i, i) = exp(LR_AT(A, i, i));
	return R;
}

static void swap(size_t *p, size_t i, size_t j)
{
	size_t t = p[i];

	p[i] = p[j];
	p[j] = t;
}

/* Balances the column-major t in place (dgebal, permuting and scaling) and
 * gives Octave's [d, p] = balance(A): the scaling d (1 outside ilo..ihi)
 * and the permutation p (0-based), built from dgebal's scale as Octave's
 * aepbalance does. */
static enum lr_status balance(struct lr_matrix *t, double *d, size_t *p)
{
	size_t n = t->rows;
	lint ilo = 1, ihi = (lint)n;
	double *scale = lr_mallocarray(n, sizeof *scale);

	if (!scale)
		return LR_ERR_NOMEM;
	if (LAPACKE_dgebal_work(LAPACK_COL_MAJOR, 'B', (lint)n, t->data, (lint)n, &ilo, &ihi,
	                        scale) != 0) {
		lr_free(scale);
		return LR_ERR_LAPACK;
	}
	for (size_t i = 0; i < n; i++) {
		d[i] = i + 1 < (size_t)ilo || i >= (size_t)ihi ? 1.0 : scale[i];
		p[i] = i;
	}
	for (size_t i = n; i-- > (size_t)ihi;)
		swap(p, i, (size_t)scale[i] - 1);
	for (size_t i = 0; i + 1 < (size_t)ilo; i++)
		swap(p, i, (size_t)scale[i] - 1);
	lr_free(scale);
	return LR_OK;
}

/* p ← c·p + e·I, elementwise. */
static void scale_add_identity(struct lr_matrix *p, double c, double e)
{
	for (size_t k = 0; k < p->rows * p->cols; k++)
		p->data[k] *= c;
	for (size_t i = 0; i < p->rows; i++)
		LR_AT(p, i, i) += e;
}

/* acc ← acc · f for matrices held transposed: lr_linalg_mul(fᵀ, accᵀ). */
static enum lr_status times(struct lr_matrix **acc, const struct lr_matrix *f)
{
	struct lr_matrix *r;
	enum lr_status st = lr_linalg_mul(f, *acc, NULL, &r);

	if (st != LR_OK)
		return st;
	lr_mat_destroy(*acc);
	*acc = r;
	return LR_OK;
}

/* Octave's Padé polynomials by Horner's rule in a2 = aa²: from c[first]
 * (0-based) down, x = (((c8 a2 + c6 I) a2 + c4 I) a2 + c2 I) a2 + I for
 * first 7, and (((c7 a2 + c5 I) a2 + c3 I) a2 + c1 I), y before its last
 * factor aa, for first 6. */
static enum lr_status horner(const struct lr_matrix *a2, int first, struct lr_matrix **out)
{
	struct lr_matrix *p = lr_mat_copy(a2);
	enum lr_status st = p ? LR_OK : LR_ERR_NOMEM;

	for (int k = first; st == LR_OK && k >= 1; k -= 2) {
		scale_add_identity(p, k == first ? pade[k] : 1.0, k >= 2 ? pade[k - 2] : 1.0);
		if (k - 2 >= 1)
			st = times(&p, a2);
	}
	if (st != LR_OK) {
		lr_mat_destroy(p);
		return st;
	}
	*out = p;
	return LR_OK;
}

/* r = (x − y) \ (x + y) for the Padé approximant of e^aa (all held
 * transposed): Octave's mldivide, so its structure tests and warning. */
static enum lr_status pade_solve(const struct lr_matrix *aa, struct lr_matrix **r, int *singular)
{
	struct lr_matrix *a2 = NULL, *x = NULL, *y = NULL;
	enum lr_status st = lr_linalg_mul(aa, aa, NULL, &a2);

	if (st == LR_OK)
		st = horner(a2, 7, &x);
	if (st == LR_OK)
		st = horner(a2, 6, &y);
	if (st == LR_OK)
		st = times(&y, aa);
	if (st == LR_OK) {
		for (size_t k = 0; k < x->rows * x->cols; k++) {
			double xk = x->data[k], yk = y->data[k];
			x->data[k] = xk - yk;   /* x − y */
			y->data[k] = xk + yk;   /* x + y */
		}
		st = lr_linalg_solve(LR_RIGHT, x, y, r, singular);
	}
	lr_mat_destroy(a2);
	lr_mat_destroy(x);
	lr_mat_destroy(y);
	return st;
}

/* A's transpose with -Inf as -realmax, its trace shifted off when the mean
 * of the diagonal (*shift) is positive. LR_ERR_NONFINITE for NaN or +Inf. */
static enum lr_status shifted(const struct lr_matrix *A, struct lr_matrix **t, double *shift)
{
	size_t n = A->rows;
	double tr = 0.0;

	if (!(*t = lr_mat_transpose(A)))
		return LR_ERR_NOMEM;
	for (size_t k = 0; k < n * n; k++) {
		if ((*t)->data[k] == -INFINITY)
			(*t)->data[k] = -DBL_MAX;
		if (!isfinite((*t)->data[k])) {
			lr_mat_destroy(*t);
			*t = NULL;
			return LR_ERR_NONFINITE;
		}
	}
	for (size_t i = 0; i < n; i++)
		tr += LR_AT(*t, i, i);
	*shift = tr / (double)n;
	for (size_t i = 0; *shift > 0 && i < n; i++)
		LR_AT(*t, i, i) -= *shift;
	return LR_OK;
}

/* ‖aa‖∞ of the matrix held transposed: its largest column sum here. */
static double norm_inf_t(const struct lr_matrix *t)
{
	double best = 0.0;

	for (size_t i = 0; i < t->rows; i++) {
		double s = 0.0;
		for (size_t j = 0; j < t->cols; j++)
			s += fabs(LR_AT(t, i, j));
		best = s > best ? s : best;
	}
	return best;
}

/* Scales t by 2^-s as expm.m does, then squares the approximant s times. */
static enum lr_status scaled_exp(struct lr_matrix *t, struct lr_matrix **r, int *singular)
{
	int e = 0, s;
	enum lr_status st;

	frexp(norm_inf_t(t), &e);
	s = e < 0 ? 0 : e > 1023 ? 1023 : e;
	for (size_t k = 0; k < t->rows * t->cols; k++)
		t->data[k] *= ldexp(1.0, -s);
	st = pade_solve(t, r, singular);
	for (int k = 0; st == LR_OK && k < s; k++)
		st = times(r, *r);
	return st;
}

/* R(p, p) = D r D⁻¹ · e^shift from the r held transposed. */
static void unbalance(const struct lr_matrix *rt, const double *d, const size_t *p, double shift,
                      struct lr_matrix *R)
{
	size_t n = R->rows;
	double f = shift > 0 ? exp(shift) : 1.0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double v = d[i] * LR_AT(rt, j, i) / d[j];
			LR_AT(R, p[i], p[j]) = shift > 0 ? v * f : v;
		}
}

enum lr_status lr_matfun_expm(const struct lr_matrix *A, struct lr_matrix **R, int *singular)
{
	size_t n = A->rows;
	struct lr_matrix *t = NULL, *rt = NULL, *out;
	double *d = NULL, shift = 0.0;
	size_t *p = NULL;
	enum lr_status st;

	if (singular)
		*singular = 0;
	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	if ((out = trivial(A, &st)) || st != LR_OK) {
		*R = out;
		return st;
	}
	d = lr_mallocarray(n, sizeof *d);
	p = lr_mallocarray(n, sizeof *p);
	st = d && p ? shifted(A, &t, &shift) : LR_ERR_NOMEM;
	if (st == LR_OK)
		st = balance(t, d, p);
	if (st == LR_OK)
		st = scaled_exp(t, &rt, singular);
	if (st == LR_OK && (out = lr_la_create(n, n, &st)))
		unbalance(rt, d, p, shift, out);
	lr_mat_destroy(t);
	lr_mat_destroy(rt);
	lr_free(d);
	lr_free(p);
	if (st == LR_OK)
		*R = out;
	return st;
}
