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

#include "lapack.h"
#include "svd_lapack.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "lowrank/rng.h"

typedef lapack_int lint;

static int fits_lint(size_t x)
{
	uint64_t max = sizeof(lint) >= 8 ? (uint64_t)INT64_MAX : (uint64_t)INT32_MAX;
	return (uint64_t)x <= max;
}

/* LAPACK loops forever or returns garbage on NaN/Inf, so refuse them first. */
static enum lr_status check_input(const struct lr_matrix *A)
{
	if (!lr_mat_all_finite(A))
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

/* The leading dimension of Vᵀ for job 'N' (unused), 'S' (p rows) or 'A'. */
static lint vt_rows(char jobz, lint p, lint cols)
{
	return jobz == 'N' ? 1 : jobz == 'A' ? cols : p;
}

/* dgesdd on the rows×cols column-major a; *info is LAPACK's. With jobz 'N'
 * u and vt are not referenced; 'S' gives the thin factors, 'A' the full. */
static enum lr_status run_gesdd(char jobz, lint rows, lint cols, double *a, double *s,
                                double *u, double *vt, lint *info)
{
	lint p = rows < cols ? rows : cols, lwork;
	lint ldu = jobz == 'N' ? 1 : rows, ldvt = vt_rows(jobz, p, cols);
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
	lint ldu = jobz == 'N' ? 1 : rows, ldvt = vt_rows(jobz, p, cols);
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

enum lr_status lr_svd_lapack(char jobz, int gesvd_first, size_t rows, size_t cols,
                             const double *src, double *a, double *s, double *u, double *vt)
{
	size_t bytes = rows * cols * sizeof(double);
	lint info = 0;
	enum lr_status st = LR_OK;
	if (!fits_lint(rows) || !fits_lint(cols))
		return LR_ERR_TOO_BIG;
	for (int t = 0; t < 2 && st == LR_OK && (t == 0 || info > 0); t++) {
		memcpy(a, src, bytes);
		if ((t == 0) == !gesvd_first)
			st = run_gesdd(jobz, (lint)rows, (lint)cols, a, s, u, vt, &info);
		else
			st = run_gesvd(jobz, (lint)rows, (lint)cols, a, s, u, vt, &info);
	}
	if (st == LR_OK && info != 0)
		st = LR_ERR_LAPACK;
	return st;
}

/* Decomposes A (copied into the scratch a, as both drivers overwrite it):
 * s gets the values, u the n×p column-major V, vt the row-major m×p U. */
static enum lr_status decompose(const struct lr_matrix *A, double *a, char jobz,
                                double *s, double *u, double *vt)
{
	return lr_svd_lapack(jobz, 0, A->cols, A->rows, A->data, a, s, u, vt);
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
	double *us = k && svd->m ? lr_mallocarray(svd->m * k, sizeof(double)) : NULL;
	if (k && svd->m && !us) {
		lr_mat_destroy(C);
		return LR_ERR_NOMEM;
	}
	/* U_k diag(s_k), then one product with V_kᵀ. */
	for (size_t i = 0; us && i < svd->m; i++)
		for (size_t l = 0; l < k; l++)
			us[i * k + l] = svd->U->data[i * p + l] * svd->s[l];
	int rc = us && svd->n ? lr_blas_dgemm('N', 'T', (int)svd->m, (int)svd->n, (int)k, 1.0, us,
	                                      (int)k, svd->V->data, (int)p, 0.0, C->data,
	                                      (int)svd->n) : 0;
	lr_free(us);
	if (rc) {
		lr_mat_destroy(C);
		return LR_ERR_LAPACK;
	}
	*out = C;
	return LR_OK;
}

/* Each entry of the residual is formed before it is squared, so a tail far
 * below ‖A‖² keeps its digits (‖A‖² − Σ σᵢ² would cancel them away). Vₖᵀ is
 * copied k×n so that the inner loop runs along a row; the squares are
 * summed per row first, which keeps the rounding of the total small. */
enum lr_status lr_svd_residual(const struct lr_matrix *A, const struct lr_svd *svd, size_t k,
                               double *out)
{
	size_t m = A->rows, n = A->cols, p = svd->p;
	double *vt, *r, total = 0.0;

	*out = NAN;
	if (m != svd->m || n != svd->n)
		return LR_ERR_SHAPE;
	if (k > p)
		return LR_ERR_RANK;
	vt = lr_mallocarray(k * n + n + 1, sizeof(double));
	if (!vt)
		return LR_ERR_NOMEM;
	r = vt + k * n;
	for (size_t j = 0; j < n; j++)
		for (size_t l = 0; l < k; l++)
			vt[l * n + j] = svd->V->data[j * p + l];
	for (size_t i = 0; i < m; i++) {
		double row = 0.0;
		memcpy(r, A->data + i * n, n * sizeof(double));
		for (size_t l = 0; l < k; l++) {
			double c = svd->U->data[i * p + l] * svd->s[l];
			const double *v = vt + l * n;
			for (size_t j = 0; j < n; j++)
				r[j] -= c * v[j];
		}
		for (size_t j = 0; j < n; j++)
			row += r[j] * r[j];
		total += row;
	}
	lr_free(vt);
	*out = total;
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

/* A full SVD cut down to its first k triplets (the values beyond k stay
 * allocated but unused). */
static void truncate_to(struct lr_svd *out, size_t k)
{
	keep_columns(out->U, k);
	keep_columns(out->V, k);
	out->p = k;
}

/* The thin products of the subspace iteration through BLAS: Y (m×w) = A X
 * for X n×w, and Z (n×w) = Aᵀ Q for Q m×w, every block row-major with rows
 * ld apart. */
static enum lr_status mul_ax(const struct lr_matrix *A, const double *X, size_t ldx, double *Y,
                             size_t ldy, size_t w)
{
	return lr_blas_dgemm('N', 'N', (int)A->rows, (int)w, (int)A->cols, 1.0, A->data,
	                     (int)A->cols, X, (int)ldx, 0.0, Y, (int)ldy) ? LR_ERR_LAPACK : LR_OK;
}

static enum lr_status mul_atq(const struct lr_matrix *A, const double *Q, size_t ldq, double *Z,
                              size_t ldz, size_t w)
{
	return lr_blas_dgemm('T', 'N', (int)A->cols, (int)w, (int)A->rows, 1.0, A->data,
	                     (int)A->cols, Q, (int)ldq, 0.0, Z, (int)ldz) ? LR_ERR_LAPACK : LR_OK;
}

/* The state of one subspace iteration run: l = k + oversampling columns,
 * padded to lp (a multiple of 8); every block is row-major with rows lp
 * apart, padding columns zero. */
struct subspace {
	const struct lr_matrix *A;
	size_t m, n, k, l, lp;
	double *Q;       /* m×l, orthonormal columns */
	double *Z;       /* n×l: AᵀQ */
	double *C;       /* max(m, n)×l column-major scratch for LAPACK */
	double *Vt;      /* l×n column-major from dgesdd: the right vectors of QᵀA */
	double *W;       /* l×l column-major: the left vectors of QᵀA */
	double *Vr;      /* n×l row-major copy of the right vectors */
	double *Y;       /* m×l: A Vr */
	double *s;       /* l values */
	double *tau;
};

/* How many iterations at most, and the residual max‖A vᵢ − σᵢ uᵢ‖ ≤ TOL·σ₁
 * (i < k) that ends them: the error of the rank-k reconstruction is about
 * the residual over the gap σ_k − σ_{k+1}. */
#define SUBSPACE_MAX_ITER 25
#define SUBSPACE_TOL 1e-11

/* Orthonormalises the m×l block Y (rows lp apart) into Q through LAPACK's
 * QR (dgeqrf, dorgqr) on a column-major copy, Vt serving as scratch. */
static enum lr_status orthonormalise(struct subspace *S, const double *Y)
{
	size_t m = S->m, l = S->l, lp = S->lp;
	lint info = 0, lwork = 0;
	double query[2] = { 0.0, 0.0 }, *work = NULL, *a = S->C;
	for (size_t r = 0; r < m; r++)
		for (size_t t = 0; t < l; t++)
			a[r + t * m] = Y[r * lp + t];
	info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, (lint)m, (lint)l, a, (lint)m, S->tau,
	                           &query[0], -1);
	if (info == 0)
		info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lint)m, (lint)l, (lint)l, a, (lint)m,
		                           S->tau, &query[1], -1);
	if (info != 0)
		return LR_ERR_LAPACK;
	enum lr_status st = alloc_work(fmax(query[0], query[1]), &work, &lwork);
	if (st == LR_OK)
		info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, (lint)m, (lint)l, a, (lint)m, S->tau,
		                           work, lwork);
	if (st == LR_OK && info == 0)
		info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, (lint)m, (lint)l, (lint)l, a, (lint)m,
		                           S->tau, work, lwork);
	lr_free(work);
	if (st == LR_OK && info != 0)
		st = LR_ERR_LAPACK;
	for (size_t r = 0; st == LR_OK && r < m; r++)
		for (size_t t = 0; t < l; t++)
			S->Q[r * lp + t] = a[r + t * m];
	return st;
}

