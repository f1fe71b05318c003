/* Unit tests of the SVD, its truncation and the Eckart–Young–Mirsky tail. */
#define _GNU_SOURCE             /* sched_getaffinity, CPU_COUNT */
#include <dirent.h>
#include <sched.h>
#include "check.h"
#include "gaussian.h"
#include "lowrank/alloc.h"
#include "lapack.h"
#include "lowrank/loss.h"
#include "lowrank/rng.h"
#include "lowrank/svd.h"
#include "lowrank/svd_trunc.h"

/* The notebook's matrix. */
static const double notebook[] = {
	0.3374, 0.6005, 0.1735,
	3.3359, 0.0492, 1.8374,
	2.9407, 0.5301, 2.2620,
};

/* ‖XᵀX − I‖_max for the columns of X. */
static double orthogonality_error(const struct lr_matrix *X)
{
	double worst = 0.0;
	for (size_t a = 0; a < X->cols; a++)
		for (size_t b = 0; b < X->cols; b++) {
			double s = 0.0;
			for (size_t i = 0; i < X->rows; i++)
				s += LR_AT(X, i, a) * LR_AT(X, i, b);
			worst = fmax(worst, fabs(s - (a == b)));
		}
	return worst;
}

/* Checks every property of a thin SVD of A. */
static void check_svd(const struct lr_matrix *A)
{
	struct lr_svd s;
	size_t m = A->rows, n = A->cols, p = m < n ? m : n;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	CHECK(s.m == m && s.n == n && s.p == p);
	CHECK(s.U->rows == m && s.U->cols == p && s.V->rows == n && s.V->cols == p);
	for (size_t i = 0; i < p; i++) {
		CHECK(s.s[i] >= 0.0);
		if (i > 0)
			CHECK(s.s[i] <= s.s[i - 1]);
	}
	struct lr_matrix *R = NULL;
	CHECK(lr_svd_reconstruct(&s, p, &R) == LR_OK);
	double err = 0.0;
	CHECK(lr_loss_sse(A, R, &err) == LR_OK);
	CHECK(sqrt(err) <= 1e-12 * lr_mat_frobenius(A));
	CHECK(orthogonality_error(s.U) <= 1e-12);
	CHECK(orthogonality_error(s.V) <= 1e-12);
	double *v = lr_malloc(p * sizeof *v);
	CHECK(lr_svd_values(A, v) == LR_OK);
	for (size_t i = 0; i < p; i++)
		CHECK_NEAR(v[i], s.s[i], 1e-12 * s.s[0]);
	lr_free(v);
	lr_mat_destroy(R);
	lr_svd_finish(&s);
}

static void notebook_values(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct lr_svd s;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	CHECK_NEAR(s.s[0], 5.3339, 1e-4);
	CHECK_NEAR(s.s[1], 0.6959, 1e-4);
	CHECK_NEAR(s.s[2], 0.3492, 1e-4);
	CHECK_NEAR(lr_svd_tail(&s, 2), 0.12191, 1e-5);
	CHECK_NEAR(lr_svd_tail(&s, 2), s.s[2] * s.s[2], 1e-16);
	/* The notebook's truncated reconstruction, printed to 4 decimals. */
	struct lr_matrix *R = NULL;
	CHECK(lr_svd_reconstruct(&s, 2, &R) == LR_OK);
	CHECK_NEAR(LR_AT(R, 0, 0), 0.2245, 1e-4);
	CHECK_NEAR(LR_AT(R, 1, 1), -0.0090, 1e-4);
	CHECK_NEAR(LR_AT(R, 2, 2), 2.1023, 1e-4);
	double sse = 0.0;
	CHECK(lr_loss_sse(A, R, &sse) == LR_OK);
	CHECK_NEAR(sse, 0.12191, 1e-5);
	lr_mat_destroy(R);
	lr_svd_finish(&s);
	check_svd(A);
	lr_mat_destroy(A);
}

