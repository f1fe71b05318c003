/* Unit tests of the core's linear algebra (lowrank/linalg.h): the BLAS
 * product and its tiles, solves, least squares, the inverse, the full SVD. */
#include <float.h>
#include <string.h>

#include "check.h"
#include "gaussian.h"
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/rng.h"

/* The product by the textbook loop, in long double, for reference. */
static double entry(const struct lr_matrix *A, const struct lr_matrix *B, size_t i, size_t j)
{
	long double s = 0.0L;

	for (size_t k = 0; k < A->cols; k++)
		s += (long double)LR_AT(A, i, k) * LR_AT(B, k, j);
	return (double)s;
}

static void check_product(size_t m, size_t k, size_t n)
{
	struct lr_matrix *A = gaussian_matrix(m, k, 1 + m), *B = gaussian_matrix(k, n, 2 + n);
	struct lr_matrix *C = NULL;

	CHECK(lr_linalg_mul(A, B, NULL, &C) == LR_OK && C && C->rows == m && C->cols == n);
	for (size_t i = 0; C && i < m; i++)
		for (size_t j = 0; j < n; j++)
			CHECK_NEAR(LR_AT(C, i, j), entry(A, B, i, j), 1e-12 * (double)k);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
}

/* dgemm, and dgemv for a column or a row result; shapes agree or not. */
static void mul(void)
{
	check_product(7, 5, 9);
	check_product(30, 40, 1);    /* matrix × column: dgemv */
	check_product(1, 40, 30);    /* row × matrix: dgemv transposed */
	check_product(1, 40, 1);     /* inner product */
	check_product(40, 1, 30);    /* outer product */
	struct lr_matrix *A = gaussian_matrix(3, 4, 1), *C = NULL;
	CHECK(lr_linalg_mul(A, A, NULL, &C) == LR_ERR_SHAPE && !C);
	lr_mat_destroy(A);
}

static void mul_empty(void)
{
	struct lr_matrix *A = lr_mat_create(3, 0), *B = lr_mat_create(0, 2), *C = NULL;

	CHECK(lr_linalg_mul(A, B, NULL, &C) == LR_OK && C && C->rows == 3 && C->cols == 2);
	for (size_t i = 0; C && i < 6; i++)
		CHECK(C->data[i] == 0.0);
	lr_mat_destroy(C);
	C = NULL;
	B->rows = 0, B->cols = 3;   /* 0×3 · 3×0 = 0×0 (no data either way) */
	CHECK(lr_linalg_mul(B, A, NULL, &C) == LR_OK && C && C->rows == 0 && C->cols == 0);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
}

/* NaN and Inf flow through the BLAS as through the sums they stand for. */
static void mul_nonfinite(void)
{
	static const double a[] = { 1, NAN, 0, 1 }, b[] = { 0, 0, 1, INFINITY };
	struct lr_matrix *A = lr_mat_from(2, 2, a), *B = lr_mat_from(2, 2, b), *C = NULL;

	CHECK(lr_linalg_mul(A, B, NULL, &C) == LR_OK);
	CHECK(C && isnan(LR_AT(C, 0, 0)) && isnan(LR_AT(C, 0, 1)));
	CHECK(C && LR_AT(C, 1, 0) == 1.0 && LR_AT(C, 1, 1) == INFINITY);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
}

/* The tiles cover C exactly, small products are one call, and large ones
 * keep each tile near the budget. */
static void tile_plan(void)
{
	size_t r, c;

	lr_linalg_mul_tile(1000, 1000, 1000, &r, &c);
	CHECK(r == 1000 && c == 1000);                     /* 2e9 flops: one call */
	lr_linalg_mul_tile(10000, 10000, 10000, &r, &c);
	CHECK(r < 10000 || c < 10000);
	CHECK(2.0 * r * c * 10000 <= 2.0 * LR_LINALG_TILE_FLOPS);
	CHECK(r >= 256 && c >= 256);
	lr_linalg_mul_tile(3000, 3000, 3000, &r, &c);
	CHECK(2.0 * r * c * 3000 <= 2.0 * LR_LINALG_TILE_FLOPS && c < 3000);
	lr_linalg_mul_tile(5, 100000000, 1, &r, &c);
	CHECK(r == 5 && c >= 256);
}

