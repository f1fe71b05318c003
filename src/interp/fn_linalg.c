/* The linear algebra of a first course as functions of the language, with
 * GNU Octave 7's names, shapes, warnings and messages: mldivide linsolve
 * det eig lu qr chol null orth pinv cond rcond rref kron triu tril dot
 * cross. The numbers come from the core (lowrank/linalg.h), the products
 * from BLAS; this file reads arguments, shapes results and words refusals. */
#include "fn_linalg.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/svd.h"
#define LR_FN_SHORT_NAMES
#include "fn_args.h"
#include "fn_matfun.h"
#include "ops.h"

#define nargout lr_fn_nargout

/* Refuses a matrix that is not square, in Octave's words. */
static int need_square(struct lr_call *c, const char *name, const struct lr_matrix *a)
{
	if (a->rows == a->cols)
		return 0;
	return fail(c, 0, "%s: A must be a square matrix, found %zu×%zu", name, a->rows, a->cols);
}

/* Words a failure of the core for function name. */
static int core_fail(struct lr_call *c, const char *name, enum lr_status st)
{
	switch (st) {
	case LR_ERR_NOMEM:
		return nomem(c, name);
	case LR_ERR_NONFINITE:
		return fail(c, 0, "%s: the matrix contains Inf or NaN values", name);
	case LR_ERR_TOO_BIG:
		return fail(c, 0, "%s: the matrix is too large for LAPACK", name);
	case LR_ERR_SHAPE:
		return fail(c, -1, "%s: the shapes do not agree", name);
	default:
		return fail(c, -1, "%s: LAPACK failed (%s)", name, lr_status_str(st));
	}
}

/* A matrix of n values as a column. */
static struct lr_matrix *column(struct lr_call *c, const char *name, const double *x, size_t n)
{
	struct lr_matrix *m = mk(c, name, n, 1);

	if (m && n)
		memcpy(m->data, x, n * sizeof *x);
	return m;
}

/* ---- Solving: mldivide linsolve --------------------------------------------- */

/* A \ B as the operator does it, with its warning. */
static int left_divide(struct lr_call *c, const char *name)
{
	const struct lr_matrix *a, *b;
	struct lr_matrix *x = NULL;
	char msg[200] = "";
	enum lr_status st;

	if (!(a = arg_mat(c, name, 0)) || !(b = arg_mat(c, name, 1)))
		return -1;
	st = lr_op_binary(LR_OP_LDIV, a, b, &x, msg, sizeof msg);
	if (st == LR_ERR_NOMEM)
		return nomem(c, name);
	if (st != LR_OK)
		return fail(c, st == LR_ERR_SHAPE ? 1 : -1, "%s: %s", name,
		            msg[0] ? msg : lr_status_str(st));
	if (msg[0])
		lr_fn_warn(c, msg);
	return put(c, name, 0, x);
}

int lr_fn_mldivide(struct lr_call *c) { return left_divide(c, "mldivide"); }
int lr_fn_linsolve(struct lr_call *c) { return left_divide(c, "linsolve"); }

/* ---- det, rcond, cond --------------------------------------------------------- */

int lr_fn_det(struct lr_call *c)
{
	const struct lr_matrix *a;
	double d = 0.0;
	enum lr_status st;

	if (!(a = arg_mat(c, "det", 0)) || need_square(c, "det", a) < 0)
		return -1;
	if ((st = lr_linalg_det(a, &d)) != LR_OK)
		return core_fail(c, "det", st);
	return put_num(c, "det", 0, d);
}

int lr_fn_rcond(struct lr_call *c)
{
	const struct lr_matrix *a;
	double r = 0.0;
	enum lr_status st;

	if (!(a = arg_mat(c, "rcond", 0)) || need_square(c, "rcond", a) < 0)
		return -1;
	if ((st = lr_linalg_rcond(a, &r)) != LR_OK)
		return core_fail(c, "rcond", st);
	return put_num(c, "rcond", 0, r);
}

