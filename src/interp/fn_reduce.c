/* Reductions and orderings: prod, cumsum, cumprod, diff, std, var, median,
 * mode, sort, unique, find and nnz, with GNU Octave 7's shapes, including
 * its rules for empty matrices and for which dimension a call works along
 * when none is given (they differ from function to function, and each
 * says which it follows). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "fn_args.h"

/* ---- Slices ----------------------------------------------------------------
 * A matrix seen along dimension dim: slice i holds n elements, element k of
 * it at index at(). dim 1 is down the columns, 2 along the rows, 3 each
 * element on its own. */

struct along {
	size_t count;   /* slices */
	size_t n;       /* elements of each */
	int dim;
};

static struct along along(const struct lr_matrix *a, int dim)
{
	struct along s = { 0, 0, dim };

	s.n = dim == 1 ? a->rows : dim == 2 ? a->cols : 1;
	s.count = dim == 1 ? a->cols : dim == 2 ? a->rows : lr_fn_numel(a);
	return s;
}

static size_t at(const struct lr_matrix *a, const struct along *s, size_t i, size_t k)
{
	return s->dim == 1 ? k * a->cols + i : s->dim == 2 ? i * a->cols + k : i;
}

/* The result of reducing a along dim: its length along dim becomes 1. */
static struct lr_matrix *reduced(struct lr_call *c, const char *name, const struct lr_matrix *a,
                                 int dim)
{
	return lr_fn_mk(c, name, dim == 1 ? 1.0 : (double)a->rows, dim == 2 ? 1.0 : (double)a->cols);
}

/* The dimension rules of Octave's functions when no DIM is given: the first
 * whose length is not 1 (sum, prod, cumsum, sort, std, var), or the first
 * whose length is above 1 (median, mode), 1 if none is. */
static int dim_not_one(const struct lr_matrix *a)
{
	return a->rows != 1 ? 1 : a->cols != 1 ? 2 : 1;
}

static int dim_above_one(const struct lr_matrix *a)
{
	return a->rows > 1 ? 1 : a->cols > 1 ? 2 : 1;
}

/* Argument i as DIM when given, else the default. */
static int get_dim(struct lr_call *c, const char *name, int i, int dflt, int *dim)
{
	*dim = dflt;
	return i < c->nargin ? lr_fn_dim(c, name, i, dim) : 0;
}

/* ---- prod, cumsum, cumprod ------------------------------------------------ */

/* prod(A), prod(A, dim): a 0×0 argument is taken as 0×1, as sum takes it
 * (so prod([]) and prod([], 1) are 1, prod([], 2) is 0×1). */
static int fn_prod(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "prod", 0);
	struct lr_matrix *r, column = { 0 };
	struct along s;
	int dim;

	if (!a)
		return -1;
	if (!a->rows && !a->cols) {
		column.cols = 1;
		column.data = a->data;
		a = &column;
	}
	if (get_dim(c, "prod", 1, dim_not_one(a), &dim) < 0 || !(r = reduced(c, "prod", a, dim)))
		return -1;
	s = along(a, dim);
	for (size_t i = 0; i < s.count; i++) {
		double p = 1.0;
		for (size_t k = 0; k < s.n; k++)
			p *= a->data[at(a, &s, i, k)];
		r->data[i] = p;
	}
	return lr_fn_put(c, "prod", 0, r);
}

static int cumulative(struct lr_call *c, const char *name, int product)
{
	const struct lr_matrix *a = lr_fn_mat(c, name, 0);
	struct lr_matrix *r;
	struct along s;
	int dim;

	if (!a || get_dim(c, name, 1, dim_not_one(a), &dim) < 0 ||
	    !(r = lr_fn_mk(c, name, (double)a->rows, (double)a->cols)))
		return -1;
	s = along(a, dim);
	for (size_t i = 0; i < s.count; i++) {
		double acc = product ? 1.0 : 0.0;
		for (size_t k = 0; k < s.n; k++) {
			size_t j = at(a, &s, i, k);
			acc = product ? acc * a->data[j] : acc + a->data[j];
			r->data[j] = acc;
		}
	}
	return lr_fn_put(c, name, 0, r);
}

