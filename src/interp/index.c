/* Indexing with Octave's rules: A(i,j), A(i,:), A(:,j), A(k) in
 * column-major order, ranges and 'end'; and assignment into an index,
 * which grows the matrix with zeros as Octave does. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "limit.h"
#include "session_impl.h"

/* One resolved subscript: 0-based positions, or all of them. */
struct sub {
	size_t *at;       /* owned; NULL when all */
	size_t n;         /* how many positions */
	int all;
	size_t max;       /* largest position + 1 */
	size_t rows, cols;/* shape of the index value, for A(k) results */
};

static void sub_finish(struct sub *x)
{
	lr_free(x->at);
}

/* The message for an index that is not a whole number from 1 up. */
static int bad_index(struct lr_session *s, const struct lr_node *arg, double d)
{
	if (isnan(d))
		return lr_fail(s, arg->pos, "index NaN is not a whole number");
	if (isinf(d))
		return lr_fail(s, arg->pos, "index %sInf is out of range", d < 0 ? "-" : "");
	if (d != floor(d))
		return lr_fail(s, arg->pos, "index %.15g is not a whole number", d);
	if (d < 1)
		return lr_fail(s, arg->pos, "index %.15g is out of range: indices start at 1", d);
	return lr_fail(s, arg->pos, "index %.15g is out of range: it is too large", d);
}

/* Evaluates argument d of n with 'end' = extent and resolves it. */
static int resolve(struct lr_session *s, const struct lr_node *arg, size_t extent,
                   struct sub *x)
{
	struct lr_val v = { 0 };
	double saved = s->end_extent;
	const struct lr_matrix *m;
	int rc;

	memset(x, 0, sizeof *x);
	if (arg->kind == LR_N_COLON) {
		x->all = 1;
		x->n = extent;
		x->max = extent;
		x->rows = extent;
		x->cols = 1;
		return 0;
	}
	s->end_extent = (double)extent;
	rc = lr_eval_matrix(s, arg, "an index", &v);
	s->end_extent = saved;
	if (rc < 0)
		return -1;
	m = v.v->m;
	x->n = m->rows * m->cols;
	x->rows = m->rows;
	x->cols = m->cols;
	x->at = lr_mallocarray(x->n + 1, sizeof *x->at);
	if (!x->at) {
		lr_val_drop(&v);
		return lr_fail(s, arg->pos, "out of memory");
	}
	/* Column-major order, as Octave reads an index matrix. */
	for (size_t c = 0, k = 0; c < m->cols; c++)
		for (size_t r = 0; r < m->rows; r++, k++) {
			double d = LR_AT(m, r, c);
			if (!(d >= 1) || d != floor(d) || d > 9e15) {
				lr_val_drop(&v);
				sub_finish(x);
				return bad_index(s, arg, d);
			}
			x->at[k] = (size_t)d - 1;
			if (x->at[k] + 1 > x->max)
				x->max = x->at[k] + 1;
		}
	lr_val_drop(&v);
	return 0;
}

static size_t pos_of(const struct sub *x, size_t i)
{
	return x->all ? i : x->at[i];
}

static int out_of_range(struct lr_session *s, const struct lr_node *arg, const char *name,
                        const struct lr_matrix *m, const struct sub *x, size_t extent,
                        const char *dim)
{
	char sh[32];

	return lr_fail(s, arg->pos, "index %zu is out of range: %s is %s (%zu %s)", x->max, name,
	               lr_shape(m, sh, sizeof sh), extent, dim);
}

/* Refuses a result of rows×cols elements (as doubles: index vectors can
 * multiply past SIZE_MAX) over the element limit: -1 with the error set. */
static int over_limit(struct lr_session *s, struct lr_pos pos, const char *what,
                      const char *name, double rows, double cols)
{
	char msg[sizeof s->err->msg], head[300];

	if (!(rows * cols > (double)lr_mat_max_elems))
		return 0;
	snprintf(head, sizeof head, what, name);
	lr_limit_elems_msg(msg, sizeof msg, "%s would be %.15g×%.15g", head, rows, cols);
	return lr_fail(s, pos, "%s", msg);
}

