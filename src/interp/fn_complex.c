/* The functions of complex values: real, imag, conj, angle/arg, isreal,
 * iscomplex, complex, roots and poly in this file's table; and the complex
 * forms of functions whose real forms live in other tables (abs, sqrt,
 * exp, log), which the evaluator calls through lr_cx_dispatch when an
 * argument is complex, or for sqrt and log when a real argument has a
 * negative entry (sqrt(-4) is 0 + 2i, as in Octave). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/zmatrix.h"
#include "builtins.h"
#include "fn_args.h"
#include "cvalue.h"
#include "lowrank/cx.h"
#include "fn_complex.h"
#include "fn_matfun.h"

/* The refusal every fn_*.c writes, by builtins.c's short name. */
#define fail lr_fn_fail

/* Argument i as a numeric value (a string is refused). */
static const struct lr_value *num_arg(struct lr_call *c, const char *name, int i)
{
	const struct lr_value *v = c->args[i];

	if (v->kind != LR_VAL_MAT) {
		fail(c, i, "%s: expected a numeric argument %d, found a string", name, i + 1);
		return NULL;
	}
	return v;
}

static int put(struct lr_call *c, const char *name, struct lr_matrix *re, struct lr_matrix *im,
               int narrow)
{
	if (!re || (im == NULL && narrow < 0)) {
		lr_mat_destroy(re);
		lr_mat_destroy(im);
		return fail(c, -1, "%s: out of memory", name);
	}
	c->outs[0] = lr_cx_value(re, im, narrow > 0);
	return c->outs[0] ? 0 : fail(c, -1, "%s: out of memory", name);
}

/* out = f(z) for each element; the result narrowed (f_real: to real parts
 * only, as abs and angle give). */
static int map(struct lr_call *c, const char *name, cx (*f)(cx), int real_only)
{
	const struct lr_value *v = num_arg(c, name, 0);
	struct lr_matrix *re, *im;

	if (!v)
		return -1;
	re = lr_mat_create(v->m->rows, v->m->cols);
	im = real_only ? NULL : lr_mat_create(v->m->rows, v->m->cols);
	if (!re || (!real_only && !im))
		return put(c, name, re, im, -1);
	for (size_t k = 0; k < v->m->rows * v->m->cols; k++) {
		cx z = f(CMPLX(v->m->data[k], v->im ? v->im->data[k] : 0.0));
		re->data[k] = creal(z);
		if (im)
			im->data[k] = cimag(z);
	}
	return put(c, name, re, im, 1);
}

static cx z_real(cx z) { return creal(z); }
static cx z_imag(cx z) { return cimag(z); }
static cx z_abs(cx z) { return cabs(z); }
static cx z_arg(cx z) { return carg(z); }
/* Real square roots and logarithms where the real function gives them, so
 * that sqrt([4 -4]) has exactly 2 as its first entry. */
static cx z_sqrt(cx z) { return cimag(z) == 0 && creal(z) >= 0 ? sqrt(creal(z)) : csqrt(z); }
static cx z_log(cx z) { return cimag(z) == 0 && creal(z) >= 0 ? log(creal(z)) : clog(z); }
static cx z_exp(cx z) { return cimag(z) == 0 ? exp(creal(z)) : cexp(z); }

static int fn_real(struct lr_call *c) { return map(c, "real", z_real, 1); }
static int fn_imag(struct lr_call *c) { return map(c, "imag", z_imag, 1); }
static int fn_angle(struct lr_call *c) { return map(c, "angle", z_arg, 1); }
static int fn_arg(struct lr_call *c) { return map(c, "arg", z_arg, 1); }
/* The functions sgdcost's table gives for real arguments (fn_elem.c), in
 * Octave's branches: asin and acos of a real x > 1 are the conjugates of
 * C's (Octave's octave::math::asin and acos); a real part is kept where
 * the real function gives it. */
