/* Operators of the language with GNU Octave's semantics; see ops.h.
 *
 * The linear solves (right division, inverse, negative matrix powers) go
 * straight to LAPACK through the LAPACKE "_work" entry points: the high-level
 * LAPACKE calls reject any NaN in their inputs as an illegal argument, while
 * Octave lets NaN flow through to the result. Every array handed to LAPACK is
 * a row-major buffer read as column-major, that is the transpose; the comments
 * at each call say why that is the system we want. */
#include "ops.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lowrank/lapack.h"

#include "lowrank/alloc.h"
#include "limit.h"

static void set_msg(char *msg, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_msg(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	if (!msg || !len)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, len, fmt, ap);
	va_end(ap);
}

/* rows*cols, or SIZE_MAX when the product overflows. */
static size_t elems(size_t rows, size_t cols)
{
	if (cols && rows > SIZE_MAX / cols)
		return SIZE_MAX;
	return rows * cols;
}

/* A zero rows×cols result. NULL with *st = LR_ERR_TOO_BIG (and a message) if
 * it would pass the element limit, LR_ERR_NOMEM if allocation fails. */
static struct lr_matrix *new_result(size_t rows, size_t cols, enum lr_status *st,
                                    char *msg, size_t msglen)
{
	struct lr_matrix *m;

	if (elems(rows, cols) > lr_mat_max_elems) {
		lr_limit_elems_msg(msg, msglen, "the result would be %zu×%zu", rows, cols);
		*st = LR_ERR_TOO_BIG;
		return NULL;
	}
	m = lr_mat_create(rows, cols);
	*st = m ? LR_OK : LR_ERR_NOMEM;
	return m;
}

static int is_scalar(const struct lr_matrix *m)
{
	return m->rows == 1 && m->cols == 1;
}

/* ---- Elementwise operators ---------------------------------------------- */

static double f_add(double x, double y) { return x + y; }
static double f_sub(double x, double y) { return x - y; }
static double f_mul(double x, double y) { return x * y; }
static double f_div(double x, double y) { return x / y; }
/* With no complex numbers, a negative base and a fractional exponent give
 * NaN (C's pow) where Octave gives a complex result: (-8).^(1/3) is NaN. */
static double f_pow(double x, double y) { return pow(x, y); }
static double f_lt(double x, double y) { return x < y; }
static double f_le(double x, double y) { return x <= y; }
static double f_gt(double x, double y) { return x > y; }
static double f_ge(double x, double y) { return x >= y; }
static double f_eq(double x, double y) { return x == y; }
static double f_ne(double x, double y) { return x != y; }
static double f_and(double x, double y) { return x != 0.0 && y != 0.0; }
static double f_or(double x, double y) { return x != 0.0 || y != 0.0; }

/* Octave's automatic broadcasting, one dimension: equal, or one of them 1. */
static int dim_agree(size_t x, size_t y, size_t *r)
{
	if (x == y || y == 1)
		*r = x;
	else if (x == 1)
		*r = y;
	else
		return 0;
	return 1;
}

enum lr_status lr_op_broadcast(const struct lr_matrix *a, const struct lr_matrix *b,
                               lr_op_fn2 f, struct lr_matrix **out,
                               char *msg, size_t msglen)
{
	size_t rows, cols;
	enum lr_status st;
	struct lr_matrix *c;

	if (!dim_agree(a->rows, b->rows, &rows) || !dim_agree(a->cols, b->cols, &cols)) {
		set_msg(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		        a->rows, a->cols, b->rows, b->cols);
		return LR_ERR_SHAPE;
	}
	c = new_result(rows, cols, &st, msg, msglen);
	if (!c)
		return st;
	/* A dimension of length 1 is repeated: its index step is 0. */
	size_t ai = a->rows == 1 ? 0 : a->cols, aj = a->cols == 1 ? 0 : 1;
	size_t bi = b->rows == 1 ? 0 : b->cols, bj = b->cols == 1 ? 0 : 1;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++)
			LR_AT(c, i, j) = f(a->data[i * ai + j * aj], b->data[i * bi + j * bj]);
	*out = c;
	return LR_OK;
}