static int bits_equal(const struct lr_matrix *x, const struct lr_matrix *y)
{
	return x && y && x->rows == y->rows && x->cols == y->cols &&
	       !memcmp(x->data, y->data, x->rows * x->cols * sizeof(double));
}

/* The largest difference between a product in tiles and in one call,
 * relative to Σ|a||b| of the entry (the scale of its rounding). */
static double split_difference(const size_t *s)
{
	struct lr_matrix *A = gaussian_matrix(s[0], s[1], 10 + s[0]);
	struct lr_matrix *B = gaussian_matrix(s[1], s[2], 20);
	struct lr_matrix *one = NULL, *split = NULL;
	double worst = INFINITY;

	struct lr_matrix *absA = lr_mat_copy(A), *absB = lr_mat_copy(B), *scale = NULL;

	if (lr_linalg_mul_tiled(A, B, s[0], s[2], NULL, &one) == LR_OK &&
	    lr_linalg_mul_tiled(A, B, s[3], s[4], NULL, &split) == LR_OK) {
		/* Σ|a||b| per entry, itself a product (of the absolute values) */
		for (size_t i = 0; i < s[0] * s[1]; i++)
			absA->data[i] = fabs(absA->data[i]);
		for (size_t i = 0; i < s[1] * s[2]; i++)
			absB->data[i] = fabs(absB->data[i]);
		worst = lr_linalg_mul(absA, absB, NULL, &scale) == LR_OK ? 0.0 : INFINITY;
		for (size_t i = 0; scale && i < s[0] * s[2]; i++)
			worst = fmax(worst, fabs(one->data[i] - split->data[i]) / scale->data[i]);
	}
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(absA);
	lr_mat_destroy(absB);
	lr_mat_destroy(scale);
	lr_mat_destroy(one);
	lr_mat_destroy(split);
	return worst;
}

/* m, k, n, tile rows, tile cols: edge tiles of every remainder, and the
 * 1000×1000 product in column panels on two threads. */
static const size_t split_shapes[][5] = {
	{ 300, 200, 500, 64, 64 }, { 300, 200, 500, 100, 37 }, { 257, 513, 129, 256, 256 },
	{ 600, 700, 650, 256, 300 }, { 512, 512, 512, 256, 256 }, { 1000, 1000, 1000, 1000, 256 },
};

/* What holds on every kernel: a split product differs from one call at
 * most by rounding (on the SkylakeX kernels entries at tile and thread
 * edges are summed in another order: a few ulps, 1e-13 on sums of 1000
 * normal products). */
static void tiles_close(void)
{
	for (size_t t = 0; t < sizeof split_shapes / sizeof split_shapes[0]; t++)
		CHECK(split_difference(split_shapes[t]) <= 16 * DBL_EPSILON);
}

/* And on the Prescott and Haswell kernels (the CI's), the tiles are
 * bit-identical to one call: every entry is the same dot product summed in
 * the same order of k, the threads being those of the whole product
 * (OpenBLAS blocks k differently on one thread and on several). */
static void tiles_exact(const char *coretype)
{
	setenv("OPENBLAS_CORETYPE", coretype, 1);   /* read when OpenBLAS loads, below */
	for (size_t t = 0; t < sizeof split_shapes / sizeof split_shapes[0]; t++)
		CHECK(split_difference(split_shapes[t]) == 0.0);
}

static void tiles_exact_prescott(void)
{
	tiles_exact("Prescott");
}

static void tiles_exact_haswell(void)
{
	__builtin_cpu_init();
	if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
		exit(77);   /* meson: skipped, the CPU has no Haswell kernels */
	tiles_exact("Haswell");
}

static int polls;
static int stop_after_two(void *ctx)
{
	(void)ctx;
	return ++polls >= 2;
}

static int never(void *ctx)
{
	(void)ctx;
	polls++;
	return 0;
}

/* The poll is asked between tiles (not before the first): a stop gives
 * LR_ERR_STOPPED and no result; a poll that never stops changes nothing. */