static int fn_cumsum(struct lr_call *c) { return cumulative(c, "cumsum", 0); }
static int fn_cumprod(struct lr_call *c) { return cumulative(c, "cumprod", 1); }

/* ---- diff ------------------------------------------------------------------ */

/* The order-k differences of a along dim (1 or 2): its length there
 * becomes n − k, or 0. Owned by the caller; NULL with the error set. */
static struct lr_matrix *differences(struct lr_call *c, const struct lr_matrix *a, size_t k,
                                     int dim)
{
	size_t n = dim == 1 ? a->rows : a->cols, len = n > k ? n - k : 0;
	struct lr_matrix *r = lr_fn_mk(c, "diff", dim == 1 ? (double)len : (double)a->rows,
	                               dim == 2 ? (double)len : (double)a->cols);
	double *w;
	struct along s = along(a, dim);

	if (!r || !len)
		return r;
	if (!(w = lr_mallocarray(n, sizeof *w))) {
		lr_mat_destroy(r);
		lr_fn_nomem(c, "diff");
		return NULL;
	}
	for (size_t i = 0; i < s.count; i++) {
		for (size_t j = 0; j < n; j++)
			w[j] = a->data[at(a, &s, i, j)];
		for (size_t step = 0; step < k; step++)
			for (size_t j = 0; j + 1 < n - step; j++)
				w[j] = w[j + 1] - w[j];
		for (size_t j = 0; j < len; j++)
			r->data[dim == 1 ? j * r->cols + i : i * r->cols + j] = w[j];
	}
	lr_free(w);
	return r;
}

/* Octave's rule when k is at least the length n along the default
 * dimension (its source calls it Matlab's): n = 1 gives 0×0; otherwise, dimension by dimension
 * from dim, the n − 1 differences along each (a step of −1 for n = 0 adds
 * to the order), each taken from A itself, and past the last dimension
 * what is left of the order along the last. So diff(A, 3) of a 3×3 A is
 * diff(A, 2, 2), 3×1. */
static struct lr_matrix *diff_past_end(struct lr_call *c, const struct lr_matrix *a, size_t k,
                                       int dim)
{
	struct lr_matrix *r = NULL;
	double left = (double)k;

	for (; left > 0; dim++) {
		size_t n = dim == 1 ? a->rows : a->cols;
		double step = dim == 3 ? left : (double)n - 1;
		if (dim < 3 && n == 1)
			continue;
		lr_mat_destroy(r);
		if (!(r = differences(c, a, step > 0 ? (size_t)step : 0, dim == 3 ? 2 : dim)))
			return NULL;
		left -= step;
	}
	return r;
}

/* diff(x), diff(x, k), diff(x, k, dim). */
static int fn_diff(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "diff", 0);
	double k = 1.0;
	int dim;
	size_t n;

	if (!a)
		return -1;
	if (c->nargin > 1 && !(lr_fn_numel(c->args[1]->m) == 0 && c->args[1]->kind == LR_VAL_MAT)) {
		if (lr_fn_scalar(c, "diff", 1, &k) < 0)
			return -1;
		if (k < 0.0)
			return lr_fn_fail(c, 1, "diff: order K must be non-negative");
		if (k != floor(k) || isinf(k))
			return lr_fn_fail(c, 1, "diff: order K must be a whole number, found %s",
			                  lr_fn_num(k));
	}
	if (get_dim(c, "diff", 2, dim_not_one(a), &dim) < 0)
		return -1;
	if (dim == 3)   /* beyond a matrix's two: Octave refuses it too */
		return lr_fn_fail(c, 2, "diff: DIM must be a valid dimension");
	n = dim == 1 ? a->rows : a->cols;
	if (k == 0.0)
		return lr_fn_put(c, "diff", 0, differences(c, a, 0, dim));
	if (c->nargin < 3 && (double)n <= k)   /* the rule holds only for the default DIM */
		return lr_fn_put(c, "diff", 0, n == 1 ? lr_fn_mk(c, "diff", 0, 0)
		                                      : diff_past_end(c, a, (size_t)k, dim));
	return lr_fn_put(c, "diff", 0, differences(c, a, (size_t)fmin(k, (double)n), dim));
}

