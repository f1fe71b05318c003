/* The exponential of a complex matrix as GNU Octave 7's expm.m computes
 * it (the same steps as expm.c, in complex arithmetic: zgebal, zgemm,
 * zgesv); see lowrank/matfun.h. Column-major throughout. */
#include "lowrank/matfun.h"

#include "lowrank/cx.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"
#include "matfun_impl.h"

typedef lapack_int lint;

static const double pade[8] = {
	5.0000000000000000e-1, 1.1666666666666667e-1, 1.6666666666666667e-2,
	1.6025641025641026e-3, 1.0683760683760684e-4, 4.8562548562548563e-6,
	1.3875013875013875e-7, 1.9270852604185938e-9,
};

/* Octave 7 orders complex numbers by magnitude, then angle: z > 0 for any z
 * but 0 with an angle above 0's, i.e. |z| > 0 or (z = 0 and never). */
static int above_zero(cx z)
{
	return cabs(z) > 0 || (cabs(z) == 0 && carg(z) > 0);
}

/* zgebal 'B' on a, and Octave's scaling d and permutation p from it. */
static enum lr_status balance(size_t n, cx *a, double *d, size_t *p)
{
	lint ilo = 1, ihi = (lint)n;
	double *scale = lr_mallocarray(n, sizeof *scale);

	if (!scale)
		return LR_ERR_NOMEM;
	if (LAPACKE_zgebal_work(LAPACK_COL_MAJOR, 'B', (lint)n, a, (lint)n, &ilo, &ihi, scale)) {
		lr_free(scale);
		return LR_ERR_LAPACK;
	}
	for (size_t i = 0; i < n; i++) {
		d[i] = i + 1 < (size_t)ilo || i >= (size_t)ihi ? 1.0 : scale[i];
		p[i] = i;
	}
	for (size_t i = n; i-- > (size_t)ihi;) {
		size_t j = (size_t)scale[i] - 1, t = p[i];
		p[i] = p[j];
		p[j] = t;
	}
	for (size_t i = 0; i + 1 < (size_t)ilo; i++) {
		size_t j = (size_t)scale[i] - 1, t = p[i];
		p[i] = p[j];
		p[j] = t;
	}
	lr_free(scale);
	return LR_OK;
}

/* acc ← acc · f (zgemm into tmp, copied back). */
static enum lr_status times(size_t n, cx *acc, const cx *f, cx *tmp)
{
	enum lr_status st = lr_matfun_zmul(n, acc, f, 0, tmp);

	if (st == LR_OK)
		memcpy(acc, tmp, n * n * sizeof *acc);
	return st;
}

/* Horner's rule in a2 from pade[first] down, as expm.c's horner. */
static enum lr_status horner(size_t n, const cx *a2, int first, cx *p, cx *tmp)
{
	enum lr_status st = LR_OK;

	memcpy(p, a2, n * n * sizeof *p);
	for (int k = first; st == LR_OK && k >= 1; k -= 2) {
		double c = k == first ? pade[k] : 1.0, e = k >= 2 ? pade[k - 2] : 1.0;
		for (size_t t = 0; t < n * n; t++)
			p[t] = c * p[t] + (t % (n + 1) == 0 ? e : 0.0);
		if (k - 2 >= 1)
			st = times(n, p, a2, tmp);
	}
	return st;
}

/* r = (x − y) \ (x + y) for the Padé approximant of e^aa (zgesv). */
static enum lr_status pade_solve(size_t n, const cx *aa, cx *r, cx *w)
{
	cx *a2 = w, *x = w + n * n, *y = w + 2 * n * n, *tmp = w + 3 * n * n;
	lint *ipiv = lr_mallocarray(n, sizeof *ipiv), info = 0;
	enum lr_status st = ipiv ? lr_matfun_zmul(n, aa, aa, 0, a2) : LR_ERR_NOMEM;