static void mul_stop(void)
{
	struct lr_matrix *A = gaussian_matrix(100, 50, 3), *B = gaussian_matrix(50, 90, 4);
	struct lr_matrix *C = NULL, *D = NULL;
	struct lr_poll p = { stop_after_two, NULL };

	polls = 0;
	CHECK(lr_linalg_mul_tiled(A, B, 30, 30, &p, &C) == LR_ERR_STOPPED && !C);
	CHECK(polls == 2);
	p.stop = never;
	polls = 0;
	CHECK(lr_linalg_mul_tiled(A, B, 30, 30, &p, &C) == LR_OK);
	CHECK(polls == 4 * 3 - 1);                          /* 12 tiles, 11 polls */
	CHECK(lr_linalg_mul_tiled(A, B, 30, 30, NULL, &D) == LR_OK);
	CHECK(bits_equal(C, D));
	polls = 0;
	lr_mat_destroy(D);
	D = NULL;
	CHECK(lr_linalg_mul(A, B, &p, &D) == LR_OK && polls == 0);   /* small: one call */
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
	lr_mat_destroy(D);
}

/* ‖A X − B‖ (left) or ‖X A − B‖ (right) in the max norm. */
static double residual(enum lr_side side, const struct lr_matrix *A, const struct lr_matrix *X,
                       const struct lr_matrix *B)
{
	struct lr_matrix *P = NULL;
	double worst = 0.0;

	if (lr_linalg_mul(side == LR_LEFT ? A : X, side == LR_LEFT ? X : A, NULL, &P) != LR_OK)
		return INFINITY;
	for (size_t i = 0; i < B->rows * B->cols; i++)
		worst = fmax(worst, fabs(P->data[i] - B->data[i]));
	lr_mat_destroy(P);
	return worst;
}

static void solve(void)
{
	struct lr_matrix *A = gaussian_matrix(6, 6, 5), *B = gaussian_matrix(6, 3, 6);
	struct lr_matrix *Bt = gaussian_matrix(3, 6, 7), *X = NULL, *Y = NULL;
	int sing = 1;

	CHECK(lr_linalg_solve(LR_LEFT, A, B, &X, &sing) == LR_OK && X && X->rows == 6 && X->cols == 3);
	CHECK(sing == 0);
	CHECK(X && residual(LR_LEFT, A, X, B) < 1e-12);
	CHECK(lr_linalg_solve(LR_RIGHT, A, Bt, &Y, NULL) == LR_OK && Y && Y->rows == 3);
	CHECK(Y && residual(LR_RIGHT, A, Y, Bt) < 1e-12);
	lr_mat_destroy(X);
	X = NULL;
	CHECK(lr_linalg_solve(LR_LEFT, A, Bt, &X, NULL) == LR_ERR_SHAPE && !X);
	CHECK(lr_linalg_solve(LR_LEFT, B, B, &X, NULL) == LR_ERR_SHAPE && !X);   /* not square */
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(Bt);
	lr_mat_destroy(Y);
}

/* Octave's structures: a triangular matrix (nonzero diagonal) by
 * substitution, a symmetric positive definite one by Cholesky, and one that
 * looks positive (symmetric, positive diagonal) but is not by LU. */
static void solve_structures(void)
{
	static const double up[] = { 2, 1, 0, 4 }, lo[] = { 2, 0, 1, 4 };
	static const double spd[] = { 4, 2, 2, 3 }, indef[] = { 1, 0.9, 0.9, 1 + 1e-300 };
	static const double rhs[] = { 1, 2 };
	const double *cases[] = { up, lo, spd, indef };
	struct lr_matrix *b = lr_mat_from(2, 1, rhs);
	for (int t = 0; t < 4; t++) {
		struct lr_matrix *A = lr_mat_from(2, 2, cases[t]), *X = NULL;
		int sing = 1;
		CHECK(lr_linalg_solve(LR_LEFT, A, b, &X, &sing) == LR_OK && X && sing == 0);
		CHECK(X && residual(LR_LEFT, A, X, b) < 1e-15);
		lr_mat_destroy(A);
		lr_mat_destroy(X);
	}
	lr_mat_destroy(b);
}

/* Singular to machine precision: flagged; an exact zero pivot gives the
 * minimum-norm least-squares solution (Octave's fallback), the inverse a
 * matrix of Inf; a tiny but nonzero pivot the factors' own answer. */
