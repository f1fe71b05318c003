/* The factorisations of a first course as GNU Octave 7 computes them
 * (det, lu, chol, qr, eig, rcond, rref); see lowrank/linalg.h. Each works
 * on a column-major copy of A, as Octave hands A to LAPACK, so that the
 * same input meets the same pivots, reflections and signs. */
#include "lowrank/linalg.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "linalg_impl.h"
#include "lowrank/alloc.h"

typedef lapack_int lint;

static int fits(const struct lr_matrix *A)
{
	return A->rows <= INT_MAX / 8 && A->cols <= INT_MAX / 8;
}

/* ---- det and lu ---------------------------------------------------------- */

enum lr_status lr_linalg_det(const struct lr_matrix *A, double *det)
{
	size_t n = A->rows;
	double *a, d = 1.0;
	lint *ipiv, info;

	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!fits(A))
		return LR_ERR_TOO_BIG;
	*det = 1.0;
	if (!n)
		return LR_OK;
	/* The copy as it stands is Aᵀ, whose determinant is A's. */
	a = lr_mallocarray(n * n, sizeof *a);
	ipiv = lr_mallocarray(n, sizeof *ipiv);
	if (!a || !ipiv) {
		lr_free(a);
		lr_free(ipiv);
		return LR_ERR_NOMEM;
	}
	memcpy(a, A->data, n * n * sizeof *a);
	/* A zero pivot (info > 0) still completes the factors: the product is 0. */
	info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, (lint)n, (lint)n, a, (lint)n, ipiv);
	for (size_t i = 0; info >= 0 && i < n; i++)
		d *= ipiv[i] != (lint)(i + 1) ? -a[i * n + i] : a[i * n + i];
	lr_free(a);
	lr_free(ipiv);
	if (info < 0)
		return LR_ERR_LAPACK;
	*det = d;
	return LR_OK;
}

/* The row order of P A from LAPACK's interchanges (1-based ipiv). */
static size_t *permutation(const lint *ipiv, size_t m, size_t p)
{
	size_t *perm = lr_mallocarray(m ? m : 1, sizeof *perm);

	for (size_t i = 0; perm && i < m; i++)
		perm[i] = i;
	for (size_t i = 0; perm && i < p; i++) {
		size_t j = (size_t)ipiv[i] - 1, t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	return perm;
}

/* L (m×p, unit diagonal) and U (p×n) from the packed column-major m×n a. */
static enum lr_status unpack_lu(const double *a, size_t m, size_t n, struct lr_matrix **L,
                                struct lr_matrix **U)
{
	size_t p = m < n ? m : n;
	enum lr_status st = LR_OK;
	struct lr_matrix *l = L ? lr_la_create(m, p, &st) : NULL;
	struct lr_matrix *u = st == LR_OK && U ? lr_la_create(p, n, &st) : NULL;

	if (st != LR_OK) {
		lr_mat_destroy(l);
		return st;
	}
	for (size_t i = 0; l && i < m; i++)
		for (size_t j = 0; j < p && j <= i; j++)
			LR_AT(l, i, j) = i == j ? 1.0 : a[j * m + i];
	for (size_t i = 0; u && i < p; i++)
		for (size_t j = i; j < n; j++)
			LR_AT(u, i, j) = a[j * m + i];
	if (L)
		*L = l;
	if (U)
		*U = u;
	return LR_OK;
}

enum lr_status lr_linalg_lu(const struct lr_matrix *A, struct lr_matrix **L,
                            struct lr_matrix **U, size_t **perm, struct lr_matrix **Y)
{
	size_t m = A->rows, n = A->cols, p = m < n ? m : n;
	double *a;
	lint *ipiv, info = 0;
	enum lr_status st = LR_OK;
	struct lr_matrix *y = NULL;

	if (!fits(A))
		return LR_ERR_TOO_BIG;
	a = lr_la_column_major(A);
	ipiv = lr_mallocarray(p ? p : 1, sizeof *ipiv);
	if (!a || !ipiv)
		st = LR_ERR_NOMEM;
	if (st == LR_OK && p)
		info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, (lint)m, (lint)n, a, (lint)m, ipiv);
	if (info < 0)
		st = LR_ERR_LAPACK;
	if (st == LR_OK && Y && (y = lr_la_create(m, n, &st)) != NULL)
		lr_la_from_column_major(y, a, m);
	if (st == LR_OK && perm && !(*perm = permutation(ipiv, m, p)))
		st = LR_ERR_NOMEM;
	if (st == LR_OK)
		st = unpack_lu(a, m, n, L, U);
	if (st != LR_OK && perm && *perm) {
		lr_free(*perm);
		*perm = NULL;
	}
	if (st == LR_OK && Y)
		*Y = y;
	else
		lr_mat_destroy(y);
	lr_free(a);
	lr_free(ipiv);
	return st;
}

