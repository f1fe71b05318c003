/* The scalar fast path: expressions of scalars evaluated to a double
 * without building a matrix, and assignments of a scalar stored in place.
 * A loop such as `for i = 1:1e6, s = s + i; end` then allocates nothing per
 * step. It only ever answers "not mine" (LR_FAST_NO) where the general
 * evaluator could give anything but a plain scalar or would report an
 * error, so the two always agree: the general way runs such statements and
 * reports the error at its place. */
#include <math.h>
#include <string.h>
#include "ops.h"
#include "session_impl.h"

/* A variable usable as a number here: a real double matrix without a mask
 * (a complex one would lose its imaginary parts). */
static const struct lr_matrix *plain(const struct lr_value *v)
{
	return v && v->kind == LR_VAL_MAT && !v->im && !v->m->mask ? v->m : NULL;
}

/* How deep an expression the fast path follows: a long chain such as
 * 1+1+...+1 (as deep as it is long) goes the general way, which walks it in
 * a loop, rather than down the stack here. */
#define FAST_DEPTH 48

static int fast(struct lr_session *s, const struct lr_node *n, double *x, double extent,
                int depth);

static int scalar_call(struct lr_session *s, const struct lr_node *n, double *x, int depth);

/* A whole index from 1 to limit. */
static int whole_index(struct lr_session *s, const struct lr_node *n, size_t limit,
                       size_t *k, int depth)
{
	double d;

	if (fast(s, n, &d, (double)limit, depth + 1) != LR_FAST_DOUBLE || !(d >= 1) ||
	    d > (double)limit || d != floor(d))
		return 0;
	*k = (size_t)d - 1;
	return 1;
}

/* v(i) or A(i, j) of a variable, in range. */
static int element(struct lr_session *s, const struct lr_node *n, double *x, int depth)
{
	struct lr_value **slot = lr_var_find(s, n->str, &((struct lr_node *)n)->hint);
	const struct lr_matrix *m = slot ? plain(*slot) : NULL;
	size_t i, j;
	int kind;

	if (!slot)
		return scalar_call(s, n, x, depth);
	if (!m || n->nkids < 1 || n->nkids > 2)
		return LR_FAST_NO;
	kind = (*slot)->logical ? LR_FAST_LOGICAL : LR_FAST_DOUBLE;
	if (n->nkids == 1) {
		if (!whole_index(s, n->kids[0], m->rows * m->cols, &i, depth))
			return LR_FAST_NO;
		/* column-major, as Octave counts */
		*x = LR_AT(m, i % m->rows, i / m->rows);
		return kind;
	}
	if (!whole_index(s, n->kids[0], m->rows, &i, depth) ||
	    !whole_index(s, n->kids[1], m->cols, &j, depth))
		return LR_FAST_NO;
	*x = LR_AT(m, i, j);
	return kind;
}

/* f(x) of one scalar for the builtins that map each element through a C
 * function (builtins.c's map1 with the same functions): abs, sqrt, exp,
 * log, round, floor, ceil, fix. The name is not a variable here (element()
 * looked first). A user function of the same name, once the language has
 * them, must be looked for before this. */
static int scalar_call(struct lr_session *s, const struct lr_node *n, double *x, int depth)
{
	static const struct { const char *name; double (*f)(double); } maps[] = {
		{ "abs", fabs }, { "sqrt", sqrt }, { "exp", exp }, { "log", log },
		{ "round", round }, { "floor", floor }, { "ceil", ceil }, { "fix", trunc },
	};
	double a;

	if (n->nkids != 1)
		return LR_FAST_NO;
	for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
		if (!strcmp(n->str, maps[i].name)) {
			if (!fast(s, n->kids[0], &a, -1, depth + 1))
				return LR_FAST_NO;
			*x = maps[i].f(a);
			/* sqrt and log of a negative number are complex: the
			 * general way computes them */
			if (isnan(*x) && !isnan(a))
				return LR_FAST_NO;
			return LR_FAST_DOUBLE;
		}
	return LR_FAST_NO;
}

static int ident(struct lr_session *s, const struct lr_node *n, double *x)
{
	/* the hint is a cache in the tree, which is otherwise left as it is */
	struct lr_value **slot = lr_var_find(s, n->str, &((struct lr_node *)n)->hint);
	const struct lr_value *v = slot ? *slot : NULL;
	const struct lr_matrix *m = plain(v);

	if (v) {
		if (!m || m->rows != 1 || m->cols != 1)
			return LR_FAST_NO;
		*x = m->data[0];
		return v->logical ? LR_FAST_LOGICAL : LR_FAST_DOUBLE;
	}
	if (!strcmp(n->str, "pi"))
		*x = 3.141592653589793238462643383279502884;
	else if (!strcmp(n->str, "true") || !strcmp(n->str, "false"))
		return *x = n->str[0] == 't', LR_FAST_LOGICAL;
	else
		return LR_FAST_NO;
	return LR_FAST_DOUBLE;
}

/* An operand: a number or a name in line (the common leaves of a loop's
 * arithmetic), anything else through fast(). */
static inline int operand(struct lr_session *s, const struct lr_node *n, double *x,
                          double extent, int depth)
{
	if (n->kind == LR_N_NUM) {
		*x = n->num;
		return LR_FAST_DOUBLE;
	}
	if (n->kind == LR_N_IDENT)
		return ident(s, n, x);
	return fast(s, n, x, extent, depth + 1);
}