static void singular(void)
{
	static const double s[] = { 1, 2, 2, 4 }, near[] = { 1, 1, 1, 1 + 1e-17 };
	static const double tiny[] = { 1, 1, 1, 1 + 1e-15 }, rhs[] = { 1, 2 };
	struct lr_matrix *A = lr_mat_from(2, 2, s), *N = lr_mat_from(2, 2, near);
	struct lr_matrix *T = lr_mat_from(2, 2, tiny), *b = lr_mat_from(2, 1, rhs), *X = NULL;
	int sing = 0;
	double rc = 1.0;

	CHECK(lr_linalg_solve(LR_LEFT, A, b, &X, &sing) == LR_OK && X && sing == 1);
	CHECK_NEAR(X ? X->data[0] : 0, 0.2, 1e-15);   /* pinv(A) * b */
	CHECK_NEAR(X ? X->data[1] : 0, 0.4, 1e-15);
	lr_mat_destroy(X);
	X = NULL;
	CHECK(lr_linalg_inv(A, &X, &sing, &rc) == LR_OK && sing == 1 && rc == 0.0);
	CHECK(X && isinf(X->data[0]) && isinf(X->data[3]));
	lr_mat_destroy(X);
	X = NULL;
	CHECK(lr_linalg_inv(N, &X, &sing, NULL) == LR_OK && sing == 1 && X && isinf(X->data[1]));
	lr_mat_destroy(X);
	X = NULL;
	/* rcond about 2.5e-16 adds to 1: not singular to Octave, a huge solution. */
	CHECK(lr_linalg_solve(LR_LEFT, T, b, &X, &sing) == LR_OK && sing == 0);
	CHECK(X && fabs(X->data[0]) > 1e14);
	lr_mat_destroy(X);
	lr_mat_destroy(A);
	lr_mat_destroy(N);
	lr_mat_destroy(T);
	lr_mat_destroy(b);
}

/* Over- and underdetermined systems: the least-squares solution of a tall
 * one satisfies the normal equations; a wide one's is the minimum-norm
 * solution, which lies in the row space (here: x = Aᵀ (A Aᵀ)⁻¹ b). */
static void lstsq(void)
{
	static const double tall[] = { 1, 0, 1, 1, 1, 2 }, b3[] = { 1, 2, 4 };
	static const double wide[] = { 1, 1 }, b1[] = { 2 };
	struct lr_matrix *A = lr_mat_from(3, 2, tall), *b = lr_mat_from(3, 1, b3), *X = NULL;
	struct lr_matrix *W = lr_mat_from(1, 2, wide), *c = lr_mat_from(1, 1, b1);
	size_t rank = 0;

	CHECK(lr_linalg_lstsq(LR_LEFT, A, b, &X, &rank) == LR_OK && rank == 2);
	/* Fit of 1, 2, 4 at t = 0, 1, 2: intercept 5/6, slope 3/2. */
	CHECK(X && X->rows == 2 && X->cols == 1);
	CHECK_NEAR(X ? X->data[0] : 0, 5.0 / 6.0, 1e-14);
	CHECK_NEAR(X ? X->data[1] : 0, 1.5, 1e-14);
	lr_mat_destroy(X);
	X = NULL;
	CHECK(lr_linalg_lstsq(LR_LEFT, W, c, &X, &rank) == LR_OK && rank == 1);
	CHECK(X && X->rows == 2 && fabs(X->data[0] - 1.0) < 1e-15 && fabs(X->data[1] - 1.0) < 1e-15);
	lr_mat_destroy(X);
	X = NULL;
	b->data[1] = NAN;
	CHECK(lr_linalg_lstsq(LR_LEFT, A, b, &X, NULL) == LR_OK && X && isnan(X->data[0]));
	lr_mat_destroy(A);
	lr_mat_destroy(b);
	lr_mat_destroy(W);
	lr_mat_destroy(c);
	lr_mat_destroy(X);
}