static cx z_asin(cx z)
{
	if (cimag(z) == 0 && fabs(creal(z)) <= 1)
		return asin(creal(z));
	return cimag(z) == 0 && creal(z) > 1 ? conj(casin(z)) : casin(z);
}
static cx z_acos(cx z)
{
	if (cimag(z) == 0 && fabs(creal(z)) <= 1)
		return acos(creal(z));
	return cimag(z) == 0 && creal(z) > 1 ? conj(cacos(z)) : cacos(z);
}
static cx z_log2(cx z)
{
	if (cimag(z) == 0 && creal(z) >= 0)
		return log2(creal(z));
	cx l = clog(z);
	return CMPLX(creal(l) / log(2.0), cimag(l) / log(2.0));
}
static cx z_log10(cx z)
{
	if (cimag(z) == 0 && creal(z) >= 0)
		return log10(creal(z));
	cx l = clog(z);
	return CMPLX(creal(l) / log(10.0), cimag(l) / log(10.0));
}
static cx z_log1p(cx z)
{
	return cimag(z) == 0 && creal(z) >= -1 ? log1p(creal(z)) : clog(1.0 + z);
}
static cx z_sin(cx z) { return csin(z); }
static cx z_cos(cx z) { return ccos(z); }
static cx z_tan(cx z) { return ctan(z); }
static cx z_atan(cx z) { return catan(z); }
static cx z_sinh(cx z) { return csinh(z); }
static cx z_cosh(cx z) { return ccosh(z); }
static cx z_tanh(cx z) { return ctanh(z); }
static cx z_expm1(cx z) { return cimag(z) == 0 ? expm1(creal(z)) : cexp(z) - 1.0; }

static int cx_asin(struct lr_call *c) { return map(c, "asin", z_asin, 0); }
static int cx_acos(struct lr_call *c) { return map(c, "acos", z_acos, 0); }
/* [f, e] = log2(x), the mantissa and exponent, is the real function's. */
static int cx_log2(struct lr_call *c)
{
	const struct lr_builtin *real = lr_builtin_find("log2");

	if (c->nargout <= 1)
		return map(c, "log2", z_log2, 0);
	if (c->args[0]->im || !real)
		return fail(c, 0, "log2: [f, e] = log2(x) needs a real x, found a complex one");
	return real->fn(c);
}
static int cx_log10(struct lr_call *c) { return map(c, "log10", z_log10, 0); }
static int cx_log1p(struct lr_call *c) { return map(c, "log1p", z_log1p, 0); }
static int cx_sin(struct lr_call *c) { return map(c, "sin", z_sin, 0); }
static int cx_cos(struct lr_call *c) { return map(c, "cos", z_cos, 0); }
static int cx_tan(struct lr_call *c) { return map(c, "tan", z_tan, 0); }
static int cx_atan(struct lr_call *c) { return map(c, "atan", z_atan, 0); }
static int cx_sinh(struct lr_call *c) { return map(c, "sinh", z_sinh, 0); }
static int cx_cosh(struct lr_call *c) { return map(c, "cosh", z_cosh, 0); }
static int cx_tanh(struct lr_call *c) { return map(c, "tanh", z_tanh, 0); }
static int cx_expm1(struct lr_call *c) { return map(c, "expm1", z_expm1, 0); }

static int cx_abs(struct lr_call *c) { return map(c, "abs", z_abs, 1); }
static int cx_sqrt(struct lr_call *c) { return map(c, "sqrt", z_sqrt, 0); }
static int cx_log(struct lr_call *c) { return map(c, "log", z_log, 0); }
static int cx_exp(struct lr_call *c) { return map(c, "exp", z_exp, 0); }

/* conj keeps a complex value complex, as Octave's conj(complex(1, 0)). */
static int fn_conj(struct lr_call *c)
{
	const struct lr_value *v = num_arg(c, "conj", 0);

	if (!v)
		return -1;
	c->outs[0] = lr_value_copy(v);
	if (!c->outs[0])
		return fail(c, -1, "conj: out of memory");
	c->outs[0]->logical = 0;
	for (size_t k = 0; v->im && k < v->m->rows * v->m->cols; k++)
		c->outs[0]->im->data[k] = -v->im->data[k];
	return 0;
}

static int predicate(struct lr_call *c, const char *name, int x)
{
	struct lr_matrix *m = lr_mat_create(1, 1);

	if (m)
		m->data[0] = x;
	c->outs[0] = lr_value_bool(m);
	return c->outs[0] ? 0 : fail(c, -1, "%s: out of memory", name);
}

static int fn_isreal(struct lr_call *c) { return predicate(c, "isreal", !c->args[0]->im); }
static int fn_iscomplex(struct lr_call *c)
{
	return predicate(c, "iscomplex", c->args[0]->im != NULL);
}