/* ---- std, var -------------------------------------------------------------- */

/* The normalisation W: 0 (by N − 1) or 1 (by N); [] means 0. */
static int get_w(struct lr_call *c, const char *name, int *w)
{
	const struct lr_matrix *m;

	*w = 0;
	if (c->nargin < 2)
		return 0;
	if (!(m = lr_fn_mat(c, name, 1)))
		return -1;
	if (lr_fn_numel(m) == 0)
		return 0;
	if (lr_fn_numel(m) != 1 || (m->data[0] != 0.0 && m->data[0] != 1.0))
		return lr_fn_fail(c, 1, "%s: W must be 0 or 1 (weight vectors are not supported), "
		                  "found %s", name, lr_fn_numel(m) == 1 ? lr_fn_num(m->data[0])
		                                                        : "a vector");
	*w = (int)m->data[0];
	return 0;
}

/* var(x), var(x, w), var(x, w, dim), and std the same with a square root:
 * the mean of each slice first, then the squared deviations; one element
 * gives 0, an empty slice NaN (so var([]) is NaN). */
static int spread(struct lr_call *c, const char *name, int root)
{
	const struct lr_matrix *a = lr_fn_mat(c, name, 0);
	struct lr_matrix *r;
	struct along s;
	int w, dim;

	if (!a || get_w(c, name, &w) < 0 || get_dim(c, name, 2, dim_not_one(a), &dim) < 0)
		return -1;
	if (!a->rows && !a->cols && c->nargin < 3)
		return lr_fn_put_num(c, name, 0, NAN);
	if (!(r = reduced(c, name, a, dim)))
		return -1;
	s = along(a, dim);
	for (size_t i = 0; i < s.count; i++) {
		double mean = 0.0, ss = 0.0, v;
		for (size_t k = 0; k < s.n; k++)
			mean += a->data[at(a, &s, i, k)];
		mean /= (double)s.n;
		for (size_t k = 0; k < s.n; k++) {
			double d = a->data[at(a, &s, i, k)] - mean;
			ss += d * d;
		}
		v = s.n == 0 ? NAN : s.n == 1 ? (isfinite(a->data[at(a, &s, i, 0)]) ? 0.0 : NAN)
		    : ss / (double)(w ? s.n : s.n - 1);
		r->data[i] = root ? sqrt(v) : v;
	}
	return lr_fn_put(c, name, 0, r);
}

static int fn_std(struct lr_call *c) { return spread(c, "std", 1); }
static int fn_var(struct lr_call *c) { return spread(c, "var", 0); }

/* ---- Sorting ----------------------------------------------------------------- */

struct keyed {
	double x;
	size_t i;    /* the position in its slice, so the sort is stable */
};

