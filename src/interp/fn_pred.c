/* Predicates on shapes and values: isequal, isscalar, isvector, isrow,
 * iscolumn, issquare, issymmetric, ismatrix, and ndims, as GNU Octave 7
 * answers them. A string counts as the 1×n row of its characters' codes,
 * as Octave's char arrays do. The answers are the numbers 1 and 0: this
 * language has no logical type yet, and a scalar prints the same either
 * way. */
#include <math.h>
#include <string.h>

#include "fn_args.h"

/* The rows and columns of a value. */
static void shape(const struct lr_value *v, size_t *rows, size_t *cols)
{
	if (v->kind == LR_VAL_STR) {
		*rows = lr_value_str_rows(v);   /* '' is 0×0, as size() says */
		*cols = v->slen;
	} else {
		*rows = v->m->rows;
		*cols = v->m->cols;
	}
}

/* Element i of a value, read as Octave's linear index counts (down the
 * columns; a string is one row). */
static double element(const struct lr_value *v, size_t i)
{
	if (v->kind == LR_VAL_STR)
		return (double)(unsigned char)v->s[i];
	return v->m->data[(i % v->m->rows) * v->m->cols + i / v->m->rows];
}

static int same(const struct lr_value *a, const struct lr_value *b)
{
	size_t ra, ca, rb, cb;

	shape(a, &ra, &ca);
	shape(b, &rb, &cb);
	if (ra != rb || ca != cb)
		return 0;
	for (size_t i = 0; i < ra * ca; i++)
		if (!(element(a, i) == element(b, i)))
			return 0;
	return 1;
}

/* isequal(A, B, ...): 1 if every argument has A's shape and values (NaN
 * equals nothing). */
static int fn_isequal(struct lr_call *c)
{
	int eq = 1;

	for (int k = 1; k < c->nargin && eq; k++)
		eq = same(c->args[0], c->args[k]);
	return lr_fn_put_num(c, "isequal", 0, eq);
}

enum shape_test { T_SCALAR, T_VECTOR, T_ROW, T_COLUMN, T_SQUARE, T_MATRIX };

static int shape_is(struct lr_call *c, const char *name, enum shape_test t)
{
	size_t r, k;
	int yes = 0;

	shape(c->args[0], &r, &k);
	switch (t) {
	case T_SCALAR: yes = r == 1 && k == 1; break;
	case T_VECTOR: yes = r == 1 || k == 1; break;   /* 1×0 too, as Octave 7 */
	case T_ROW: yes = r == 1; break;
	case T_COLUMN: yes = k == 1; break;
	case T_SQUARE: yes = r == k; break;
	case T_MATRIX: yes = 1; break;
	}
	return lr_fn_put_num(c, name, 0, yes);
}

static int fn_isscalar(struct lr_call *c) { return shape_is(c, "isscalar", T_SCALAR); }
static int fn_isvector(struct lr_call *c) { return shape_is(c, "isvector", T_VECTOR); }
static int fn_isrow(struct lr_call *c) { return shape_is(c, "isrow", T_ROW); }
static int fn_iscolumn(struct lr_call *c) { return shape_is(c, "iscolumn", T_COLUMN); }
static int fn_issquare(struct lr_call *c) { return shape_is(c, "issquare", T_SQUARE); }
static int fn_ismatrix(struct lr_call *c) { return shape_is(c, "ismatrix", T_MATRIX); }

/* Every value has two dimensions here. */
static int fn_ndims(struct lr_call *c) { return lr_fn_put_num(c, "ndims", 0, 2); }

/* The largest absolute row sum of the n×n value, or of it less its
 * transpose. */
static double inf_norm(const struct lr_value *v, size_t n, int minus_transpose)
{
	double best = 0;

	for (size_t i = 0; i < n; i++) {
		double row = 0;
		for (size_t j = 0; j < n; j++) {
			double x = element(v, j * n + i);
			row += fabs(minus_transpose ? x - element(v, i * n + j) : x);
		}
		if (!(row <= best))
			best = row;
	}
	return best;
}

/* issymmetric(A), issymmetric(A, tol): square and A == A.' exactly, or
 * within tol: norm(A - A.', inf) / norm(A, inf) <= tol. */
static int fn_issymmetric(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	double tol = 0, na;
	size_t r, k;

	if (c->nargin > 1 && (lr_fn_scalar(c, "issymmetric", 1, &tol) < 0 || !(tol >= 0)))
		return lr_fn_fail(c, 1, "issymmetric: TOL must be a scalar >= 0");
	shape(v, &r, &k);
	if (r != k)
		return lr_fn_put_num(c, "issymmetric", 0, 0);
	if (tol == 0) {
		for (size_t i = 0; i < r; i++)
			for (size_t j = 0; j < i; j++)
				if (!(element(v, j * r + i) == element(v, i * r + j)))
					return lr_fn_put_num(c, "issymmetric", 0, 0);
		return lr_fn_put_num(c, "issymmetric", 0, 1);
	}
	na = inf_norm(v, r, 0);
	return lr_fn_put_num(c, "issymmetric", 0, na == 0 || inf_norm(v, r, 1) / na <= tol);
}

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "iscolumn", 1, 1, 1, fn_iscolumn, "iscolumn(X)", "1 if X has one column" },
	{ "isequal", 2, 64, 1, fn_isequal, "isequal(A, B, ...)",
	  "1 if all have the same size and the same values (NaN equals nothing)" },
	{ "ismatrix", 1, 1, 1, fn_ismatrix, "ismatrix(X)", "1 if X is 2-D (always, here)" },
	{ "isrow", 1, 1, 1, fn_isrow, "isrow(X)", "1 if X has one row" },
	{ "isscalar", 1, 1, 1, fn_isscalar, "isscalar(X)", "1 if X is 1×1" },
	{ "issquare", 1, 1, 1, fn_issquare, "issquare(X)", "1 if X has as many rows as columns" },
	{ "issymmetric", 1, 2, 1, fn_issymmetric, "issymmetric(A), issymmetric(A, tol)",
	  "1 if A is square and equals A.' (within tol, relative to norm(A, inf))" },
	{ "isvector", 1, 1, 1, fn_isvector, "isvector(X)", "1 if X is one row or one column" },
	{ "ndims", 1, 1, 1, fn_ndims, "ndims(X)", "number of dimensions (always 2, here)" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_pred = LR_BUILTIN_GROUP(table, "Predicates");