	if (st == LR_OK)
		st = horner(n, a2, 7, x, tmp);
	if (st == LR_OK)
		st = horner(n, a2, 6, y, tmp);
	if (st == LR_OK)
		st = times(n, y, aa, tmp);
	if (st == LR_OK) {
		for (size_t t = 0; t < n * n; t++) {
			cx xt = x[t];
			x[t] = xt - y[t];
			r[t] = xt + y[t];
		}
		info = LAPACKE_zgesv_work(LAPACK_COL_MAJOR, (lint)n, (lint)n, x, (lint)n, ipiv, r,
		                          (lint)n);
		st = info < 0 ? LR_ERR_LAPACK : LR_OK;
	}
	lr_free(ipiv);
	return st;
}

/* The whole method on the column-major a (spoiled), into x. */
static enum lr_status method(size_t n, cx *a, cx *x)
{
	double *d = lr_mallocarray(n, sizeof *d), big = 0.0;
	size_t *p = lr_mallocarray(n, sizeof *p);
	cx *w = lr_mallocarray(5 * n * n, sizeof *w), *r = w ? w + 4 * n * n : NULL, tr = 0;
	enum lr_status st = d && p && w ? LR_OK : LR_ERR_NOMEM;
	int e = 0, s;

	for (size_t i = 0; st == LR_OK && i < n; i++)
		tr += a[i * n + i];
	tr /= (double)n;
	for (size_t i = 0; st == LR_OK && above_zero(tr) && i < n; i++)
		a[i * n + i] -= tr;
	if (st == LR_OK)
		st = balance(n, a, d, p);
	for (size_t i = 0; st == LR_OK && i < n; i++) {   /* ‖aa‖∞: the largest row sum */
		double sum = 0.0;
		for (size_t j = 0; j < n; j++)
			sum += cabs(a[j * n + i]);
		big = fmax(big, sum);
	}
	frexp(big, &e);
	s = e < 0 ? 0 : e > 1023 ? 1023 : e;
	for (size_t t = 0; st == LR_OK && t < n * n; t++)
		a[t] *= ldexp(1.0, -s);
	if (st == LR_OK)
		st = pade_solve(n, a, r, w);
	for (int k = 0; st == LR_OK && k < s; k++)
		st = times(n, r, r, w);
	for (size_t i = 0; st == LR_OK && i < n; i++)   /* x(p, p) = D r D⁻¹ e^tr */
		for (size_t j = 0; j < n; j++) {
			cx v = d[i] * r[j * n + i] / d[j];
			x[p[j] * n + p[i]] = above_zero(tr) ? v * cexp(tr) : v;
		}
	lr_free(d);
	lr_free(p);
	lr_free(w);
	return st;
}

enum lr_status lr_matfun_expm_complex(size_t n, const double *ar, const double *ai, double *xr,
                                      double *xi)
{
	cx *a, *x;
	int diag = 1, finite = 1;
	enum lr_status st = LR_OK;

	if (n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	a = lr_mallocarray(n * n + 1, sizeof *a);
	x = lr_calloc(n * n + 1, sizeof *x);
	if (!a || !x)
		st = LR_ERR_NOMEM;
	for (size_t i = 0; st == LR_OK && i < n; i++)
		for (size_t j = 0; j < n; j++) {
			cx z = CMPLX(ar[i * n + j], ai ? ai[i * n + j] : 0.0);
			int minus_inf = creal(z) == -INFINITY && cimag(z) == 0;   /* as -realmax */
			finite &= minus_inf || (isfinite(creal(z)) && isfinite(cimag(z)));
			a[j * n + i] = minus_inf ? -DBL_MAX : z;
			diag &= i == j || z == 0;
		}
	if (st == LR_OK && (n == 1 || diag)) {   /* expm.m: a scalar's exp, a diagonal's */
		for (size_t i = 0; i < n; i++)
			x[i * n + i] = cexp(CMPLX(ar[i * n + i], ai ? ai[i * n + i] : 0.0));
	} else if (st == LR_OK && n) {   /* NaN or Inf: Octave's zgebal refuses them */
		st = finite ? method(n, a, x) : LR_ERR_NONFINITE;
	}
	if (st == LR_OK)
		lr_matfun_out(n, x, xr, xi, 0);
	lr_free(a);
	lr_free(x);
	return st;
}