/* ---- Matrix product ------------------------------------------------------ */

static enum lr_status mat_product(const struct lr_matrix *a, const struct lr_matrix *b,
                                  struct lr_matrix **out, char *msg, size_t msglen)
{
	enum lr_status st;

	if (is_scalar(a) || is_scalar(b))
		return lr_op_broadcast(a, b, f_mul, out, msg, msglen);
	if (a->cols != b->rows) {
		set_msg(msg, msglen, "inner dimensions %zu and %zu do not agree", a->cols, b->rows);
		return LR_ERR_SHAPE;
	}
	if (elems(a->rows, b->cols) > lr_mat_max_elems) {
		lr_limit_elems_msg(msg, msglen, "the result would be %zu×%zu", a->rows, b->cols);
		return LR_ERR_TOO_BIG;
	}
	/* (m×0)*(0×n) is zeros(m, n): lr_mat_mul leaves the empty sums at 0. */
	st = lr_mat_mul(a, b, out);
	return st;
}

/* ---- Linear solves --------------------------------------------------------- */

/* The largest absolute row sum of a (its ∞-norm), which is the 1-norm of the
 * transpose that LAPACK sees. NaN if a holds a NaN. */
static double row_sum_norm(const struct lr_matrix *a)
{
	double best = 0.0;

	for (size_t i = 0; i < a->rows; i++) {
		double s = 0.0;
		for (size_t j = 0; j < a->cols; j++)
			s += fabs(LR_AT(a, i, j));
		if (isnan(s))
			return s;
		if (s > best)
			best = s;
	}
	return best;
}

static int fits_int(size_t n)
{
	return n <= (size_t)INT_MAX;
}

/* LU-factors the n×n column-major array lu in place. Returns LR_OK, or
 * LR_ERR_ARG when it is singular to machine precision: an exact zero pivot
 * or a reciprocal condition number below eps, where Octave warns "matrix
 * singular to machine precision" and falls back to least squares. A NaN
 * condition number (NaN in the matrix) is let through, so NaN propagates to
 * the result as in Octave. */
static enum lr_status lu_factor(double *lu, lapack_int n, double anorm, lapack_int *ipiv,
                                char *msg, size_t msglen)
{
	double *work = lr_mallocarray((size_t)n, 4 * sizeof(double));
	lapack_int *iwork = lr_mallocarray((size_t)n, sizeof(lapack_int));
	double rcond = 0.0;
	lapack_int info;
	enum lr_status st = LR_OK;

	if (!work || !iwork) {
		st = LR_ERR_NOMEM;
		goto done;
	}
	info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, n, n, lu, n, ipiv);
	if (info < 0) {
		set_msg(msg, msglen, "LAPACK dgetrf rejected argument %d", (int)-info);
		st = LR_ERR_LAPACK;
		goto done;
	}
	/* A NaN or Inf norm has no meaningful condition number: let the values
	 * flow through the solve instead. */
	if (info == 0 && isfinite(anorm))
		info = LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', n, lu, n, anorm, &rcond,
		                           work, iwork);
	else if (info == 0)
		rcond = NAN;
	if (info > 0 || rcond < DBL_EPSILON) {
		set_msg(msg, msglen, "matrix is singular to machine precision");
		st = LR_ERR_ARG;
	}
done:
	lr_free(work);
	lr_free(iwork);
	return st;
}

/* X = A/B for square B (n×n) and A m×n: X B = A, i.e. Bᵀ Xᵀ = Aᵀ. B's
 * row-major data read column-major is Bᵀ, A's is Aᵀ (n×m), and the solution
 * Xᵀ (n×m column-major) is X in row-major order. */