/* NaN above everything, ties by position: ascending. */
static int cmp_up(const void *p, const void *q)
{
	const struct keyed *a = p, *b = q;
	int na = isnan(a->x), nb = isnan(b->x);

	if (na != nb)
		return na - nb;
	if (!na && a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* The reverse order of the values (NaN first), ties still by position. */
static int cmp_down(const void *p, const void *q)
{
	const struct keyed *a = p, *b = q;
	int na = isnan(a->x), nb = isnan(b->x);

	if (na != nb)
		return nb - na;
	if (!na && a->x != b->x)
		return a->x > b->x ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* "ascend" or "descend" in argument i: 0 or 1, or -1 with the error set. */
static int get_mode(struct lr_call *c, int i)
{
	const char *m = lr_fn_str(c, i);

	if (m && !strcmp(m, "ascend"))
		return 0;
	if (m && !strcmp(m, "descend"))
		return 1;
	return lr_fn_fail(c, i, "sort: MODE must be either \"ascend\" or \"descend\"");
}

/* sort(x), sort(x, dim), sort(x, mode), sort(x, dim, mode), [s, i] = ... */
static int sort_numbers(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "sort", 0);
	struct lr_matrix *r, *ix = NULL;
	struct keyed *w;
	struct along s;
	int dim = 0, down = 0;

	if (!a)
		return -1;
	dim = dim_not_one(a);
	if (c->nargin > 1 && (lr_fn_str(c, 1) ? (down = get_mode(c, 1)) < 0
	                                       : lr_fn_dim(c, "sort", 1, &dim) < 0))
		return -1;
	if (c->nargin > 2 && (down = get_mode(c, 2)) < 0)
		return -1;
	s = along(a, dim);
	if (!(r = lr_fn_mk(c, "sort", (double)a->rows, (double)a->cols)))
		return -1;
	if ((c->nargout > 1 && !(ix = lr_fn_mk(c, "sort", (double)a->rows, (double)a->cols))) ||
	    !(w = lr_mallocarray(s.n ? s.n : 1, sizeof *w))) {
		lr_mat_destroy(r);
		lr_mat_destroy(ix);
		return ix || c->nargout < 2 ? lr_fn_nomem(c, "sort") : -1;
	}
	for (size_t i = 0; i < s.count; i++) {
		for (size_t k = 0; k < s.n; k++)
			w[k] = (struct keyed){ a->data[at(a, &s, i, k)], k };
		qsort(w, s.n, sizeof *w, down ? cmp_down : cmp_up);
		for (size_t k = 0; k < s.n; k++) {
			r->data[at(a, &s, i, k)] = w[k].x;
			if (ix)
				ix->data[at(a, &s, i, k)] = (double)w[k].i + 1.0;
		}
	}
	lr_free(w);
	return lr_fn_put_all(c, "sort", (struct lr_matrix *[]){ r, ix }, ix ? 2 : 1);
}

/* sort of a string sorts its character codes and gives a string, as
 * Octave's (sort('hello') is 'ehllo'; the indices stay numbers). */
static int fn_sort(struct lr_call *c)
{
	const struct lr_value *s = c->args[0], *argv[3];
	struct lr_value *codes;
	struct lr_call p = *c;
	int rc;

	if (s->kind != LR_VAL_STR || c->nargin > 3)
		return sort_numbers(c);
	struct lr_matrix *m = lr_mat_create(s->slen > 0 || s->row, s->slen);   /* '' is 0×0 */
	for (size_t k = 0; m && k < s->slen; k++)
		m->data[k] = (unsigned char)s->s[k];
	if (!(codes = lr_value_mat(m)))
		return lr_fn_nomem(c, "sort");
	for (int i = 0; i < c->nargin; i++)
		argv[i] = i ? c->args[i] : codes;
	p.args = argv;
	rc = sort_numbers(&p);
	lr_value_destroy(codes);
	memcpy(c->msg, p.msg, sizeof c->msg);
	c->bad_arg = p.bad_arg;
	memcpy(c->outs, p.outs, sizeof c->outs);
	if (rc < 0)
		return -1;
	m = c->outs[0]->m;
	char *text = lr_malloc(m->rows * m->cols + 1);
	for (size_t k = 0; text && k < m->rows * m->cols; k++)
		text[k] = (char)(unsigned char)m->data[k];
	struct lr_value *out = text ? lr_value_str(text, m->rows * m->cols) : NULL;
	lr_free(text);
	if (!out)
		return lr_fn_nomem(c, "sort");
	lr_value_destroy(c->outs[0]);
	c->outs[0] = out;
	return 0;
}

/* ---- median, mode ------------------------------------------------------------ */

/* median(x), median(x, dim): the middle of each sorted slice (the mean of
 * the two middle ones for an even count); NaN in a slice gives NaN. */
static int fn_median(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "median", 0);
	struct lr_matrix *r;
	struct keyed *w;
	struct along s;
	int dim;

	if (!a)
		return -1;
	if (lr_fn_numel(a) == 0)
		return lr_fn_fail(c, 0, "median: X cannot be an empty matrix");
	if (c->nargin > 1 && !lr_value_is_scalar(c->args[1]))
		return lr_fn_fail(c, 1, "median: DIM must be an integer and a valid dimension");
	if (get_dim(c, "median", 1, dim_above_one(a), &dim) < 0 || !(r = reduced(c, "median", a, dim)))
		return -1;
	s = along(a, dim);
	if (!(w = lr_mallocarray(s.n, sizeof *w))) {
		lr_mat_destroy(r);
		return lr_fn_nomem(c, "median");
	}
	for (size_t i = 0; i < s.count; i++) {
		int nan = 0;
		for (size_t k = 0; k < s.n; k++) {
			w[k] = (struct keyed){ a->data[at(a, &s, i, k)], k };
			nan |= isnan(w[k].x);
		}
		qsort(w, s.n, sizeof *w, cmp_up);
		r->data[i] = nan ? NAN : s.n % 2 ? w[s.n / 2].x
		                                 : (w[s.n / 2 - 1].x + w[s.n / 2].x) / 2.0;
	}
	lr_free(w);
	return lr_fn_put(c, "median", 0, r);
}

/* mode(x), mode(x, dim), [m, f] = mode(...): the most frequent value of
 * each slice (the smallest of those tied), and how often it occurs. */
static int fn_mode(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "mode", 0);
	struct lr_matrix *m, *f;
	struct keyed *w;
	struct along s;
	int dim;

	if (!a || get_dim(c, "mode", 1, dim_above_one(a), &dim) < 0 ||
	    !(m = reduced(c, "mode", a, dim)))
		return -1;
	s = along(a, dim);
	f = !a->rows && !a->cols ? lr_fn_mk(c, "mode", 0, 0)   /* Octave's, for [] */
	                         : reduced(c, "mode", a, dim);
	if (!f || !(w = lr_mallocarray(s.n ? s.n : 1, sizeof *w))) {
		lr_mat_destroy(m);
		lr_mat_destroy(f);
		return f ? lr_fn_nomem(c, "mode") : -1;
	}
	for (size_t i = 0; i < lr_fn_numel(m); i++) {
		size_t best = 0, run = 0;
		m->data[i] = NAN;
		for (size_t k = 0; k < s.n; k++)
			w[k] = (struct keyed){ a->data[at(a, &s, i, k)], k };
		qsort(w, s.n, sizeof *w, cmp_up);
		for (size_t k = 0; k < s.n; k++) {
			run = k > 0 && w[k].x == w[k - 1].x ? run + 1 : 1;
			if (run > best) {
				best = run;
				m->data[i] = w[k].x;
			}
		}
		if (lr_fn_numel(f))
			f->data[i] = (double)best;
	}
	lr_free(w);
	if (c->nargout < 2) {
		lr_mat_destroy(f);
		return lr_fn_put(c, "mode", 0, m);
	}
	return lr_fn_put_all(c, "mode", (struct lr_matrix *[]){ m, f }, 2);
}

