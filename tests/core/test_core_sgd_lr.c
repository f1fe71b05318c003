/* Unit tests of the learning rate for a matrix's scale (sgd_lr.h). */
#include <float.h>

#include "check.h"
#include "lowrank/sgd.h"
#include "lowrank/sgd_lr.h"

static void round_down(void)
{
	CHECK(lr_sgd_round_lr(0.0186) == 0.01);
	CHECK(lr_sgd_round_lr(1.95e-5) == 1e-5);
	CHECK(lr_sgd_round_lr(0.0058) == 0.005);
	CHECK(lr_sgd_round_lr(0.2) == 0.2);
	CHECK(lr_sgd_round_lr(7) == 7);
	CHECK(lr_sgd_round_lr(0) == 0 && lr_sgd_round_lr(-1) == 0);
	CHECK(lr_sgd_round_lr(NAN) == 0 && lr_sgd_round_lr(INFINITY) == 0);
}

static void norm(void)
{
	struct lr_matrix *A = lr_mat_from(2, 2, (const double[]){ 3, 4, NAN, 12 });
	struct lr_matrix *M = lr_mat_from(2, 2, (const double[]){ 1, 1, 1, 0 });
	CHECK(lr_sgd_norm(A) == 13.0);   /* the NaN is not observed */
	CHECK(lr_mat_set_mask(A, M) == LR_OK);
	CHECK(lr_sgd_norm(A) == 5.0);    /* nor is the masked 12 */
	lr_mat_destroy(A);
	/* entries near DBL_MAX: no overflow in the squares */
	A = lr_mat_from(1, 2, (const double[]){ 3e300, 4e300 });
	CHECK_NEAR(lr_sgd_norm(A) / 5e300, 1.0, 1e-15);
	lr_mat_destroy(A);
	A = lr_mat_from(1, 2, (const double[]){ 1, INFINITY });
	CHECK(isinf(lr_sgd_norm(A)) && lr_sgd_stable_lr(A) == 0 && lr_sgd_default_lr(A) == 0.01);
	lr_mat_destroy(A);
	lr_mat_destroy(M);
}

static void defaults(void)
{
	struct lr_matrix *A = lr_mat_create(4, 4);
	for (size_t i = 0; i < 16; i++)
		A->data[i] = 25;             /* norm 100: 1/100 is the default itself */
	CHECK(lr_sgd_default_lr(A) == 0.01);
	for (size_t i = 0; i < 16; i++)
		A->data[i] = 50;             /* norm 200 */
	CHECK(lr_sgd_stable_lr(A) == 0.005 && lr_sgd_default_lr(A) == 0.005);
	for (size_t i = 0; i < 16; i++)
		A->data[i] = 0.5;            /* norm 2: 0.5 is stable, the default stays */
	CHECK(lr_sgd_stable_lr(A) == 0.5 && lr_sgd_default_lr(A) == 0.01);
	for (size_t i = 0; i < 16; i++)
		A->data[i] = 0;
	CHECK(lr_sgd_stable_lr(A) == 0 && lr_sgd_default_lr(A) == 0.01);
	lr_mat_destroy(A);
}

/* A 128×128 picture-like matrix, levels 27..227: 0.01 diverges at once;
 * the default trains to within 1 % of the rank-4 optimum's loss (2112.7,
 * the sum of s(5:end).^2 by the program's svd). */
static void trains(void)
{
	struct lr_matrix *A = lr_mat_create(128, 128);
	struct lr_sgd_options o;
	struct lr_sgd_result r = { 0 };
	for (size_t i = 0; i < 128; i++)
		for (size_t j = 0; j < 128; j++)
			LR_AT(A, i, j) = round(127 + 100 * sin((double)((i + 1) * (j + 1)) / 3000));
	lr_sgd_options_init(&o);
	o.rank = 4;
	o.epochs = 20;
	CHECK(lr_sgd_run(A, &o, &r) == LR_ERR_DIVERGED);
	lr_sgd_result_finish(&r);
	o.lr = lr_sgd_default_lr(A);
	o.epochs = 2000;
	CHECK(o.lr == 4e-5);             /* norm 2.28e4 */
	CHECK(lr_sgd_run(A, &o, &r) == LR_OK);
	double first = r.loss[0], last = r.loss[o.epochs - 1];
	CHECK(last < 2112.7 * 1.01 && last > 2112.6 && first > 1e8);
	for (long e = 1; e < o.epochs; e++)   /* no blow-up along the way */
		CHECK(r.loss[e] <= r.loss[e - 1] * 1.01);
	lr_sgd_result_finish(&r);
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(round_down), T(norm), T(defaults), T(trains))