static enum lr_status solve_square(const struct lr_matrix *a, const struct lr_matrix *b,
                                   struct lr_matrix **out, char *msg, size_t msglen)
{
	lapack_int n = (lapack_int)b->rows, m = (lapack_int)a->rows;
	struct lr_matrix *lu = lr_mat_copy(b), *x = NULL;
	lapack_int *ipiv = lr_mallocarray((size_t)n, sizeof *ipiv);
	enum lr_status st = LR_ERR_NOMEM;

	if (!lu || !ipiv)
		goto done;
	st = lu_factor(lu->data, n, row_sum_norm(b), ipiv, msg, msglen);
	if (st != LR_OK)
		goto done;
	x = lr_mat_copy(a);
	if (!x) {
		st = LR_ERR_NOMEM;
		goto done;
	}
	lr_mat_clear_mask(x);
	if (LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'N', n, m, lu->data, n, ipiv, x->data, n)) {
		set_msg(msg, msglen, "LAPACK dgetrs failed");
		st = LR_ERR_LAPACK;
		goto done;
	}
	*out = x;
	x = NULL;
done:
	lr_mat_destroy(lu);
	lr_mat_destroy(x);
	lr_free(ipiv);
	return st;
}

/* Calls dgelsd on the column-major M×N array a and ldb×nrhs array rhs,
 * sizing the workspace by a query first. */
static enum lr_status gelsd(lapack_int M, lapack_int N, lapack_int nrhs, double *a,
                            double *rhs, lapack_int ldb, char *msg, size_t msglen)
{
	double *s = lr_mallocarray((size_t)(M < N ? M : N), sizeof *s), *work = NULL, wq = 0.0;
	lapack_int iq = 0, rank = 0, *iwork = NULL, info;
	enum lr_status st = LR_ERR_NOMEM;

	if (!s)
		goto done;
	info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, M, N, nrhs, a, M, rhs, ldb, s, -1.0,
	                           &rank, &wq, -1, &iq);
	if (info != 0)
		goto lapack;
	work = lr_mallocarray((size_t)wq + 1, sizeof *work);
	iwork = lr_mallocarray((size_t)(iq > 1 ? iq : 1), sizeof *iwork);
	if (!work || !iwork)
		goto done;
	info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, M, N, nrhs, a, M, rhs, ldb, s, -1.0,
	                           &rank, work, (lapack_int)wq, iwork);
	if (info == 0) {
		st = LR_OK;
		goto done;
	}
lapack:
	set_msg(msg, msglen, "the least-squares solver (LAPACK dgelsd) %s",
	        info > 0 ? "did not converge" : "rejected its arguments");
	st = LR_ERR_LAPACK;
done:
	lr_free(s);
	lr_free(work);
	lr_free(iwork);
	return st;
}

/* X = A/B for B p×n with p != n and A m×n, the minimum-norm least-squares
 * solution of X B = A (Octave's mrdivide uses dgelsd too): Bᵀ Xᵀ = Aᵀ with
 * Bᵀ n×p. A NaN or Inf anywhere gives an all-NaN X (Octave's results there
 * depend on LAPACK's handling and are not meaningful). */
static enum lr_status solve_lstsq(const struct lr_matrix *a, const struct lr_matrix *b,
                                  struct lr_matrix **out, char *msg, size_t msglen)
{
	size_t m = a->rows, n = a->cols, p = b->rows, ldb = n > p ? n : p;
	struct lr_matrix *x, *bt = NULL;
	double *rhs = NULL;
	enum lr_status st;