/* One Rayleigh–Ritz step: the SVD of QᵀA = (AᵀQ)ᵀ gives the values s, the
 * right vectors Vr, and Y = A Vr; returns the residual max over i < k. */
static enum lr_status rayleigh_ritz(struct subspace *S, double *resid)
{
	size_t l = S->l, lp = S->lp, n = S->n, m = S->m;
	lint info = 0;
	enum lr_status st = mul_atq(S->A, S->Q, lp, S->Z, lp, lp);
	if (st != LR_OK)
		return st;
	/* Z row-major n×lp is the column-major lp×n matrix QᵀA (leading l rows). */
	for (size_t j = 0; j < n; j++)
		memcpy(S->C + j * l, S->Z + j * lp, l * sizeof(double));
	st = run_gesdd('S', (lint)l, (lint)n, S->C, S->s, S->W, S->Vt, &info);
	if (st != LR_OK || info != 0)
		return st != LR_OK ? st : LR_ERR_LAPACK;
	for (size_t j = 0; j < n; j++)
		for (size_t i = 0; i < lp; i++)
			S->Vr[j * lp + i] = i < l ? S->Vt[i + j * l] : 0.0;
	if ((st = mul_ax(S->A, S->Vr, lp, S->Y, lp, lp)) != LR_OK)
		return st;
	double worst = 0.0;
	for (size_t i = 0; i < S->k; i++) {
		double r2 = 0.0;
		for (size_t r = 0; r < m; r++) {
			double u = 0.0;
			for (size_t t = 0; t < l; t++)
				u += S->Q[r * lp + t] * S->W[t + i * l];
			double d = S->Y[r * lp + i] - S->s[i] * u;
			r2 += d * d;
		}
		worst = fmax(worst, sqrt(r2));
	}
	*resid = worst;
	return LR_OK;
}