static int linear_get(struct lr_session *s, const struct lr_node *n, const struct lr_matrix *m,
                      struct lr_matrix **out)
{
	size_t numel = m->rows * m->cols;
	struct sub x;
	struct lr_matrix *r;

	if (resolve(s, n->kids[0], numel, &x) < 0)
		return -1;
	if (x.max > numel) {
		out_of_range(s, n->kids[0], n->str, m, &x, numel, "elements");
		sub_finish(&x);
		return -1;
	}
	/* Shape: A(:) is a column; a vector indexed by a vector keeps its
	 * orientation; otherwise the shape of the index. */
	if (x.all)
		r = lr_mat_create(numel, 1);
	else if ((m->rows == 1 || m->cols == 1) && (x.rows == 1 || x.cols == 1))
		r = m->rows == 1 ? lr_mat_create(1, x.n) : lr_mat_create(x.n, 1);
	else
		r = lr_mat_create(x.rows, x.cols);
	if (!r) {
		sub_finish(&x);
		return lr_fail(s, n->pos, "out of memory");
	}
	for (size_t i = 0; i < x.n; i++) {
		size_t k = pos_of(&x, i), rr = k % m->rows, cc = k / m->rows;
		/* r is filled column-major too */
		size_t orow = i % r->rows, ocol = i / r->rows;
		LR_AT(r, orow, ocol) = LR_AT(m, rr, cc);
	}
	sub_finish(&x);
	*out = r;
	return 0;
}

static int grid_get(struct lr_session *s, const struct lr_node *n, const struct lr_matrix *m,
                    struct lr_matrix **out)
{
	struct sub xr, xc;
	struct lr_matrix *r;

	if (resolve(s, n->kids[0], m->rows, &xr) < 0)
		return -1;
	if (resolve(s, n->kids[1], m->cols, &xc) < 0) {
		sub_finish(&xr);
		return -1;
	}
	if (xr.max > m->rows || xc.max > m->cols) {
		if (xr.max > m->rows)
			out_of_range(s, n->kids[0], n->str, m, &xr, m->rows, "rows");
		else
			out_of_range(s, n->kids[1], n->str, m, &xc, m->cols, "columns");
		sub_finish(&xr);
		sub_finish(&xc);
		return -1;
	}
	if (over_limit(s, n->pos, "%s(rows, columns)", n->str, (double)xr.n, (double)xc.n) < 0) {
		sub_finish(&xr);
		sub_finish(&xc);
		return -1;
	}
	r = lr_mat_create(xr.n, xc.n);
	if (r && m->mask) {
		r->mask = lr_malloc(xr.n * xc.n + 1);
		if (!r->mask) {
			lr_mat_destroy(r);
			r = NULL;
		}
	}
	if (!r) {
		sub_finish(&xr);
		sub_finish(&xc);
		return lr_fail(s, n->pos, "out of memory");
	}
	for (size_t i = 0; i < xr.n; i++)
		for (size_t j = 0; j < xc.n; j++) {
			size_t a = pos_of(&xr, i), b = pos_of(&xc, j);
			LR_AT(r, i, j) = LR_AT(m, a, b);
			if (m->mask)
				r->mask[i * r->cols + j] = m->mask[a * m->cols + b];
		}
	sub_finish(&xr);
	sub_finish(&xc);
	*out = r;
	return 0;
}

int lr_index_get(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *v, struct lr_val *out)
{
	struct lr_matrix *r = NULL;
	int rc;

	if (v->kind != LR_VAL_MAT)
		return lr_fail(s, call->pos, "%s is a string and cannot be indexed", call->str);
	if (call->nkids == 0) {
		out->v = v;
		out->own = NULL;
		return 0;
	}
	if (call->nkids > 2)
		return lr_fail(s, call->kids[2]->pos,
		               "expected at most 2 indices, found %zu: matrices have 2 dimensions",
		               call->nkids);
	rc = call->nkids == 1 ? linear_get(s, call, v->m, &r) : grid_get(s, call, v->m, &r);
	if (rc < 0)
		return -1;
	out->own = lr_value_mat(r);
	out->v = out->own;
	return out->v ? 0 : lr_fail(s, call->pos, "out of memory");
}