	x = new_result(m, p, &st, msg, msglen);
	if (!x)
		return st;
	if (!lr_mat_all_finite(a) || !lr_mat_all_finite(b)) {
		for (size_t i = 0; i < m * p; i++)
			x->data[i] = NAN;
		*out = x;
		return LR_OK;
	}
	st = LR_ERR_NOMEM;
	bt = lr_mat_copy(b);   /* read column-major: Bᵀ, n×p, lda n */
	rhs = lr_mallocarray(ldb, m * sizeof *rhs);
	if (!bt || !rhs)
		goto done;
	/* Column k of Aᵀ is row k of A. */
	for (size_t k = 0; k < m; k++)
		memcpy(rhs + k * ldb, a->data + k * n, n * sizeof *rhs);
	st = gelsd((lapack_int)n, (lapack_int)p, (lapack_int)m, bt->data, rhs,
	           (lapack_int)ldb, msg, msglen);
	if (st != LR_OK)
		goto done;
	/* Column k of Xᵀ, its first p entries, is row k of X. */
	for (size_t k = 0; k < m; k++)
		memcpy(x->data + k * p, rhs + k * ldb, p * sizeof *rhs);
	*out = x;
	x = NULL;
done:
	lr_mat_destroy(x);
	lr_mat_destroy(bt);
	lr_free(rhs);
	return st;
}

/* A/B (Octave's mrdivide): elementwise for a scalar B, else the solution of
 * X B = A, exact for square B, least squares otherwise. */
static enum lr_status right_divide(const struct lr_matrix *a, const struct lr_matrix *b,
                                   struct lr_matrix **out, char *msg, size_t msglen)
{
	enum lr_status st;

	if (is_scalar(b))
		return lr_op_broadcast(a, b, f_div, out, msg, msglen);
	if (a->cols != b->cols) {
		set_msg(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		        a->rows, a->cols, b->rows, b->cols);
		return LR_ERR_SHAPE;
	}
	if (!fits_int(a->rows) || !fits_int(a->cols) || !fits_int(b->rows)) {
		set_msg(msg, msglen, "the system is too large for LAPACK");
		return LR_ERR_TOO_BIG;
	}
	if (!a->rows || !a->cols || !b->rows) {   /* empty sums: zeros(m, p) */
		*out = new_result(a->rows, b->rows, &st, msg, msglen);
		return st;
	}
	if (b->rows == b->cols)
		return solve_square(a, b, out, msg, msglen);
	return solve_lstsq(a, b, out, msg, msglen);
}

enum lr_status lr_op_inv(const struct lr_matrix *a, struct lr_matrix **out,
                         char *msg, size_t msglen)
{
	lapack_int n = (lapack_int)a->rows, *ipiv = NULL, info;
	struct lr_matrix *x;
	double *work = NULL, wq = 0.0;
	enum lr_status st;

	if (a->rows != a->cols) {
		set_msg(msg, msglen, "the inverse needs a square matrix, found %zu×%zu",
		        a->rows, a->cols);
		return LR_ERR_SHAPE;
	}
	if (!fits_int(a->rows)) {
		set_msg(msg, msglen, "the matrix is too large for LAPACK");
		return LR_ERR_TOO_BIG;
	}
	/* Read column-major the copy is Aᵀ; inverting it in place gives
	 * (A⁻¹)ᵀ, which read back row-major is A⁻¹. */
	x = lr_mat_copy(a);
	if (!x)
		return LR_ERR_NOMEM;
	lr_mat_clear_mask(x);
	if (!n) {
		*out = x;
		return LR_OK;
	}
	st = LR_ERR_NOMEM;
	ipiv = lr_mallocarray((size_t)n, sizeof *ipiv);
	if (!ipiv)
		goto done;
	st = lu_factor(x->data, n, row_sum_norm(a), ipiv, msg, msglen);
	if (st != LR_OK)
		goto done;
	st = LR_ERR_LAPACK;
	info = LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, x->data, n, ipiv, &wq, -1);
	if (info == 0) {
		st = LR_ERR_NOMEM;
		work = lr_mallocarray((size_t)wq + 1, sizeof *work);
		if (!work)
			goto done;
		st = LR_ERR_LAPACK;
		info = LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, x->data, n, ipiv, work,
		                           (lapack_int)wq + 1);
	}
	if (info != 0) {
		set_msg(msg, msglen, "LAPACK dgetri failed (info %d)", (int)info);
		goto done;
	}
	*out = x;
	x = NULL;
	st = LR_OK;