/* complex(a), complex(a, b): a complex value even when b is zero. */
static int fn_complex(struct lr_call *c)
{
	const struct lr_value *a = num_arg(c, "complex", 0), *b = NULL;
	size_t rows, cols;

	if (!a || (c->nargin > 1 && !(b = num_arg(c, "complex", 1))))
		return -1;
	for (int i = 0; i < c->nargin; i++)
		if (c->args[i]->im)
			return fail(c, i, "complex: expected real arguments, found a complex one");
	if (!b) {
		rows = a->m->rows;
		cols = a->m->cols;
	} else if (a->m->rows * a->m->cols == 1) {
		rows = b->m->rows;
		cols = b->m->cols;
	} else if (b->m->rows * b->m->cols == 1 || (a->m->rows == b->m->rows &&
	                                              a->m->cols == b->m->cols)) {
		rows = a->m->rows;
		cols = a->m->cols;
	} else {
		return fail(c, 1, "complex: the real part is %zu×%zu but the imaginary part is "
		            "%zu×%zu: they must have the same size, or one be a scalar", a->m->rows,
		            a->m->cols, b->m->rows, b->m->cols);
	}
	struct lr_matrix *re = lr_mat_create(rows, cols), *im = lr_mat_create(rows, cols);
	if (!re || !im)
		return put(c, "complex", re, NULL, -1);
	for (size_t k = 0; k < rows * cols; k++) {
		re->data[k] = a->m->data[a->m->rows * a->m->cols == 1 ? 0 : k];
		im->data[k] = b ? b->m->data[b->m->rows * b->m->cols == 1 ? 0 : k] : 0;
	}
	return put(c, "complex", re, im, 0);
}

/* Octave's order of complex numbers (abs, then angle), for sorting. */
static int cx_order(const void *pa, const void *pb)
{
	cx a = *(const cx *)pa, b = *(const cx *)pb;
	double ma = cabs(a), mb = cabs(b), ta = carg(a), tb = carg(b);

	if (ma != mb)
		return ma < mb ? -1 : 1;
	return ta < tb ? -1 : ta > tb;
}

/* The eigenvalues (as a column) of the n×n (ar, ai): LAPACK's order, or
 * ascending for a real symmetric matrix (dsyev) or a Hermitian one
 * (zheev), as Octave's eig. */
static int eigenvalues(struct lr_call *c, const char *name, size_t n, const double *ar,
                       const double *ai, struct lr_matrix **wr, struct lr_matrix **wi)
{
	int sym = !ai;
	enum lr_status st;

	*wr = lr_mat_create(n, 1);
	*wi = lr_mat_create(n, 1);
	if (!*wr || !*wi)
		return fail(c, -1, "%s: out of memory", name);
	for (size_t i = 0; sym && i < n; i++)
		for (size_t j = 0; sym && j < i; j++)
			sym = ar[i * n + j] == ar[j * n + i];
	if (sym) {   /* Octave's symmetric solver (dsyev): real, ascending */
		struct lr_matrix a = { n, n, (double *)ar, NULL };
		double *w = NULL;
		st = lr_linalg_eig_sym(&a, &w, NULL);
		if (st == LR_OK && n)
			memcpy((*wr)->data, w, n * sizeof *w);
		lr_free(w);
	} else {
		st = lr_z_eig(n, ar, ai, (*wr)->data, (*wi)->data, NULL, NULL);
	}
	if (st != LR_OK)
		return fail(c, -1, "%s: %s", name, st == LR_ERR_NOMEM ? "out of memory"
		            : "the eigenvalue computation (LAPACK) did not converge");
	return 0;
}

static int finite_value(const struct lr_value *v)
{
	for (size_t k = 0; k < v->m->rows * v->m->cols; k++)
		if (!isfinite(v->m->data[k]) || (v->im && !isfinite(v->im->data[k])))
			return 0;
	return 1;
}

/* roots(v): the eigenvalues of the companion matrix of v with its leading
 * and trailing zeros taken off, and a zero root for each trailing zero (as
 * Octave's roots.m). */