static void inv(void)
{
	static const double a[] = { 4, 7, 2, 6 };
	struct lr_matrix *A = lr_mat_from(2, 2, a), *X = NULL;

	CHECK(lr_linalg_inv(A, &X, NULL, NULL) == LR_OK && X);
	CHECK_NEAR(X ? LR_AT(X, 0, 0) : 0, 0.6, 1e-15);
	CHECK_NEAR(X ? LR_AT(X, 0, 1) : 0, -0.7, 1e-15);
	CHECK_NEAR(X ? LR_AT(X, 1, 0) : 0, -0.2, 1e-15);
	CHECK_NEAR(X ? LR_AT(X, 1, 1) : 0, 0.4, 1e-15);
	lr_mat_destroy(X);
	X = NULL;
	struct lr_matrix *R = lr_mat_create(2, 3);
	CHECK(lr_linalg_inv(R, &X, NULL, NULL) == LR_ERR_SHAPE && !X);
	lr_mat_destroy(R);
	lr_mat_destroy(A);
}

/* U and V orthogonal, U S Vᵀ = A, for a tall, a wide and an empty matrix,
 * with either driver first. */
static void svd_full(void)
{
	static const size_t shapes[][2] = { { 5, 3 }, { 3, 5 }, { 4, 4 } };
	for (int drv = 0; drv < 2; drv++)
		for (size_t t = 0; t < 3; t++) {
			size_t m = shapes[t][0], n = shapes[t][1], p = m < n ? m : n;
			struct lr_matrix *A = gaussian_matrix(m, n, 30 + t), *U = NULL, *V = NULL;
			double *s = NULL;
			CHECK(lr_linalg_svd(A, 0, drv, &U, &s, &V) == LR_OK);
			if (!U || !V || !s)
				continue;
			CHECK(U->rows == m && U->cols == m && V->rows == n && V->cols == n);
			for (size_t i = 0; i < m; i++)
				for (size_t j = 0; j < n; j++) {
					double x = 0.0;
					for (size_t l = 0; l < p; l++)
						x += LR_AT(U, i, l) * s[l] * LR_AT(V, j, l);
					CHECK_NEAR(x, LR_AT(A, i, j), 1e-13);
				}
			for (size_t i = 0; i < n; i++)
				for (size_t j = 0; j < n; j++) {
					double d = 0.0;
					for (size_t l = 0; l < n; l++)
						d += LR_AT(V, l, i) * LR_AT(V, l, j);
					CHECK_NEAR(d, i == j, 1e-14);
				}
			lr_mat_destroy(A);
			lr_mat_destroy(U);
			lr_mat_destroy(V);
			lr_free(s);
		}
	struct lr_matrix *E = lr_mat_create(2, 0), *U = NULL, *V = NULL;
	double *s = NULL;
	CHECK(lr_linalg_svd(E, 0, 0, &U, &s, &V) == LR_OK && U && V);
	CHECK(U && U->rows == 2 && LR_AT(U, 1, 1) == 1.0 && V && V->rows == 0);
	lr_mat_destroy(U);
	lr_mat_destroy(V);
	lr_free(s);
	E->rows = 0;
	struct lr_matrix *I = lr_mat_create(1, 1);
	I->data[0] = NAN;
	CHECK(lr_linalg_svd(I, 0, 0, &U, &s, &V) == LR_ERR_NONFINITE);
	lr_mat_destroy(I);
	lr_mat_destroy(E);
}

/* Every allocation failing in turn is reported, never crashed on. */
static void alloc_fail(void)
{
	struct lr_matrix *A = gaussian_matrix(5, 5, 40), *B = gaussian_matrix(5, 2, 41);
	int failures = 0;

	for (long n = 0; n < 40; n++) {
		struct lr_matrix *X = NULL, *U = NULL, *V = NULL;
		double *s = NULL;
		lr_alloc_fail_after(n);
		enum lr_status a = lr_linalg_solve(LR_LEFT, A, B, &X, NULL);
		lr_mat_destroy(X);
		X = NULL;
		enum lr_status b = lr_linalg_lstsq(LR_LEFT, A, B, &X, NULL);
		lr_mat_destroy(X);
		X = NULL;
		enum lr_status c = lr_linalg_inv(A, &X, NULL, NULL);
		lr_mat_destroy(X);
		enum lr_status d = lr_linalg_svd(A, 0, 0, &U, &s, &V);
		lr_alloc_fail_after(-1);
		CHECK(a == LR_OK || a == LR_ERR_NOMEM);
		CHECK(b == LR_OK || b == LR_ERR_NOMEM);
		CHECK(c == LR_OK || c == LR_ERR_NOMEM);
		CHECK(d == LR_OK || d == LR_ERR_NOMEM);
		failures += (a != LR_OK) + (b != LR_OK) + (c != LR_OK) + (d != LR_OK);
		if (d == LR_OK) {
			lr_mat_destroy(U);
			lr_mat_destroy(V);
			lr_free(s);
		}
	}
	CHECK(failures > 4);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
}