/* A copy of m grown to rows×cols with zeros (mask grown with 1s). */
static struct lr_matrix *grown(const struct lr_matrix *m, size_t rows, size_t cols)
{
	struct lr_matrix *g = lr_mat_create(rows, cols);

	if (!g)
		return NULL;
	if (m && m->mask) {
		g->mask = lr_malloc(rows * cols + 1);
		if (!g->mask) {
			lr_mat_destroy(g);
			return NULL;
		}
		memset(g->mask, 1, rows * cols);
	}
	for (size_t i = 0; m && i < m->rows; i++)
		for (size_t j = 0; j < m->cols; j++) {
			LR_AT(g, i, j) = LR_AT(m, i, j);
			if (m->mask)
				g->mask[i * cols + j] = m->mask[i * m->cols + j];
		}
	return g;
}

/* Octave deletes with A(i, :) = []; this language does not (yet). */
static int deletion(struct lr_session *s, const struct lr_node *call)
{
	return lr_fail(s, call->pos, "deleting elements with %s(...) = [] is not supported; "
	               "keep the others instead, as in %s = %s(:, [1 3])", call->str, call->str,
	               call->str);
}

static int rhs_fits(struct lr_session *s, const struct lr_node *call, const struct lr_matrix *rhs,
                    size_t want_r, size_t want_c)
{
	char sh[32];
	size_t n = rhs->rows * rhs->cols;

	if (n == 1)
		return 0;
	if (rhs->rows == 0 && rhs->cols == 0 && want_r * want_c > 0)
		return deletion(s, call);
	if ((rhs->rows == want_r && rhs->cols == want_c) ||
	    (n == want_r * want_c && (want_r == 1 || want_c == 1) && (rhs->rows == 1 || rhs->cols == 1)))
		return 0;
	return lr_fail(s, call->pos, "cannot assign a %s value to %zu×%zu positions of %s",
	               lr_shape(rhs, sh, sizeof sh), want_r, want_c, call->str);
}

static double rhs_at(const struct lr_matrix *rhs, size_t i, size_t j, size_t nrow)
{
	size_t n = rhs->rows * rhs->cols;

	if (n == 1)
		return rhs->data[0];
	if (rhs->rows == 1 || rhs->cols == 1)
		return rhs->data[j * nrow + i];   /* a vector fills column-major */
	return LR_AT(rhs, i, j);
}

/* A(i,j) = rhs where A is 0×0 (or new): a ':' takes its extent from the
 * shape of rhs, as Octave's zero_dims_inquire decides it. With no scalar
 * index, each ':' takes its own dimension of rhs; next to a scalar index,
 * the ':' takes rhs's first extent other than 1 (or 1), so that X = [];
 * X(:, end+1) = [1; 2] and X(end+1, :) = [1 2] both grow X, and
 * X(:, 1) = 5 gives 5. */
static void colon_extents(struct sub *xr, struct sub *xc, const struct lr_matrix *rhs)
{
	int r_scalar = !xr->all && xr->n == 1, c_scalar = !xc->all && xc->n == 1;
	size_t first = rhs->rows != 1 ? rhs->rows : rhs->cols;

	if (!r_scalar && !c_scalar) {
		if (xr->all)
			xr->n = xr->max = rhs->rows;
		if (xc->all)
			xc->n = xc->max = rhs->cols;
	} else if (xr->all) {
		xr->n = xr->max = first;
	} else if (xc->all) {
		xc->n = xc->max = first;
	}
}