static int fn_roots(struct lr_call *c)
{
	const struct lr_value *v = num_arg(c, "roots", 0);
	size_t n, f0 = 0, f1 = 0, l;
	struct lr_matrix *ar = NULL, *ai = NULL, *wr = NULL, *wi = NULL, *re = NULL, *im = NULL;
	int any = 0, rc = -1;

	if (!v)
		return -1;
	n = v->m->rows * v->m->cols;
	if (v->m->rows > 1 && v->m->cols > 1)
		return fail(c, 0, "roots: expected a vector of coefficients, found a %zu×%zu matrix",
		            v->m->rows, v->m->cols);
	if (!finite_value(v))
		return fail(c, 0, "roots: the coefficients must not contain Inf or NaN");
	for (size_t k = 0; k < n; k++)
		if (v->m->data[k] != 0 || (v->im && v->im->data[k] != 0)) {
			if (!any)
				f0 = k;
			f1 = k;
			any = 1;
		}
	if (!any)
		return put(c, "roots", lr_mat_create(0, 0), NULL, 1);
	l = f1 - f0 + 1;
	ar = lr_mat_create(l - 1, l - 1);
	ai = v->im ? lr_mat_create(l - 1, l - 1) : NULL;
	if (!ar || (v->im && !ai)) {
		fail(c, -1, "roots: out of memory");
		goto done;
	}
	cx lead = CMPLX(v->m->data[f0], v->im ? v->im->data[f0] : 0);
	for (size_t j = 0; j + 1 < l; j++) {
		cx a = CMPLX(v->m->data[f0 + j + 1], v->im ? v->im->data[f0 + j + 1] : 0), q;
		q = cimag(lead) == 0 ? CMPLX(-creal(a) / creal(lead), -cimag(a) / creal(lead))
		                     : -a / lead;
		LR_AT(ar, 0, j) = creal(q);
		if (ai)
			LR_AT(ai, 0, j) = cimag(q);
		if (j + 1 < l - 1)
			LR_AT(ar, j + 1, j) = 1;
	}
	if (eigenvalues(c, "roots", l - 1, ar->data, ai ? ai->data : NULL, &wr, &wi) < 0)
		goto done;
	re = lr_mat_create(l - 1 + (n - 1 - f1), 1);
	im = lr_mat_create(re ? re->rows : 0, 1);
	if (!re || !im) {
		fail(c, -1, "roots: out of memory");
		goto done;
	}
	if (l > 1) {   /* the trailing zeros' roots stay 0 */
		memcpy(re->data, wr->data, (l - 1) * sizeof *re->data);
		memcpy(im->data, wi->data, (l - 1) * sizeof *im->data);
	}
	rc = put(c, "roots", re, im, 1);
	re = im = NULL;
done:
	lr_mat_destroy(ar);
	lr_mat_destroy(ai);
	lr_mat_destroy(wr);
	lr_mat_destroy(wi);
	lr_mat_destroy(re);
	lr_mat_destroy(im);
	return rc;
}

/* 1 if the roots with positive imaginary parts are the conjugates of those
 * with negative ones: the polynomial is real (Octave's poly.m test). */
static int conjugate_pairs(const cx *v, size_t n)
{
	cx *pos = lr_mallocarray(n + 1, sizeof *pos), *neg = lr_mallocarray(n + 1, sizeof *neg);
	size_t np = 0, nn = 0;
	int same = 0;

	if (pos && neg) {
		for (size_t k = 0; k < n; k++)
			if (cimag(v[k]) > 0)
				pos[np++] = v[k];
			else if (cimag(v[k]) < 0)
				neg[nn++] = conj(v[k]);
		qsort(pos, np, sizeof *pos, cx_order);
		qsort(neg, nn, sizeof *neg, cx_order);
		same = np == nn;
		for (size_t k = 0; same && k < np; k++)
			same = pos[k] == neg[k];
	}
	lr_free(pos);
	lr_free(neg);
	return same;
}

/* poly(r): the coefficients of the monic polynomial whose roots are r (a
 * vector), or of A's characteristic polynomial (a square matrix). */
static int fn_poly(struct lr_call *c)
{
	const struct lr_value *x = num_arg(c, "poly", 0);
	struct lr_matrix *wr = NULL, *wi = NULL;
	size_t n;
	cx *v = NULL, *y = NULL;
	int rc = -1;

	if (!x)
		return -1;
	if (x->m->rows * x->m->cols == 0)
		return put(c, "poly", lr_mat_create(1, 1), NULL, 1) < 0 ? -1
		       : (c->outs[0]->m->data[0] = 1, 0);
	if (x->m->rows == 1 || x->m->cols == 1) {
		n = x->m->rows * x->m->cols;
	} else if (x->m->rows == x->m->cols) {
		n = x->m->rows;
		if (!finite_value(x))
			return fail(c, 0, "poly: the matrix must not contain Inf or NaN");
		if (eigenvalues(c, "poly", n, x->m->data, x->im ? x->im->data : NULL, &wr, &wi) < 0)
			goto done;
	} else {
		return fail(c, 0, "poly: expected a vector or a square matrix, found a %zu×%zu "
		            "matrix", x->m->rows, x->m->cols);
	}
	v = lr_mallocarray(n + 1, sizeof *v);
	y = lr_mallocarray(n + 1, sizeof *y);
	if (!v || !y) {
		fail(c, -1, "poly: out of memory");
		goto done;
	}
	for (size_t k = 0; k < n; k++)
		v[k] = wr ? CMPLX(wr->data[k], wi->data[k])
		          : CMPLX(x->m->data[k], x->im ? x->im->data[k] : 0);
	y[0] = 1;
	for (size_t j = 0; j < n; j++) {   /* y(2:j+1) -= v(j) .* y(1:j), from the old y */
		y[j + 1] = 0;
		for (size_t k = j + 1; k > 0; k--)
			y[k] -= cimag(v[j]) == 0 ? CMPLX(creal(v[j]) * creal(y[k - 1]),
			                                 creal(v[j]) * cimag(y[k - 1]))
			                         : v[j] * y[k - 1];
	}
	int real = !x->im || conjugate_pairs(v, n);
	struct lr_matrix *re = lr_mat_create(1, n + 1), *im = real ? NULL : lr_mat_create(1, n + 1);
	if (!re || (!real && !im)) {
		rc = put(c, "poly", re, im, -1);
		goto done;
	}
	for (size_t k = 0; k <= n; k++) {
		re->data[k] = creal(y[k]);
		if (im)
			im->data[k] = cimag(y[k]);
	}
	rc = put(c, "poly", re, im, 1);
done:
	lr_free(v);
	lr_free(y);
	lr_mat_destroy(wr);
	lr_mat_destroy(wi);
	return rc;
}

