/* Unit tests of the error measures. */
#include <float.h>

#include "check.h"
#include "lowrank/loss.h"

static void compute(void)
{
	/* Entry 1 is NaN in A (hidden, unknown), entry 2 masked out (hidden,
	 * known), entry 3 masked out and infinite (hidden, not known), entry 5
	 * NaN in B (skipped). */
	static const double a[] = { 1, NAN, 3, INFINITY, 5, 6 };
	static const double b[] = { 2, 0, 1, 0, 5, NAN };
	static const double m[] = { 1, 1, 0, 0, 1, 1 };
	struct lr_matrix *A = lr_mat_from(2, 3, a), *B = lr_mat_from(2, 3, b);
	struct lr_matrix *M = lr_mat_from(2, 3, m);
	CHECK(lr_mat_set_mask(A, M) == LR_OK);
	struct lr_loss l;
	CHECK(lr_loss_compute(A, B, &l) == LR_OK);
	CHECK(l.sse_observed == 1.0 && l.n_observed == 2);   /* (1−2)² + 0 */
	CHECK(l.sse_hidden == 4.0 && l.n_hidden_known == 1);  /* (3−1)² */
	CHECK(l.n_hidden == 3);
	CHECK_NEAR(lr_loss_rmse(l.sse_observed, l.n_observed), sqrt(0.5), 1e-16);
	CHECK(isnan(lr_loss_rmse(0.0, 0)));
	struct lr_matrix *W = lr_mat_create(3, 2);
	CHECK(lr_loss_compute(A, W, &l) == LR_ERR_SHAPE);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(M);
	lr_mat_destroy(W);
}

static void sse_mse(void)
{
	static const double a[] = { 1, NAN, 3, 4 }, b[] = { 0, 1, NAN, 6 };
	static const double m[] = { 0, 0, 0, 0 };
	struct lr_matrix *A = lr_mat_from(2, 2, a), *B = lr_mat_from(2, 2, b);
	struct lr_matrix *M = lr_mat_from(2, 2, m);
	CHECK(lr_mat_set_mask(A, M) == LR_OK);   /* ignored by sse and mse */
	double s = 0.0, e = 0.0;
	CHECK(lr_loss_sse(A, B, &s) == LR_OK && s == 5.0);
	CHECK(lr_loss_mse(A, B, &e) == LR_OK && e == 2.5);
	struct lr_matrix *W = lr_mat_create(1, 4);
	CHECK(lr_loss_sse(A, W, &s) == LR_ERR_SHAPE);
	CHECK(lr_loss_mse(A, W, &s) == LR_ERR_SHAPE);
	struct lr_matrix *N = lr_mat_from(2, 2, (const double[]){ NAN, NAN, NAN, NAN });
	CHECK(lr_loss_mse(A, N, &e) == LR_OK && isnan(e));
	CHECK(lr_loss_sse(A, N, &s) == LR_OK && s == 0.0);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(M);
	lr_mat_destroy(W);
	lr_mat_destroy(N);
}

static void frobenius(void)
{
	struct lr_matrix *A = lr_mat_from(2, 2, (const double[]){ 3, 4, 0, 12 });
	CHECK(lr_mat_frobenius(A) == 13.0);
	/* Squares that overflow or underflow are rescaled. */
	A->data[0] = 3e200, A->data[1] = 4e200, A->data[3] = 0;
	CHECK_REL(lr_mat_frobenius(A), 5e200, 1e-15);
	A->data[0] = 3e-200, A->data[1] = 4e-200;
	CHECK_REL(lr_mat_frobenius(A), 5e-200, 1e-15);
	A->data[0] = INFINITY;
	CHECK(isinf(lr_mat_frobenius(A)));
	A->data[1] = NAN;
	CHECK(isnan(lr_mat_frobenius(A)));
	struct lr_matrix *Z = lr_mat_create(2, 2), *E = lr_mat_create(0, 5);
	CHECK(lr_mat_frobenius(Z) == 0.0 && lr_mat_frobenius(E) == 0.0);
	lr_mat_destroy(A);
	lr_mat_destroy(Z);
	lr_mat_destroy(E);
}

SUBTEST_MAIN(T(compute), T(sse_mse), T(frobenius))