/* The converged triplets into *out: U_k = Q W_k, V_k, s_k. */
static enum lr_status subspace_result(const struct subspace *S, struct lr_svd *out)
{
	size_t k = S->k, l = S->l, lp = S->lp;
	out->m = S->m, out->n = S->n, out->p = k;
	out->U = lr_mat_create(S->m, k);
	out->V = lr_mat_create(S->n, k);
	out->s = lr_mallocarray(k, sizeof(double));
	if (!out->U || !out->V || !out->s)
		return LR_ERR_NOMEM;
	memcpy(out->s, S->s, k * sizeof(double));
	/* W is column-major l×l: read row-major it is Wᵀ, hence 'T'. */
	if (lr_blas_dgemm('N', 'T', (int)S->m, (int)k, (int)l, 1.0, S->Q, (int)lp, S->W, (int)l,
	                  0.0, out->U->data, (int)k))
		return LR_ERR_LAPACK;
	for (size_t j = 0; j < S->n; j++)
		for (size_t i = 0; i < k; i++)
			LR_AT(out->V, j, i) = S->Vr[j * lp + i];
	return LR_OK;
}

static enum lr_status subspace_alloc(struct subspace *S)
{
	size_t lp = S->lp;
	S->Q = lr_calloc(S->m * lp, sizeof(double));
	S->Y = lr_calloc(S->m * lp, sizeof(double));
	S->Z = lr_calloc(S->n * lp, sizeof(double));
	S->Vr = lr_calloc(S->n * lp, sizeof(double));
	S->Vt = lr_mallocarray(S->n * S->l, sizeof(double));
	S->C = lr_mallocarray((S->m > S->n ? S->m : S->n) * S->l, sizeof(double));
	S->W = lr_mallocarray(S->l * S->l, sizeof(double));
	S->s = lr_mallocarray(S->l, sizeof(double));
	S->tau = lr_mallocarray(S->l, sizeof(double));
	if (!S->Q || !S->Y || !S->Z || !S->Vr || !S->Vt || !S->C || !S->W || !S->s || !S->tau)
		return LR_ERR_NOMEM;
	return LR_OK;
}