/* e = eig(A), [V, D] = eig(A) of a complex matrix or a real one that is not
 * symmetric (the real form handles symmetric ones): LAPACK's geevx. */
static int cx_eig(struct lr_call *c)
{
	const struct lr_value *a = num_arg(c, "eig", 0);
	size_t n;
	struct lr_matrix *wr, *wi, *vr = NULL, *vi = NULL, *dr = NULL, *di = NULL;
	enum lr_status st;

	if (c->nargin == 2)   /* eig(A, B): its own checks, which refuse complex pairs */
		return lr_fn_eig_pair(c);
	if (!a)
		return -1;
	if (a->m->rows != a->m->cols)
		return fail(c, 0, "eig: expected a square matrix, found %zu×%zu", a->m->rows,
		            a->m->cols);
	if (!finite_value(a))
		return fail(c, 0, "eig: the matrix must not contain Inf or NaN");
	n = a->m->rows;
	wr = lr_mat_create(n, 1);
	wi = lr_mat_create(n, 1);
	if (c->nargout > 1) {
		vr = lr_mat_create(n, n);
		vi = lr_mat_create(n, n);
		dr = lr_mat_create(n, n);
		di = lr_mat_create(n, n);
	}
	st = !wr || !wi || (c->nargout > 1 && (!vr || !vi || !dr || !di)) ? LR_ERR_NOMEM
	     : lr_z_eig(n, a->m->data, a->im ? a->im->data : NULL, wr->data, wi->data,
	                vr ? vr->data : NULL, vi ? vi->data : NULL);
	if (st == LR_OK && c->nargout > 1) {
		for (size_t k = 0; k < n; k++) {
			LR_AT(dr, k, k) = wr->data[k];
			LR_AT(di, k, k) = wi->data[k];
		}
		lr_mat_destroy(wr);
		lr_mat_destroy(wi);
		c->outs[0] = lr_cx_value(vr, vi, 1);
		c->outs[1] = lr_cx_value(dr, di, 1);
		return c->outs[0] && c->outs[1] ? 0 : fail(c, -1, "eig: out of memory");
	}
	lr_mat_destroy(vr);
	lr_mat_destroy(vi);
	lr_mat_destroy(dr);
	lr_mat_destroy(di);
	if (st != LR_OK) {
		lr_mat_destroy(wr);
		lr_mat_destroy(wi);
		return fail(c, -1, "eig: %s", st == LR_ERR_NOMEM ? "out of memory"
		            : "the eigenvalue computation (LAPACK) did not converge");
	}
	return put(c, "eig", wr, wi, 1);
}

/* inv(Z) of a complex square matrix: I / Z through the core's zgesv. */
static int cx_inv(struct lr_call *c)
{
	const struct lr_value *a = num_arg(c, "inv", 0);
	struct lr_matrix *eye;
	struct lr_value *iv, *r = NULL;
	enum lr_status st;

	if (!a)
		return -1;
	if (a->m->rows != a->m->cols)
		return fail(c, 0, "inv: expected a square matrix, found %zu×%zu", a->m->rows,
		            a->m->cols);
	eye = lr_mat_create(a->m->rows, a->m->rows);
	for (size_t k = 0; eye && k < eye->rows; k++)
		LR_AT(eye, k, k) = 1;
	if (!(iv = lr_value_mat(eye)))
		return fail(c, -1, "inv: out of memory");
	st = lr_cx_binary(LR_OP_DIV, iv, a, &r, c->msg, sizeof c->msg);
	lr_value_destroy(iv);
	if (st != LR_OK) {
		if (st == LR_ERR_NOMEM)
			return fail(c, -1, "inv: out of memory");
		char why[sizeof c->msg];
		memcpy(why, c->msg, sizeof why);
		return fail(c, 0, "inv: %s", why);
	}
	c->outs[0] = r;
	return 0;
}

