/* Functions of a matrix and the generalized eigenproblem as functions of
 * the language: expm, logm, sqrtm and eig(A, B), with GNU Octave 7's shapes,
 * warnings and messages. The numbers come from the core
 * (lowrank/matfun.h); this file reads arguments and shapes results. */
#include "fn_matfun.h"

#include <string.h>

#include "lowrank/matfun.h"
#include "cvalue.h"
#define LR_FN_SHORT_NAMES
#include "fn_args.h"

/* Argument i as a numeric value, real or complex (a string is refused). */
static const struct lr_value *numeric(struct lr_call *c, const char *name, int i)
{
	if (c->args[i]->kind == LR_VAL_MAT)
		return c->args[i];
	fail(c, i, "%s: expected a numeric argument %d, found a string", name, i + 1);
	return NULL;
}

static int square(struct lr_call *c, const char *name, int i, const char *what,
                  const struct lr_matrix *a)
{
	if (a->rows == a->cols)
		return 0;
	return fail(c, i, "%s: %s must be a square matrix, found %zu×%zu", name, what, a->rows,
	            a->cols);
}

static int core_fail(struct lr_call *c, const char *name, enum lr_status st)
{
	switch (st) {
	case LR_ERR_NOMEM:
		return nomem(c, name);
	case LR_ERR_NONFINITE:
		return fail(c, -1, "%s: the matrix contains Inf or NaN values", name);
	case LR_ERR_TOO_BIG:
		return fail(c, 0, "%s: the matrix is too large for LAPACK", name);
	default:
		return fail(c, -1, "%s: LAPACK failed (%s)", name, lr_status_str(st));
	}
}

/* Hands (re, im) to output i, narrowed to real when im is all zero. */
static int put_cx(struct lr_call *c, const char *name, int i, struct lr_matrix *re,
                  struct lr_matrix *im)
{
	if (!re || !im) {
		lr_mat_destroy(re);
		lr_mat_destroy(im);
		return nomem(c, name);
	}
	if (!(c->outs[i] = lr_cx_value(re, im, 1)))
		return nomem(c, name);
	return 0;
}

/* ---- expm, sqrtm ------------------------------------------------------------------- */

/* expm of a complex matrix: the core's complex form of the same method. */
static int expm_complex(struct lr_call *c, const struct lr_value *a)
{
	size_t n = a->m->rows;
	struct lr_matrix *xr = mk(c, "expm", (double)n, (double)n);
	struct lr_matrix *xi = xr ? mk(c, "expm", (double)n, (double)n) : NULL;
	enum lr_status st;

	if (!xr || !xi) {
		lr_mat_destroy(xr);
		return -1;
	}
	st = lr_matfun_expm_complex(n, a->m->data, a->im->data, xr->data, xi->data);
	if (st != LR_OK) {
		lr_mat_destroy(xr);
		lr_mat_destroy(xi);
		return core_fail(c, "expm", st);
	}
	return put_cx(c, "expm", 0, xr, xi);
}

static int fn_expm(struct lr_call *c)
{
	const struct lr_value *a = numeric(c, "expm", 0);
	struct lr_matrix *r = NULL;
	int singular = 0;
	enum lr_status st;

	if (!a || square(c, "expm", 0, "A", a->m) < 0)
		return -1;
	if (a->im)
		return expm_complex(c, a);
	st = lr_matfun_expm(a->m, &r, &singular);
	if (st != LR_OK)
		return core_fail(c, "expm", st);
	if (singular)
		lr_fn_warn(c, "matrix singular to machine precision");
	return put(c, "expm", 0, r);
}

static int fn_sqrtm(struct lr_call *c)
{
	const struct lr_value *a = numeric(c, "sqrtm", 0);
	struct lr_matrix *xr, *xi;
	size_t n;
	int singular = 0;
	enum lr_status st;

	if (!a || square(c, "sqrtm", 0, "A", a->m) < 0)
		return -1;
	n = a->m->rows;
	xr = mk(c, "sqrtm", (double)n, (double)n);
	xi = xr ? mk(c, "sqrtm", (double)n, (double)n) : NULL;
	if (!xr || !xi) {
		lr_mat_destroy(xr);
		return -1;
	}
	st = lr_matfun_sqrtm(n, a->m->data, a->im ? a->im->data : NULL, xr->data, xi->data,
	                     &singular);
	if (st != LR_OK) {
		lr_mat_destroy(xr);
		lr_mat_destroy(xi);
		return core_fail(c, "sqrtm", st);
	}
	if (singular)
		lr_fn_warn(c, "sqrtm: matrix is singular, may not have a square root");
	return put_cx(c, "sqrtm", 0, xr, xi);
}