/* cond(A) = σ₁/σₙ (Inf when σₙ is 0), as Octave's cond.m; cond([]) is 0. */
int lr_fn_cond(struct lr_call *c)
{
	const struct lr_matrix *a;
	double p = 2.0, *s, r;
	size_t k = 0;
	enum lr_status st;

	if (!(a = arg_mat(c, "cond", 0)))
		return -1;
	if (c->nargin > 1 && arg_num(c, "cond", 1, &p) < 0)
		return -1;
	if (p != 2.0)
		return fail(c, 1, "cond: only the 2-norm (p = 2) is supported, found %s", num(p));
	if (!lr_mat_all_finite(a))
		return fail(c, 0, "cond: A must not contain Inf or NaN values");
	k = a->rows < a->cols ? a->rows : a->cols;
	if (!k)
		return put_num(c, "cond", 0, 0.0);
	if (!(s = lr_mallocarray(k, sizeof *s)))
		return nomem(c, "cond");
	st = lr_svd_values(a, s);
	r = s[k - 1] == 0.0 ? INFINITY : s[0] / s[k - 1];
	lr_free(s);
	if (st != LR_OK)
		return core_fail(c, "cond", st);
	return put_num(c, "cond", 0, r);
}

/* ---- eig -------------------------------------------------------------------------- */

/* [V, D] = eig(A) or the eigenvalues as a column. */
static int eig_outputs(struct lr_call *c, const double *w, size_t n, struct lr_matrix *V)
{
	if (nargout(c) < 2) {
		lr_mat_destroy(V);   /* eig([]) is 0×0, as Octave */
		return put(c, "eig", 0, n ? column(c, "eig", w, n) : mk(c, "eig", 0, 0));
	}
	struct lr_matrix *D = mk(c, "eig", n, n);
	for (size_t i = 0; D && i < n; i++)
		LR_AT(D, i, i) = w[i];
	if (put(c, "eig", 0, V) < 0) {
		lr_mat_destroy(D);
		return -1;
	}
	return put(c, "eig", 1, D);
}

/* eig(A): symmetric A by dsyev/dsyevd (ascending), any other by dgeevx in
 * LAPACK's order. The evaluator calls the complex form (fn_complex.c,
 * lr_cx_dispatch) for a finite matrix that is not symmetric, which gives
 * complex eigenvalues; the refusal below is left for direct callers. */
int lr_fn_eig(struct lr_call *c)
{
	const struct lr_matrix *a;
	double *wr = NULL, *wi = NULL;
	struct lr_matrix *V = NULL;
	int want_v, cplx = 0, rc;
	enum lr_status st;

	if (c->nargin == 2)
		return lr_fn_eig_pair(c);
	if (!(a = arg_mat(c, "eig", 0)) || need_square(c, "eig", a) < 0)
		return -1;
	want_v = nargout(c) > 1;
	if (lr_linalg_is_symmetric(a))
		st = lr_linalg_eig_sym(a, &wr, want_v ? &V : NULL);
	else
		st = lr_linalg_eig(a, &wr, &wi, want_v ? &V : NULL, &cplx);
	if (st != LR_OK)
		return core_fail(c, "eig", st);
	if (cplx) {
		size_t i = 0;
		while (wi[i] == 0.0)
			i++;
		rc = fail(c, 0, "eig: the matrix has complex eigenvalues (%s %s %si), and complex "
		          "results are not supported yet", num(wr[i]), wi[i] < 0 ? "-" : "+",
		          num(fabs(wi[i])));
	} else {
		rc = eig_outputs(c, wr, a->rows, V);
		V = NULL;
	}
	lr_mat_destroy(V);
	lr_free(wr);
	lr_free(wi);
	return rc;
}

/* ---- lu, qr, chol ------------------------------------------------------------------ */

/* The permutation matrix whose row i is row perm[i] of the identity (P A
 * takes row perm[i] of A to row i); transposed, Pᵀ. */