/* Sorted by name. */
static const struct lr_builtin complex_table[] = {
	{ "angle", 1, 1, 1, fn_angle, "angle(Z)", "the argument (phase) of each element, in "
	  "radians" },
	{ "arg", 1, 1, 1, fn_arg, "arg(Z)", "as angle" },
	{ "complex", 1, 2, 1, fn_complex, "complex(A), complex(A, B)",
	  "the complex value A + B·i, complex even where B is 0" },
	{ "conj", 1, 1, 1, fn_conj, "conj(Z)", "the complex conjugate of each element" },
	{ "imag", 1, 1, 1, fn_imag, "imag(Z)", "the imaginary part of each element" },
	{ "iscomplex", 1, 1, 1, fn_iscomplex, "iscomplex(X)", "1 if X is a complex value" },
	{ "isreal", 1, 1, 1, fn_isreal, "isreal(X)", "1 if X is not a complex value" },
	{ "poly", 1, 1, 1, fn_poly, "poly(r), poly(A)",
	  "the polynomial with roots r, or the characteristic polynomial of A" },
	{ "real", 1, 1, 1, fn_real, "real(Z)", "the real part of each element" },
	{ "roots", 1, 1, 1, fn_roots, "roots(p)", "the roots of the polynomial with coefficients "
	  "p (the eigenvalues of its companion matrix)" },
};

const struct lr_builtin_table lr_builtins_complex = LR_BUILTIN_TABLE(complex_table);

/* Real arguments whose results Octave gives as complex numbers: the forms
 * below are taken for them too. */
static int below_zero(double x) { return x < 0; }
static int below_minus_one(double x) { return x < -1; }
static int outside_unit(double x) { return fabs(x) > 1; }

/* The complex forms of other tables' functions (same names and arities),
 * sorted by name; real_domain: which real argument also needs the form
 * (NULL: only complex arguments). eig's test is its own (lr_cx_dispatch). */
static const struct complex_form {
	struct lr_builtin entry;
	int (*real_domain)(double x);
} complex_forms[] = {
	{ { "abs", 1, 1, 1, cx_abs, NULL, NULL }, NULL },
	{ { "acos", 1, 1, 1, cx_acos, NULL, NULL }, outside_unit },
	{ { "asin", 1, 1, 1, cx_asin, NULL, NULL }, outside_unit },
	{ { "atan", 1, 1, 1, cx_atan, NULL, NULL }, NULL },
	{ { "cos", 1, 1, 1, cx_cos, NULL, NULL }, NULL },
	{ { "cosh", 1, 1, 1, cx_cosh, NULL, NULL }, NULL },
	{ { "eig", 1, 2, 2, cx_eig, NULL, NULL }, NULL },
	{ { "exp", 1, 1, 1, cx_exp, NULL, NULL }, NULL },
	{ { "expm1", 1, 1, 1, cx_expm1, NULL, NULL }, NULL },
	{ { "inv", 1, 1, 1, cx_inv, NULL, NULL }, NULL },
	{ { "log", 1, 1, 1, cx_log, NULL, NULL }, below_zero },
	{ { "log10", 1, 1, 1, cx_log10, NULL, NULL }, below_zero },
	{ { "log1p", 1, 1, 1, cx_log1p, NULL, NULL }, below_minus_one },
	{ { "log2", 1, 1, 2, cx_log2, NULL, NULL }, below_zero },
	{ { "sin", 1, 1, 1, cx_sin, NULL, NULL }, NULL },
	{ { "sinh", 1, 1, 1, cx_sinh, NULL, NULL }, NULL },
	{ { "sqrt", 1, 1, 1, cx_sqrt, NULL, NULL }, below_zero },
	{ { "tan", 1, 1, 1, cx_tan, NULL, NULL }, NULL },
	{ { "tanh", 1, 1, 1, cx_tanh, NULL, NULL }, NULL },
};


/* How functions of other tables take a complex first argument (sorted by
 * name): as it is (they look only at shapes), part by part (linear or
 * partwise: f(re) + f(im)·i), either part (isnan: of the real or the
 * imaginary part), or as where it is nonzero (any, all, find). */
