/* The principal matrix logarithm as GNU Octave 7's logm.m computes it; see
 * lowrank/matfun.h. The work is in complex arithmetic, column-major: a
 * complex Schur form (zgees, where Octave takes schur and rsf2csf of a real
 * matrix: the same factorisation to rounding), then Higham's inverse
 * scaling and squaring (Algorithm 11.9 of "Functions of Matrices") with
 * Octave's thresholds and its partial-fraction Padé approximant. */
#include "lowrank/matfun.h"

#include "lowrank/cx.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "matfun_impl.h"

typedef lapack_int lint;

/* Octave's thresholds θ₁..θ₇ for the degree of the Padé approximant. */
static const double theta[7] = { 0, 0, 1.61e-2, 5.38e-2, 1.13e-1, 1.86e-1,
                                 2.6429608311114350e-1 };

/* Octave's log of one number: real where the real log gives it. */
static cx log1(cx z)
{
	return cimag(z) == 0 && creal(z) >= 0 ? log(creal(z)) : clog(z);
}

/* eps(x) as Octave: the spacing of doubles at |x|. */
static double eps_at(double x)
{
	x = fabs(x);
	if (x == 0 || !isfinite(x))
		return x == 0 ? DBL_TRUE_MIN : NAN;
	return x < DBL_MIN ? DBL_TRUE_MIN : ldexp(1.0, ilogb(x) - 52);
}

/* ‖s − I‖₁ of the column-major s. */
static double norm1_minus_identity(size_t n, const cx *s)
{
	double best = 0.0;

	for (size_t j = 0; j < n; j++) {
		double sum = 0.0;
		for (size_t i = 0; i < n; i++)
			sum += cabs(s[j * n + i] - (i == j));
		best = sum > best || isnan(sum) ? sum : best;
	}
	return best;
}

/* The first 1-based j with t <= θⱼ (8 when none). */
static int first_at_most(double t)
{
	for (int j = 0; j < 7; j++)
		if (t <= theta[j])
			return j + 1;
	return 8;
}

/* Gauss-Legendre nodes and weights on [0, 1] for m points, as logm.m's
 * gauss_legendre: the eigenvalues of the Jacobi matrix (dsyev). */
static enum lr_status gauss_legendre(int m, double *node, double *weight)
{
	struct lr_matrix *J = lr_mat_create((size_t)m, (size_t)m), *V = NULL;
	double *w = NULL;
	enum lr_status st = J ? LR_OK : LR_ERR_NOMEM;

	for (int i = 1; J && i < m; i++)
		LR_AT(J, i, i - 1) = LR_AT(J, i - 1, i) = i / sqrt(4.0 * i * i - 1);
	if (st == LR_OK)
		st = lr_linalg_eig_sym(J, &w, &V);
	for (int j = 0; st == LR_OK && j < m; j++) {
		node[j] = (w[j] + 1) / 2;
		weight[j] = 2 * LR_AT(V, 0, j) * LR_AT(V, 0, j) / 2;
	}
	lr_mat_destroy(J);
	lr_mat_destroy(V);
	lr_free(w);
	return st;
}

/* x = a / m, i.e. x m = a, through zgesv on mᵀ xᵀ = aᵀ (m spoiled). */
static enum lr_status right_divide(size_t n, const cx *a, cx *m, cx *x, cx *work)
{
	lint *ipiv = lr_mallocarray(n, sizeof *ipiv), info;

	if (!ipiv)
		return LR_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			work[j * n + i] = m[i * n + j];
			x[j * n + i] = a[i * n + j];
		}
	info = LAPACKE_zgesv_work(LAPACK_COL_MAJOR, (lint)n, (lint)n, work, (lint)n, ipiv, x,
	                          (lint)n);
	lr_free(ipiv);
	for (size_t i = 0; info >= 0 && i < n; i++)   /* back from xᵀ */
		for (size_t j = 0; j < i; j++) {
			cx t = x[j * n + i];
			x[j * n + i] = x[i * n + j];
			x[i * n + j] = t;
		}
	return info < 0 ? LR_ERR_LAPACK : LR_OK;
}

/* s ← Σⱼ wⱼ s (I + xⱼ s)⁻¹, logm.m's logm_pade_pf of degree m. */
static enum lr_status pade(size_t n, cx *s, int m)
{
	double node[7], weight[7];
	cx *acc = lr_calloc(n * n, sizeof *acc), *den = lr_mallocarray(n * n, sizeof *den);
	cx *x = lr_mallocarray(n * n, sizeof *x), *work = lr_mallocarray(n * n, sizeof *work);
	enum lr_status st = acc && den && x && work ? gauss_legendre(m, node, weight)
	                                            : LR_ERR_NOMEM;

	for (int j = 0; st == LR_OK && j < m; j++) {
		for (size_t k = 0; k < n * n; k++)
			den[k] = node[j] * s[k] + (k % (n + 1) == 0);
		st = right_divide(n, s, den, x, work);
		for (size_t k = 0; st == LR_OK && k < n * n; k++)
			acc[k] += weight[j] * x[k];
	}
	if (st == LR_OK)
		memcpy(s, acc, n * n * sizeof *s);
	lr_free(acc);
	lr_free(den);
	lr_free(x);
	lr_free(work);
	return st;
}

