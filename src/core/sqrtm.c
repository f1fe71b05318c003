/* The principal square root of a matrix as GNU Octave 7's sqrtm computes
 * it; see lowrank/matfun.h. Everything is column-major (A as LAPACK sees
 * it in Octave), complex numbers as C99 double complex, which is LAPACKE's
 * lapack_complex_double here. */
#include "lowrank/matfun.h"

#include "lowrank/cx.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"
#include "matfun_impl.h"

typedef lapack_int lint;

/* Octave's matrix type for sqrtm (matrix_real_probe, the complex one
 * alike): triangular only when the diagonal has no zero. */
enum shape { FULL, UPPER, LOWER };

static enum shape shape_of(size_t n, const cx *a)
{
	int upper = 1, lower = 1;

	for (size_t j = 0; j < n; j++)
		upper = upper && a[j * n + j] != 0;
	lower = upper;
	for (size_t j = 0; j < n && (upper || lower); j++)
		for (size_t i = 0; i < j; i++) {
			lower = lower && a[j * n + i] == 0;
			upper = upper && a[i * n + j] == 0;
		}
	return upper ? UPPER : lower ? LOWER : FULL;
}

/* The square root of the upper triangular t in place, column by column, as
 * Octave's sqrtm_utri_inplace (Higham's recurrence): 1 when a diagonal entry
 * is exactly zero (the matrix is singular). */
static int utri_real(size_t n, double *t)
{
	int singular = 0;

	for (size_t j = 0; j < n; j++) {
		double *colj = t + n * j;
		if (colj[j] != 0)
			colj[j] = sqrt(colj[j]);
		else
			singular = 1;
		for (size_t i = j; i-- > 0;) {
			const double *coli = t + n * i;
			if (colj[i] != 0)   /* a zero stays: sqrtm(zeros(2)) is zeros(2) */
				colj[i] /= coli[i] + colj[j];
			double colji = colj[i];
			for (size_t k = 0; k < i; k++)
				colj[k] -= coli[k] * colji;
		}
	}
	return singular;
}

int lr_matfun_utri_sqrt(size_t n, double complex *t)
{
	int singular = 0;

	for (size_t j = 0; j < n; j++) {
		cx *colj = t + n * j;
		if (colj[j] != 0)
			colj[j] = csqrt(colj[j]);
		else
			singular = 1;
		for (size_t i = j; i-- > 0;) {
			const cx *coli = t + n * i;
			if (colj[i] != 0)   /* a zero stays: sqrtm(zeros(2)) is zeros(2) */
				colj[i] /= coli[i] + colj[j];
			cx colji = colj[i];
			for (size_t k = 0; k < i; k++)
				colj[k] -= coli[k] * colji;
		}
	}
	return singular;
}

static void transpose_in_place(size_t n, cx *a)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			cx t = a[i * n + j];
			a[i * n + j] = a[j * n + i];
			a[j * n + i] = t;
		}
}

/* The 1-norm (largest column sum of moduli) of the column-major a. */
static double norm1(size_t n, const cx *a, int imag_only)
{
	double best = 0.0;

	for (size_t j = 0; j < n; j++) {
		double s = 0.0;
		for (size_t i = 0; i < n; i++)
			s += imag_only ? fabs(cimag(a[j * n + i])) : cabs(a[j * n + i]);
		best = s > best || isnan(s) ? s : best;
	}
	return best;
}

/* C = A B of column-major n×n complex matrices (zgemm); B conjugate-
 * transposed first when ctrans. */
enum lr_status lr_matfun_zmul(size_t n, const double complex *a, const double complex *b,
                              int ctrans, double complex *c)
{
	cx *bt = NULL;

	if (ctrans) {
		if (!(bt = lr_mallocarray(n * n, sizeof *bt)))
			return LR_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++)
				bt[j * n + i] = conj(b[i * n + j]);
		b = bt;
	}
	/* Row-major zgemm of the arrays as they lie is Bᵀ Aᵀ = (A B)ᵀ: the
	 * column-major A B, computed by the BLAS as Octave's xgemm does. */
	int rc = lr_blas_zgemm((int)n, (int)n, (int)n, (const double *)b, (const double *)a,
	                       (double *)c);
	lr_free(bt);
	return rc < 0 ? LR_ERR_LAPACK : LR_OK;
}

/* The complex Schur form a = U T Uᴴ (zgees, no ordering), T in a. */
enum lr_status lr_matfun_schur(size_t n, double complex *a, double complex *u)
{
	lint sdim = 0, info;
	cx *w = lr_mallocarray(n, sizeof *w), q = 0, *work = NULL;
	double *rwork = lr_mallocarray(n, sizeof *rwork);
	enum lr_status st = w && rwork ? LR_OK : LR_ERR_NOMEM;

