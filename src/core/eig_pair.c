/* The generalized eigenproblem A v = λ B v as GNU Octave 7's EIG solves it
 * for real matrices; see lowrank/matfun.h. A and B go to LAPACK
 * column-major, as Octave gives them. */
#include "lowrank/matfun.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"

typedef lapack_int lint;

static double *column_major(size_t n, const double *a)
{
	double *t = lr_mallocarray(n * n, sizeof *t);

	for (size_t i = 0; t && i < n; i++)
		for (size_t j = 0; j < n; j++)
			t[j * n + i] = a[i * n + j];
	return t;
}

static int symmetric(size_t n, const double *a)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (a[i * n + j] != a[j * n + i])
				return 0;
	return 1;
}

static int finite(size_t n, const double *a)
{
	for (size_t k = 0; k < n * n; k++)
		if (!isfinite(a[k]))
			return 0;
	return 1;
}

/* Octave's test: B's Cholesky factor exists (dpotrf on the lower triangle). */
static enum lr_status positive_definite(size_t n, const double *b, int *yes)
{
	double *t = column_major(n, b);
	lint info;

	if (!t)
		return LR_ERR_NOMEM;
	info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', (lint)n, t, (lint)n);
	lr_free(t);
	if (info < 0)
		return LR_ERR_LAPACK;
	*yes = info == 0;
	return LR_OK;
}

/* dsygv (itype 1, upper triangles) on the column-major a and b: w
 * ascending, the vectors in a when jobz is 'V'. */
static enum lr_status sygv(size_t n, double *a, double *b, char jobz, double *w)
{
	double q = 0.0, *work;
	lint info = LAPACKE_dsygv_work(LAPACK_COL_MAJOR, 1, jobz, 'U', (lint)n, a, (lint)n, b,
	                               (lint)n, w, &q, -1);

	if (info != 0 || !(q < 0x1p40))
		return LR_ERR_LAPACK;
	if (!(work = lr_mallocarray((size_t)q + 1, sizeof *work)))
		return LR_ERR_NOMEM;
	info = LAPACKE_dsygv_work(LAPACK_COL_MAJOR, 1, jobz, 'U', (lint)n, a, (lint)n, b, (lint)n, w,
	                          work, (lint)q + 1);
	lr_free(work);
	return info == 0 ? LR_OK : LR_ERR_LAPACK;
}

/* dggev on the column-major a and b: α (ar, ai) and β, the right vectors
 * in v when it is not NULL. */
static enum lr_status ggev(size_t n, double *a, double *b, double *ar, double *ai, double *beta,
                           double *v)
{
	double q = 0.0, *work, dummy;
	char jobvr = v ? 'V' : 'N';
	lint info = LAPACKE_dggev_work(LAPACK_COL_MAJOR, 'N', jobvr, (lint)n, a, (lint)n, b, (lint)n,
	                               ar, ai, beta, &dummy, 1, v ? v : &dummy, v ? (lint)n : 1,
	                               &q, -1);

	if (info != 0 || !(q < 0x1p40))
		return LR_ERR_LAPACK;
	if (!(work = lr_mallocarray((size_t)q + 1, sizeof *work)))
		return LR_ERR_NOMEM;
	info = LAPACKE_dggev_work(LAPACK_COL_MAJOR, 'N', jobvr, (lint)n, a, (lint)n, b, (lint)n, ar,
	                          ai, beta, &dummy, 1, v ? v : &dummy, v ? (lint)n : 1, work,
	                          (lint)q + 1);
	lr_free(work);
	return info == 0 ? LR_OK : LR_ERR_LAPACK;
}

/* λ = α / β and, for a complex pair j, j + 1, the vectors v(:, j) ± i·v(:, j + 1),
 * as Octave's EIG assembles them; vr and vi row-major. */
static void assemble(size_t n, const double *ar, const double *ai, const double *beta,
                     const double *v, double *wr, double *wi, double *vr, double *vi)
{
	for (size_t j = 0; j < n; j++) {
		int pair = ai[j] != 0.0 && j + 1 < n;
		wr[j] = ar[j] / beta[j];
		wi[j] = ai[j] == 0.0 ? 0.0 : ai[j] / beta[j];
		if (pair) {
			wr[j + 1] = ar[j + 1] / beta[j + 1];
			wi[j + 1] = ai[j + 1] / beta[j + 1];
		}
		for (size_t i = 0; vr && i < n; i++) {
			vr[i * n + j] = v[j * n + i];
			vi[i * n + j] = pair ? v[(j + 1) * n + i] : 0.0;
			if (pair) {
				vr[i * n + j + 1] = v[j * n + i];
				vi[i * n + j + 1] = -v[(j + 1) * n + i];
			}
		}
		j += (size_t)pair;
	}
}

static enum lr_status general(size_t n, double *a, double *b, double *wr, double *wi,
                              double *vr, double *vi)
{
	double *alpha = lr_mallocarray(3 * n, sizeof *alpha);
	double *v = vr ? lr_mallocarray(n * n, sizeof *v) : NULL;
	enum lr_status st = alpha && (!vr || v) ? LR_OK : LR_ERR_NOMEM;

	if (st == LR_OK)
		st = ggev(n, a, b, alpha, alpha + n, alpha + 2 * n, v);
	if (st == LR_OK)
		assemble(n, alpha, alpha + n, alpha + 2 * n, v, wr, wi, vr, vi);
	lr_free(alpha);
	lr_free(v);
	return st;
}

enum lr_status lr_matfun_eig_pair(size_t n, const double *a, const double *b, double *wr,
                                  double *wi, double *vr, double *vi, int *sym)
{
	double *ta, *tb;
	int spd = 0;
	enum lr_status st;

	*sym = 0;
	if (n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	if (!finite(n, a) || !finite(n, b))
		return LR_ERR_NONFINITE;
	if (n == 0)
		return LR_OK;
	st = positive_definite(n, b, &spd);
	ta = column_major(n, a);
	tb = column_major(n, b);
	if (st == LR_OK && (!ta || !tb))
		st = LR_ERR_NOMEM;
	if (st == LR_OK && spd && symmetric(n, a) && symmetric(n, b)) {
		*sym = 1;
		st = sygv(n, ta, tb, vr ? 'V' : 'N', wr);
		for (size_t i = 0; st == LR_OK && i < n; i++) {
			wi[i] = 0.0;
			for (size_t j = 0; vr && j < n; j++) {
				vr[i * n + j] = ta[j * n + i];
				vi[i * n + j] = 0.0;
			}
		}
	} else if (st == LR_OK) {
		st = general(n, ta, tb, wr, wi, vr, vi);
	}
	lr_free(ta);
	lr_free(tb);
	return st;
}