/* ---- unique ----------------------------------------------------------------- */

/* Element k of a in Octave's order (down the columns). */
static double col_major(const struct lr_matrix *a, size_t k)
{
	return a->data[(k % a->rows) * a->cols + k / a->rows];
}

/* unique's options: "first" (the default), "last" or "sorted" (the
 * default order); *last set for "last". */
static int unique_options(struct lr_call *c, int *last)
{
	*last = 0;
	for (int k = 1; k < c->nargin; k++) {
		const char *o = lr_fn_str(c, k);
		if (!o || (strcmp(o, "first") && strcmp(o, "last") && strcmp(o, "sorted")))
			return lr_fn_fail(c, k, "unique: invalid option");
		*last |= !strcmp(o, "last");
	}
	return 0;
}

/* The outputs of unique for nu distinct values of a: u a row for a row
 * vector, 0×0 for 0×0, else a column; i and j columns (0×0 when x is
 * empty, as Octave's), only when asked for. 0, or -1 with the error set and nothing left allocated. */
static int unique_outputs(struct lr_call *c, const struct lr_matrix *a, size_t nu,
                          struct lr_matrix **out)
{
	size_t n = lr_fn_numel(a);
	int row = a->rows == 1 && n, none = !a->rows && !a->cols;

	out[0] = lr_fn_mk(c, "unique", none ? 0 : row ? 1 : (double)nu,
	                  none ? 0 : row ? (double)nu : 1);
	out[1] = out[0] && c->nargout > 1 ? lr_fn_mk(c, "unique", (double)nu, n > 0) : NULL;
	out[2] = out[0] && c->nargout > 2 ? lr_fn_mk(c, "unique", (double)n, n > 0) : NULL;
	if (out[0] && (c->nargout < 2 || out[1]) && (c->nargout < 3 || out[2]))
		return 0;
	for (int i = 0; i < 3; i++)
		lr_mat_destroy(out[i]);
	return -1;
}