/* ---- chol ------------------------------------------------------------------ */

enum lr_status lr_linalg_chol(const struct lr_matrix *A, struct lr_matrix **R, size_t *minor)
{
	size_t n = A->rows, q;
	double *a;
	lint info = 0;
	enum lr_status st = LR_OK;
	struct lr_matrix *r;

	*minor = 0;
	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!fits(A))
		return LR_ERR_TOO_BIG;
	if (!(a = lr_la_column_major(A)))
		return LR_ERR_NOMEM;
	if (n)
		info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'U', (lint)n, a, (lint)n);
	if (info < 0) {
		lr_free(a);
		return LR_ERR_LAPACK;
	}
	*minor = (size_t)info;
	q = info > 0 ? (size_t)info - 1 : n;
	if ((r = lr_la_create(q, q, &st)) != NULL)
		for (size_t i = 0; i < q; i++)
			for (size_t j = i; j < q; j++)
				LR_AT(r, i, j) = a[j * n + i];
	lr_free(a);
	if (r)
		*R = r;
	return st;
}

/* ---- qr ---------------------------------------------------------------------- */

/* dgeqrf, or dgeqp3 when jpvt is given, with its workspace query. */
static enum lr_status householder(double *a, lint m, lint n, double *tau, lint *jpvt)
{
	double q = 0.0, *work;
	lint info = jpvt ? LAPACKE_dgeqp3_work(LAPACK_COL_MAJOR, m, n, a, m, jpvt, tau, &q, -1)
	                 : LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, a, m, tau, &q, -1);

	if (info != 0 || !(q < 0x1p40))
		return LR_ERR_LAPACK;
	if (!(work = lr_mallocarray((size_t)q + 1, sizeof *work)))
		return LR_ERR_NOMEM;
	info = jpvt ? LAPACKE_dgeqp3_work(LAPACK_COL_MAJOR, m, n, a, m, jpvt, tau, work, (lint)q + 1)
	            : LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, a, m, tau, work, (lint)q + 1);
	lr_free(work);
	return info == 0 ? LR_OK : LR_ERR_LAPACK;
}

/* Q (m×qc) from the p reflectors in the column-major m×n a (dorgqr on a
 * copy with room for qc columns). */
static enum lr_status form_q(const double *a, size_t m, size_t n, size_t qc, const double *tau,
                             struct lr_matrix **Q)
{
	size_t p = m < n ? m : n;
	double *q = lr_calloc(m * qc > 0 ? m * qc : 1, sizeof *q), wq = 0.0, *work = NULL;
	enum lr_status st = q ? LR_OK : LR_ERR_NOMEM;
	lint info = 0;

	if (st == LR_OK)
		memcpy(q, a, m * (p < qc ? p : qc) * sizeof *q);
	if (st == LR_OK && m && qc) {
		info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lint)m, (lint)qc, (lint)p, q, (lint)m,
		                           tau, &wq, -1);
		if (info == 0 && !(work = lr_mallocarray((size_t)wq + 1, sizeof *work)))
			st = LR_ERR_NOMEM;
		if (st == LR_OK && info == 0)
			info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lint)m, (lint)qc, (lint)p, q,
			                           (lint)m, tau, work, (lint)wq + 1);
		if (st == LR_OK && info != 0)
			st = LR_ERR_LAPACK;
	}
	if (st == LR_OK && (*Q = lr_la_create(m, qc, &st)) != NULL)
		lr_la_from_column_major(*Q, q, m);
	lr_free(q);
	lr_free(work);
	return st;
}

