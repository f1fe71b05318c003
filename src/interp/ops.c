/* Operators of the language with GNU Octave's semantics; see ops.h. The
 * products and solves are the core's (lowrank/linalg.h); this file picks
 * which one Octave would use and words the failures. */
#include "ops.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
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
static double f_ldiv(double x, double y) { return y / x; }
/* A negative base with a fractional exponent never comes here: the
 * evaluator gives it to the complex operators (cvalue.h), as Octave gives
 * (-8).^(1/3) = 1.0000 + 1.7321i. */
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

static const struct lr_op_guard *guard;

const struct lr_op_guard *lr_op_guard_swap(const struct lr_op_guard *g)
{
	const struct lr_op_guard *before = guard;

	guard = g;
	return before;
}

/* a * b of matrices through the core, under the guard's limit and poll. */
static enum lr_status product(const struct lr_matrix *a, const struct lr_matrix *b,
                              struct lr_matrix **out, char *msg, size_t msglen)
{
	double madds = (double)a->rows * (double)a->cols * (double)b->cols;
	enum lr_status st;

	if (guard && madds > guard->max_madds) {
		lr_limit_msg(msg, msglen, LR_LIMIT_PRODUCTS, guard->max_madds,
		             "%zu×%zu times %zu×%zu is %.15g multiply-adds", a->rows, a->cols,
		             b->rows, b->cols, madds);
		return LR_ERR_TOO_BIG;
	}
	st = lr_linalg_mul(a, b, guard ? &guard->poll : NULL, out);
	if (st == LR_ERR_STOPPED)
		set_msg(msg, msglen, "the product was stopped; nothing was assigned");
	else if (st == LR_ERR_LAPACK)
		set_msg(msg, msglen, "the BLAS could not be loaded");
	return st;
}

static enum lr_status mat_product(const struct lr_matrix *a, const struct lr_matrix *b,
                                  struct lr_matrix **out, char *msg, size_t msglen)
{
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
	/* (m×0)*(0×n) is zeros(m, n): the core leaves the empty sums at 0. */
	return product(a, b, out, msg, msglen);
}

/* ---- Linear solves --------------------------------------------------------- */

/* Words a failure of the core's solvers, or on success Octave's warning
 * for a matrix singular to machine precision. */
static enum lr_status solver_done(enum lr_status st, int singular, double rcond, char *msg,
                                  size_t msglen)
{
	switch (st) {
	case LR_OK:   /* Octave names rcond when the matrix is not exactly singular */
		if (singular && rcond > 0 && isfinite(rcond))
			set_msg(msg, msglen, "%s, rcond = %g", LR_OP_MSG_SINGULAR, rcond);
		else if (singular)
			set_msg(msg, msglen, "%s", LR_OP_MSG_SINGULAR);
		return st;
	case LR_ERR_TOO_BIG:
		set_msg(msg, msglen, "the system is too large for LAPACK");
		return st;
	case LR_ERR_LAPACK:
		set_msg(msg, msglen, "LAPACK failed to solve the system");
		return st;
	default:
		return st;
	}
}

/* A/B (Octave's mrdivide) and B\A (mldivide), side saying where the
 * unknown stands: elementwise for a scalar divisor, else the solution of
 * X B = A or B X = A, for square B as Octave solves it (triangular,
 * Cholesky or LU, with its warning when singular), least squares otherwise
 * (dgelsd, as Octave). */
static enum lr_status divide(enum lr_side side, const struct lr_matrix *a,
                             const struct lr_matrix *b, struct lr_matrix **out, char *msg,
                             size_t msglen)
{
	enum lr_status st;
	int singular = 0;
	double rcond = 0.0;
	size_t rows = side == LR_RIGHT ? a->rows : b->cols;
	size_t cols = side == LR_RIGHT ? b->rows : a->cols;

	if (is_scalar(b))   /* a over the number b, on either side */
		return lr_op_broadcast(a, b, f_div, out, msg, msglen);
	if (side == LR_RIGHT ? a->cols != b->cols : a->rows != b->rows) {
		set_msg(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		        side == LR_RIGHT ? a->rows : b->rows, side == LR_RIGHT ? a->cols : b->cols,
		        side == LR_RIGHT ? b->rows : a->rows, side == LR_RIGHT ? b->cols : a->cols);
		return LR_ERR_SHAPE;
	}
	if (elems(rows, cols) > lr_mat_max_elems) {
		lr_limit_elems_msg(msg, msglen, "the result would be %zu×%zu", rows, cols);
		return LR_ERR_TOO_BIG;
	}
	if (b->rows == b->cols)
		st = lr_linalg_solve_rcond(side, b, a, out, &singular, &rcond);
	else
		st = lr_linalg_lstsq(side, b, a, out, NULL);
	return solver_done(st, singular, rcond, msg, msglen);
}

enum lr_status lr_op_inv(const struct lr_matrix *a, struct lr_matrix **out,
                         char *msg, size_t msglen)
{
	int singular = 0;
	double rcond = 0.0;
	enum lr_status st;

	if (a->rows != a->cols) {
		set_msg(msg, msglen, "the inverse needs a square matrix, found %zu×%zu",
		        a->rows, a->cols);
		return LR_ERR_SHAPE;
	}
	if (is_scalar(a)) {   /* 1/x: Octave gives inv(0) = Inf without a warning */
		if (!(*out = new_result(1, 1, &st, msg, msglen)))
			return st;
		(*out)->data[0] = 1.0 / a->data[0];
		return LR_OK;
	}
	st = lr_linalg_inv(a, out, &singular, &rcond);
	return solver_done(st, singular, rcond, msg, msglen);
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
static enum lr_status accumulate(struct lr_matrix **acc, const struct lr_matrix *f,
                                 char *msg, size_t msglen)
{
	struct lr_matrix *p;
	enum lr_status st;

	if (!*acc) {
		*acc = lr_mat_copy(f);
		return *acc ? LR_OK : LR_ERR_NOMEM;
	}
	st = product(*acc, f, &p, msg, msglen);
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
		if (fmod(k, 2.0) == 1.0 && (st = accumulate(&acc, base, msg, msglen)) != LR_OK)
			break;
		if (k < 2.0)
			break;
		if ((st = product(base, base, &sq, msg, msglen)) != LR_OK)
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
		[LR_OP_LDIV] = "\\", [LR_OP_ELDIV] = ".\\",
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
		[LR_OP_NE] = f_ne, [LR_OP_AND] = f_and, [LR_OP_OR] = f_or, [LR_OP_ELDIV] = f_ldiv,
	};

	switch (op) {
	case LR_OP_MUL:
		return mat_product(a, b, out, msg, msglen);
	case LR_OP_DIV:
		return divide(LR_RIGHT, a, b, out, msg, msglen);
	case LR_OP_LDIV:   /* a \ b: b's place is the divisor's */
		return divide(LR_LEFT, b, a, out, msg, msglen);
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
	if (op == LR_OP_TRANSPOSE || op == LR_OP_DOTTRANSPOSE)
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
	case LR_OP_DOTTRANSPOSE:
		for (size_t i = 0; i < a->rows; i++)
			for (size_t j = 0; j < a->cols; j++)
				LR_AT(r, j, i) = LR_AT(a, i, j);
		break;
	}
	*out = r;
	return LR_OK;
}