/* unique(x), [u, i, j] = unique(x) with "first" (the default) or "last":
 * the sorted distinct values (each NaN distinct); u = x(i) and x = u(j). */
static int fn_unique(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "unique", 0);
	size_t n, nu = 0;
	struct keyed *w;
	struct lr_matrix *out[3];
	int last;

	if (!a || unique_options(c, &last) < 0)
		return -1;
	n = lr_fn_numel(a);
	if (!(w = lr_mallocarray(n ? n : 1, sizeof *w)))
		return lr_fn_nomem(c, "unique");
	for (size_t k = 0; k < n; k++)
		w[k] = (struct keyed){ col_major(a, k), k };
	qsort(w, n, sizeof *w, cmp_up);
	for (size_t k = 0; k < n; k++)
		nu += k == 0 || !(w[k].x == w[k - 1].x);
	if (unique_outputs(c, a, nu, out) < 0) {
		lr_free(w);
		return -1;
	}
	for (size_t k = 0, g = 0; k < n; k++) {
		int first = k == 0 || !(w[k].x == w[k - 1].x);
		g += first && k > 0;
		out[0]->data[g] = w[k].x;
		if (out[1] && (first || last))
			out[1]->data[g] = (double)w[k].i + 1.0;
		if (out[2])
			out[2]->data[w[k].i] = (double)g + 1.0;
	}
	lr_free(w);
	return lr_fn_put_all(c, "unique", out, c->nargout > 1 ? (c->nargout > 2 ? 3 : 2) : 1);
}

/* ---- find, nnz ----------------------------------------------------------------- */

/* The shape of find's results for count indices of a: a row for a row
 * vector, 0×0 for 0×0 and for a scalar 0, else a column (Octave's rules). */
static void find_shape(const struct lr_matrix *a, size_t count, double *rows, double *cols)
{
	*rows = (double)count;
	*cols = 1.0;
	if (a->rows == 1 && a->cols != 1) {
		*rows = 1.0;
		*cols = (double)count;
	} else if ((a->rows == 1 && a->cols == 1 && !count) || (!a->rows && !a->cols)) {
		*rows = *cols = 0.0;
	}
}

/* find's limit and direction: find(x, n), find(x, n, "first"|"last"). */
static int find_args(struct lr_call *c, size_t total, size_t *limit, int *last)
{
	double n;
	const char *d = lr_fn_str(c, 2);

	*limit = total;
	*last = 0;
	if (c->nargin < 2)
		return 0;
	if (lr_fn_scalar(c, "find", 1, &n) < 0)
		return -1;
	if (!(n >= 0.0) || n != floor(n))
		return lr_fn_fail(c, 1, "find: N must be a non-negative integer");
	if (n < (double)total)
		*limit = (size_t)n;
	if (c->nargin > 2 && (!d || (strcmp(d, "first") && strcmp(d, "last"))))
		return lr_fn_fail(c, 2, "find: DIRECTION must be \"first\" or \"last\"");
	*last = d && !strcmp(d, "last");
	return 0;
}