static void tall(void)
{
	struct lr_matrix *A = gaussian_matrix(30, 7, 1);
	check_svd(A);
	lr_mat_destroy(A);
}

static void wide(void)
{
	struct lr_matrix *A = gaussian_matrix(7, 30, 2);
	check_svd(A);
	lr_mat_destroy(A);
}

static void rank_deficient(void)
{
	struct lr_matrix *B = gaussian_matrix(20, 3, 3), *C = gaussian_matrix(3, 15, 4), *A = NULL;
	CHECK(lr_mat_mul(B, C, &A) == LR_OK);
	check_svd(A);
	struct lr_svd s;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	CHECK(s.s[2] > 1e-3 * s.s[0]);
	CHECK(s.s[3] <= 1e-13 * s.s[0]);           /* rank 3 exactly */
	CHECK(lr_svd_tail(&s, 3) <= 1e-24 * s.s[0] * s.s[0]);
	lr_svd_finish(&s);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
}

/* Eckart–Young–Mirsky: ‖A − A_k‖_F² is the tail, for every k. */
static void tail(void)
{
	struct lr_matrix *A = gaussian_matrix(12, 9, 5);
	struct lr_svd s;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	double total = lr_mat_frobenius(A);
	total *= total;
	CHECK_REL(lr_svd_tail(&s, 0), total, 1e-13);
	for (size_t k = 0; k <= s.p; k++) {
		struct lr_matrix *R = NULL;
		double sse = -1.0;
		CHECK(lr_svd_reconstruct(&s, k, &R) == LR_OK);
		CHECK(lr_loss_sse(A, R, &sse) == LR_OK);
		CHECK_NEAR(lr_svd_tail(&s, k), sse, 1e-13 * total);
		lr_mat_destroy(R);
	}
	CHECK(lr_svd_tail(&s, s.p) == 0.0);
	struct lr_matrix *R = NULL;
	CHECK(lr_svd_reconstruct(&s, s.p + 1, &R) == LR_ERR_RANK && !R);
	lr_svd_finish(&s);
	lr_mat_destroy(A);
}

/* The measured residual is the tail for every k of an exact SVD, and its
 * errors leave a NAN. */
static void residual(void)
{
	struct lr_matrix *A = gaussian_matrix(12, 9, 5), *B = gaussian_matrix(9, 12, 5);
	struct lr_svd s;
	double r = 0.0, total;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	total = lr_svd_tail(&s, 0);
	for (size_t k = 0; k <= s.p; k++) {
		CHECK(lr_svd_residual(A, &s, k, &r) == LR_OK);
		CHECK_NEAR(r, lr_svd_tail(&s, k), 1e-13 * total);
	}
	CHECK(lr_svd_residual(A, &s, s.p + 1, &r) == LR_ERR_RANK && isnan(r));
	CHECK(lr_svd_residual(B, &s, 2, &r) == LR_ERR_SHAPE && isnan(r));
	lr_alloc_fail_after(1);
	CHECK(lr_svd_residual(A, &s, 2, &r) == LR_ERR_NOMEM && isnan(r));
	lr_alloc_fail_after(-1);
	lr_svd_finish(&s);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
}

/* σ = (1, 1e-9) turned by two rotations: the rank-1 tail is 1e-18, which
 * ‖A‖² − σ₁² cannot resolve (it is below the rounding of ‖A‖² = 1) but the
 * residual measures to a few digits (the rotations' own rounding moves
 * σ₂ by about 1e-16, a relative 1e-7). */
static void residual_tiny_tail(void)
{
	double c = cos(0.3), sn = sin(0.3), d = cos(1.1), e = sin(1.1);
	double a[] = { c * d + sn * 1e-9 * e, c * e - sn * 1e-9 * d,
	               sn * d - c * 1e-9 * e, sn * e + c * 1e-9 * d };
	struct lr_matrix *A = lr_mat_from(2, 2, a);
	struct lr_svd s;
	double r = 0.0;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	CHECK(lr_svd_residual(A, &s, 1, &r) == LR_OK);
	CHECK_REL(r, 1e-18, 1e-5);
	lr_svd_finish(&s);
	lr_mat_destroy(A);
}