/* ---- decomp.c ------------------------------------------------------------------ */

static void det(void)
{
	static const double a[] = { 4, -2, 1, 3, 6, -4, 2, 1, 8 }, s[] = { 1, 2, 2, 4 };
	struct lr_matrix *A = lr_mat_from(3, 3, a), *S = lr_mat_from(2, 2, s), *E = lr_mat_create(0, 0);
	double d = 0.0;

	CHECK(lr_linalg_det(A, &d) == LR_OK);
	CHECK_NEAR(d, 4 * (48 + 4) + 2 * (24 + 8) + (3 - 12), 1e-12);   /* 247 */
	CHECK(lr_linalg_det(S, &d) == LR_OK && d == 0.0);
	CHECK(lr_linalg_det(E, &d) == LR_OK && d == 1.0);
	E->rows = 2;   /* 2×0: not square */
	CHECK(lr_linalg_det(E, &d) == LR_ERR_SHAPE);
	lr_mat_destroy(A);
	lr_mat_destroy(S);
	lr_mat_destroy(E);
}

/* P A = L U, L unit lower, U upper; Octave's example [4 3; 6 3]. */
static void lu(void)
{
	static const double a[] = { 4, 3, 6, 3 };
	struct lr_matrix *A = lr_mat_from(2, 2, a), *L = NULL, *U = NULL, *Y = NULL;
	struct lr_matrix *W = gaussian_matrix(3, 5, 50), *L2 = NULL, *U2 = NULL;
	size_t *perm = NULL;

	CHECK(lr_linalg_lu(A, &L, &U, &perm, &Y) == LR_OK && L && U && perm && Y);
	CHECK(perm && perm[0] == 1 && perm[1] == 0);
	CHECK(L && LR_AT(L, 0, 0) == 1.0 && LR_AT(L, 0, 1) == 0.0 && fabs(LR_AT(L, 1, 0) - 2.0 / 3) < 1e-15);
	CHECK(U && LR_AT(U, 0, 0) == 6.0 && LR_AT(U, 0, 1) == 3.0 && LR_AT(U, 1, 0) == 0.0 &&
	      LR_AT(U, 1, 1) == 1.0);
	CHECK(Y && LR_AT(Y, 0, 0) == 6.0 && fabs(LR_AT(Y, 1, 0) - 2.0 / 3) < 1e-15);
	lr_free(perm);
	perm = NULL;
	/* a wide matrix: L 3×3, U 3×5, and P W = L U */
	CHECK(lr_linalg_lu(W, &L2, &U2, &perm, NULL) == LR_OK && L2 && U2 && perm);
	if (L2 && U2 && perm) {
		struct lr_matrix *LU = NULL;
		CHECK(L2->cols == 3 && U2->rows == 3 && U2->cols == 5);
		CHECK(lr_linalg_mul(L2, U2, NULL, &LU) == LR_OK);
		for (size_t i = 0; LU && i < 3; i++)
			for (size_t j = 0; j < 5; j++)
				CHECK_NEAR(LR_AT(LU, i, j), LR_AT(W, perm[i], j), 1e-14);
		lr_mat_destroy(LU);
	}
	lr_free(perm);
	lr_mat_destroy(A);
	lr_mat_destroy(L);
	lr_mat_destroy(U);
	lr_mat_destroy(Y);
	lr_mat_destroy(W);
	lr_mat_destroy(L2);
	lr_mat_destroy(U2);
}