	if (st == LR_OK) {
		info = LAPACKE_zgees_work(LAPACK_COL_MAJOR, 'V', 'N', NULL, (lint)n, a, (lint)n, &sdim,
		                          w, u, (lint)n, &q, -1, rwork, NULL);
		if (info != 0 || !(creal(q) < 0x1p40))
			st = LR_ERR_LAPACK;
	}
	if (st == LR_OK && !(work = lr_mallocarray((size_t)creal(q) + 1, sizeof *work)))
		st = LR_ERR_NOMEM;
	if (st == LR_OK) {
		info = LAPACKE_zgees_work(LAPACK_COL_MAJOR, 'V', 'N', NULL, (lint)n, a, (lint)n, &sdim,
		                          w, u, (lint)n, work, (lint)creal(q) + 1, rwork, NULL);
		st = info == 0 ? LR_OK : LR_ERR_LAPACK;
	}
	lr_free(w);
	lr_free(rwork);
	lr_free(work);
	return st;
}

/* X = U T^(1/2) Uᴴ through the Schur form of the column-major a (spoiled). */
static enum lr_status by_schur(size_t n, cx *a, cx *x, int *singular)
{
	cx *u = lr_mallocarray(n * n, sizeof *u), *ut = lr_mallocarray(n * n, sizeof *ut);
	enum lr_status st = u && ut ? lr_matfun_schur(n, a, u) : LR_ERR_NOMEM;

	if (st == LR_OK) {
		*singular = lr_matfun_utri_sqrt(n, a);
		st = lr_matfun_zmul(n, u, a, 0, ut);
	}
	if (st == LR_OK)
		st = lr_matfun_zmul(n, ut, u, 1, x);
	lr_free(u);
	lr_free(ut);
	return st;
}

/* Whether the real arithmetic of the triangular case serves: a real A
 * with no negative diagonal entry. */
static int real_triangular(size_t n, const cx *a, const double *ai)
{
	for (size_t j = 0; !ai && j < n; j++)
		if (creal(a[j * n + j]) < 0)
			return 0;
	return !ai;
}

static enum lr_status root(size_t n, cx *a, const double *ai, cx *x, int *singular)
{
	enum shape sh = shape_of(n, a);
	double cutoff = 10.0 * (double)n * DBL_EPSILON * norm1(n, a, 0);
	enum lr_status st;

	if (sh == FULL && !isfinite(cutoff)) {   /* NaN or Inf: Octave's result is all NaN */
		for (size_t k = 0; k < n * n; k++)
			x[k] = CMPLX(NAN, NAN);
		return LR_OK;
	}
	if (sh == FULL) {
		st = by_schur(n, a, x, singular);
		if (st == LR_OK && (cutoff == 0 || norm1(n, x, 1) < cutoff))
			for (size_t k = 0; k < n * n; k++)
				x[k] = creal(x[k]);
		return st;
	}
	memcpy(x, a, n * n * sizeof *x);
	if (sh == LOWER)
		transpose_in_place(n, x);
	if (real_triangular(n, x, ai)) {
		double *t = (double *)a;   /* a is free now: its room holds the real copy */
		for (size_t k = 0; k < n * n; k++)
			t[k] = creal(x[k]);
		*singular = utri_real(n, t);
		for (size_t k = 0; k < n * n; k++)
			x[k] = t[k];
	} else {
		*singular = lr_matfun_utri_sqrt(n, x);
	}
	if (sh == LOWER)
		transpose_in_place(n, x);
	return LR_OK;
}

void lr_matfun_in(size_t n, const double *ar, const double *ai, double complex *a)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			a[j * n + i] = CMPLX(ar[i * n + j], ai ? ai[i * n + j] : 0.0);
}

void lr_matfun_out(size_t n, const double complex *x, double *xr, double *xi, int real_only)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			xr[i * n + j] = creal(x[j * n + i]);
			xi[i * n + j] = real_only ? 0.0 : cimag(x[j * n + i]);
		}
}

enum lr_status lr_matfun_sqrtm(size_t n, const double *ar, const double *ai,
                               double *xr, double *xi, int *singular)
{
	cx *a, *x;
	enum lr_status st;

	*singular = 0;
	if (n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	if (n == 0)
		return LR_OK;
	a = lr_mallocarray(n * n, sizeof *a);
	x = lr_mallocarray(n * n, sizeof *x);
	if (!a || !x) {
		lr_free(a);
		lr_free(x);
		return LR_ERR_NOMEM;
	}
	lr_matfun_in(n, ar, ai, a);
	st = root(n, a, ai, x, singular);
	if (st == LR_OK)
		lr_matfun_out(n, x, xr, xi, 0);
	lr_free(a);
	lr_free(x);
	return st;
}