static struct lr_matrix *perm_matrix(struct lr_call *c, const char *name, const size_t *perm,
                                     size_t n, int transposed)
{
	struct lr_matrix *P = mk(c, name, n, n);

	for (size_t i = 0; P && i < n; i++) {
		if (transposed)
			LR_AT(P, perm[i], i) = 1.0;
		else
			LR_AT(P, i, perm[i]) = 1.0;
	}
	return P;
}

/* [L, U] = lu(A): the L of P A = L U with P's rows undone (L = Pᵀ L). */
static struct lr_matrix *unpermute_rows(struct lr_call *c, struct lr_matrix *L, const size_t *perm)
{
	struct lr_matrix *M = mk(c, "lu", L->rows, L->cols);

	for (size_t i = 0; M && i < L->rows; i++)
		memcpy(M->data + perm[i] * L->cols, L->data + i * L->cols, L->cols * sizeof(double));
	lr_mat_destroy(L);
	return M;
}

/* y = lu(A) (LAPACK's packed factors, as Octave 7 for a full matrix),
 * [L, U] = lu(A), [L, U, P] = lu(A). */
int lr_fn_lu(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *L = NULL, *U = NULL, *Y = NULL;
	size_t *perm = NULL;
	int k = nargout(c), rc;
	enum lr_status st;

	if (!(a = arg_mat(c, "lu", 0)))
		return -1;
	if (!a->rows || !a->cols) {   /* Octave: every output of lu([]) is 0×0 */
		for (int i = 0; i < k; i++)
			if (put(c, "lu", i, mk(c, "lu", 0, 0)) < 0)
				return -1;
		return 0;
	}
	st = k == 1 ? lr_linalg_lu(a, NULL, NULL, NULL, &Y) : lr_linalg_lu(a, &L, &U, &perm, NULL);
	if (st != LR_OK)
		return core_fail(c, "lu", st);
	if (k == 1)
		return put(c, "lu", 0, Y);
	if (k == 2)
		L = unpermute_rows(c, L, perm);
	rc = put(c, "lu", 0, L);
	if (put(c, "lu", 1, U) < 0)
		rc = -1;
	if (k > 2 && put(c, "lu", 2, perm_matrix(c, "lu", perm, a->rows, 0)) < 0)
		rc = -1;
	lr_free(perm);
	return rc;
}

/* X = qr(A) (LAPACK's packed factor, as Octave 7 for a full matrix),
 * [Q, R] = qr(A), qr(A, 0) economy, [Q, R, P] = qr(A) with A P = Q R (P a
 * matrix; with 0 a row of column numbers). */
int lr_fn_qr(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *Q = NULL, *R = NULL, *X = NULL, *P = NULL;
	size_t *perm = NULL;
	int k = nargout(c), econ = 0, rc;
	double z;
	enum lr_status st;

	if (!(a = arg_mat(c, "qr", 0)))
		return -1;
	if (c->nargin > 1) {
		if (arg_num(c, "qr", 1, &z) < 0)
			return -1;
		if (z != 0.0)
			return fail(c, 1, "qr: expected 0 (the economy factors) as argument 2, found %s",
			            num(z));
		econ = 1;
	}
	if (k == 1) {
		st = lr_linalg_qr(a, econ, NULL, NULL, NULL, &X);
		return st != LR_OK ? core_fail(c, "qr", st) : put(c, "qr", 0, X);
	}
	st = lr_linalg_qr(a, econ, &Q, &R, k > 2 ? &perm : NULL, NULL);
	if (st != LR_OK)
		return core_fail(c, "qr", st);
	if (k > 2 && econ) {
		P = mk(c, "qr", 1, a->cols);
		for (size_t j = 0; P && j < a->cols; j++)
			P->data[j] = (double)perm[j] + 1.0;
	} else if (k > 2) {
		P = perm_matrix(c, "qr", perm, a->cols, 1);
	}
	lr_free(perm);
	rc = put(c, "qr", 0, Q);
	if (put(c, "qr", 1, R) < 0)
		rc = -1;
	if (k > 2 && put(c, "qr", 2, P) < 0)
		rc = -1;
	return rc;
}

