/* Unit tests of the truncated SVD: agreement with the full SVD on a
 * decaying spectrum (the iteration), on a flat one (the fallback) and on
 * small matrices, and the error paths. */
#include "check.h"
#include "gaussian.h"
#include "lowrank/alloc.h"
#include "lowrank/rng.h"
#include "lowrank/svd.h"
#include "lowrank/svd_trunc.h"

/* An m×n matrix Σ σᵢ xᵢ yᵢᵀ with σᵢ = decay^i over r random (not quite
 * orthogonal, which does not matter here) Gaussian vectors. */
static struct lr_matrix *spectrum(size_t m, size_t n, size_t r, double decay, uint64_t seed)
{
	struct lr_rng g;
	struct lr_matrix *A = lr_mat_create(m, n);
	double *x = malloc(m * sizeof *x), *y = malloc(n * sizeof *y), s = 1.0;
	lr_rng_seed(&g, seed);
	for (size_t l = 0; l < r; l++, s *= decay) {
		for (size_t i = 0; i < m; i++)
			x[i] = lr_rng_normal(&g) / sqrt((double)m);
		for (size_t j = 0; j < n; j++)
			y[j] = lr_rng_normal(&g) / sqrt((double)n);
		for (size_t i = 0; i < m; i++)
			for (size_t j = 0; j < n; j++)
				LR_AT(A, i, j) += s * x[i] * y[j];
	}
	free(x);
	free(y);
	return A;
}

/* The truncated SVD against the first k triplets of the full one; returns
 * whether the full SVD was used. */
static int agrees(const struct lr_matrix *A, size_t k)
{
	struct lr_svd f, t;
	struct lr_matrix *Rf = NULL, *Rt = NULL;
	int used_full = -1;
	CHECK(lr_svd_compute(A, &f) == LR_OK);
	CHECK(lr_svd_truncated(A, k, &t, &used_full) == LR_OK);
	CHECK(t.p == k && t.m == A->rows && t.n == A->cols);
	CHECK(t.U->rows == A->rows && t.U->cols == k && t.V->rows == A->cols && t.V->cols == k);
	for (size_t i = 0; i < k; i++)
		CHECK_NEAR(t.s[i], f.s[i], 1e-13 * f.s[0]);
	/* Orthonormal columns. */
	for (size_t a = 0; a < k; a++)
		for (size_t b = 0; b < k; b++) {
			double u = 0.0, v = 0.0;
			for (size_t i = 0; i < A->rows; i++)
				u += LR_AT(t.U, i, a) * LR_AT(t.U, i, b);
			for (size_t j = 0; j < A->cols; j++)
				v += LR_AT(t.V, j, a) * LR_AT(t.V, j, b);
			CHECK_NEAR(u, a == b, 1e-12);
			CHECK_NEAR(v, a == b, 1e-12);
		}
	CHECK(lr_svd_reconstruct(&f, k, &Rf) == LR_OK && lr_svd_reconstruct(&t, k, &Rt) == LR_OK);
	double d = 0.0, big = 0.0;
	for (size_t i = 0; i < A->rows * A->cols; i++) {
		d += (Rf->data[i] - Rt->data[i]) * (Rf->data[i] - Rt->data[i]);
		big += Rf->data[i] * Rf->data[i];
	}
	CHECK(sqrt(d / big) <= 1e-10);
	lr_mat_destroy(Rf);
	lr_mat_destroy(Rt);
	lr_svd_finish(&f);
	lr_svd_finish(&t);
	return used_full;
}

/* A decaying spectrum: the subspace iteration converges and is used. */
static void decaying(void)
{
	struct lr_matrix *A = spectrum(400, 300, 120, 0.9, 1);
	CHECK(agrees(A, 5) == 0);
	CHECK(agrees(A, 10) == 0);
	struct lr_matrix *T = lr_mat_transpose(A);          /* wide */
	CHECK(agrees(T, 7) == 0);
	lr_mat_destroy(T);
	lr_mat_destroy(A);
}

/* A Gaussian matrix has no gap to speak of: detected, full SVD used. */
static void flat(void)
{
	struct lr_matrix *A = gaussian_matrix(300, 300, 2);
	CHECK(agrees(A, 10) == 1);
	lr_mat_destroy(A);
}

/* Small matrices and k near min(m, n) go to the full SVD directly. */
static void small(void)
{
	static const double nb[] = { 0.3374, 0.6005, 0.1735, 3.3359, 0.0492, 1.8374,
	                             2.9407, 0.5301, 2.2620 };
	struct lr_matrix *A = lr_mat_from(3, 3, nb);
	CHECK(agrees(A, 2) == 1);
	CHECK(agrees(A, 3) == 1);
	lr_mat_destroy(A);
	A = spectrum(300, 250, 100, 0.9, 3);
	CHECK(agrees(A, 100) == 1);
	lr_mat_destroy(A);
}

static void errors(void)
{
	struct lr_matrix *A = spectrum(300, 250, 50, 0.9, 4);
	struct lr_svd t;
	CHECK(lr_svd_truncated(A, 0, &t, NULL) == LR_ERR_RANK && !t.U && !t.s);
	CHECK(lr_svd_truncated(A, 251, &t, NULL) == LR_ERR_RANK && !t.U);
	A->data[17] = NAN;
	CHECK(lr_svd_truncated(A, 5, &t, NULL) == LR_ERR_NONFINITE && !t.U);
	A->data[17] = INFINITY;
	CHECK(lr_svd_truncated(A, 5, &t, NULL) == LR_ERR_NONFINITE && !t.U);
	lr_mat_destroy(A);
}

/* Each allocation fails in turn: a clean LR_ERR_NOMEM, nothing leaked
 * (ASan), until the call succeeds. */
static void alloc_fail(void)
{
	struct lr_matrix *A = spectrum(300, 250, 60, 0.8, 5);
	struct lr_svd t;
	enum lr_status st = LR_ERR_NOMEM;
	long failures = 0;
	int used_full = -1;
	for (long n = 1; st == LR_ERR_NOMEM && n < 200; n++) {
		lr_alloc_fail_after(n);
		st = lr_svd_truncated(A, 5, &t, &used_full);
		lr_alloc_fail_after(-1);
		if (st == LR_ERR_NOMEM) {
			failures++;
			CHECK(!t.U && !t.V && !t.s);
		}
	}
	CHECK(st == LR_OK && used_full == 0 && failures >= 10);
	lr_svd_finish(&t);
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(decaying), T(flat), T(small), T(errors), T(alloc_fail))