/* R (rr×n, upper) from the column-major m×n a. */
static struct lr_matrix *form_r(const double *a, size_t m, size_t n, size_t rr, enum lr_status *st)
{
	struct lr_matrix *r = lr_la_create(rr, n, st);

	for (size_t i = 0; r && i < rr; i++)
		for (size_t j = i; j < n; j++)
			LR_AT(r, i, j) = a[j * m + i];
	return r;
}

enum lr_status lr_linalg_qr(const struct lr_matrix *A, int econ, struct lr_matrix **Q,
                            struct lr_matrix **R, size_t **perm, struct lr_matrix **X)
{
	size_t m = A->rows, n = A->cols, p = m < n ? m : n;
	double *a, *tau;
	lint *jpvt = NULL;
	enum lr_status st = LR_OK;
	struct lr_matrix *q = NULL, *r = NULL, *x = NULL;

	if (!fits(A))
		return LR_ERR_TOO_BIG;
	a = lr_la_column_major(A);
	tau = lr_calloc(p ? p : 1, sizeof *tau);
	if (perm)
		jpvt = lr_calloc(n ? n : 1, sizeof *jpvt);   /* 0: every column free to move */
	if (!a || !tau || (perm && !jpvt))
		st = LR_ERR_NOMEM;
	if (st == LR_OK && p)
		st = householder(a, (lint)m, (lint)n, tau, jpvt);
	if (st == LR_OK && X && (x = lr_la_create(m, n, &st)) != NULL) {
		lr_la_from_column_major(x, a, m);
		/* Octave's raw form: each reflector's vector below the diagonal
		 * times its τ. */
		for (size_t j = 0; j < p; j++)
			for (size_t i = j + 1; i < m; i++)
				LR_AT(x, i, j) *= tau[j];
	}
	if (st == LR_OK && R)
		r = form_r(a, m, n, econ ? p : m, &st);
	if (st == LR_OK && Q)
		st = form_q(a, m, n, econ ? p : m, tau, &q);
	if (st == LR_OK && perm) {
		if ((*perm = lr_mallocarray(n ? n : 1, sizeof **perm)) != NULL)
			for (size_t j = 0; j < n; j++)
				(*perm)[j] = p ? (size_t)jpvt[j] - 1 : j;
		else
			st = LR_ERR_NOMEM;
	}
	lr_free(a);
	lr_free(tau);
	lr_free(jpvt);
	if (st != LR_OK) {
		lr_mat_destroy(q);
		lr_mat_destroy(r);
		lr_mat_destroy(x);
		return st;
	}
	if (Q)
		*Q = q;
	if (R)
		*R = r;
	if (X)
		*X = x;
	return LR_OK;
}

/* ---- eig ------------------------------------------------------------------------ */

int lr_linalg_is_symmetric(const struct lr_matrix *A)
{
	if (A->rows != A->cols)
		return 0;
	for (size_t i = 0; i < A->rows; i++)
		for (size_t j = 0; j < i; j++)
			if (LR_AT(A, i, j) != LR_AT(A, j, i))
				return 0;
	return 1;
}

/* dsyev or dsyevd on the column-major n×n a, with the workspace query. */
static enum lr_status syev(char jobz, double *a, lint n, double *w)
{
	int small = n <= LR_LINALG_SYEV_MAX;
	double wq = 0.0, *work = NULL;
	lint iq = 0, *iwork = NULL, info;