struct other_form {
	const char *name;
	enum lr_cx_how how;
};

static const struct other_form other_forms[] = {
	{ "all", LR_CX_NONZERO }, { "any", LR_CX_NONZERO }, { "ceil", LR_CX_PARTS },
	{ "circshift", LR_CX_PARTS }, { "columns", LR_CX_AS_IS }, { "cumsum", LR_CX_PARTS },
	{ "diag", LR_CX_PARTS }, { "diff", LR_CX_PARTS }, { "expm", LR_CX_AS_IS }, { "find", LR_CX_NONZERO },
	{ "fix", LR_CX_PARTS }, { "fliplr", LR_CX_PARTS }, { "flipud", LR_CX_PARTS },
	{ "floor", LR_CX_PARTS }, { "iscolumn", LR_CX_AS_IS }, { "isempty", LR_CX_AS_IS },
	{ "isinf", LR_CX_EITHER }, { "islogical", LR_CX_AS_IS }, { "ismatrix", LR_CX_AS_IS },
	{ "isnan", LR_CX_EITHER }, { "isnumeric", LR_CX_AS_IS }, { "isrow", LR_CX_AS_IS },
	{ "isscalar", LR_CX_AS_IS }, { "issquare", LR_CX_AS_IS }, { "isvector", LR_CX_AS_IS },
	{ "length", LR_CX_AS_IS }, { "logm", LR_CX_AS_IS }, { "mean", LR_CX_PARTS }, { "ndims", LR_CX_AS_IS },
	{ "numel", LR_CX_AS_IS }, { "repmat", LR_CX_PARTS }, { "reshape", LR_CX_PARTS },
	{ "rot90", LR_CX_PARTS }, { "round", LR_CX_PARTS }, { "rows", LR_CX_AS_IS },
	{ "size", LR_CX_AS_IS }, { "sqrtm", LR_CX_AS_IS }, { "sum", LR_CX_PARTS }, { "trace", LR_CX_PARTS },
	{ "tril", LR_CX_PARTS }, { "triu", LR_CX_PARTS },
};

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct other_form *)elem)->name);
}

/* 1 if some entry of v is in the real domain that needs complex results. */
static int any_in(const struct lr_value *v, int (*domain)(double))
{
	for (size_t k = 0; v->kind == LR_VAL_MAT && k < v->m->rows * v->m->cols; k++)
		if (domain(v->m->data[k]))
			return 1;
	return 0;
}

static int not_symmetric(const struct lr_value *v)
{
	const struct lr_matrix *m = v->m;

	if (v->kind != LR_VAL_MAT || m->rows != m->cols)
		return 0;
	for (size_t k = 0; k < m->rows * m->cols; k++)
		if (!isfinite(m->data[k]))   /* the real eig's refusal says what is wrong */
			return 0;
	for (size_t i = 0; i < m->rows; i++)
		for (size_t j = 0; j < i; j++)
			if (LR_AT(m, i, j) != LR_AT(m, j, i))
				return 1;
	return 0;
}

static int by_form_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct complex_form *)elem)->entry.name);
}

/* The complex form of b, when b has one (a binary search). */
static const struct complex_form *form_of(const struct lr_builtin *b)
{
	return bsearch(b->name, complex_forms, sizeof complex_forms / sizeof complex_forms[0],
	               sizeof complex_forms[0], by_form_name);
}

const struct lr_builtin *lr_cx_dispatch(const struct lr_builtin *b,
                                        const struct lr_value *const *args, int nargin,
                                        enum lr_cx_how *how, int *bad)
{
	int first = -1;
	const struct complex_form *form;

	*how = LR_CX_AS_IS;
	for (int i = 0; i < nargin && first < 0; i++)
		if (args[i]->kind == LR_VAL_MAT && args[i]->im)
			first = i;
	if (first < 0) {   /* the real path: a few functions need complex results */
		if (nargin == 1 && (form = form_of(b)) &&
		    (form->real_domain ? any_in(args[0], form->real_domain)
		                       : !strcmp(b->name, "eig") && not_symmetric(args[0])))
			return &form->entry;
		return b;
	}
	if (b >= complex_table && b < complex_table + sizeof complex_table / sizeof *complex_table)
		return b;
	if ((form = form_of(b)))
		return &form->entry;
	const struct other_form *hit = bsearch(b->name, other_forms,
	                                       sizeof other_forms / sizeof other_forms[0],
	                                       sizeof other_forms[0], by_name);
	if (hit && first == 0) {
		int others_real = 1;
		for (int i = 1; i < nargin; i++)
			others_real &= !(args[i]->kind == LR_VAL_MAT && args[i]->im);
		*how = hit->how;
		if (others_real || hit->how == LR_CX_AS_IS)
			return b;
	}
	*bad = first;
	return NULL;
}

