/* The thin SVD through LAPACK's dgesdd, with dgesvd as the fallback.
 *
 * We call the column-major _work drivers ourselves instead of LAPACKE's
 * row-major wrappers: those transpose into buffers they malloc themselves,
 * out of reach of lr_malloc's failure injection. A row-major m×n array is
 * the column-major n×m matrix Aᵀ = V Σ Uᵀ, so LAPACK's "U" of Aᵀ is our V
 * (column-major, transposed once below) and its "Vᵀ" with leading dimension
 * p is exactly our U in row-major order: no copy needed. */
#include "lowrank/svd.h"
#include "lowrank/svd_trunc.h"

#include "lowrank/lapack.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lowrank/alloc.h"

typedef lapack_int lint;

static int fits_lint(size_t x)
{
	uint64_t max = sizeof(lint) >= 8 ? (uint64_t)INT64_MAX : (uint64_t)INT32_MAX;
	return (uint64_t)x <= max;
}

/* LAPACK loops forever or returns garbage on NaN/Inf, so refuse them first. */
static enum lr_status check_input(const struct lr_matrix *A)
{
	size_t n = A->rows * A->cols;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(A->data[i]))
			return LR_ERR_NONFINITE;
	if (!fits_lint(A->rows) || !fits_lint(A->cols))
		return LR_ERR_TOO_BIG;
	return LR_OK;
}

/* Allocates the workspace a query asked for (LAPACK returns it as a double). */
static enum lr_status alloc_work(double query, double **work, lint *lwork)
{
	if (!(query < 0x1p62) || !fits_lint((size_t)query))
		return LR_ERR_TOO_BIG;
	*lwork = query < 1.0 ? 1 : (lint)query;
	*work = lr_mallocarray((size_t)*lwork, sizeof(double));
	return *work ? LR_OK : LR_ERR_NOMEM;
}

/* dgesdd on the rows×cols column-major a; *info is LAPACK's. With jobz 'N'
 * u and vt are not referenced. */
static enum lr_status run_gesdd(char jobz, lint rows, lint cols, double *a, double *s,
                                double *u, double *vt, lint *info)
{
	lint p = rows < cols ? rows : cols, lwork;
	lint ldu = jobz == 'N' ? 1 : rows, ldvt = jobz == 'N' ? 1 : p;
	double query = 0.0, *work = NULL;
	lint *iwork = lr_mallocarray(8 * (size_t)p, sizeof *iwork);
	if (!iwork)
		return LR_ERR_NOMEM;
	*info = LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, rows, cols, a, rows, s,
	                            u, ldu, vt, ldvt, &query, -1, iwork);
	enum lr_status st = *info ? LR_OK : alloc_work(query, &work, &lwork);
	if (st == LR_OK && *info == 0)
		*info = LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, rows, cols, a, rows, s,
		                            u, ldu, vt, ldvt, work, lwork, iwork);
	lr_free(work);
	lr_free(iwork);
	return st;
}

/* dgesvd, the slower QR-iteration driver that converges where the
 * divide-and-conquer one occasionally does not. */
static enum lr_status run_gesvd(char jobz, lint rows, lint cols, double *a, double *s,
                                double *u, double *vt, lint *info)
{
	lint p = rows < cols ? rows : cols, lwork;
	lint ldu = jobz == 'N' ? 1 : rows, ldvt = jobz == 'N' ? 1 : p;
	double query = 0.0, *work = NULL;
	*info = LAPACKE_dgesvd_work(LAPACK_COL_MAJOR, jobz, jobz, rows, cols, a, rows, s,
	                            u, ldu, vt, ldvt, &query, -1);
	enum lr_status st = *info ? LR_OK : alloc_work(query, &work, &lwork);
	if (st == LR_OK && *info == 0)
		*info = LAPACKE_dgesvd_work(LAPACK_COL_MAJOR, jobz, jobz, rows, cols, a, rows, s,
		                            u, ldu, vt, ldvt, work, lwork);
	lr_free(work);
	return st;
}

/* Decomposes A (copied into the scratch a, as both drivers overwrite it):
 * s gets the values, u the n×p column-major V, vt the row-major m×p U. */
static enum lr_status decompose(const struct lr_matrix *A, double *a, char jobz,
                                double *s, double *u, double *vt)
{
	size_t bytes = A->rows * A->cols * sizeof(double);
	lint rows = (lint)A->cols, cols = (lint)A->rows, info = 0;
	memcpy(a, A->data, bytes);
	enum lr_status st = run_gesdd(jobz, rows, cols, a, s, u, vt, &info);
	if (st == LR_OK && info > 0) {
		memcpy(a, A->data, bytes);
		st = run_gesvd(jobz, rows, cols, a, s, u, vt, &info);
	}
	if (st == LR_OK && info != 0)
		st = LR_ERR_LAPACK;
	return st;
}