done:
	lr_mat_destroy(x);
	lr_free(ipiv);
	lr_free(work);
	return st;
}

/* ---- Powers ---------------------------------------------------------------- */

static struct lr_matrix *identity(size_t n)
{
	struct lr_matrix *e = lr_mat_create(n, n);

	for (size_t i = 0; e && i < n; i++)
		LR_AT(e, i, i) = 1.0;
	return e;
}

/* *acc = *acc · f (or a copy of f when *acc is NULL: starting from the
 * identity would turn a NaN or Inf of f into NaN through 0·NaN). */
static enum lr_status accumulate(struct lr_matrix **acc, const struct lr_matrix *f)
{
	struct lr_matrix *p;
	enum lr_status st;

	if (!*acc) {
		*acc = lr_mat_copy(f);
		return *acc ? LR_OK : LR_ERR_NOMEM;
	}
	st = lr_mat_mul(*acc, f, &p);
	if (st != LR_OK)
		return st;
	lr_mat_destroy(*acc);
	*acc = p;
	return LR_OK;
}

/* A^k for square A and whole k by repeated squaring (Octave does the same
 * for exponents that fit an int; above that it goes through eigenvalues).
 * k < 0 inverts first; k = 0 gives the identity even when A holds NaN, as
 * Octave does. */
static enum lr_status mat_power(const struct lr_matrix *a, double k, struct lr_matrix **out,
                                char *msg, size_t msglen)
{
	struct lr_matrix *base = NULL, *acc = NULL, *sq;
	enum lr_status st;

	if (k == 0.0) {
		*out = identity(a->rows);
		return *out ? LR_OK : LR_ERR_NOMEM;
	}
	st = k < 0 ? lr_op_inv(a, &base, msg, msglen) : LR_OK;
	if (st != LR_OK)
		return st;
	if (!base && !(base = lr_mat_copy(a)))
		return LR_ERR_NOMEM;
	lr_mat_clear_mask(base);
	/* k is a whole double of any size, so halve it as a double. */
	for (k = fabs(k); k > 0.0; k = floor(k / 2.0)) {
		if (fmod(k, 2.0) == 1.0 && (st = accumulate(&acc, base)) != LR_OK)
			break;
		if (k < 2.0)
			break;
		if ((st = lr_mat_mul(base, base, &sq)) != LR_OK)
			break;
		lr_mat_destroy(base);
		base = sq;
	}
	lr_mat_destroy(base);
	if (st != LR_OK) {
		lr_mat_destroy(acc);
		return st;
	}
	*out = acc;
	return LR_OK;
}

/* a ^ b: a power of scalars, or a whole power of a square matrix. */
static enum lr_status power(const struct lr_matrix *a, const struct lr_matrix *b,
                            struct lr_matrix **out, char *msg, size_t msglen)
{
	double k;

	if (is_scalar(a) && is_scalar(b))
		return lr_op_broadcast(a, b, f_pow, out, msg, msglen);
	if (!is_scalar(b)) {
		set_msg(msg, msglen, "%s ^ matrix is not supported; use .^",
		        is_scalar(a) ? "scalar" : "matrix");
		return LR_ERR_ARG;
	}
	if (a->rows != a->cols) {
		set_msg(msg, msglen, "matrix power needs a square matrix (%zu×%zu)",
		        a->rows, a->cols);
		return LR_ERR_SHAPE;
	}
	k = b->data[0];
	if (!isfinite(k) || k != floor(k)) {
		char buf[32];
		snprintf(buf, sizeof buf, "%g", k);
		set_msg(msg, msglen, "matrix power needs a whole exponent, found %s",
		        isnan(k) ? "NaN" : isinf(k) ? (k > 0 ? "Inf" : "-Inf") : buf);
		return LR_ERR_ARG;
	}
	return mat_power(a, k, out, msg, msglen);
}

