/* Unit tests of the core's functions of a matrix (expm.c, sqrtm.c) and
 * generalized eigenproblem (eig_pair.c), against values worked by hand. */
#include <math.h>

#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/matfun.h"

static int near(double x, double y, double tol)
{
	return fabs(x - y) <= tol * (1 + fabs(y));
}

/* e^A of a rotation generator and of Moler and Van Loan's
 * [-49 24; -64 31] = V diag(-1, -17) V⁻¹ with V = [1 3; 2 4]. */
static void expm(void)
{
	struct lr_matrix *A = lr_mat_from(2, 2, (const double[]){ 0, 1, -1, 0 }), *R = NULL;
	int singular = 1;

	CHECK(lr_matfun_expm(A, &R, &singular) == LR_OK && !singular);
	CHECK(near(R->data[0], cos(1), 1e-14) && near(R->data[1], sin(1), 1e-14));
	CHECK(near(R->data[2], -sin(1), 1e-14) && near(R->data[3], cos(1), 1e-14));
	lr_mat_destroy(A);
	lr_mat_destroy(R);
	A = lr_mat_from(2, 2, (const double[]){ -49, 24, -64, 31 });
	double e1 = exp(-1), e17 = exp(-17);
	/* V diag(e1, e17) V⁻¹, V⁻¹ = [-2 1.5; 1 -0.5] */
	double want[4] = { -2 * e1 + 3 * e17, 1.5 * e1 - 1.5 * e17,
	                   -4 * e1 + 4 * e17, 3 * e1 - 2 * e17 };
	CHECK(lr_matfun_expm(A, &R, NULL) == LR_OK);
	for (int k = 0; k < 4; k++)
		CHECK(near(R->data[k], want[k], 1e-10));
	lr_mat_destroy(A);
	lr_mat_destroy(R);
}

/* The complex form: e^(iθ I + N) for a rotation generator N, and a real
 * matrix given as complex agrees with the real form. */
static void expm_complex(void)
{
	const double ar[] = { 0, 1, -1, 0 }, ai[] = { 0.5, 0, 0, 0.5 };
	const double br[] = { 1, 2, 3, 4 }, bi[] = { 0, 0, 0, 0 };
	double xr[4], xi[4];
	struct lr_matrix *B = lr_mat_from(2, 2, br), *R = NULL;

	CHECK(lr_matfun_expm_complex(2, ar, ai, xr, xi) == LR_OK);
	double c = cos(0.5), s = sin(0.5);   /* e^(i/2) [cos 1, sin 1; -sin 1, cos 1] */
	double rot[4] = { cos(1), sin(1), -sin(1), cos(1) };
	for (int k = 0; k < 4; k++)
		CHECK(near(xr[k], c * rot[k], 1e-13) && near(xi[k], s * rot[k], 1e-13));
	CHECK(lr_matfun_expm_complex(2, br, bi, xr, xi) == LR_OK);
	CHECK(lr_matfun_expm(B, &R, NULL) == LR_OK);
	for (int k = 0; k < 4; k++)
		CHECK(near(xr[k], R->data[k], 1e-12) && fabs(xi[k]) < 1e-12 * fabs(xr[k]));
	lr_mat_destroy(B);
	lr_mat_destroy(R);
	const double bad[] = { 1, NAN, 0, 1 };
	CHECK(lr_matfun_expm_complex(2, bad, ai, xr, xi) == LR_ERR_NONFINITE);
}

/* What expm.m answers first (diagonal, scalar, empty) and its refusals. */
static void expm_special(void)
{
	struct lr_matrix *A = lr_mat_from(2, 2, (const double[]){ 1, 0, 0, -INFINITY }), *R = NULL;

	CHECK(lr_matfun_expm(A, &R, NULL) == LR_OK);
	CHECK(R->data[0] == exp(1) && R->data[1] == 0 && R->data[2] == 0 && R->data[3] == 0);
	lr_mat_destroy(A);
	lr_mat_destroy(R);
	A = lr_mat_create(0, 0);
	CHECK(lr_matfun_expm(A, &R, NULL) == LR_OK && R->rows == 0 && R->cols == 0);
	lr_mat_destroy(A);
	lr_mat_destroy(R);
	A = lr_mat_from(2, 2, (const double[]){ 1, NAN, 2, 3 });
	CHECK(lr_matfun_expm(A, &R, NULL) == LR_ERR_NONFINITE);
	lr_mat_destroy(A);
	A = lr_mat_create(2, 3);
	CHECK(lr_matfun_expm(A, &R, NULL) == LR_ERR_SHAPE);
	lr_mat_destroy(A);
}