/* X diag(0.7^i) Y with X m×r and Y r×n Gaussian: a decaying spectrum. */
static struct lr_matrix *decaying(size_t m, size_t n, size_t r, uint64_t seed)
{
	struct lr_matrix *X = gaussian_matrix(m, r, seed), *Y = gaussian_matrix(r, n, seed + 1);
	struct lr_matrix *A = NULL;
	for (size_t l = 0; l < r; l++)
		for (size_t i = 0; i < m; i++)
			LR_AT(X, i, l) *= pow(0.7, (double)l);
	CHECK(lr_mat_mul(X, Y, &A) == LR_OK);
	lr_mat_destroy(X);
	lr_mat_destroy(Y);
	return A;
}

/* lr_svd_leading hands back k triplets from the iteration, and the whole
 * SVD when it fell back to it; lr_svd_truncated always k. */
static void leading(void)
{
	struct lr_matrix *A = decaying(300, 250, 60, 11), *N = lr_mat_from(3, 3, notebook);
	struct lr_svd f, t;
	double r = 0.0;
	int used_full = -1;
	CHECK(lr_svd_compute(A, &f) == LR_OK);
	CHECK(lr_svd_leading(A, 5, &t, &used_full) == LR_OK);
	CHECK(used_full == 0 && t.p == 5 && t.U->cols == 5 && t.V->cols == 5);
	for (size_t i = 0; i < 5; i++)
		CHECK_NEAR(t.s[i], f.s[i], 1e-12 * f.s[0]);
	CHECK(lr_svd_residual(A, &t, 5, &r) == LR_OK);
	CHECK_REL(r, lr_svd_tail(&f, 5), 1e-9);
	lr_svd_finish(&t);
	lr_svd_finish(&f);
	CHECK(lr_svd_leading(N, 2, &t, &used_full) == LR_OK);     /* small: the full SVD */
	CHECK(used_full == 1 && t.p == 3 && t.U->cols == 3 && t.V->cols == 3);
	CHECK(lr_svd_compute(N, &f) == LR_OK);
	for (size_t i = 0; i < 3; i++)
		CHECK(t.s[i] == f.s[i]);
	lr_svd_finish(&t);
	CHECK(lr_svd_truncated(N, 2, &t, &used_full) == LR_OK && used_full == 1 && t.p == 2);
	lr_svd_finish(&t);
	lr_svd_finish(&f);
	CHECK(lr_svd_leading(N, 4, &t, &used_full) == LR_ERR_RANK && !t.s);
	lr_mat_destroy(A);
	lr_mat_destroy(N);
}

/* A Gaussian matrix's flat spectrum: the iteration gives up and the whole
 * SVD comes back. */
static void leading_flat(void)
{
	struct lr_matrix *A = gaussian_matrix(300, 260, 13);
	struct lr_svd t;
	int used_full = -1;
	CHECK(lr_svd_leading(A, 10, &t, &used_full) == LR_OK);
	CHECK(used_full == 1 && t.p == 260 && t.U->cols == 260 && t.V->rows == 260);
	lr_svd_finish(&t);
	lr_mat_destroy(A);
}

static void empty(void)
{
	struct lr_matrix *A = lr_mat_create(0, 3);
	struct lr_svd s;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	CHECK(s.p == 0 && s.m == 0 && s.n == 3);
	CHECK(s.U && s.U->rows == 0 && s.U->cols == 0);
	CHECK(s.V && s.V->rows == 3 && s.V->cols == 0);
	CHECK(lr_svd_tail(&s, 0) == 0.0);
	struct lr_matrix *R = NULL;
	CHECK(lr_svd_reconstruct(&s, 0, &R) == LR_OK && R && R->rows == 0 && R->cols == 3);
	CHECK(lr_svd_values(A, NULL) == LR_OK);
	lr_mat_destroy(R);
	lr_svd_finish(&s);
	lr_svd_finish(&s);                          /* safe on a zeroed struct */
	lr_mat_destroy(A);
}