/* R = chol(A), upper with R' R = A; [R, p] = chol(A) gives p > 0 instead
 * of the error when A is not positive definite. */
int lr_fn_chol(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *R = NULL;
	size_t minor = 0;
	enum lr_status st;

	if (!(a = arg_mat(c, "chol", 0)) || need_square(c, "chol", a) < 0)
		return -1;
	if ((st = lr_linalg_chol(a, &R, &minor)) != LR_OK)
		return core_fail(c, "chol", st);
	if (minor && nargout(c) < 2) {
		lr_mat_destroy(R);
		return fail(c, 0, "chol: input matrix must be positive definite");
	}
	if (put(c, "chol", 0, R) < 0)
		return -1;
	return nargout(c) > 1 ? put_num(c, "chol", 1, (double)minor) : 0;
}

/* ---- From the SVD: null orth pinv ------------------------------------------------ */

/* The SVD with Octave's driver and signs; the default tolerance
 * max(m, n)·σ₁·eps and the rank it gives. */
static int svd_rank(struct lr_call *c, const char *name, const struct lr_matrix *a, int econ,
                    struct lr_matrix **U, double **s, struct lr_matrix **V, size_t *rank)
{
	size_t p = a->rows < a->cols ? a->rows : a->cols;
	double tol = 0.0;
	enum lr_status st;

	if (!lr_mat_all_finite(a))
		return fail(c, 0, "%s: cannot take SVD of matrix containing Inf or NaN values", name);
	st = lr_linalg_svd(a, econ, p <= LR_LINALG_GESVD_MAX, U, s, V);
	if (st != LR_OK)
		return core_fail(c, name, st);
	if (c->nargin > 1 && arg_num(c, name, 1, &tol) < 0) {
		lr_mat_destroy(*U);
		lr_mat_destroy(*V);
		lr_free(*s);
		return -1;
	}
	if (c->nargin < 2 && p)
		tol = (double)(a->rows > a->cols ? a->rows : a->cols) * (*s)[0] * DBL_EPSILON;
	for (*rank = 0; *rank < p && (*s)[*rank] > tol; (*rank)++)
		;
	return 0;
}

/* Columns [from, to) of X as a new matrix, each entry times sign. */
static struct lr_matrix *columns_of(struct lr_call *c, const char *name,
                                    const struct lr_matrix *X, size_t from, size_t to,
                                    double sign)
{
	struct lr_matrix *M = mk(c, name, X->rows, to - from);

	for (size_t i = 0; M && i < X->rows; i++)
		for (size_t j = from; j < to; j++)
			LR_AT(M, i, j - from) = sign * LR_AT(X, i, j);
	return M;
}

/* null(A): the right singular vectors beyond the rank, entries below eps
 * set to 0, as Octave's null.m (the V of an empty A as it stands). */
int lr_fn_null(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *U, *V, *Z;
	double *s;
	size_t r;

	if (!(a = arg_mat(c, "null", 0)))
		return -1;
	if (svd_rank(c, "null", a, a->rows > a->cols, &U, &s, &V, &r) < 0)
		return -1;
	Z = a->rows && a->cols ? columns_of(c, "null", V, r, a->cols, 1.0)
	                       : columns_of(c, "null", V, 0, V->cols, 1.0);
	for (size_t i = 0; Z && a->rows && i < Z->rows * Z->cols; i++)
		if (fabs(Z->data[i]) < DBL_EPSILON)
			Z->data[i] = 0.0;
	lr_mat_destroy(U);
	lr_mat_destroy(V);
	lr_free(s);
	return put(c, "null", 0, Z);
}