	info = small ? LAPACKE_dsyev_work(LAPACK_COL_MAJOR, jobz, 'U', n, a, n, w, &wq, -1)
	             : LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, 'U', n, a, n, w, &wq, -1, &iq, -1);
	if (info != 0 || !(wq < 0x1p40) || iq < 0)
		return LR_ERR_LAPACK;
	work = lr_mallocarray((size_t)wq + 1, sizeof *work);
	iwork = lr_mallocarray((size_t)iq + 1, sizeof *iwork);
	if (work && iwork)
		info = small ? LAPACKE_dsyev_work(LAPACK_COL_MAJOR, jobz, 'U', n, a, n, w, work,
		                                  (lint)wq + 1)
		             : LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, 'U', n, a, n, w, work,
		                                   (lint)wq + 1, iwork, iq + 1);
	lr_free(work);
	lr_free(iwork);
	if (!work || !iwork)
		return LR_ERR_NOMEM;
	return info == 0 ? LR_OK : LR_ERR_LAPACK;
}

enum lr_status lr_linalg_eig_sym(const struct lr_matrix *A, double **w, struct lr_matrix **V)
{
	size_t n = A->rows;
	double *a, *ev;
	enum lr_status st = LR_OK;

	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!lr_mat_all_finite(A))
		return LR_ERR_NONFINITE;
	if (!fits(A))
		return LR_ERR_TOO_BIG;
	a = lr_la_column_major(A);
	ev = lr_mallocarray(n ? n : 1, sizeof *ev);
	if (!a || !ev)
		st = LR_ERR_NOMEM;
	if (st == LR_OK && n)
		st = syev(V ? 'V' : 'N', a, (lint)n, ev);
	if (st == LR_OK && V && (*V = lr_la_create(n, n, &st)) != NULL)
		lr_la_from_column_major(*V, a, n);
	lr_free(a);
	if (st != LR_OK) {
		lr_free(ev);
		return st;
	}
	*w = ev;
	return LR_OK;
}

/* dgeevx with balancing (Octave's default) on the column-major n×n a. */
static enum lr_status geevx(double *a, lint n, double *wr, double *wi, double *vr)
{
	char jobvr = vr ? 'V' : 'N';
	lint ilo = 0, ihi = 0, info;
	double abnrm = 0.0, wq = 0.0, *work, *scale = lr_mallocarray((size_t)n, 3 * sizeof *scale);
	lint *iwork = lr_mallocarray(2 * (size_t)n, sizeof *iwork);
	double *rconde = scale ? scale + n : NULL, *rcondv = scale ? scale + 2 * n : NULL;
	enum lr_status st = scale && iwork ? LR_OK : LR_ERR_NOMEM;

	if (st == LR_OK) {
		info = LAPACKE_dgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', jobvr, 'N', n, a, n, wr, wi,
		                           NULL, 1, vr, vr ? n : 1, &ilo, &ihi, scale, &abnrm, rconde,
		                           rcondv, &wq, -1, iwork);
		if (info != 0 || !(wq < 0x1p40))
			st = LR_ERR_LAPACK;
	}
	if (st == LR_OK && !(work = lr_mallocarray((size_t)wq + 1, sizeof *work)))
		st = LR_ERR_NOMEM;
	if (st == LR_OK) {
		info = LAPACKE_dgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', jobvr, 'N', n, a, n, wr, wi,
		                           NULL, 1, vr, vr ? n : 1, &ilo, &ihi, scale, &abnrm, rconde,
		                           rcondv, work, (lint)wq + 1, iwork);
		lr_free(work);
		st = info == 0 ? LR_OK : LR_ERR_LAPACK;
	}
	lr_free(scale);
	lr_free(iwork);
	return st;
}

enum lr_status lr_linalg_eig(const struct lr_matrix *A, double **wr, double **wi,
                             struct lr_matrix **V, int *is_complex)
{
	size_t n = A->rows;
	double *a, *re, *im, *vr = NULL;
	enum lr_status st = LR_OK;

