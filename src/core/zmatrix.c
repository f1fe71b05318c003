/* Complex products, solves and eigenvalues through BLAS and LAPACK; see
 * lowrank/zmatrix.h. */
#include "lowrank/zmatrix.h"

#include <string.h>
#include "lowrank/alloc.h"
#include "lapack.h"

/* n complex numbers as (re, im) pairs; im NULL is zero. NULL when out of
 * memory. */
static double *interleave(size_t n, const double *re, const double *im)
{
	double *z = lr_mallocarray(n > 0 ? 2 * n : 1, sizeof *z);

	if (!z)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		z[2 * i] = re[i];
		z[2 * i + 1] = im ? im[i] : 0;
	}
	return z;
}

static void split(size_t n, const double *z, double *re, double *im)
{
	for (size_t i = 0; i < n; i++) {
		re[i] = z[2 * i];
		im[i] = z[2 * i + 1];
	}
}

enum lr_status lr_z_mul(size_t m, size_t k, size_t n,
                        const double *ar, const double *ai,
                        const double *br, const double *bi,
                        double *cr, double *ci)
{
	double *a = interleave(m * k, ar, ai), *b = interleave(k * n, br, bi);
	double *c = lr_mallocarray(m * n > 0 ? 2 * m * n : 1, sizeof *c);
	enum lr_status st = LR_ERR_NOMEM;

	if (a && b && c) {
		if (k == 0) {   /* an empty inner dimension: a zero product, which BLAS may not write */
			memset(c, 0, 2 * m * n * sizeof *c);
			st = LR_OK;
		} else if (m * n == 0) {
			st = LR_OK;
		} else {
			st = lr_blas_zgemm((int)m, (int)n, (int)k, a, b, c) < 0 ? LR_ERR_LAPACK : LR_OK;
		}
		if (st == LR_OK)
			split(m * n, c, cr, ci);
	}
	lr_free(a);
	lr_free(b);
	lr_free(c);
	return st;
}

enum lr_status lr_z_solve(size_t n, size_t nrhs,
                          const double *ar, const double *ai,
                          const double *br, const double *bi,
                          double *xr, double *xi)
{
	double *a = interleave(n * n, ar, ai), *b = interleave(n * nrhs, br, bi);
	lapack_int *ipiv = lr_mallocarray(n ? n : 1, sizeof *ipiv);
	enum lr_status st = LR_ERR_NOMEM;

	if (a && b && ipiv) {
		lapack_int info = n == 0 || nrhs == 0 ? 0 : LAPACKE_zgesv_work(LAPACK_ROW_MAJOR,
			(lapack_int)n, (lapack_int)nrhs, (lapack_complex_double *)a, (lapack_int)n, ipiv,
			(lapack_complex_double *)b, (lapack_int)nrhs);
		st = info < 0 ? LR_ERR_LAPACK : info > 0 ? LR_ERR_ARG : LR_OK;
		if (st == LR_OK)
			split(n * nrhs, b, xr, xi);
	}
	lr_free(a);
	lr_free(b);
	lr_free(ipiv);
	return st;
}

/* dgeevx of a real matrix: a conjugate pair (wi > 0 first) holds its vectors
 * in two columns, the real part and the imaginary part of the first. */
static enum lr_status eig_real(lapack_int n, double *a, double *wr, double *wi,
                               double *vr, double *vi)
{
	double *v = vr ? lr_mallocarray((size_t)n * n, sizeof *v) : NULL;
	double *scale = lr_mallocarray((size_t)n, sizeof *scale), abnrm, q;
	lapack_int ilo, ihi, info, lwork = -1;
	enum lr_status st = LR_ERR_NOMEM;
	char job = vr ? 'V' : 'N';

	if ((vr && !v) || !scale)
		goto done;
	info = LAPACKE_dgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', job, 'N', n, a, n, wr, wi, NULL, 1,
	                           v ? v : &q, n, &ilo, &ihi, scale, &abnrm, NULL, NULL, &q,
	                           lwork, NULL);
	if (info != 0) {
		st = LR_ERR_LAPACK;
		goto done;
	}
	lwork = (lapack_int)q;
	double *work = lr_mallocarray((size_t)lwork, sizeof *work);
	if (!work)
		goto done;
	info = LAPACKE_dgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', job, 'N', n, a, n, wr, wi, NULL, 1,
	                           v ? v : &q, n, &ilo, &ihi, scale, &abnrm, NULL, NULL, work,
	                           lwork, NULL);
	lr_free(work);
	st = info != 0 ? LR_ERR_LAPACK : LR_OK;
	for (lapack_int j = 0; st == LR_OK && vr && j < n; j++) {
		for (lapack_int i = 0; i < n; i++) {
			size_t at = (size_t)i * n + j, in = (size_t)j * n + i;   /* out row-major, v not */
			if (wi[j] == 0) {
				vr[at] = v[in];
				vi[at] = 0;
			} else if (wi[j] > 0) {   /* the pair's columns j and j + 1 */
				vr[at] = vr[at + 1] = v[in];
				vi[at] = v[in + n];
				vi[at + 1] = -v[in + n];
			}
		}
		if (wi[j] > 0)
			j++;
	}
done:
	lr_free(v);
	lr_free(scale);
	return st;
}