/* orth(A): -U(:, 1:rank), as Octave's orth.m ([] for an empty A). */
int lr_fn_orth(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *U, *V, *O;
	double *s;
	size_t r;

	if (!(a = arg_mat(c, "orth", 0)))
		return -1;
	if (!a->rows || !a->cols)
		return put(c, "orth", 0, mk(c, "orth", 0, 0));
	if (svd_rank(c, "orth", a, 0, &U, &s, &V, &r) < 0)
		return -1;
	O = columns_of(c, "orth", U, 0, r, -1.0);
	for (size_t i = 0; O && i < O->rows * O->cols; i++)
		O->data[i] += 0.0;   /* -0 shows as 0 */
	lr_mat_destroy(U);
	lr_mat_destroy(V);
	lr_free(s);
	return put(c, "orth", 0, O);
}

/* pinv(A), pinv(A, tol): V_r diag(1/σ) U_rᵀ over the σ above tol. */
int lr_fn_pinv(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *U, *V, *Ur = NULL, *X = NULL;
	double *s;
	size_t r;
	enum lr_status st = LR_OK;

	if (!(a = arg_mat(c, "pinv", 0)))
		return -1;
	if (!a->rows || !a->cols)   /* Octave: pinv of an empty matrix is [] (0×0) */
		return put(c, "pinv", 0, mk(c, "pinv", 0, 0));
	if (svd_rank(c, "pinv", a, 1, &U, &s, &V, &r) < 0)
		return -1;
	/* (V_r / σ) U_rᵀ: scale V's first r columns, one product with U_rᵀ. */
	struct lr_matrix *Vr = columns_of(c, "pinv", V, 0, r, 1.0);
	for (size_t i = 0; Vr && i < Vr->rows; i++)
		for (size_t j = 0; j < r; j++)
			LR_AT(Vr, i, j) /= s[j];
	if (Vr && (Ur = columns_of(c, "pinv", U, 0, r, 1.0)) != NULL)
		st = lr_mat_mul_bt(Vr, Ur, &X);
	lr_mat_destroy(U);
	lr_mat_destroy(V);
	lr_mat_destroy(Vr);
	lr_mat_destroy(Ur);
	lr_free(s);
	if (st != LR_OK)
		return core_fail(c, "pinv", st);
	return put(c, "pinv", 0, X);
}

/* ---- rref ------------------------------------------------------------------------------ */

/* rref(A), rref(A, tol), [R, k] = rref(A) with k the pivot columns. */
int lr_fn_rref(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *R = NULL, *k;
	double tol = -1.0;
	size_t *piv = NULL, np = 0;
	enum lr_status st;

	if (!(a = arg_mat(c, "rref", 0)))
		return -1;
	if (c->nargin > 1 && arg_num(c, "rref", 1, &tol) < 0)
		return -1;
	if (c->nargin > 1 && !(tol >= 0.0))
		return fail(c, 1, "rref: the tolerance must be a number >= 0, found %s", num(tol));
	if ((st = lr_linalg_rref(a, tol, &R, &piv, &np)) != LR_OK)
		return core_fail(c, "rref", st);
	if (put(c, "rref", 0, R) < 0) {
		lr_free(piv);
		return -1;
	}
	if (nargout(c) < 2) {
		lr_free(piv);
		return 0;
	}
	k = mk(c, "rref", 1, np);
	for (size_t j = 0; k && j < np; j++)
		k->data[j] = (double)piv[j] + 1.0;
	lr_free(piv);
	return put(c, "rref", 1, k);
}

/* ---- Building: kron triu tril ----------------------------------------------------- */