	*is_complex = 0;
	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!lr_mat_all_finite(A))
		return LR_ERR_NONFINITE;
	if (!fits(A))
		return LR_ERR_TOO_BIG;
	a = lr_la_column_major(A);
	re = lr_mallocarray(n ? n : 1, sizeof *re);
	im = lr_mallocarray(n ? n : 1, sizeof *im);
	if (V)
		vr = lr_mallocarray(n * n > 0 ? n * n : 1, sizeof *vr);
	if (!a || !re || !im || (V && !vr))
		st = LR_ERR_NOMEM;
	if (st == LR_OK && n)
		st = geevx(a, (lint)n, re, im, vr);
	for (size_t i = 0; st == LR_OK && i < n; i++)
		*is_complex |= im[i] != 0.0;
	if (st == LR_OK && V && !*is_complex && (*V = lr_la_create(n, n, &st)) != NULL)
		lr_la_from_column_major(*V, vr, n);
	lr_free(a);
	lr_free(vr);
	if (st != LR_OK) {
		lr_free(re);
		lr_free(im);
		return st;
	}
	*wr = re;
	*wi = im;
	return LR_OK;
}

/* ---- rref ------------------------------------------------------------------------ */

/* The largest absolute row sum, ‖A‖∞. */
static double norm_inf(const struct lr_matrix *A)
{
	double best = 0.0;

	for (size_t i = 0; i < A->rows; i++) {
		double s = 0.0;
		for (size_t j = 0; j < A->cols; j++)
			s += fabs(LR_AT(A, i, j));
		best = s > best || isnan(s) ? s : best;
	}
	return best;
}

/* One Gauss-Jordan step at pivot (r, c) of R: swap, scale, eliminate. */
static void eliminate(struct lr_matrix *R, size_t r, size_t c, size_t pivot)
{
	size_t n = R->cols;

	for (size_t j = c; j < n; j++) {
		double t = LR_AT(R, pivot, j);
		LR_AT(R, pivot, j) = LR_AT(R, r, j);
		LR_AT(R, r, j) = t;
	}
	double d = LR_AT(R, r, c);
	for (size_t j = c; j < n; j++)
		LR_AT(R, r, j) /= d;
	for (size_t i = 0; i < R->rows; i++) {
		double f = LR_AT(R, i, c);
		if (i == r)
			continue;
		for (size_t j = c; j < n; j++)
			LR_AT(R, i, j) -= f * LR_AT(R, r, j);
	}
}

enum lr_status lr_linalg_rref(const struct lr_matrix *A, double tol, struct lr_matrix **R,
                              size_t **pivots, size_t *npivots)
{
	size_t m = A->rows, n = A->cols, r = 0, k = 0;
	size_t *piv = lr_mallocarray(n ? n : 1, sizeof *piv);
	struct lr_matrix *x = lr_mat_copy(A);

	if (!piv || !x) {
		lr_free(piv);
		lr_mat_destroy(x);
		return LR_ERR_NOMEM;
	}
	lr_mat_clear_mask(x);
	if (tol < 0.0)
		tol = DBL_EPSILON * (double)(m > n ? m : n) * norm_inf(A);
	for (size_t c = 0; c < n && r < m; c++) {
		size_t pivot = r;
		double best = NAN;   /* the first largest, NaN skipped, as Octave's max */
		for (size_t i = r; i < m; i++)
			if (fabs(LR_AT(x, i, c)) > best || (isnan(best) && !isnan(LR_AT(x, i, c)))) {
				best = fabs(LR_AT(x, i, c));
				pivot = i;
			}
		if (best <= tol) {
			for (size_t i = r; i < m; i++)
				LR_AT(x, i, c) = 0.0;
			continue;
		}
		piv[k++] = c;
		eliminate(x, r, c, pivot);
		r++;
	}
	*R = x;
	if (pivots)
		*pivots = piv;
	else
		lr_free(piv);
	if (npivots)
		*npivots = k;
	return LR_OK;
}

enum lr_status lr_linalg_dot(size_t n, const double *x, size_t incx, const double *y,
                             size_t incy, double *out)
{
	int missing = 0;

	if (n > INT_MAX || incx > INT_MAX || incy > INT_MAX)
		return LR_ERR_TOO_BIG;
	*out = n ? lr_blas_ddot((int)n, x, (int)incx, y, (int)incy, &missing) : 0.0;
	return missing ? LR_ERR_LAPACK : LR_OK;
}