static enum lr_status eig_complex(lapack_int n, double *a, double *wr, double *wi,
                                  double *vr, double *vi)
{
	double *w = lr_mallocarray(2 * (size_t)n, sizeof *w);
	double *v = vr ? lr_mallocarray(2 * (size_t)n * n, sizeof *v) : NULL;
	double *scale = lr_mallocarray((size_t)n, sizeof *scale);
	double *rwork = lr_mallocarray(2 * (size_t)n, sizeof *rwork), abnrm, q[2], *work = NULL;
	lapack_int ilo, ihi, info;
	enum lr_status st = LR_ERR_NOMEM;
	char job = vr ? 'V' : 'N';

	if (!w || (vr && !v) || !scale || !rwork)
		goto done;
	info = LAPACKE_zgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', job, 'N', n,
		(lapack_complex_double *)a, n, (lapack_complex_double *)w, NULL, 1,
		(lapack_complex_double *)(v ? v : q), n, &ilo, &ihi, scale, &abnrm, NULL, NULL,
		(lapack_complex_double *)q, -1, rwork);
	if (info != 0) {
		st = LR_ERR_LAPACK;
		goto done;
	}
	lapack_int lwork = (lapack_int)q[0];
	work = lr_mallocarray(2 * (size_t)lwork, sizeof *work);
	if (!work)
		goto done;
	info = LAPACKE_zgeevx_work(LAPACK_COL_MAJOR, 'B', 'N', job, 'N', n,
		(lapack_complex_double *)a, n, (lapack_complex_double *)w, NULL, 1,
		(lapack_complex_double *)(v ? v : q), n, &ilo, &ihi, scale, &abnrm, NULL, NULL,
		(lapack_complex_double *)work, lwork, rwork);
	st = info != 0 ? LR_ERR_LAPACK : LR_OK;
	if (st == LR_OK) {
		split((size_t)n, w, wr, wi);
		for (size_t i = 0; vr && i < (size_t)n; i++)   /* v is column-major */
			for (size_t j = 0; j < (size_t)n; j++) {
				vr[i * n + j] = v[2 * (j * n + i)];
				vi[i * n + j] = v[2 * (j * n + i) + 1];
			}
	}
done:
	lr_free(w);
	lr_free(v);
	lr_free(scale);
	lr_free(rwork);
	lr_free(work);
	return st;
}

/* zheev of a Hermitian matrix (column-major a): real eigenvalues ascending
 * and orthonormal vectors, as Octave's eig gives them. */
static enum lr_status eig_hermitian(lapack_int n, double *a, double *wr, double *wi,
                                   double *vr, double *vi)
{
	double *rwork = lr_mallocarray(3 * (size_t)n, sizeof *rwork), q[2], *work = NULL;
	char job = vr ? 'V' : 'N';
	enum lr_status st = LR_ERR_NOMEM;
	lapack_int info;

	if (!rwork)
		return LR_ERR_NOMEM;
	info = LAPACKE_zheev_work(LAPACK_COL_MAJOR, job, 'U', n, (lapack_complex_double *)a, n,
	                          wr, (lapack_complex_double *)q, -1, rwork);
	if (info == 0 && (work = lr_mallocarray(2 * (size_t)q[0], sizeof *work)))
		info = LAPACKE_zheev_work(LAPACK_COL_MAJOR, job, 'U', n, (lapack_complex_double *)a,
		                          n, wr, (lapack_complex_double *)work, (lapack_int)q[0],
		                          rwork);
	if (info != 0)
		st = LR_ERR_LAPACK;
	else if (work)
		st = LR_OK;
	for (lapack_int i = 0; st == LR_OK && i < n; i++) {
		wi[i] = 0;
		for (lapack_int j = 0; vr && j < n; j++) {
			vr[(size_t)i * n + j] = a[2 * ((size_t)j * n + i)];
			vi[(size_t)i * n + j] = a[2 * ((size_t)j * n + i) + 1];
		}
	}
	lr_free(rwork);
	lr_free(work);
	return st;
}

static int hermitian(size_t n, const double *ar, const double *ai)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j <= i; j++)
			if (ar[i * n + j] != ar[j * n + i] || ai[i * n + j] != -ai[j * n + i])
				return 0;
	return 1;
}

enum lr_status lr_z_eig(size_t n, const double *ar, const double *ai,
                        double *wr, double *wi, double *vr, double *vi)
{
	double *a;
	enum lr_status st;

	if (n == 0)
		return LR_OK;
	/* LAPACK is given A column-major, as GNU Octave gives it (not LAPACKE's
	 * transpose of a row-major array): the rounding is then Octave's, and
	 * eig([1 2 0; -2 1 0; 0 0 3]) is exactly 1 + 2i, 1 - 2i, 3 as there. */
	a = lr_mallocarray(ai ? 2 * n * n : n * n, sizeof *a);
	if (!a)
		return LR_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (ai) {
				a[2 * (j * n + i)] = ar[i * n + j];
				a[2 * (j * n + i) + 1] = ai[i * n + j];
			} else {
				a[j * n + i] = ar[i * n + j];
			}
		}
	if (ai && hermitian(n, ar, ai))
		st = eig_hermitian((lapack_int)n, a, wr, wi, vr, vi);
	else
		st = ai ? eig_complex((lapack_int)n, a, wr, wi, vr, vi)
		        : eig_real((lapack_int)n, a, wr, wi, vr, vi);
	lr_free(a);
	return st;
}