/* An upper triangular matrix in real arithmetic, exactly. */
static void sqrtm_triangular(void)
{
	const double a[] = { 4, 1, 0, 9 };
	double xr[4], xi[4];
	int singular = 1;

	CHECK(lr_matfun_sqrtm(2, a, NULL, xr, xi, &singular) == LR_OK && !singular);
	CHECK(xr[0] == 2 && xr[1] == 0.2 && xr[2] == 0 && xr[3] == 3);
	CHECK(xi[0] == 0 && xi[1] == 0 && xi[2] == 0 && xi[3] == 0);
}

/* X·X = A through the Schur form: real for [2 1; 1 2], complex for
 * [1 2; 3 4] (an eigenvalue is negative). */
static void sqrtm_schur(void)
{
	const double s[] = { 2, 1, 1, 2 }, a[] = { 1, 2, 3, 4 };
	double xr[4], xi[4];
	int singular;

	CHECK(lr_matfun_sqrtm(2, s, NULL, xr, xi, &singular) == LR_OK && !singular);
	CHECK(near(xr[0], (sqrt(3) + 1) / 2, 1e-14) && near(xr[1], (sqrt(3) - 1) / 2, 1e-14));
	CHECK(xi[0] == 0 && xi[1] == 0 && xi[2] == 0 && xi[3] == 0);
	CHECK(lr_matfun_sqrtm(2, a, NULL, xr, xi, &singular) == LR_OK && !singular);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double re = 0, im = 0;
			for (int k = 0; k < 2; k++) {
				re += xr[i * 2 + k] * xr[k * 2 + j] - xi[i * 2 + k] * xi[k * 2 + j];
				im += xr[i * 2 + k] * xi[k * 2 + j] + xi[i * 2 + k] * xr[k * 2 + j];
			}
			CHECK(near(re, a[i * 2 + j], 1e-13) && fabs(im) < 1e-13);
		}
	CHECK(fabs(xi[0]) > 0.4);   /* 0.5537 + 0.4644i, as Octave */
}

/* Negative diagonal: complex arithmetic; a zero one: Octave's warning. */
static void sqrtm_negative_singular(void)
{
	const double a[] = { -4, 0, 0, -9 }, z[] = { 0, 0, 0, 0 }, im[] = { 0, 0, 0, 1 };
	double xr[4], xi[4];
	int singular;

	CHECK(lr_matfun_sqrtm(2, a, NULL, xr, xi, &singular) == LR_OK && !singular);
	CHECK(xr[0] == 0 && xr[3] == 0 && xi[0] == 2 && xi[3] == 3 && xi[1] == 0);
	CHECK(lr_matfun_sqrtm(2, z, NULL, xr, xi, &singular) == LR_OK && singular);
	CHECK(xr[0] == 0 && xr[1] == 0 && xr[2] == 0 && xr[3] == 0);
	/* diag(0, 1i): complex, triangular with a zero on the diagonal */
	CHECK(lr_matfun_sqrtm(2, z, im, xr, xi, &singular) == LR_OK && singular);
	CHECK(near(xr[3], sqrt(0.5), 1e-15) && near(xi[3], sqrt(0.5), 1e-15));
}

/* logm of [4 1; 2 3] = V diag(log 2, log 5) V⁻¹ with V = [1 1; -2 1];
 * of a rotation by 1 radian, the generator; a negative eigenvalue warns. */
static void logm(void)
{
	const double a[] = { 4, 1, 2, 3 }, r[] = { cos(1), sin(1), -sin(1), cos(1) };
	const double neg[] = { 1, 2, 3, 4 };
	double xr[4], xi[4], l2 = log(2), l5 = log(5);
	double want[4] = { (l2 + 2 * l5) / 3, (l5 - l2) / 3, 2 * (l5 - l2) / 3, (2 * l2 + l5) / 3 };
	int warn = 1;

	CHECK(lr_matfun_logm(2, a, NULL, xr, xi, &warn) == LR_OK && !warn);
	for (int k = 0; k < 4; k++)
		CHECK(near(xr[k], want[k], 1e-13) && xi[k] == 0);
	CHECK(lr_matfun_logm(2, r, NULL, xr, xi, &warn) == LR_OK && !warn);
	CHECK(fabs(xr[0]) < 1e-14 && near(xr[1], 1, 1e-14) && near(xr[2], -1, 1e-14));
	CHECK(lr_matfun_logm(2, neg, NULL, xr, xi, &warn) == LR_OK);
	CHECK(warn == LR_LOGM_NON_PRINCIPAL && xi[0] != 0);
	CHECK(lr_matfun_logm(1, (const double[]){ -1 }, NULL, xr, xi, &warn) == LR_OK);
	CHECK(xr[0] == 0 && near(xi[0], 4 * atan(1.0), 1e-15));
}