/* Calls b with argument 0 replaced by part; its first output in *out. */
static int call_with(const struct lr_builtin *b, struct lr_call *c, const struct lr_value *part,
                     struct lr_value **out)
{
	const struct lr_value *argv[8];
	struct lr_call p = *c;

	if (c->nargin > 8)
		return fail(c, -1, "%s: too many arguments", b->name);
	for (int i = 0; i < c->nargin; i++)
		argv[i] = i ? c->args[i] : part;
	p.args = argv;
	memset(p.outs, 0, sizeof p.outs);
	p.msg[0] = '\0';
	p.bad_arg = -1;
	int rc = b->fn(&p);
	for (int i = rc < 0 ? 0 : 1; i < LR_MAX_OUTS; i++)
		lr_value_destroy(p.outs[i]);
	if (rc < 0) {
		memcpy(c->msg, p.msg, sizeof c->msg);
		c->bad_arg = p.bad_arg;
		return -1;
	}
	*out = p.outs[0];
	if (!*out || (*out)->kind != LR_VAL_MAT) {
		lr_value_destroy(*out);
		return fail(c, -1, "%s: internal error: no numeric result", b->name);
	}
	return 0;
}

static int call_parts(const struct lr_builtin *b, struct lr_call *c, enum lr_cx_how how)
{
	const struct lr_value *z = c->args[0];
	struct lr_value re = { .kind = LR_VAL_MAT, .m = z->m };
	struct lr_value im = { .kind = LR_VAL_MAT, .m = z->im };
	struct lr_value *r0 = NULL, *r1 = NULL;

	if (call_with(b, c, &re, &r0) < 0)
		return -1;
	if (call_with(b, c, &im, &r1) < 0) {
		lr_value_destroy(r0);
		return -1;
	}
	if (r0->m->rows != r1->m->rows || r0->m->cols != r1->m->cols) {
		lr_value_destroy(r0);
		lr_value_destroy(r1);
		return fail(c, -1, "%s: internal error: the parts' results differ in shape", b->name);
	}
	if (how == LR_CX_EITHER) {
		for (size_t k = 0; k < r0->m->rows * r0->m->cols; k++)
			r0->m->data[k] = r0->m->data[k] != 0 || r1->m->data[k] != 0;
		lr_value_destroy(r1);
		c->outs[0] = r0;
		return 0;
	}
	struct lr_matrix *a = r0->m, *bm = r1->m;
	r0->m = r1->m = NULL;
	lr_value_destroy(r0);
	lr_value_destroy(r1);
	return put(c, b->name, a, bm, 1);
}

/* any, all, find of a complex value: of where it is nonzero, a logical. */
static int call_nonzero(const struct lr_builtin *b, struct lr_call *c)
{
	const struct lr_value *z = c->args[0];
	struct lr_matrix *nz;
	const struct lr_value *argv[8];
	struct lr_value *v;

	if (c->nargout > 2)
		return fail(c, 0, "%s: the values output of a complex argument is not supported; use "
		            "two outputs and index", b->name);
	if (c->nargin > 8)
		return fail(c, -1, "%s: too many arguments", b->name);
	if (!(nz = lr_mat_create(z->m->rows, z->m->cols)))
		return fail(c, -1, "%s: out of memory", b->name);
	for (size_t k = 0; k < z->m->rows * z->m->cols; k++)
		nz->data[k] = z->m->data[k] != 0 || z->im->data[k] != 0;
	if (!(v = lr_value_bool(nz)))
		return fail(c, -1, "%s: out of memory", b->name);
	for (int i = 0; i < c->nargin; i++)
		argv[i] = i ? c->args[i] : v;
	const struct lr_value *const *saved = c->args;
	c->args = argv;
	int rc = b->fn(c);
	c->args = saved;
	lr_value_destroy(v);
	return rc;
}

int lr_cx_call(const struct lr_builtin *b, enum lr_cx_how how, struct lr_call *c)
{
	switch (how) {
	case LR_CX_PARTS:
	case LR_CX_EITHER:
		return call_parts(b, c, how);
	case LR_CX_NONZERO:
		return call_nonzero(b, c);
	case LR_CX_AS_IS:
		break;
	}
	return b->fn(c);
}
