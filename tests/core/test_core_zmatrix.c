/* Unit tests of the core's complex routines (zmatrix.c): products through
 * zgemm, solves through zgesv, eigenvalues through dgeevx and zgeevx,
 * checked against values worked by hand. */
#include <math.h>

#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/zmatrix.h"

static int near(double x, double y)
{
	return fabs(x - y) <= 1e-12 * (1 + fabs(y));
}

/* [1+2i 3; 0 1i] * [1; 1-1i] = [4-1i; 1+1i] */
static void mul(void)
{
	const double ar[] = { 1, 3, 0, 0 }, ai[] = { 2, 0, 0, 1 };
	const double br[] = { 1, 1 }, bi[] = { 0, -1 };
	double cr[2], ci[2];

	CHECK(lr_z_mul(2, 2, 1, ar, ai, br, bi, cr, ci) == LR_OK);
	CHECK(cr[0] == 4 && ci[0] == -1 && cr[1] == 1 && ci[1] == 1);
	/* a real A (ai NULL) times a complex B */
	CHECK(lr_z_mul(2, 2, 1, ar, NULL, br, bi, cr, ci) == LR_OK);
	CHECK(cr[0] == 4 && ci[0] == -3 && cr[1] == 0 && ci[1] == 0);
	/* an empty inner dimension gives zeros */
	cr[0] = ci[0] = 7;
	CHECK(lr_z_mul(1, 0, 1, ar, ai, br, bi, cr, ci) == LR_OK);
	CHECK(cr[0] == 0 && ci[0] == 0);
}

/* [2 1i; -1i 2] x = [1; 0]: x = [2/3; 1i/3] */
static void solve(void)
{
	const double ar[] = { 2, 0, 0, 2 }, ai[] = { 0, 1, -1, 0 };
	const double br[] = { 1, 0 };
	const double zr[] = { 0, 0, 0, 0 };
	double xr[2], xi[2];

	CHECK(lr_z_solve(2, 1, ar, ai, br, NULL, xr, xi) == LR_OK);
	CHECK(near(xr[0], 2.0 / 3) && near(xi[0], 0) && near(xr[1], 0) && near(xi[1], 1.0 / 3));
	CHECK(lr_z_solve(2, 1, zr, NULL, br, NULL, xr, xi) == LR_ERR_ARG);   /* singular */
}

/* A rotation by 90 degrees has eigenvalues 1i and -1i (positive first, as
 * LAPACK pairs them), with vectors [1; -1i]/sqrt(2) and its conjugate. */
static void eig_real(void)
{
	const double a[] = { 0, -1, 1, 0 };
	double wr[2], wi[2], vr[4], vi[4];

	CHECK(lr_z_eig(2, a, NULL, wr, wi, vr, vi) == LR_OK);
	CHECK(near(wr[0], 0) && near(wi[0], 1) && near(wr[1], 0) && near(wi[1], -1));
	/* A v = w v for each column */
	for (int j = 0; j < 2; j++)
		for (int i = 0; i < 2; i++) {
			double avr = a[i * 2] * vr[j] + a[i * 2 + 1] * vr[2 + j];
			double avi = a[i * 2] * vi[j] + a[i * 2 + 1] * vi[2 + j];
			double wvr = wr[j] * vr[i * 2 + j] - wi[j] * vi[i * 2 + j];
			double wvi = wr[j] * vi[i * 2 + j] + wi[j] * vr[i * 2 + j];
			CHECK(fabs(avr - wvr) < 1e-12 && fabs(avi - wvi) < 1e-12);
		}
	CHECK(near(vr[0] * vr[0] + vi[0] * vi[0] + vr[2] * vr[2] + vi[2] * vi[2], 1));
}

/* diag(1i, 2) upper-triangularised: eigenvalues 1i and 2 */
static void eig_complex(void)
{
	const double ar[] = { 0, 5, 0, 2 }, ai[] = { 1, 0, 0, 0 };
	double wr[2], wi[2];

	CHECK(lr_z_eig(2, ar, ai, wr, wi, NULL, NULL) == LR_OK);
	CHECK((near(wr[0], 0) && near(wi[0], 1) && near(wr[1], 2) && near(wi[1], 0)) ||
	      (near(wr[1], 0) && near(wi[1], 1) && near(wr[0], 2) && near(wi[0], 0)));
}

static void alloc_fail(void)
{
	const double a[] = { 0, -1, 1, 0 };
	double wr[2], wi[2], cr[4], ci[4];

	lr_alloc_fail_after(1);
	CHECK(lr_z_eig(2, a, NULL, wr, wi, NULL, NULL) == LR_ERR_NOMEM);
	CHECK(lr_z_mul(2, 2, 2, a, NULL, a, NULL, cr, ci) == LR_ERR_NOMEM);
	lr_alloc_fail_after(-1);
}

SUBTEST_MAIN(T(mul), T(solve), T(eig_real), T(eig_complex), T(alloc_fail))