static int grid_set(struct lr_session *s, const struct lr_node *call, const struct lr_matrix *m,
                    const struct lr_matrix *rhs, struct lr_matrix **out)
{
	struct sub xr, xc;
	size_t rows = m ? m->rows : 0, cols = m ? m->cols : 0;
	struct lr_matrix *g = NULL;
	int rc = -1;

	if (resolve(s, call->kids[0], rows, &xr) < 0)
		return -1;
	if (resolve(s, call->kids[1], cols, &xc) < 0) {
		sub_finish(&xr);
		return -1;
	}
	if (!rows && !cols)
		colon_extents(&xr, &xc, rhs);
	if (rhs_fits(s, call, rhs, xr.n, xc.n) < 0)
		goto done;
	if (over_limit(s, call->pos, "after the assignment %s", call->str, (double)(xr.max > rows ? xr.max : rows),
	               (double)(xc.max > cols ? xc.max : cols)) < 0)
		goto done;
	g = grown(m, xr.max > rows ? xr.max : rows, xc.max > cols ? xc.max : cols);
	if (!g) {
		lr_fail(s, call->pos, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < xr.n; i++)
		for (size_t j = 0; j < xc.n; j++)
			LR_AT(g, pos_of(&xr, i), pos_of(&xc, j)) = rhs_at(rhs, i, j, xr.n);
	*out = g;
	rc = 0;
done:
	sub_finish(&xr);
	sub_finish(&xc);
	return rc;
}

static int linear_set(struct lr_session *s, const struct lr_node *call, const struct lr_matrix *m,
                      const struct lr_matrix *rhs, struct lr_matrix **out)
{
	size_t numel = m ? m->rows * m->cols : 0;
	struct sub x;
	struct lr_matrix *g;
	char sh[32];

	if (resolve(s, call->kids[0], numel, &x) < 0)
		return -1;
	if (rhs->rows * rhs->cols != 1 && rhs->rows * rhs->cols != x.n) {
		sub_finish(&x);
		if (rhs->rows == 0 && rhs->cols == 0)
			return deletion(s, call);
		return lr_fail(s, call->pos, "cannot assign a %s value to %zu positions of %s",
		               lr_shape(rhs, sh, sizeof sh), x.n, call->str);
	}
	if (x.max > numel) {
		/* Only vectors (or nothing yet) grow under a single index. */
		if (m && m->rows > 1 && m->cols > 1) {
			out_of_range(s, call->kids[0], call->str, m, &x, numel, "elements");
			sub_finish(&x);
			return -1;
		}
		int column = m && m->cols == 1 && m->rows > 1;
		if (over_limit(s, call->pos, "after the assignment %s", call->str,
		               column ? (double)x.max : 1, column ? 1 : (double)x.max) < 0) {
			sub_finish(&x);
			return -1;
		}
		g = (m && m->cols == 1 && m->rows > 1) ? grown(m, x.max, 1) : grown(m, 1, x.max);
	} else {   /* m is NULL for a new variable given an empty index: q(1:0) = 5 */
		g = grown(m, m ? m->rows : 0, m ? m->cols : 0);
	}
	if (!g) {
		sub_finish(&x);
		return lr_fail(s, call->pos, "out of memory");
	}
	for (size_t i = 0; i < x.n; i++) {
		size_t k = pos_of(&x, i);
		g->data[(k % g->rows) * g->cols + k / g->rows] =
			rhs->rows * rhs->cols == 1 ? rhs->data[0] : rhs->data[(i % rhs->rows) * rhs->cols + i / rhs->rows];
	}
	sub_finish(&x);
	*out = g;
	return 0;
}

int lr_index_set(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *old, const struct lr_value *rhs,
                 struct lr_value **out)
{
	const struct lr_matrix *m = old ? old->m : NULL;
	struct lr_matrix *g = NULL;
	int rc;

	if (old && old->kind != LR_VAL_MAT)
		return lr_fail(s, call->pos, "%s is a string and cannot be indexed", call->str);
	if (rhs->kind != LR_VAL_MAT)
		return lr_fail(s, call->pos, "cannot assign a string into a matrix");
	if (call->nkids == 0 || call->nkids > 2)
		return lr_fail(s, call->pos, "expected 1 or 2 indices on the left of '=', found %zu",
		               call->nkids);
	rc = call->nkids == 1 ? linear_set(s, call, m, rhs->m, &g)
	                      : grid_set(s, call, m, rhs->m, &g);
	if (rc < 0)
		return -1;
	*out = lr_value_mat(g);
	return *out ? 0 : lr_fail(s, call->pos, "out of memory");
}