static int binop(struct lr_session *s, const struct lr_node *n, double *x, double extent,
                int depth)
{
	double a, b;

	if (!operand(s, n->kids[0], &a, extent, depth) || !operand(s, n->kids[1], &b, extent, depth))
		return LR_FAST_NO;
	switch ((enum lr_binop)n->op) {
	case LR_OP_ADD: *x = a + b; return LR_FAST_DOUBLE;
	case LR_OP_SUB: *x = a - b; return LR_FAST_DOUBLE;
	case LR_OP_MUL: case LR_OP_EMUL: *x = a * b; return LR_FAST_DOUBLE;
	case LR_OP_DIV: case LR_OP_EDIV: *x = a / b; return LR_FAST_DOUBLE;
	case LR_OP_LDIV: case LR_OP_ELDIV: *x = b / a; return LR_FAST_DOUBLE;   /* a \ b */
	case LR_OP_POW: case LR_OP_EPOW: *x = pow(a, b); return LR_FAST_DOUBLE;
	case LR_OP_LT: *x = a < b; break;
	case LR_OP_LE: *x = a <= b; break;
	case LR_OP_GT: *x = a > b; break;
	case LR_OP_GE: *x = a >= b; break;
	case LR_OP_EQ: *x = a == b; break;
	case LR_OP_NE: *x = a != b; break;
	case LR_OP_AND:
	case LR_OP_OR:
		if (isnan(a) || isnan(b))
			return LR_FAST_NO;   /* an error, reported the general way */
		*x = n->op == LR_OP_AND ? a != 0 && b != 0 : a != 0 || b != 0;
		break;
	}
	return LR_FAST_LOGICAL;
}

static int unop(struct lr_session *s, const struct lr_node *n, double *x, double extent,
                int depth)
{
	double a;
	int k = fast(s, n->kids[0], &a, extent, depth + 1);

	if (!k)
		return LR_FAST_NO;
	switch ((enum lr_unop)n->op) {
	case LR_OP_NEG: *x = -a; return LR_FAST_DOUBLE;
	case LR_OP_TRANSPOSE:
	case LR_OP_DOTTRANSPOSE: *x = a; return k;
	case LR_OP_NOT:
		if (isnan(a))
			return LR_FAST_NO;
		*x = a == 0;
		return LR_FAST_LOGICAL;
	}
	return LR_FAST_NO;
}

/* && and ||, short-circuit: the right side is looked at only when needed. */
static int logic(struct lr_session *s, const struct lr_node *n, double *x, double extent,
                int depth)
{
	double a, b;

	if (!fast(s, n->kids[0], &a, extent, depth + 1) || isnan(a))
		return LR_FAST_NO;
	if ((n->kind == LR_N_ANDAND) == (a != 0)) {
		if (!fast(s, n->kids[1], &b, extent, depth + 1) || isnan(b))
			return LR_FAST_NO;
		a = b;
	}
	*x = a != 0;
	return LR_FAST_LOGICAL;
}

static int fast(struct lr_session *s, const struct lr_node *n, double *x, double extent,
                int depth)
{
	if (depth > FAST_DEPTH)
		return LR_FAST_NO;
	switch (n->kind) {
	case LR_N_NUM:
		*x = n->num;
		return LR_FAST_DOUBLE;
	case LR_N_IDENT:
		return ident(s, n, x);
	case LR_N_END:
		if (extent < 0)
			return LR_FAST_NO;
		*x = extent;
		return LR_FAST_DOUBLE;
	case LR_N_BINOP:
		return binop(s, n, x, extent, depth);
	case LR_N_UNOP:
		return unop(s, n, x, extent, depth);
	case LR_N_ANDAND:
	case LR_N_OROR:
		return logic(s, n, x, extent, depth);
	case LR_N_CALL:
		return element(s, n, x, depth);
	default:
		return LR_FAST_NO;
	}
}

int lr_fast_scalar(struct lr_session *s, const struct lr_node *n, double *x)
{
	return fast(s, n, x, -1, 0);
}

/* name(i) = x or name(i, j) = x inside the matrix as it is. */
static int element_store(struct lr_session *s, const struct lr_stmt *st, double x)
{
	struct lr_value **slot = lr_var_find(s, st->name, &((struct lr_stmt *)st)->hint);
	const struct lr_node *n = st->index;
	struct lr_matrix *m;
	size_t i, j;

	if (!slot || !plain(*slot) || (*slot)->logical || n->nkids < 1 || n->nkids > 2 ||
	    n->kind != LR_N_CALL)
		return 0;   /* a logical matrix becomes double, x{k} is a cell's: the general way */
	m = (*slot)->m;
	if (n->nkids == 1) {
		if (!whole_index(s, n->kids[0], m->rows * m->cols, &i, 0))
			return 0;
		LR_AT(m, i % m->rows, i / m->rows) = x;
		return 1;
	}
	if (!whole_index(s, n->kids[0], m->rows, &i, 0) ||
	    !whole_index(s, n->kids[1], m->cols, &j, 0))
		return 0;
	LR_AT(m, i, j) = x;
	return 1;
}

int lr_fast_assign(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_value **slot;
	double x;

	if (lr_fast_scalar(s, st->expr, &x) != LR_FAST_DOUBLE)
		return 0;
	if (st->kind == LR_S_INDEX_ASSIGN) {
		if (!element_store(s, st, x))
			return 0;
	} else {
		slot = lr_var_find(s, st->name, &((struct lr_stmt *)st)->hint);
		if (!slot || !lr_value_plain_scalar(*slot))
			return 0;
		(*slot)->m->data[0] = x;
	}
	if (!st->quiet)
		lr_show(s, st->name, lr_var_get(s, st->name));
	return 1;
}