int lr_fn_kron(struct lr_call *c)
{
	const struct lr_matrix *a, *b;
	struct lr_matrix *k;

	if (!(a = arg_mat(c, "kron", 0)) || !(b = arg_mat(c, "kron", 1)))
		return -1;
	if ((a->rows && b->rows > lr_mat_max_elems / a->rows) ||
	    (a->cols && b->cols > lr_mat_max_elems / a->cols))
		return fail_big(c, -1, "kron: the result would be %.0f×%.0f",
		                (double)a->rows * (double)b->rows, (double)a->cols * (double)b->cols);
	if (!(k = mk(c, "kron", a->rows * b->rows, a->cols * b->cols)))
		return -1;
	for (size_t i = 0; i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++)
			for (size_t p = 0; p < b->rows; p++)
				for (size_t q = 0; q < b->cols; q++)
					LR_AT(k, i * b->rows + p, j * b->cols + q) = LR_AT(a, i, j) * LR_AT(b, p, q);
	return put(c, "kron", 0, k);
}

/* triu(A, k) keeps the entries on and above diagonal k, tril on and below. */
static int triangle(struct lr_call *c, const char *name, int upper)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	double k = 0.0;

	if (!(a = arg_mat(c, name, 0)))
		return -1;
	if (c->nargin > 1 && arg_whole(c, name, 1, &k) < 0)
		return -1;
	if (!(r = mk(c, name, a->rows, a->cols)))
		return -1;
	for (size_t i = 0; i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++) {
			double d = (double)j - (double)i;
			if (upper ? d >= k : d <= k)
				LR_AT(r, i, j) = LR_AT(a, i, j);
		}
	return put(c, name, 0, r);
}

int lr_fn_triu(struct lr_call *c) { return triangle(c, "triu", 1); }
int lr_fn_tril(struct lr_call *c) { return triangle(c, "tril", 0); }

/* ---- dot, cross ------------------------------------------------------------------------- */

/* dot(x, y, dim): the sums of x.*y along dim of two matrices of one shape
 * (Octave's; no vector is turned round): a row of column sums for dim 1, a
 * column of row sums for 2, the products themselves for 3 and up. */
static int dot_dim(struct lr_call *c, const struct lr_matrix *x, const struct lr_matrix *y)
{
	struct lr_matrix *r;
	enum lr_status st = LR_OK;
	int dim;

	if (lr_fn_dim(c, "dot", 2, &dim))
		return -1;
	if (x->rows != y->rows || x->cols != y->cols)
		return fail(c, 1, "dot: sizes of X and Y must match, found %zu×%zu and %zu×%zu",
		            x->rows, x->cols, y->rows, y->cols);
	if (!(r = mk(c, "dot", dim == 1 ? 1 : x->rows, dim == 2 ? 1 : x->cols)))
		return -1;
	if (dim == 3)
		for (size_t i = 0; i < x->rows * x->cols; i++)
			r->data[i] = x->data[i] * y->data[i];
	for (size_t j = 0; dim == 1 && st == LR_OK && j < x->cols && x->rows; j++)
		st = lr_linalg_dot(x->rows, x->data + j, x->cols, y->data + j, y->cols, &r->data[j]);
	for (size_t i = 0; dim == 2 && st == LR_OK && i < x->rows && x->cols; i++)
		st = lr_linalg_dot(x->cols, x->data + i * x->cols, 1, y->data + i * y->cols, 1,
		                   &r->data[i]);
	if (st != LR_OK) {
		lr_mat_destroy(r);
		return core_fail(c, "dot", st);
	}
	return put(c, "dot", 0, r);
}

/* dot(x, y): Σ xᵢyᵢ of two vectors of one length (any orientation), or of
 * each pair of columns of two matrices of one shape (a row), by BLAS ddot. */
