/* Unit tests of the rounding rule (lowrank/rounding.h): when a remainder is
 * zero to rounding. */
#include <float.h>

#include "check.h"
#include "lowrank/rounding.h"
#include "lowrank/svd.h"

/* The bound itself: n·eps·scale is in, the next double above it is out. */
static void bound(void)
{
	double b = 30 * DBL_EPSILON * 2.0;
	CHECK(lr_zero_to_rounding(b, 2.0, 30));
	CHECK(!lr_zero_to_rounding(nextafter(b, 1.0) * (1 + 1e-15), 2.0, 30));
	CHECK(lr_zero_to_rounding(-b, 2.0, 30));          /* a negative gap counts by size */
	CHECK(lr_zero_to_rounding(0.0, 2.0, 30));         /* an exact 0 is zero to rounding */
	CHECK(!lr_zero_to_rounding(b, 2.0, 29));          /* a smaller matrix rounds less */
	CHECK(lr_zero_to_rounding(1e-12, 1e4, 1));
	CHECK(!lr_zero_to_rounding(1e-11, 1e4, 1));
}

/* Nothing to measure against, or nothing measured: never zero. */
static void undecided(void)
{
	CHECK(!lr_zero_to_rounding(NAN, 1.0, 10));
	CHECK(!lr_zero_to_rounding(0.0, 0.0, 10));        /* a zero matrix */
	CHECK(!lr_zero_to_rounding(0.0, INFINITY, 10));
	CHECK(!lr_zero_to_rounding(0.0, NAN, 10));
	CHECK(!lr_zero_to_rounding(INFINITY, 1.0, 10));
	CHECK(!lr_sumsq_zero_to_rounding(NAN, 1.0, 10));
	CHECK(!lr_sumsq_zero_to_rounding(0.0, 0.0, 10));
	CHECK(!lr_sumsq_zero_to_rounding(1.0, INFINITY, 10));
}

/* The sum-of-squares form agrees with the norm form, and neither
 * overflows nor underflows at the ends of the double range. */
static void sumsq(void)
{
	double t = 40 * DBL_EPSILON;
	CHECK(lr_sumsq_zero_to_rounding(t * t * 9.0 * (1 - 1e-12), 9.0, 40));
	CHECK(!lr_sumsq_zero_to_rounding(t * t * 9.0 * (1 + 1e-12), 9.0, 40));
	CHECK(lr_zero_to_rounding(1e280, 1e300, 2));      /* 1e-20 of the scale */
	CHECK(!lr_zero_to_rounding(1e290, 1e300, 2));
	CHECK(lr_zero_to_rounding(1e-320, 1e-300, 2));    /* a subnormal remainder */
	CHECK(!lr_zero_to_rounding(1e-305, 1e-300, 2));
	CHECK(lr_sumsq_zero_to_rounding(1e-300, 1e-250, 3));
	CHECK(!lr_sumsq_zero_to_rounding(1e-280, 1e-250, 3));
}

/* ‖A‖_F over the known entries, without overflow or underflow. */
static void scale(void)
{
	struct lr_matrix *A = lr_mat_from(2, 2, (const double[]){ 3, NAN, 4, 0 });
	CHECK(lr_rounding_scale(A) == 5.0);
	A->data[0] = 3e300;
	A->data[2] = 4e300;
	CHECK_REL(lr_rounding_scale(A), 5e300, 1e-15);
	A->data[0] = 3e-300;
	A->data[2] = 4e-300;
	CHECK_REL(lr_rounding_scale(A), 5e-300, 1e-15);
	A->data[3] = INFINITY;
	CHECK(isinf(lr_rounding_scale(A)));
	lr_mat_destroy(A);
	struct lr_matrix *Z = lr_mat_create(2, 3);
	CHECK(lr_rounding_scale(Z) == 0.0);
	lr_mat_destroy(Z);
}

/* reshape(1:900, 30, 30) has rank 2 exactly: its σ3..σ30 and its rank-2
 * error are rounding, with room to spare on this CPU's kernel (so another
 * kernel's noise, within a factor of ten, is also rounding); σ2 and the
 * rank-1 error are not, by many orders. */
static void rank_two(void)
{
	struct lr_matrix *A = lr_mat_create(30, 30);
	double s[30], tail2 = 0, tail1, fro = 0;
	for (size_t j = 0; j < 30; j++)
		for (size_t i = 0; i < 30; i++)
			LR_AT(A, i, j) = (double)(i + 30 * j + 1);
	CHECK(lr_svd_values(A, s) == LR_OK);
	for (size_t i = 29; i >= 2; i--)
		tail2 += s[i] * s[i];
	tail1 = tail2 + s[1] * s[1];
	for (size_t i = 0; i < 30; i++)
		fro += s[i] * s[i];
	CHECK_REL(sqrt(fro), lr_rounding_scale(A), 1e-12);
	CHECK(!lr_zero_to_rounding(s[1], s[0], 30));
	for (size_t i = 2; i < 30; i++)
		CHECK(lr_zero_to_rounding(10 * s[i], s[0], 30));
	CHECK(lr_sumsq_zero_to_rounding(100 * tail2, fro, 30));
	CHECK(lr_zero_to_rounding(10 * sqrt(tail2), lr_rounding_scale(A), 30));
	CHECK(!lr_sumsq_zero_to_rounding(tail1 * 1e-10, fro, 30));
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(bound), T(undecided), T(sumsq), T(scale), T(rank_two))