/* find(x, ...), [r, c] = find(...), [r, c, v] = find(...): the nonzero
 * elements in Octave's order, down the columns. */
static int fn_find(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "find", 0);
	struct lr_matrix *out[3] = { 0 };
	size_t total = 0, limit, n, skip, got = 0;
	int last, nout = c->nargout < 1 ? 1 : c->nargout;
	double rows, cols;

	if (!a)
		return -1;
	n = lr_fn_numel(a);
	for (size_t k = 0; k < n; k++)
		total += col_major(a, k) != 0.0;
	if (find_args(c, total, &limit, &last) < 0)
		return -1;
	find_shape(a, limit, &rows, &cols);
	for (int o = 0; o < nout; o++)
		if (!(out[o] = lr_fn_mk(c, "find", rows, cols))) {
			while (o-- > 0)
				lr_mat_destroy(out[o]);
			return -1;
		}
	skip = last ? total - limit : 0;
	for (size_t k = 0; k < n && got < limit; k++) {
		double x = col_major(a, k);
		if (x == 0.0 || (skip && skip--))
			continue;
		if (nout == 1) {
			out[0]->data[got++] = (double)k + 1.0;
			continue;
		}
		out[0]->data[got] = (double)(k % a->rows) + 1.0;
		out[1]->data[got] = (double)(k / a->rows) + 1.0;
		if (nout > 2)
			out[2]->data[got] = x;
		got++;
	}
	return lr_fn_put_all(c, "find", out, nout);
}

static int fn_nnz(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "nnz", 0);
	size_t count = 0;

	if (!a)
		return -1;
	for (size_t k = 0; k < lr_fn_numel(a); k++)
		count += a->data[k] != 0.0;
	return lr_fn_put_num(c, "nnz", 0, (double)count);
}

/* ---- The table --------------------------------------------------------------- */

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "cumprod", 1, 2, 1, fn_cumprod, "cumprod(X), cumprod(X, dim)",
	  "running products down each column (or along dim)" },
	{ "cumsum", 1, 2, 1, fn_cumsum, "cumsum(X), cumsum(X, dim)",
	  "running sums down each column (or along dim)" },
	{ "diff", 1, 3, 1, fn_diff, "diff(X), diff(X, k), diff(X, k, dim)",
	  "differences of neighbours (k times) down each column (or along dim)" },
	{ "find", 1, 3, 3, fn_find,
	  "find(X), find(X, n), find(X, n, 'last'), [r, c] = find(X), [r, c, v] = find(X)",
	  "indices (counted down the columns) of the nonzero elements" },
	{ "median", 1, 2, 1, fn_median, "median(X), median(X, dim)",
	  "middle value down each column (or along dim); NaN if any is NaN" },
	{ "mode", 1, 2, 2, fn_mode, "mode(X), mode(X, dim), [m, f] = mode(X)",
	  "most frequent value (the smallest if tied) and its count" },
	{ "nnz", 1, 1, 1, fn_nnz, "nnz(X)", "number of nonzero elements" },
	{ "prod", 1, 2, 1, fn_prod, "prod(X), prod(X, dim)",
	  "product down each column (or along dim); prod([]) = 1" },
	{ "sort", 1, 3, 2, fn_sort,
	  "sort(X), sort(X, dim), sort(X, 'descend'), [s, i] = sort(X, dim, mode)",
	  "sorted down each column (or along dim), NaN last; i: where each came from" },
	{ "std", 1, 3, 1, fn_std, "std(X), std(X, w), std(X, w, dim)",
	  "standard deviation down each column; w = 1 divides by N, not N-1" },
	{ "unique", 1, 2, 3, fn_unique, "unique(X), [u, i, j] = unique(X), unique(X, 'last')",
	  "the distinct values, sorted; u = X(i) and X = u(j)" },
	{ "var", 1, 3, 1, fn_var, "var(X), var(X, w), var(X, w, dim)",
	  "variance down each column; w = 1 divides by N, not N-1" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_reduce = LR_BUILTIN_GROUP(table, "Reductions and sorting");