static void chol(void)
{
	static const double a[] = { 4, 2, 2, 3 }, b[] = { 4, 2, 0, 2, 5, 3, 0, 3, 1 };
	struct lr_matrix *A = lr_mat_from(2, 2, a), *B = lr_mat_from(3, 3, b), *R = NULL;
	size_t minor = 9;

	CHECK(lr_linalg_chol(A, &R, &minor) == LR_OK && minor == 0 && R);
	CHECK(R && LR_AT(R, 0, 0) == 2.0 && LR_AT(R, 0, 1) == 1.0 && LR_AT(R, 1, 0) == 0.0);
	CHECK_NEAR(R ? LR_AT(R, 1, 1) : 0, sqrt(2.0), 1e-15);
	lr_mat_destroy(R);
	R = NULL;
	/* not positive definite at the third leading minor: R is the first two's factor */
	CHECK(lr_linalg_chol(B, &R, &minor) == LR_OK && minor == 3 && R && R->rows == 2);
	lr_mat_destroy(R);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
}

/* Q orthogonal, R upper, Q R = A P; full and economy; Octave's signs for
 * [1 2; 3 4; 5 6] (R(1,1) = -5.9161). */
static void qr(void)
{
	static const double b[] = { 1, 2, 3, 4, 5, 6 };
	struct lr_matrix *B = lr_mat_from(3, 2, b);
	for (int econ = 0; econ < 2; econ++)
		for (int piv = 0; piv < 2; piv++) {
			struct lr_matrix *Q = NULL, *R = NULL, *QR = NULL;
			size_t *perm = NULL;
			CHECK(lr_linalg_qr(B, econ, &Q, &R, piv ? &perm : NULL, NULL) == LR_OK && Q && R);
			if (!Q || !R)
				continue;
			CHECK(Q->cols == (econ ? 2u : 3u) && R->rows == Q->cols && R->cols == 2);
			CHECK(LR_AT(R, 1, 0) == 0.0);
			if (!piv)
				CHECK_NEAR(LR_AT(R, 0, 0), -sqrt(35.0), 1e-14);
			CHECK(lr_linalg_mul(Q, R, NULL, &QR) == LR_OK);
			for (size_t i = 0; QR && i < 3; i++)
				for (size_t j = 0; j < 2; j++)
					CHECK_NEAR(LR_AT(QR, i, j), LR_AT(B, i, piv ? perm[j] : j), 1e-14);
			CHECK(!piv || (perm[0] == 1 && perm[1] == 0));   /* the larger column first */
			lr_free(perm);
			lr_mat_destroy(Q);
			lr_mat_destroy(R);
			lr_mat_destroy(QR);
		}
	lr_mat_destroy(B);
}

/* Symmetric: ascending values, orthonormal vectors, both drivers (below
 * and above LR_LINALG_SYEV_MAX); general: real eigenvalues in LAPACK's
 * order, and complex ones reported. */
static void eig(void)
{
	static const size_t sizes[] = { 3, LR_LINALG_SYEV_MAX + 5 };
	for (int t = 0; t < 2; t++) {
		size_t n = sizes[t];
		struct lr_matrix *G = gaussian_matrix(n, n, 60 + t), *S = NULL, *V = NULL;
		double *w = NULL;
		CHECK(lr_mat_mul_bt(G, G, &S) == LR_OK && lr_linalg_is_symmetric(S));
		CHECK(lr_linalg_eig_sym(S, &w, &V) == LR_OK && w && V);
		for (size_t i = 1; w && i < n; i++)
			CHECK(w[i - 1] <= w[i]);
		/* S v = λ v for the largest */
		for (size_t i = 0; w && V && i < n; i++) {
			double sv = 0.0;
			for (size_t j = 0; j < n; j++)
				sv += LR_AT(S, i, j) * LR_AT(V, j, n - 1);
			CHECK_NEAR(sv, w[n - 1] * LR_AT(V, i, n - 1), 1e-9 * w[n - 1]);
		}
		lr_free(w);
		lr_mat_destroy(G);
		lr_mat_destroy(S);
		lr_mat_destroy(V);
	}
	static const double g[] = { 4, -2, 1, 1 }, rot[] = { 0, 1, -1, 0 };
	struct lr_matrix *G = lr_mat_from(2, 2, g), *R = lr_mat_from(2, 2, rot), *V = NULL;
	double *wr = NULL, *wi = NULL;
	int cplx = 1;
	CHECK(lr_linalg_eig(G, &wr, &wi, &V, &cplx) == LR_OK && !cplx && V);
	CHECK(wr && fabs(wr[0] - 3) < 1e-14 && fabs(wr[1] - 2) < 1e-14 && wi[0] == 0.0);
	lr_free(wr);
	lr_free(wi);
	lr_mat_destroy(V);
	V = NULL;
	CHECK(lr_linalg_eig(R, &wr, &wi, &V, &cplx) == LR_OK && cplx && !V);
	CHECK(wi && fabs(fabs(wi[0]) - 1) < 1e-15);
	lr_free(wr);
	lr_free(wi);
	R->data[1] = NAN;
	CHECK(lr_linalg_eig(R, &wr, &wi, NULL, &cplx) == LR_ERR_NONFINITE);
	lr_mat_destroy(G);
	lr_mat_destroy(R);
}