int lr_fn_dot(struct lr_call *c)
{
	const struct lr_matrix *x, *y;
	struct lr_matrix *r;
	int vectors;
	enum lr_status st = LR_OK;

	if (!(x = arg_mat(c, "dot", 0)) || !(y = arg_mat(c, "dot", 1)))
		return -1;
	if (c->nargin == 3)
		return dot_dim(c, x, y);
	vectors = (x->rows == 1 || x->cols == 1) && (y->rows == 1 || y->cols == 1);
	if (vectors ? x->rows * x->cols != y->rows * y->cols
	            : x->rows != y->rows || x->cols != y->cols)
		return fail(c, 1, "dot: sizes of X and Y must match, found %zu×%zu and %zu×%zu",
		            x->rows, x->cols, y->rows, y->cols);
	if (vectors) {
		double d = 0.0;
		st = lr_linalg_dot(x->rows * x->cols, x->data, 1, y->data, 1, &d);
		return st != LR_OK ? core_fail(c, "dot", st) : put_num(c, "dot", 0, d);
	}
	if (!(r = mk(c, "dot", 1, x->cols)))
		return -1;
	for (size_t j = 0; st == LR_OK && j < x->cols && x->rows; j++)
		st = lr_linalg_dot(x->rows, x->data + j, x->cols, y->data + j, y->cols, &r->data[j]);
	if (st != LR_OK) {
		lr_mat_destroy(r);
		return core_fail(c, "dot", st);
	}
	return put(c, "dot", 0, r);
}

/* Octave's cross.m for a column and a row (without a dimension): it warns
 * and turns the row into a column, or the column into a row, whichever
 * came second; 1 when *t (the copy turned, which the caller frees) was made. */
static int conform(struct lr_call *c, const struct lr_matrix **x, const struct lr_matrix **y,
                   struct lr_matrix **t)
{
	int x_col = (*x)->cols == 1 && (*y)->rows == 1, x_row = (*x)->rows == 1 && (*y)->cols == 1;

	*t = NULL;
	if (c->nargin > 2 || (*x)->rows == (*y)->rows || !(x_col || x_row))
		return 0;
	lr_fn_warn(c, x_col ? "cross: taking cross product of column by row"
	                    : "cross: taking cross product of row by column");
	*t = lr_mat_transpose(x_col ? *y : *x);
	if (*t && x_col)
		*y = *t;
	else if (*t)
		*x = *t;
	return 1;
}

/* Octave's refusals of cross's shapes (dim 0: none given). */
static int cross_shapes(struct lr_call *c, const struct lr_matrix *x, const struct lr_matrix *y,
                        int dim)
{
	if (!dim && x->rows != 3 && x->cols != 3)
		return fail(c, 0, "cross: must have at least one dimension with 3 elements, found "
		            "%zu×%zu", x->rows, x->cols);
	if (dim && (dim == 1 ? x->rows : dim == 2 ? x->cols : 1) != 3)
		return fail(c, 2, "cross: dimension DIM must have 3 elements, found %zu×%zu", x->rows,
		            x->cols);
	if (x->rows != y->rows || x->cols != y->cols)
		return fail(c, 1, "cross: X and Y must have the same dimensions, found %zu×%zu and "
		            "%zu×%zu", x->rows, x->cols, y->rows, y->cols);
	return 0;
}

/* cross(x, y), cross(x, y, dim): the cross product of 3-vectors of one
 * shape, or of each pair of columns (3 rows) or rows (3 columns) of 3×n or
 * n×3 matrices; along the first dimension of length 3, or dim. */
int lr_fn_cross(struct lr_call *c)
{
	const struct lr_matrix *x, *y;
	struct lr_matrix *z, *t = NULL;
	size_t n, step, stride;
	int dim = 0;

	if (!(x = arg_mat(c, "cross", 0)) || !(y = arg_mat(c, "cross", 1)))
		return -1;
	if (c->nargin > 2 && lr_fn_dim(c, "cross", 2, &dim) < 0)
		return -1;
	if (conform(c, &x, &y, &t) && !t)
		return nomem(c, "cross");
	z = cross_shapes(c, x, y, dim) < 0 ? NULL : mk(c, "cross", x->rows, x->cols);
	if (!dim)   /* down the columns when there are 3 rows (Octave's first such) */
		dim = x->rows == 3 ? 1 : 2;
	n = dim == 1 ? x->cols : x->rows;
	step = dim == 1 ? x->cols : 1;
	stride = dim == 1 ? 1 : x->cols;
	for (size_t v = 0; z && v < n; v++) {
		const double *a = x->data + v * stride, *b = y->data + v * stride;
		double *r = z->data + v * stride;
		r[0] = a[step] * b[2 * step] - a[2 * step] * b[step];
		r[step] = a[2 * step] * b[0] - a[0] * b[2 * step];
		r[2 * step] = a[0] * b[step] - a[step] * b[0];
	}
	lr_mat_destroy(t);
	return put(c, "cross", 0, z);
}