static void nonfinite(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct lr_svd s;
	double v[3];
	A->data[4] = NAN;
	CHECK(lr_svd_compute(A, &s) == LR_ERR_NONFINITE);
	CHECK(!s.U && !s.V && !s.s && s.p == 0);
	CHECK(lr_svd_values(A, v) == LR_ERR_NONFINITE);
	A->data[4] = -INFINITY;
	CHECK(lr_svd_compute(A, &s) == LR_ERR_NONFINITE);
	lr_mat_destroy(A);
}

/* Each allocation of lr_svd_compute fails in turn until it succeeds: every
 * failure is a clean LR_ERR_NOMEM with a zeroed result (and no leak, which
 * valgrind and ASan check). */
static void alloc_fail(void)
{
	struct lr_matrix *A = gaussian_matrix(6, 4, 9);
	struct lr_svd s;
	enum lr_status st = LR_ERR_NOMEM;
	long n;
	for (n = 1; st == LR_ERR_NOMEM && n < 100; n++) {
		lr_alloc_fail_after(n);
		st = lr_svd_compute(A, &s);
		lr_alloc_fail_after(-1);
		if (st == LR_ERR_NOMEM)
			CHECK(!s.U && !s.V && !s.s);
	}
	CHECK(st == LR_OK);
	CHECK(n > 5);                     /* several allocations were made to fail */
	lr_svd_finish(&s);
	double v[4];
	lr_alloc_fail_after(1);
	CHECK(lr_svd_values(A, v) == LR_ERR_NOMEM);
	lr_alloc_fail_after(-1);
	lr_mat_destroy(A);
}

/* The threads OpenBLAS runs in the same process, read from /proc. */
static int tasks(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/task");
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

/* Loading OpenBLAS starts no worker (each would spin 0.1 s of a core); a
 * small SVD runs on one thread, a large one on every core the process may
 * use, and the next small one on one again (see src/core/lapack.c). */
static void threads(void)
{
	unsetenv("OPENBLAS_NUM_THREADS");
	unsetenv("GOTO_NUM_THREADS");
	unsetenv("OMP_NUM_THREADS");
	cpu_set_t set;
	int cores = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
	struct lr_matrix *small = gaussian_matrix(60, 50, 3), *big = gaussian_matrix(600, 600, 4);
	double *v = lr_malloc(600 * sizeof *v);    /* 600×600's values: 6.5e8 flops, above
	                                              * lapack.c's PARALLEL_FLOPS */
	CHECK(lr_lapack_threads() == 0);           /* nothing called yet */
	CHECK(lr_svd_values(small, v) == LR_OK);
	CHECK(lr_lapack_threads() == 1);
	CHECK(tasks() == 1);
	CHECK(lr_svd_values(big, v) == LR_OK);
	if (cores > 1)
		CHECK(lr_lapack_threads() > 1);
	CHECK(lr_svd_values(small, v) == LR_OK);
	CHECK(lr_lapack_threads() == 1);
	lr_free(v);
	lr_mat_destroy(small);
	lr_mat_destroy(big);
}

/* A thread count the user set is left to OpenBLAS. */
static void threads_user(void)
{
	setenv("OPENBLAS_NUM_THREADS", "2", 1);
	struct lr_matrix *A = gaussian_matrix(60, 50, 3);
	double v[50];
	CHECK(lr_svd_values(A, v) == LR_OK);
	CHECK(lr_lapack_threads() == 0);
	CHECK(strcmp(getenv("OPENBLAS_NUM_THREADS"), "2") == 0);
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(notebook_values), T(tall), T(wide), T(rank_deficient), T(tail),
             T(residual), T(residual_tiny_tail), T(leading), T(leading_flat),
             T(empty), T(nonfinite), T(alloc_fail), T(threads), T(threads_user))
