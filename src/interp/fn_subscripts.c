/* Linear indices and subscripts of a 2-D size: sub2ind and ind2sub, as
 * Octave's (column-major: element (i, j) of an m×n matrix is number
 * i + (j − 1)·m). A student finds the row and column of a maximum with
 * [m, k] = max(A(:)); [i, j] = ind2sub(size(A), k). */
#include <math.h>
#include "fn_args.h"

/* The size argument: two whole nonnegative numbers. */
static int dims_of(struct lr_call *c, const char *name, double *rows, double *cols)
{
	const struct lr_matrix *d = lr_fn_mat(c, name, 0);

	if (!d)
		return -1;
	if (lr_fn_numel(d) != 2 || !lr_fn_is_vector(d))
		return lr_fn_fail(c, 0, "%s: expected a size [m n] as argument 1 (only 2-D sizes "
		                  "are supported)", name);
	*rows = d->data[0];
	*cols = d->data[1];
	if (!(*rows >= 0 && *cols >= 0 && *rows == floor(*rows) && *cols == floor(*cols)))
		return lr_fn_fail(c, 0, "%s: the size must be whole numbers, not negative", name);
	return 0;
}

/* Whether x is a whole number from 1 up to bound. */
static int in_range(double x, double bound)
{
	return x >= 1 && x == floor(x) && x <= bound;
}

/* sub2ind(dims, i) and sub2ind(dims, i, j): the linear index of each
 * (i, j), the shape of i. */
static int fn_sub2ind(struct lr_call *c)
{
	const struct lr_matrix *i = NULL, *j = NULL;
	struct lr_matrix *r;
	double m, n;

	if (dims_of(c, "sub2ind", &m, &n) < 0 || !(i = lr_fn_mat(c, "sub2ind", 1)) ||
	    (c->nargin == 3 && !(j = lr_fn_mat(c, "sub2ind", 2))))
		return -1;
	if (j && (j->rows != i->rows || j->cols != i->cols))
		return lr_fn_fail(c, 2, "sub2ind: all subscripts must be of the same size");
	if (!(r = lr_fn_mk(c, "sub2ind", i->rows, i->cols)))
		return -1;
	for (size_t k = 0; k < lr_fn_numel(i); k++) {
		double row = i->data[k], col = j ? j->data[k] : 1;
		int bad = !in_range(row, j ? m : m * n) ? 1 : !in_range(col, n) ? 2 : 0;
		if (bad) {
			double x = bad == 1 ? row : col;
			lr_mat_destroy(r);
			if (x != floor(x) || x < 1)
				return lr_fn_fail(c, bad, "sub2ind: subscripts must be whole numbers from "
				                  "1, found %s", lr_fn_num(x));
			return lr_fn_fail(c, bad, "sub2ind: %s %s is out of bound %.0f (dimensions are "
			                  "%.0f×%.0f)", bad == 1 ? "row" : "column", lr_fn_num(x),
			                  bad == 1 ? (j ? m : m * n) : n, m, n);
		}
		r->data[k] = row + (col - 1) * m;
	}
	return lr_fn_put(c, "sub2ind", 0, r);
}

/* [i, j] = ind2sub(dims, k): the row and column of each linear index k;
 * with one output, k itself (checked), and a third output is all 1s, as
 * Octave gives for a 2-D size. */
static int fn_ind2sub(struct lr_call *c)
{
	const struct lr_matrix *k;
	struct lr_matrix *out[3] = { 0 };
	int nout = lr_fn_nargout(c) < 1 ? 1 : lr_fn_nargout(c);
	double m, n;

	if (dims_of(c, "ind2sub", &m, &n) < 0 || !(k = lr_fn_mat(c, "ind2sub", 1)))
		return -1;
	for (size_t t = 0; t < lr_fn_numel(k); t++) {
		if (k->data[t] != floor(k->data[t]) || k->data[t] < 1)
			return lr_fn_fail(c, 1, "ind2sub: indices must be whole numbers from 1, found "
			                  "%s", lr_fn_num(k->data[t]));
		if (k->data[t] > m * n)
			return lr_fn_fail(c, 1, "ind2sub: index out of range (%s in a %.0f×%.0f "
			                  "matrix)", lr_fn_num(k->data[t]), m, n);
	}
	for (int o = 0; o < nout; o++)
		out[o] = lr_fn_mk(c, "ind2sub", k->rows, k->cols);
	for (size_t t = 0; t < lr_fn_numel(k); t++) {
		double z = k->data[t] - 1;
		if (nout == 1 && out[0])
			out[0]->data[t] = z + 1;
		if (nout >= 2 && out[0] && out[1]) {
			out[0]->data[t] = fmod(z, m) + 1;
			out[1]->data[t] = floor(z / m) + 1;
		}
		if (nout == 3 && out[2])
			out[2]->data[t] = 1;
	}
	return lr_fn_put_all(c, "ind2sub", out, nout);
}

static const struct lr_builtin table[] = {
	{ "ind2sub", 2, 2, 3, fn_ind2sub, "[i, j] = ind2sub(dims, k)",
	  "the row and column of each linear index k in a matrix of size dims" },
	{ "sub2ind", 2, 3, 1, fn_sub2ind, "sub2ind(dims, i, j)",
	  "the linear index of each element (i, j) in a matrix of size dims" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_subscripts = LR_BUILTIN_GROUP(table, "Subscripts");
