/* The functions of the logical type: true, false, logical, islogical, xor,
 * and find, which turns a mask into the indices it selects.
 * A logical value is a matrix of 0s and 1s marked logical (value.h), as
 * Octave's class logical; comparisons and ! & | make them in the evaluator. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "builtins.h"
#include "ops.h"

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

/* The positions find(x, n, dir) keeps: the nonzero entries of m in column
 * order (NaN counts as nonzero), at most n of them, the first or last. */
static size_t find_positions(const struct lr_matrix *m, double limit, int last, size_t *at)
{
	size_t total = m->rows * m->cols, count = 0;

	for (size_t k = 0; k < total; k++) {
		size_t r = k % m->rows, c = k / m->rows;
		if (LR_AT(m, r, c) != 0.0)
			at[count++] = k;
	}
	if ((double)count > limit) {
		size_t keep = (size_t)limit;
		if (last)
			memmove(at, at + count - keep, keep * sizeof *at);
		count = keep;
	}
	return count;
}

/* One output of find: the positions (what 0), rows (1), columns (2) or
 * values (3), shaped as Octave shapes them: a row for a row, n×n for a
 * scalar (1 or [](0x0)), [](0x0) for [](0x0), else a column. */
static struct lr_matrix *find_output(const struct lr_matrix *m, const size_t *at, size_t n,
                                     int what)
{
	int row = m->rows == 1 && m->cols != 1;
	size_t r = row ? 1 : n, c = row ? n : 1;
	struct lr_matrix *o;

	if ((m->rows == 1 && m->cols == 1) || (m->rows == 0 && m->cols == 0))
		r = c = n;
	if (!(o = lr_mat_create(r, c)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t k = at[i], mr = k % m->rows, mc = k / m->rows;
		o->data[i] = what == 0 ? (double)k + 1 : what == 1 ? (double)mr + 1
		           : what == 2 ? (double)mc + 1 : LR_AT(m, mr, mc);
	}
	return o;
}

/* find(x), find(x, n), find(x, n, 'first'|'last'); [r, c] = find(x),
 * [r, c, v] = find(x): where x is nonzero, counted down the columns. */
static int fn_find(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	struct lr_matrix *codes = NULL;
	const struct lr_matrix *m;
	double limit = INFINITY;
	int last = 0, rc = 0;
	size_t *at, n;

	if (c->nargin > 1) {
		const struct lr_value *a = c->args[1];
		if (!lr_value_is_scalar(a) || !(a->m->data[0] >= 0) ||
		    a->m->data[0] != floor(a->m->data[0]))   /* Octave's test and message */
			return fail(c, 1, "find: N must be a non-negative integer");
		limit = a->m->data[0];
	}
	if (c->nargin > 2) {
		const struct lr_value *d = c->args[2];
		if (d->kind != LR_VAL_STR || (strcmp(d->s, "first") && strcmp(d->s, "last")))
			return fail(c, 2, "find: DIRECTION must be \"first\" or \"last\"");
		last = !strcmp(d->s, "last");
	}
	if (v->kind == LR_VAL_STR && !(codes = lr_mat_create(v->slen > 0, v->slen)))
		return fail(c, -1, "find: out of memory");
	for (size_t i = 0; codes && i < v->slen; i++)
		codes->data[i] = (unsigned char)v->s[i];
	m = codes ? codes : v->m;
	at = lr_mallocarray(m->rows * m->cols + 1, sizeof *at);
	if (!at) {
		lr_mat_destroy(codes);
		return fail(c, -1, "find: out of memory");
	}
	n = find_positions(m, limit, last, at);
	for (int k = 0; k < (c->nargout > 1 ? c->nargout : 1) && rc == 0; k++) {
		int what = c->nargout <= 1 ? 0 : k + 1;
		c->outs[k] = lr_value_mat(find_output(m, at, n, what));
		if (!c->outs[k])
			rc = fail(c, -1, "find: out of memory");
		else
			c->outs[k]->logical = what == 3 && v->logical;   /* v keeps x's class */
	}
	lr_free(at);
	lr_mat_destroy(codes);
	return rc;
}

static const struct lr_builtin entries[] = {
	{ "false", 0, 2, 1, fn_false, "false, false(n), false(m, n), false([m n])",
	  "logical 0, or a logical matrix of them" },
	{ "find", 1, 3, 3, fn_find, "find(x), find(x, n), find(x, n, 'last'), [r, c] = find(x), "
	  "[r, c, v] = find(x)", "where x is nonzero: its indices down the columns, or rows and columns" },
	{ "islogical", 1, 1, 1, fn_islogical, "islogical(x)", "true if x is logical" },
	{ "logical", 1, 1, 1, fn_logical, "logical(A)",
	  "logical: 1 where A is nonzero (NaN is an error); a mask for indexing" },
	{ "true", 0, 2, 1, fn_true, "true, true(n), true(m, n), true([m n])",
	  "logical 1, or a logical matrix of them" },
	{ "xor", 2, 2, 1, fn_xor, "xor(A, B)", "logical exclusive or, elementwise" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_logical = LR_BUILTIN_TABLE(entries);