/* Inverse scaling and squaring on the triangular s: square roots until
 * ‖s − I‖₁ is small, then the Padé approximant; *k the roots taken. */
static enum lr_status scaled_log(size_t n, cx *s, int *k, int *warn)
{
	int p = 0, m = 7;

	for (*k = 0; *k < 100; ++*k) {
		double tau = norm1_minus_identity(n, s);
		if (tau <= theta[6]) {
			p++;
			int j1 = first_at_most(tau), j2 = first_at_most(tau / 2);
			if (j1 - j2 <= 1 || p == 2) {
				m = j1;
				break;
			}
		}
		lr_matfun_utri_sqrt(n, s);
	}
	if (*k >= 100)
		*warn |= LR_LOGM_MAX_ROOTS;
	for (size_t i = 0; i < n; i++)
		s[i * n + i] -= 1;
	return m > 1 ? pade(n, s, m) : LR_OK;
}

static int diagonal(size_t n, const cx *a)
{
	for (size_t j = 0; j < n; j++)
		for (size_t i = 0; i < n; i++)
			if (i != j && a[j * n + i] != 0)
				return 0;
	return 1;
}

/* Looks at the eigenvalues on the diagonal of the Schur form s, as logm.m:
 * the warning for a negative one (*warn), and the tolerance below which
 * the form counts as diagonal. */
static double look_at_eigenvalues(size_t n, const cx *s, int *negative)
{
	double big = 0.0, tol;

	for (size_t i = 0; i < n; i++)
		big = fmax(big, cabs(s[i * n + i]));
	tol = (double)n * eps_at(big);
	*negative = 0;
	for (size_t i = 0; i < n; i++)
		*negative |= creal(s[i * n + i]) < -tol && cimag(s[i * n + i]) <= tol;
	return tol;
}

static double largest_above_diagonal(size_t n, const cx *s)
{
	double best = 0.0;

	for (size_t j = 0; j < n; j++)
		for (size_t i = 0; i < j; i++)
			best = fmax(best, cabs(s[j * n + i]));
	return best;
}

/* s ← 2^k u s uᴴ, or u diag(log λ) uᴴ when the form is diagonal (k < 0). */
static enum lr_status back(size_t n, cx *s, const cx *u, int k, cx *x)
{
	cx *us = lr_mallocarray(n * n, sizeof *us);
	enum lr_status st;

	if (!us)
		return LR_ERR_NOMEM;
	if (k < 0) {   /* u diag(log λ): column j of u times log λⱼ */
		for (size_t j = 0; j < n; j++) {
			cx l = log1(s[j * n + j]);
			if (isinf(creal(l)) || isinf(cimag(l)))
				l = -log(DBL_MAX);
			for (size_t i = 0; i < n; i++)
				us[j * n + i] = u[j * n + i] * l;
		}
	} else {
		st = lr_matfun_zmul(n, u, s, 0, us);
		for (size_t t = 0; st == LR_OK && t < n * n; t++)
			us[t] *= ldexp(1.0, k);
		if (st != LR_OK) {
			lr_free(us);
			return st;
		}
	}
	st = lr_matfun_zmul(n, us, u, 1, x);
	lr_free(us);
	return st;
}

static enum lr_status log_of(size_t n, cx *a, cx *x, int *warn, int *real_eig)
{
	cx *u;
	int negative = 0, k = -1;
	enum lr_status st;

	if (n == 1 || diagonal(n, a)) {   /* logm.m: log of a scalar, of a diagonal */
		for (size_t t = 0; t < n * n; t++)
			x[t] = t % (n + 1) == 0 ? log1(a[t]) : 0;
		*real_eig = 0;   /* the logs as they are: complex for a negative entry */
		return LR_OK;
	}
	if (!(u = lr_mallocarray(n * n, sizeof *u)))
		return LR_ERR_NOMEM;
	st = lr_matfun_schur(n, a, u);
	if (st == LR_OK) {
		double tol = look_at_eigenvalues(n, a, &negative);
		if (negative)
			*warn |= LR_LOGM_NON_PRINCIPAL;
		*real_eig = !negative;
		if (!(largest_above_diagonal(n, a) < tol))
			st = scaled_log(n, a, &k, warn);
	}
	if (st == LR_OK)
		st = back(n, a, u, k, x);
	lr_free(u);
	return st;
}

enum lr_status lr_matfun_logm(size_t n, const double *ar, const double *ai, double *xr,
                              double *xi, int *warn)
{
	cx *a, *x;
	int real_eig = 0;
	enum lr_status st;

	*warn = 0;
	if (n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	if (n == 0)
		return LR_OK;
	a = lr_mallocarray(n * n, sizeof *a);
	x = lr_mallocarray(n * n, sizeof *x);
	st = a && x ? LR_OK : LR_ERR_NOMEM;
	if (st == LR_OK) {
		lr_matfun_in(n, ar, ai, a);
		st = log_of(n, a, x, warn, &real_eig);
	}
	if (st == LR_OK)   /* real parts only for a real A with real logs */
		lr_matfun_out(n, x, xr, xi, real_eig && !ai);
	lr_free(a);
	lr_free(x);
	return st;
}
