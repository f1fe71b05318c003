/* The functions of the logical type: true, false, logical, islogical, xor.
 * A logical value is a matrix of 0s and 1s marked logical (value.h), as
 * Octave's class logical; comparisons and ! & | make them in the evaluator. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "builtins.h"
#include "fn_args.h"
#include "ops.h"

/* The refusal every fn_*.c writes, by builtins.c's short name. */
#define fail lr_fn_fail

/* Output 0 is m, logical (taking m). */
static int put_bool(struct lr_call *c, const char *name, struct lr_matrix *m)
{
	c->outs[0] = lr_value_bool(m);
	return c->outs[0] ? 0 : fail(c, -1, "%s: out of memory", name);
}

/* true, true(n), true(m, n), true([m n]); false likewise. */
static int filled(struct lr_call *c, const char *name, double x)
{
	size_t rows, cols;
	struct lr_matrix *m;

	if (lr_builtin_dims(c, name, &rows, &cols) < 0)
		return -1;
	if (!(m = lr_mat_create(rows, cols)))
		return fail(c, -1, "%s: out of memory", name);
	for (size_t i = 0; i < rows * cols; i++)
		m->data[i] = x;
	return put_bool(c, name, m);
}

static int fn_true(struct lr_call *c) { return filled(c, "true", 1.0); }
static int fn_false(struct lr_call *c) { return filled(c, "false", 0.0); }

/* logical(A): 1 where A is nonzero; a NaN has no truth value (Octave's
 * error). A string is refused, as Octave refuses a char matrix. */
static int fn_logical(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	struct lr_matrix *m;

	if (v->kind != LR_VAL_MAT)
		return fail(c, 0, "logical: expected a numeric matrix, found a string");
	for (size_t i = 0; i < v->m->rows * v->m->cols; i++)
		if (isnan(v->m->data[i]))
			return fail(c, 0, "logical: %s", LR_OP_MSG_NAN_LOGICAL);
	if (!(m = lr_mat_create(v->m->rows, v->m->cols)))
		return fail(c, -1, "logical: out of memory");
	for (size_t i = 0; i < m->rows * m->cols; i++)
		m->data[i] = v->m->data[i] != 0.0;
	return put_bool(c, "logical", m);
}

static int fn_islogical(struct lr_call *c)
{
	struct lr_matrix *m = lr_mat_create(1, 1);

	if (!m)
		return fail(c, -1, "islogical: out of memory");
	m->data[0] = c->args[0]->kind == LR_VAL_MAT && c->args[0]->logical;
	return put_bool(c, "islogical", m);
}

static double d_xor(double x, double y) { return (x != 0.0) != (y != 0.0); }

/* xor(A, B), elementwise with the broadcasting of the operators. */
static int fn_xor(struct lr_call *c)
{
	struct lr_matrix *m = NULL;
	char msg[200] = "";
	enum lr_status st;

	for (int i = 0; i < 2; i++) {
		const struct lr_value *v = c->args[i];
		if (v->kind != LR_VAL_MAT)
			return fail(c, i, "xor: argument %d must be a matrix, found a string", i + 1);
		for (size_t k = 0; k < v->m->rows * v->m->cols; k++)
			if (isnan(v->m->data[k]))
				return fail(c, i, "xor: %s", LR_OP_MSG_NAN_LOGICAL);
	}
	st = lr_op_broadcast(c->args[0]->m, c->args[1]->m, d_xor, &m, msg, sizeof msg);
	if (st == LR_ERR_NOMEM)
		return fail(c, -1, "xor: out of memory");
	if (st != LR_OK)
		return fail(c, -1, "xor: %s", msg[0] ? msg : lr_status_str(st));
	return put_bool(c, "xor", m);
}

/* Functions of other files whose results are logical in Octave. */
static const char *const gives_logical[] = {
	"iscolumn", "isequal", "ismatrix", "isrow", "isscalar", "issquare", "issymmetric",
	"isvector",
};
/* ... and those whose first output keeps the class of their data (every
 * matrix argument logical, as [true false] is; numbers beside them, as in
 * repmat(M, 2, 1), are sizes). */
static const char *const keeps_class[] = {
	"circshift", "fliplr", "flipud", "rot90", "repmat", "tril", "triu", "sort", "unique",
	"horzcat", "vertcat", "cat",
};

static int listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, list[i]))
			return 1;
	return 0;
}

void lr_logical_class(const char *name, struct lr_call *c)
{
	struct lr_value *out = c->outs[0];
	int all = 1, any = 0;

	if (!out || out->kind != LR_VAL_MAT)
		return;
	if (!strcmp(name, "find")) {   /* [r, c, v] = find(M): v of M's class */
		if (c->outs[2] && c->args[0]->kind == LR_VAL_MAT)
			c->outs[2]->logical = c->args[0]->logical;
		return;
	}
	if (listed(name, gives_logical, sizeof gives_logical / sizeof gives_logical[0])) {
		out->logical = 1;
		return;
	}
	if (!listed(name, keeps_class, sizeof keeps_class / sizeof keeps_class[0]))
		return;
	/* cat(dim, A, B): the dimension is not data */
	for (int i = !strcmp(name, "cat"); i < c->nargin; i++) {
		const struct lr_value *a = c->args[i];
		if (a->kind != LR_VAL_MAT)
			continue;
		if (a->logical)
			any = 1;
		else if (i == 0 || !strcmp(name, "horzcat") || !strcmp(name, "vertcat") ||
		         !strcmp(name, "cat"))
			all = 0;
	}
	out->logical = any && all;
}

static const struct lr_builtin entries[] = {
	{ "false", 0, 2, 1, fn_false, "false, false(n), false(m, n), false([m n])",
	  "logical 0, or a logical matrix of them" },
	{ "islogical", 1, 1, 1, fn_islogical, "islogical(x)", "true if x is logical" },
	{ "logical", 1, 1, 1, fn_logical, "logical(A)",
	  "logical: 1 where A is nonzero (NaN is an error); a mask for indexing" },
	{ "true", 0, 2, 1, fn_true, "true, true(n), true(m, n), true([m n])",
	  "logical 1, or a logical matrix of them" },
	{ "xor", 2, 2, 1, fn_xor, "xor(A, B)", "logical exclusive or, elementwise" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_logical = LR_BUILTIN_TABLE(entries);