/* Symmetric A, positive definite B: dsygv, ascending, Vᵀ B V = I. */
static void eig_pair_symmetric(void)
{
	const double a[] = { 2, 1, 1, 3 }, b[] = { 4, 1, 1, 2 };
	double wr[2], wi[2], vr[4], vi[4];
	int sym = 0;

	CHECK(lr_matfun_eig_pair(2, a, b, wr, wi, vr, vi, &sym) == LR_OK && sym);
	CHECK(near(wr[0], 1 - sqrt(56) / 14, 1e-14) && near(wr[1], 1 + sqrt(56) / 14, 1e-14));
	CHECK(wi[0] == 0 && wi[1] == 0);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double s = 0;
			for (int k = 0; k < 2; k++)
				for (int l = 0; l < 2; l++)
					s += vr[k * 2 + i] * b[k * 2 + l] * vr[l * 2 + j];
			CHECK(near(s, i == j, 1e-14));
		}
}

/* A general pair: dggev; A v = λ B v for each column, a complex pair, and
 * β = 0 giving Inf. */
static void eig_pair_general(void)
{
	const double a[] = { 1, 2, 3, 4 }, b[] = { 2, 0, 0, 1 }, r[] = { 0, 1, -1, 0 };
	const double id[] = { 1, 0, 0, 1 }, b0[] = { 1, 0, 0, 0 };
	double wr[2], wi[2], vr[4], vi[4];
	int sym = 1;

	CHECK(lr_matfun_eig_pair(2, a, b, wr, wi, vr, vi, &sym) == LR_OK && !sym);
	for (int j = 0; j < 2; j++)
		for (int i = 0; i < 2; i++) {
			double av = a[i * 2] * vr[j] + a[i * 2 + 1] * vr[2 + j];
			double bv = b[i * 2] * vr[j] + b[i * 2 + 1] * vr[2 + j];
			CHECK(fabs(av - wr[j] * bv) < 1e-13);
		}
	CHECK(near(wr[0] + wr[1], 4.5, 1e-14));   /* 2λ² − 9λ − 2 = 0 */
	CHECK(lr_matfun_eig_pair(2, r, id, wr, wi, vr, vi, &sym) == LR_OK);
	CHECK(near(wi[0], 1, 1e-15) && near(wi[1], -1, 1e-15) && fabs(wr[0]) < 1e-15);
	CHECK(vr[0] == vr[1] && vi[0] == -vi[1]);   /* the conjugate columns */
	CHECK(lr_matfun_eig_pair(2, a, b0, wr, wi, NULL, NULL, &sym) == LR_OK);
	CHECK((isinf(wr[0]) && near(wr[1], -0.5, 1e-14)) || (isinf(wr[1]) && near(wr[0], -0.5, 1e-14)));
	const double bad[] = { 1, NAN, 0, 1 };
	CHECK(lr_matfun_eig_pair(2, a, bad, wr, wi, NULL, NULL, &sym) == LR_ERR_NONFINITE);
}

static void alloc_fail(void)
{
	const double a[] = { 1, 2, 3, 4 }, b[] = { 2, 0, 0, 1 };
	double wr[2], wi[2], xr[4], xi[4];
	struct lr_matrix *A = lr_mat_from(2, 2, a), *R = NULL;
	int singular, sym;

	for (long n = 1; n <= 3; n++) {   /* each makes at least three allocations */
		lr_alloc_fail_after(n);
		CHECK(lr_matfun_sqrtm(2, a, NULL, xr, xi, &singular) == LR_ERR_NOMEM);
		lr_alloc_fail_after(n);
		CHECK(lr_matfun_eig_pair(2, a, b, wr, wi, xr, xi, &sym) == LR_ERR_NOMEM);
		lr_alloc_fail_after(n);
		CHECK(lr_matfun_expm(A, &R, NULL) == LR_ERR_NOMEM);
	}
	for (long n = 1; n <= 40; n++) {   /* any later failure is reported, never crashed on */
		lr_alloc_fail_after(n);
		enum lr_status st = lr_matfun_expm(A, &R, NULL);
		CHECK(st == LR_OK || st == LR_ERR_NOMEM);
		if (st == LR_OK)
			lr_mat_destroy(R);
	}
	lr_alloc_fail_after(-1);
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(expm), T(expm_complex), T(expm_special), T(sqrtm_triangular), T(sqrtm_schur),
             T(sqrtm_negative_singular), T(logm), T(eig_pair_symmetric), T(eig_pair_general),
             T(alloc_fail))