static void subspace_free(struct subspace *S)
{
	lr_free(S->Q);
	lr_free(S->Y);
	lr_free(S->Z);
	lr_free(S->Vr);
	lr_free(S->Vt);
	lr_free(S->C);
	lr_free(S->W);
	lr_free(S->s);
	lr_free(S->tau);
}

/* Randomized subspace iteration (Halko, Martinsson, Tropp, algorithm 4.4)
 * with a Rayleigh–Ritz step per iteration. *slow is set when the residual
 * falls too slowly to reach the tolerance within the iteration budget: the
 * spectrum is too flat near σ_k and the full SVD is the better tool. */
static enum lr_status subspace_iterate(struct subspace *S, struct lr_svd *out, int *slow)
{
	struct lr_rng rng;
	double resid = 0.0, prev = 0.0;
	enum lr_status st = subspace_alloc(S);
	*slow = 0;
	if (st != LR_OK)
		return st;
	lr_rng_seed(&rng, 0x5eed);
	for (size_t j = 0; j < S->n; j++)               /* Ω, n×l Gaussian, in Vr */
		for (size_t i = 0; i < S->l; i++)
			S->Vr[j * S->lp + i] = lr_rng_normal(&rng);
	st = mul_ax(S->A, S->Vr, S->lp, S->Y, S->lp, S->lp);
	for (int it = 1; st == LR_OK; it++) {
		st = orthonormalise(S, S->Y);
		if (st == LR_OK)
			st = rayleigh_ritz(S, &resid);
		if (st != LR_OK)
			return st;
		double tol = SUBSPACE_TOL * S->s[0];
		if (resid <= tol || S->s[0] == 0.0)
			return subspace_result(S, out);
		/* Predict the iterations still needed from the last rate. */
		double rate = it > 1 && prev > 0.0 ? resid / prev : 0.0;
		if (it >= SUBSPACE_MAX_ITER || rate > 0.8 ||
		    (it > 2 && rate > 0.0 && it + log(tol / resid) / log(rate) > SUBSPACE_MAX_ITER)) {
			*slow = 1;
			return LR_OK;
		}
		prev = resid;
	}
	return st;
}

enum lr_status lr_svd_leading(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                              int *used_full)
{
	size_t m = A->rows, n = A->cols, p = m < n ? m : n;
	int slow = 0;
	memset(out, 0, sizeof *out);
	if (used_full)
		*used_full = 1;
	if (k == 0 || k > p)
		return LR_ERR_RANK;
	enum lr_status st = check_input(A);
	size_t l = k + (k > 30 ? k : 30), lp = (l + 7) / 8 * 8;
	/* Small or nearly full-rank requests: the full SVD is as cheap. */
	if (st != LR_OK || p < 200 || 4 * l > p)
		return st != LR_OK ? st : lr_svd_compute(A, out);
	struct subspace S = { A, m, n, k, l, lp, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	                      NULL };
	st = subspace_iterate(&S, out, &slow);
	subspace_free(&S);
	if (st != LR_OK || slow) {
		lr_svd_finish(out);
		return st != LR_OK ? st : lr_svd_compute(A, out);
	}
	if (used_full)
		*used_full = 0;
	return LR_OK;
}

enum lr_status lr_svd_truncated(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                                int *used_full)
{
	int full = 0;
	enum lr_status st = lr_svd_leading(A, k, out, &full);
	if (used_full)
		*used_full = st == LR_OK ? full : 1;
	if (st == LR_OK && out->p > k)
		truncate_to(out, k);
	return st;
}