/* ---- The table ---------------------------------------------------------------------------- */

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "chol", 1, 1, 2, lr_fn_chol, "R = chol(A), [R, p] = chol(A)",
	  "Cholesky factor: upper R with R'*R = A (A symmetric positive definite)" },
	{ "cond", 1, 2, 1, lr_fn_cond, "cond(A)",
	  "condition number in the 2-norm, largest over smallest singular value" },
	{ "cross", 2, 3, 1, lr_fn_cross, "cross(x, y), cross(x, y, dim)",
	  "cross product of 3-vectors (of each column or row of 3×n, n×3 matrices)" },
	{ "det", 1, 1, 1, lr_fn_det, "det(A)", "determinant of a square matrix (from its LU)" },
	{ "dot", 2, 3, 1, lr_fn_dot, "dot(x, y), dot(x, y, dim)",
	  "dot product of two vectors; of each pair of columns for matrices (or along dim)" },
	{ "eig", 1, 2, 2, lr_fn_eig, "e = eig(A), [V, D] = eig(A), eig(A, B), [V, D] = eig(A, B)",
	  "eigenvalues and eigenvectors, A*V = V*D (ascending for symmetric A); A*V = B*V*D" },
	{ "kron", 2, 2, 1, lr_fn_kron, "kron(A, B)", "Kronecker product" },
	{ "linsolve", 2, 2, 1, lr_fn_linsolve, "linsolve(A, b)", "solution of A*x = b, as A \\ b" },
	{ "lu", 1, 1, 3, lr_fn_lu, "[L, U] = lu(A), [L, U, P] = lu(A), Y = lu(A)",
	  "LU factorisation with partial pivoting, P*A = L*U" },
	{ "mldivide", 2, 2, 1, lr_fn_mldivide, "mldivide(A, b)", "A \\ b, the solution of A*x = b" },
	{ "null", 1, 2, 1, lr_fn_null, "null(A), null(A, tol)",
	  "orthonormal basis of the null space (from the SVD)" },
	{ "orth", 1, 2, 1, lr_fn_orth, "orth(A), orth(A, tol)",
	  "orthonormal basis of the column space (from the SVD)" },
	{ "pinv", 1, 2, 1, lr_fn_pinv, "pinv(A), pinv(A, tol)",
	  "Moore-Penrose pseudoinverse (from the SVD)" },
	{ "qr", 1, 2, 3, lr_fn_qr, "[Q, R] = qr(A), qr(A, 0), [Q, R, P] = qr(A), X = qr(A)",
	  "QR factorisation A = Q*R (A*P = Q*R with column pivoting)" },
	{ "rcond", 1, 1, 1, lr_fn_rcond, "rcond(A)",
	  "reciprocal condition number estimate in the 1-norm (LAPACK)" },
	{ "rref", 1, 2, 2, lr_fn_rref, "rref(A), rref(A, tol), [R, k] = rref(A)",
	  "reduced row echelon form; k the pivot columns" },
	{ "tril", 1, 2, 1, lr_fn_tril, "tril(A), tril(A, k)",
	  "lower triangular part (on and below diagonal k)" },
	{ "triu", 1, 2, 1, lr_fn_triu, "triu(A), triu(A, k)",
	  "upper triangular part (on and above diagonal k)" },
};

const struct lr_builtin_table lr_builtins_linalg = LR_BUILTIN_GROUP(table, "Linear algebra");
