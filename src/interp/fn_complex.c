/* The functions of complex values: real, imag, conj, angle/arg, isreal,
 * iscomplex, complex, roots and poly in this file's table; and the complex
 * forms of functions whose real forms live in other tables (abs, sqrt,
 * exp, log), which the evaluator calls through lr_cx_dispatch when an
 * argument is complex, or for sqrt and log when a real argument has a
 * negative entry (sqrt(-4) is 0 + 2i, as in Octave). */
#include <complex.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/zmatrix.h"
#include "builtins.h"
#include "cvalue.h"
#include "fn_complex.h"

typedef double complex cx;

static int fail(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct lr_call *c, int arg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	c->bad_arg = arg;
	return -1;
}

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

/* The eigenvalues (as a column, narrowed) of the n×n (ar, ai): LAPACK's
 * order, or ascending for a real symmetric matrix, as Octave's eig. */
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
	st = lr_z_eig(n, ar, ai, (*wr)->data, (*wi)->data, NULL, NULL);
	if (st != LR_OK)
		return fail(c, -1, "%s: %s", name, st == LR_ERR_NOMEM ? "out of memory"
		            : "the eigenvalue computation (LAPACK) did not converge");
	if (sym) {   /* real eigenvalues, which Octave's symmetric solver gives ascending */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && (*wr)->data[j - 1] > (*wr)->data[j]; j--) {
				double t = (*wr)->data[j];
				(*wr)->data[j] = (*wr)->data[j - 1];
				(*wr)->data[j - 1] = t;
			}
		memset((*wi)->data, 0, n * sizeof *(*wi)->data);
	}
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
	memcpy(re->data, wr->data, (l - 1) * sizeof *re->data);
	memcpy(im->data, wi->data, (l - 1) * sizeof *im->data);
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

/* The complex forms of other tables' functions (same names and arities). */
static const struct lr_builtin complex_forms[] = {
	{ "abs", 1, 1, 1, cx_abs, NULL, NULL },
	{ "eig", 1, 1, 2, cx_eig, NULL, NULL },
	{ "exp", 1, 1, 1, cx_exp, NULL, NULL },
	{ "log", 1, 1, 1, cx_log, NULL, NULL },
	{ "sqrt", 1, 1, 1, cx_sqrt, NULL, NULL },
};

/* Functions of other tables that look only at shapes or types, and so take
 * complex values as they are. Sorted. */
static const char *const shape_only[] = {
	"class", "columns", "iscolumn", "isempty", "islogical", "ismatrix", "isnumeric",
	"isrow", "isscalar", "issquare", "isvector", "length", "ndims", "numel", "rows", "size",
};

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int any_negative(const struct lr_value *v)
{
	for (size_t k = 0; v->kind == LR_VAL_MAT && k < v->m->rows * v->m->cols; k++)
		if (v->m->data[k] < 0)
			return 1;
	return 0;
}

static int not_symmetric(const struct lr_value *v)
{
	const struct lr_matrix *m = v->m;

	if (v->kind != LR_VAL_MAT || m->rows != m->cols)
		return 0;
	for (size_t i = 0; i < m->rows; i++)
		for (size_t j = 0; j < i; j++)
			if (LR_AT(m, i, j) != LR_AT(m, j, i))
				return 1;
	return 0;
}

const struct lr_builtin *lr_cx_dispatch(const struct lr_builtin *b,
                                        const struct lr_value *const *args, int nargin,
                                        int *bad)
{
	int first = -1;
	const struct lr_builtin *form = NULL;
	size_t nforms = sizeof complex_forms / sizeof complex_forms[0];

	for (int i = 0; i < nargin && first < 0; i++)
		if (args[i]->kind == LR_VAL_MAT && args[i]->im)
			first = i;
	if (b >= complex_table && b < complex_table + sizeof complex_table / sizeof *complex_table)
		return b;
	for (size_t k = 0; k < nforms; k++)
		if (!strcmp(complex_forms[k].name, b->name))
			form = &complex_forms[k];
	if (form && nargin == 1 && (first == 0
	    || ((!strcmp(b->name, "sqrt") || !strcmp(b->name, "log")) && any_negative(args[0]))
	    || (!strcmp(b->name, "eig") && not_symmetric(args[0]))))
		return form;
	if (first < 0 || bsearch(b->name, shape_only, sizeof shape_only / sizeof *shape_only,
	                         sizeof *shape_only, by_name))
		return b;
	*bad = first;
	return NULL;
}