/* ---- Entry points ------------------------------------------------------------ */

const char *lr_binop_name(enum lr_binop op)
{
	static const char *const names[] = {
		[LR_OP_ADD] = "+", [LR_OP_SUB] = "-", [LR_OP_MUL] = "*", [LR_OP_DIV] = "/",
		[LR_OP_EMUL] = ".*", [LR_OP_EDIV] = "./", [LR_OP_POW] = "^", [LR_OP_EPOW] = ".^",
		[LR_OP_LT] = "<", [LR_OP_LE] = "<=", [LR_OP_GT] = ">", [LR_OP_GE] = ">=",
		[LR_OP_EQ] = "==", [LR_OP_NE] = "~=", [LR_OP_AND] = "&", [LR_OP_OR] = "|",
	};

	if ((unsigned)op < sizeof names / sizeof names[0] && names[op])
		return names[op];
	return "?";
}

enum lr_status lr_op_binary(enum lr_binop op, const struct lr_matrix *a,
                            const struct lr_matrix *b, struct lr_matrix **out,
                            char *msg, size_t msglen)
{
	static const lr_op_fn2 elementwise[] = {
		[LR_OP_ADD] = f_add, [LR_OP_SUB] = f_sub, [LR_OP_EMUL] = f_mul,
		[LR_OP_EDIV] = f_div, [LR_OP_EPOW] = f_pow, [LR_OP_LT] = f_lt,
		[LR_OP_LE] = f_le, [LR_OP_GT] = f_gt, [LR_OP_GE] = f_ge, [LR_OP_EQ] = f_eq,
		[LR_OP_NE] = f_ne, [LR_OP_AND] = f_and, [LR_OP_OR] = f_or,
	};

	switch (op) {
	case LR_OP_MUL:
		return mat_product(a, b, out, msg, msglen);
	case LR_OP_DIV:
		return right_divide(a, b, out, msg, msglen);
	case LR_OP_POW:
		return power(a, b, out, msg, msglen);
	case LR_OP_AND:
	case LR_OP_OR:
		if (lr_mat_has_nan(a) || lr_mat_has_nan(b)) {
			set_msg(msg, msglen, "%s", LR_OP_MSG_NAN_LOGICAL);
			return LR_ERR_ARG;
		}
		break;
	default:
		break;
	}
	if ((unsigned)op >= sizeof elementwise / sizeof elementwise[0] || !elementwise[op]) {
		set_msg(msg, msglen, "unknown operator");
		return LR_ERR_ARG;
	}
	return lr_op_broadcast(a, b, elementwise[op], out, msg, msglen);
}

enum lr_status lr_op_unary(enum lr_unop op, const struct lr_matrix *a,
                           struct lr_matrix **out)
{
	enum lr_status st;
	size_t n = a->rows * a->cols;
	struct lr_matrix *r;

	if (op == LR_OP_NOT && lr_mat_has_nan(a))
		return LR_ERR_ARG;
	if (op == LR_OP_TRANSPOSE)
		r = new_result(a->cols, a->rows, &st, NULL, 0);
	else
		r = new_result(a->rows, a->cols, &st, NULL, 0);
	if (!r)
		return st;
	switch (op) {
	case LR_OP_NEG:
		for (size_t i = 0; i < n; i++)
			r->data[i] = -a->data[i];
		break;
	case LR_OP_NOT:
		for (size_t i = 0; i < n; i++)
			r->data[i] = a->data[i] == 0.0;
		break;
	case LR_OP_TRANSPOSE:   /* the mask is not carried, as for every result */
		for (size_t i = 0; i < a->rows; i++)
			for (size_t j = 0; j < a->cols; j++)
				LR_AT(r, j, i) = LR_AT(a, i, j);
		break;
	}
	*out = r;
	return LR_OK;
}