/* rcond by structure: identity 1, singular 0, NaN NaN, Inf 0, empty Inf. */
static void rcond(void)
{
	static const double i2[] = { 1, 0, 0, 1 }, s[] = { 1, 2, 2, 4 };
	static const double n[] = { 1, NAN, 2, 3 }, f[] = { 1, INFINITY, 2, 3 }, u[] = { 2, 1, 0, 4 };
	const double *cases[] = { i2, s, n, f, u };
	double want[] = { 1.0, 0.0, NAN, 0.0, -1.0 };
	for (int t = 0; t < 5; t++) {
		struct lr_matrix *A = lr_mat_from(2, 2, cases[t]);
		double r = -2.0;
		CHECK(lr_linalg_rcond(A, &r) == LR_OK);
		if (isnan(want[t]))
			CHECK(isnan(r));
		else if (want[t] >= 0)
			CHECK(r == want[t]);
		else
			CHECK(r > 0.1 && r < 1.0);   /* triangular, well conditioned */
		lr_mat_destroy(A);
	}
	struct lr_matrix *E = lr_mat_create(0, 0);
	double r = 0.0;
	CHECK(lr_linalg_rcond(E, &r) == LR_OK && isinf(r));
	lr_mat_destroy(E);
}

/* Octave's rref examples. */
static void rref(void)
{
	static const double a[] = { 1, 2, 3, 4, 5, 6 }, b[] = { 1, 2, 1, 2, 4, 0, 3, 6, 1 };
	struct lr_matrix *A = lr_mat_from(2, 3, a), *B = lr_mat_from(3, 3, b), *R = NULL;
	size_t *piv = NULL, np = 0;

	CHECK(lr_linalg_rref(A, -1.0, &R, &piv, &np) == LR_OK && R && np == 2);
	CHECK(R && fabs(LR_AT(R, 0, 2) + 1) < 1e-14 && fabs(LR_AT(R, 1, 2) - 2) < 1e-14);
	CHECK(R && LR_AT(R, 0, 0) == 1.0 && LR_AT(R, 1, 0) == 0.0);
	lr_free(piv);
	lr_mat_destroy(R);
	CHECK(lr_linalg_rref(B, -1.0, &R, &piv, &np) == LR_OK && np == 2 && piv[0] == 0 && piv[1] == 2);
	CHECK(R && LR_AT(R, 2, 0) == 0.0 && LR_AT(R, 2, 1) == 0.0 && LR_AT(R, 2, 2) == 0.0);
	lr_free(piv);
	lr_mat_destroy(R);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
}

static void dot(void)
{
	static const double x[] = { 1, 2, 3, 4, 5, 6 };
	double d = 0.0;

	CHECK(lr_linalg_dot(3, x, 1, x + 3, 1, &d) == LR_OK && d == 32.0);
	CHECK(lr_linalg_dot(3, x, 2, x + 1, 2, &d) == LR_OK && d == 2 + 12 + 30);
	CHECK(lr_linalg_dot(0, x, 1, x, 1, &d) == LR_OK && d == 0.0);
}

SUBTEST_MAIN(T(mul), T(mul_empty), T(mul_nonfinite), T(tile_plan), T(tiles_close),
             T(tiles_exact_prescott), T(tiles_exact_haswell),
             T(mul_stop), T(solve), T(solve_structures), T(singular), T(lstsq), T(inv), T(svd_full), T(alloc_fail),
             T(det), T(lu), T(chol), T(qr), T(eig), T(rcond), T(rref), T(dot))