/* Fills V (n×p row-major) from LAPACK's column-major n×p. */
static void transpose_into(struct lr_matrix *V, const double *colmajor)
{
	for (size_t i = 0; i < V->rows; i++)
		for (size_t j = 0; j < V->cols; j++)
			LR_AT(V, i, j) = colmajor[j * V->rows + i];
}

/* Allocates the parts of *r; the caller frees them on failure. */
static enum lr_status alloc_svd(struct lr_svd *r, double **a, double **vcol)
{
	r->U = lr_mat_create(r->m, r->p);
	r->V = lr_mat_create(r->n, r->p);
	if (!r->U || !r->V)
		return LR_ERR_NOMEM;
	if (r->p == 0)
		return LR_OK;
	r->s = lr_mallocarray(r->p, sizeof(double));
	*a = lr_mallocarray(r->m * r->n, sizeof(double));
	*vcol = lr_mallocarray(r->n * r->p, sizeof(double));
	return r->s && *a && *vcol ? LR_OK : LR_ERR_NOMEM;
}

enum lr_status lr_svd_compute(const struct lr_matrix *A, struct lr_svd *out)
{
	struct lr_svd r = { A->rows, A->cols, A->rows < A->cols ? A->rows : A->cols,
	                    NULL, NULL, NULL };
	double *a = NULL, *vcol = NULL;
	memset(out, 0, sizeof *out);
	enum lr_status st = check_input(A);
	if (st == LR_OK)
		st = alloc_svd(&r, &a, &vcol);
	if (st == LR_OK && r.p > 0)
		st = decompose(A, a, 'S', r.s, vcol, r.U->data);
	if (st == LR_OK && r.p > 0)
		transpose_into(r.V, vcol);
	lr_free(a);
	lr_free(vcol);
	if (st != LR_OK)
		lr_svd_finish(&r);
	else
		*out = r;
	return st;
}

enum lr_status lr_svd_values(const struct lr_matrix *A, double *s)
{
	enum lr_status st = check_input(A);
	if (st != LR_OK || A->rows == 0 || A->cols == 0)
		return st;
	double *a = lr_mallocarray(A->rows * A->cols, sizeof(double));
	if (!a)
		return LR_ERR_NOMEM;
	st = decompose(A, a, 'N', s, NULL, NULL);
	lr_free(a);
	return st;
}

/* Summed from the smallest value up, so the small terms are not lost
 * against the large ones before they have added up. */
double lr_svd_tail(const struct lr_svd *svd, size_t k)
{
	double t = 0.0;
	for (size_t i = svd->p; i > k; i--)
		t += svd->s[i - 1] * svd->s[i - 1];
	return t;
}

enum lr_status lr_svd_reconstruct(const struct lr_svd *svd, size_t k,
                                  struct lr_matrix **out)
{
	if (k > svd->p)
		return LR_ERR_RANK;
	struct lr_matrix *C = lr_mat_create(svd->m, svd->n);
	if (!C)
		return LR_ERR_NOMEM;
	size_t p = svd->p;
	for (size_t i = 0; i < svd->m && k > 0; i++) {
		const double *u = svd->U->data + i * p;
		for (size_t j = 0; j < svd->n; j++) {
			const double *v = svd->V->data + j * p;
			double s = 0.0;
			for (size_t l = 0; l < k; l++)
				s += u[l] * svd->s[l] * v[l];
			LR_AT(C, i, j) = s;
		}
	}
	*out = C;
	return LR_OK;
}

void lr_svd_finish(struct lr_svd *svd)
{
	lr_free(svd->s);
	lr_mat_destroy(svd->U);
	lr_mat_destroy(svd->V);
	memset(svd, 0, sizeof *svd);
}

/* ---- The truncated SVD -------------------------------------------------- */

/* Keeps the first k columns of a row-major rows×p matrix, in place. */
static void keep_columns(struct lr_matrix *X, size_t k)
{
	for (size_t i = 0; i < X->rows; i++)
		memmove(X->data + i * k, X->data + i * X->cols, k * sizeof(double));
	X->cols = k;
}

/* The full SVD cut down to its first k triplets. */
static enum lr_status truncate_full(const struct lr_matrix *A, size_t k, struct lr_svd *out)
{
	enum lr_status st = lr_svd_compute(A, out);
	if (st != LR_OK)
		return st;
	keep_columns(out->U, k);
	keep_columns(out->V, k);
	out->p = k;
	return LR_OK;
}

enum lr_status lr_svd_truncated(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                                int *used_full)
{
	memset(out, 0, sizeof *out);
	if (k == 0 || k > (A->rows < A->cols ? A->rows : A->cols))
		return LR_ERR_RANK;
	if (used_full)
		*used_full = 1;
	return truncate_full(A, k, out);
}