static int fn_logm(struct lr_call *c)
{
	const struct lr_value *a = numeric(c, "logm", 0);
	struct lr_matrix *xr, *xi;
	size_t n;
	int warn = 0;
	enum lr_status st;

	if (!a || square(c, "logm", 0, "A", a->m) < 0)
		return -1;
	n = a->m->rows;
	xr = mk(c, "logm", (double)n, (double)n);
	xi = xr ? mk(c, "logm", (double)n, (double)n) : NULL;
	if (!xr || !xi) {
		lr_mat_destroy(xr);
		return -1;
	}
	st = lr_matfun_logm(n, a->m->data, a->im ? a->im->data : NULL, xr->data, xi->data, &warn);
	if (st != LR_OK) {
		lr_mat_destroy(xr);
		lr_mat_destroy(xi);
		return core_fail(c, "logm", st);
	}
	if (warn & LR_LOGM_NON_PRINCIPAL)
		lr_fn_warn(c, "logm: principal matrix logarithm is not defined for matrices with "
		           "negative eigenvalues; computing non-principal logarithm");
	else if (warn & LR_LOGM_MAX_ROOTS)
		lr_fn_warn(c, "logm: maximum number of square roots exceeded; results may still be "
		           "accurate");
	return put_cx(c, "logm", 0, xr, xi);
}

/* ---- eig(A, B) ---------------------------------------------------------------------- */

/* The arguments of eig(A, B) as Octave checks them: real (complex pairs are
 * not supported yet), square, of one size. */
static int pair_args(struct lr_call *c, const struct lr_matrix **a, const struct lr_matrix **b)
{
	for (int i = 0; i < 2; i++) {
		const struct lr_value *v = c->args[i];
		if (v->kind != LR_VAL_MAT)
			return fail(c, i, "eig: options ('vector', 'matrix', 'chol', 'qz', 'balance') "
			            "are not supported; the second argument must be the matrix B");
		if (v->im)
			return fail(c, i, "eig: eig(A, B) of complex matrices is not supported yet");
		if (square(c, "eig", i, i ? "B" : "A", v->m) < 0)
			return -1;
	}
	*a = c->args[0]->m;
	*b = c->args[1]->m;
	if ((*a)->rows != (*b)->rows)
		return fail(c, 1, "eig: A and B must be the same size, found %zu×%zu and %zu×%zu",
		            (*a)->rows, (*a)->cols, (*b)->rows, (*b)->cols);
	return 0;
}

/* The outputs of eig(A, B): the eigenvalues as a column, or [V, D]. */
static int pair_outputs(struct lr_call *c, size_t n, struct lr_matrix *wr, struct lr_matrix *wi,
                        struct lr_matrix *vr, struct lr_matrix *vi)
{
	struct lr_matrix *dr, *di;

	if (lr_fn_nargout(c) < 2) {
		lr_mat_destroy(vr);
		lr_mat_destroy(vi);
		if (n == 0) {   /* eig([], []) is 0×0, as Octave */
			lr_mat_destroy(wr);
			lr_mat_destroy(wi);
			return put(c, "eig", 0, mk(c, "eig", 0, 0));
		}
		return put_cx(c, "eig", 0, wr, wi);
	}
	dr = mk(c, "eig", (double)n, (double)n);
	di = mk(c, "eig", (double)n, (double)n);
	for (size_t k = 0; dr && di && k < n; k++) {
		LR_AT(dr, k, k) = wr->data[k];
		LR_AT(di, k, k) = wi->data[k];
	}
	lr_mat_destroy(wr);
	lr_mat_destroy(wi);
	if (put_cx(c, "eig", 0, vr, vi) < 0) {
		lr_mat_destroy(dr);
		lr_mat_destroy(di);
		return -1;
	}
	return put_cx(c, "eig", 1, dr, di);
}

int lr_fn_eig_pair(struct lr_call *c)
{
	const struct lr_matrix *a = NULL, *b = NULL;
	struct lr_matrix *wr, *wi, *vr = NULL, *vi = NULL;
	size_t n;
	int sym = 0, want_v = lr_fn_nargout(c) > 1;
	enum lr_status st;

	if (pair_args(c, &a, &b) < 0)
		return -1;
	n = a->rows;
	wr = mk(c, "eig", (double)n, 1);
	wi = mk(c, "eig", (double)n, 1);
	if (want_v) {
		vr = mk(c, "eig", (double)n, (double)n);
		vi = mk(c, "eig", (double)n, (double)n);
	}
	st = !wr || !wi || (want_v && (!vr || !vi)) ? LR_ERR_NOMEM
	     : lr_matfun_eig_pair(n, a->data, b->data, wr->data, wi->data,
	                          vr ? vr->data : NULL, vi ? vi->data : NULL, &sym);
	if (st != LR_OK) {
		lr_mat_destroy(wr);
		lr_mat_destroy(wi);
		lr_mat_destroy(vr);
		lr_mat_destroy(vi);
		return core_fail(c, "eig", st);
	}
	return pair_outputs(c, n, wr, wi, vr, vi);
}

/* Sorted by name. */
static const struct lr_builtin table[] = {
	{ "expm", 1, 1, 1, fn_expm, "expm(A)",
	  "matrix exponential e^A (Padé approximant, scaling and squaring)" },
	{ "logm", 1, 1, 1, fn_logm, "logm(A)",
	  "principal matrix logarithm, expm(logm(A)) = A (complex Schur form)" },
	{ "sqrtm", 1, 1, 1, fn_sqrtm, "sqrtm(A)",
	  "principal square root, X*X = A (complex for negative eigenvalues)" },
};

const struct lr_builtin_table lr_builtins_matfun =
	LR_BUILTIN_GROUP(table, "Functions of a matrix");
