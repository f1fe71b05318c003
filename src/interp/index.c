/* Indexing with Octave's rules: A(i,j), A(i,:), A(:,j), A(k) in
 * column-major order, ranges and 'end', and logical masks (A(A > 0)); and
 * assignment into an index, which grows the matrix with zeros as Octave
 * does. A string is indexed as the row of its character codes. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "cvalue.h"
#include "cell.h"
#include "fn_handle.h"
#include "limit.h"
#include "chars.h"
#include "session_impl.h"

/* One resolved subscript: 0-based positions, or all of them. */
struct sub {
	size_t *at;       /* owned; NULL when all */
	size_t n;         /* how many positions */
	int all;
	size_t max;       /* largest position + 1 */
	size_t rows, cols;/* shape of the index value, for A(k) results (of a mask:
	                     as Octave's idx_vector makes it, see from_mask) */
	int mask;         /* the index was a logical mask */
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

/* The positions where logical m is 1, column-major. The shape Octave gives
 * such an index: a row mask gives a row, any other a column, and a 1×1 mask
 * true 1×1 or false 0×0 (idx_vector's rules). */
static int from_mask(const struct lr_matrix *m, struct sub *x)
{
	size_t total = m->rows * m->cols, k = 0;

	x->mask = 1;
	for (size_t i = 0; i < total; i++)
		x->n += m->data[i] != 0.0;
	x->at = lr_mallocarray(x->n + 1, sizeof *x->at);
	if (!x->at)
		return -1;
	for (size_t c = 0, i = 0; c < m->cols; c++)
		for (size_t r = 0; r < m->rows; r++, i++)
			if (LR_AT(m, r, c) != 0.0) {
				x->at[k++] = i;
				x->max = i + 1;
			}
	if (total == 1) {
		x->rows = x->cols = x->n;
	} else if (m->rows == 1 && m->cols != 1) {
		x->rows = 1;
		x->cols = x->n;
	} else {
		x->rows = x->n;
		x->cols = 1;
	}
	return 0;
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
	rc = lr_eval(s, arg, &v);
	s->end_extent = saved;
	if (rc < 0 || lr_val_numeric(s, arg->pos, &v) < 0)   /* s('a') is s(97) */
		return -1;
	m = v.v->m;
	if (v.v->logical) {
		rc = from_mask(m, x);
		lr_val_drop(&v);
		return rc < 0 ? lr_fail(s, arg->pos, "out of memory") : 0;
	}
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

/* Octave's message: A(5): out of bound 4 (dimensions are 2×2), with _ for
 * the other index of two: A(3,_), A(_,3). */
static int out_of_range(struct lr_session *s, const struct lr_node *arg, const char *name,
                        const struct lr_matrix *m, const struct sub *x, size_t extent,
                        const char *dim)
{
	char sh[32];
	const char *before = !strcmp(dim, "columns") ? "_," : "";
	const char *after = !strcmp(dim, "rows") ? ",_" : "";

	return lr_fail(s, arg->pos, "%s(%s%zu%s): out of bound %zu (dimensions are %s)%s", name,
	               before, x->max, after, extent, lr_shape(m, sh, sizeof sh),
	               x->mask ? ": the mask is true past the end" : "");
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
	/* Shape (Octave's Array::index): A(:) is a column; a vector (not a
	 * scalar) indexed by a vector keeps its orientation; otherwise the
	 * shape of the index. */
	if (x.all)
		r = lr_mat_create(numel, 1);
	else if (numel != 1 && (m->rows == 1 || m->cols == 1) && (x.rows == 1 || x.cols == 1))
		r = m->cols == 1 ? lr_mat_create(x.n, 1) : lr_mat_create(1, x.n);
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

/* The parts of a complex value indexed alike (the index evaluated for
 * each), narrowed as Octave narrows. */
static int complex_get(struct lr_session *s, const struct lr_node *call,
                       const struct lr_value *v, struct lr_val *out)
{
	struct lr_matrix *re = NULL, *im = NULL;
	int two = call->nkids == 2;

	if ((two ? grid_get(s, call, v->m, &re) : linear_get(s, call, v->m, &re)) < 0)
		return -1;
	if ((two ? grid_get(s, call, v->im, &im) : linear_get(s, call, v->im, &im)) < 0) {
		lr_mat_destroy(re);
		return -1;
	}
	out->own = lr_cx_value(re, im, 1);
	out->v = out->own;
	return out->v ? 0 : lr_fail(s, call->pos, "out of memory");
}

int lr_index_get(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *v, struct lr_val *out)
{
	struct lr_matrix *r = NULL, *codes = NULL;
	const struct lr_matrix *m;
	int rc;

	if (v->kind == LR_VAL_FN)   /* f(x) calls the handle */
		return lr_fnh_index(s, call, v, out);
	if (v->kind == LR_VAL_CELL && call->nkids > 0)   /* c(k): a cell of some elements */
		return lr_cell_paren_get(s, call, v, out);
	if (call->nkids == 0) {
		out->v = v;
		out->own = NULL;
		return 0;
	}
	if (call->nkids > 2)
		return lr_fail(s, call->kids[2]->pos,
		               "expected at most 2 indices, found %zu: matrices have 2 dimensions",
		               call->nkids);
	if (v->kind == LR_VAL_STR && !(codes = lr_str_codes(v)))
		return lr_fail(s, call->pos, "out of memory");
	m = codes ? codes : v->m;
	if (v->im)
		return complex_get(s, call, v, out);
	rc = call->nkids == 1 ? linear_get(s, call, m, &r) : grid_get(s, call, m, &r);
	lr_mat_destroy(codes);
	if (rc < 0)
		return -1;
	if (codes) {   /* a string indexed gives a string */
		rc = lr_str_from_codes(s, call->pos, r, &out->own);
		lr_mat_destroy(r);
		if (rc == 0)   /* a double-quoted string stays one, as in Octave */
			out->own->dq = v->dq;
		out->v = out->own;
		return rc;
	}
	out->own = v->logical ? lr_value_bool(r) : lr_value_mat(r);
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

static int rhs_fits(struct lr_session *s, const struct lr_node *call, const struct lr_matrix *rhs,
                    size_t want_r, size_t want_c)
{
	char sh[32];
	size_t n = rhs->rows * rhs->cols;

	if (n == 1)
		return 0;
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
		return lr_fail(s, call->pos, "cannot assign a %s value to %zu positions of %s",
		               lr_shape(rhs, sh, sizeof sh), x.n, call->str);
	}
	if (x.max > numel) {
		/* Only vectors (or nothing yet) grow under a single index: as
		 * Octave's resize1, a matrix of several rows that is not a column
		 * (3×0 too) cannot. */
		if (m && m->rows > 1 && m->cols != 1) {
			lr_fail(s, call->kids[0]->pos, "%s(%zu) = X: invalid resizing operation or "
			        "ambiguous assignment to an out-of-bounds array element (%s is %s; only "
			        "a vector grows under one index)", call->str, x.max, call->str,
			        lr_shape(m, sh, sizeof sh));
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

/* The class of old(...) = rhs, as Octave: a logical stays logical (rhs
 * entries 0 and 1 only: Octave would turn 5 into 1 with a warning, which
 * this language refuses rather than change a value silently); a new
 * variable takes rhs's class; a double stays double. */
static int result_logical(struct lr_session *s, const struct lr_node *call,
                          const struct lr_value *old, const struct lr_value *rhs)
{
	const struct lr_matrix *r = rhs->m;

	if (!old)
		return rhs->kind == LR_VAL_MAT && rhs->logical;
	if (old->kind != LR_VAL_MAT || !old->logical)
		return 0;
	for (size_t i = 0; rhs->kind == LR_VAL_MAT && i < r->rows * r->cols; i++) {
		double x = r->data[i];
		if (isnan(x))   /* Octave refuses it too */
			return lr_fail(s, call->pos, "%s is logical: %s", call->str,
			               "invalid conversion from NaN to logical");
		if (x != 0.0 && x != 1.0) {
			char num[32];
			if (isinf(x))
				snprintf(num, sizeof num, "%sInf", x < 0 ? "-" : "");
			else
				snprintf(num, sizeof num, "%.15g", x);
			return lr_fail(s, call->pos, "%s is logical, and %s is not 0 or 1 (Octave would "
			               "store 1, with a warning): make it a number first, %s = double(%s)",
			               call->str, num, call->str, call->str);
		}
	}
	if (rhs->kind == LR_VAL_STR)
		return lr_fail(s, call->pos, "%s is logical: a string cannot be stored in it",
		               call->str);
	return 1;
}

/* old(...) = rhs where either is complex: each part assigned alike (a real
 * part's imaginary part is zeros), narrowed as Octave narrows. */
static int complex_set(struct lr_session *s, const struct lr_node *call,
                       const struct lr_value *old, const struct lr_value *rhs,
                       struct lr_value **out)
{
	struct lr_matrix *re = NULL, *im = NULL, *oz = NULL, *rz = NULL;
	const struct lr_matrix *oi = old ? old->im : NULL, *ri = rhs->im;
	int two = call->nkids == 2, rc = -1;

	if ((old && old->kind != LR_VAL_MAT) || rhs->kind != LR_VAL_MAT)
		return lr_fail(s, call->pos, "a complex value and a string cannot be assigned into "
		               "each other");
	if (old && !oi && !(oi = oz = lr_mat_create(old->m->rows, old->m->cols)))
		return lr_fail(s, call->pos, "out of memory");
	if (!ri && !(ri = rz = lr_mat_create(rhs->m->rows, rhs->m->cols))) {
		lr_mat_destroy(oz);
		return lr_fail(s, call->pos, "out of memory");
	}
	if ((two ? grid_set(s, call, old ? old->m : NULL, rhs->m, &re)
	         : linear_set(s, call, old ? old->m : NULL, rhs->m, &re)) == 0 &&
	    (two ? grid_set(s, call, oi, ri, &im) : linear_set(s, call, oi, ri, &im)) == 0) {
		lr_mat_clear_mask(re);
		*out = lr_cx_value(re, im, 1);
		re = im = NULL;
		rc = *out ? 0 : lr_fail(s, call->pos, "out of memory");
	}
	lr_mat_destroy(re);
	lr_mat_destroy(oz);
	lr_mat_destroy(rz);
	return rc;
}

int lr_index_set(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *old, const struct lr_value *rhs,
                 struct lr_value **out)
{
	struct lr_matrix *g = NULL, *oc = NULL, *rc_m = NULL;
	const struct lr_matrix *m = old ? old->m : NULL, *r = rhs->m;
	int rc, logical, text = old && old->kind == LR_VAL_STR;

	if (old && old->kind == LR_VAL_CELL && rhs->kind == LR_VAL_CELL &&
	    rhs->c->rows * rhs->c->cols == 1)   /* c(k) = {v} is c{k} = v */
		return lr_cell_brace_set(s, call, old, rhs->c->v[0], out);
	if ((old && old->kind == LR_VAL_CELL) || rhs->kind == LR_VAL_CELL)
		return lr_fail(s, call->pos, "%s(...) = assigns a cell array only as {value} into a "
		               "cell array; use %s{...} = value", call->str, call->str);
	if ((old && old->kind == LR_VAL_FN) || rhs->kind == LR_VAL_FN)
		return lr_fail(s, call->pos, "a function handle cannot be assigned into by index "
		               "(no arrays of handles): assign it whole, as %s = @...", call->str);
	if (call->nkids == 0 || call->nkids > 2)
		return lr_fail(s, call->pos, "expected 1 or 2 indices on the left of '=', found %zu",
		               call->nkids);
	if ((old && old->kind == LR_VAL_MAT && old->im) || (rhs->kind == LR_VAL_MAT && rhs->im))
		return complex_set(s, call, old, rhs, out);
	if ((logical = result_logical(s, call, old, rhs)) < 0)
		return -1;
	/* strings take part as the rows of their codes */
	if ((text && !(m = oc = lr_str_codes(old))) ||
	    (rhs->kind == LR_VAL_STR && !(r = rc_m = lr_str_codes(rhs)))) {
		lr_mat_destroy(oc);
		return lr_fail(s, call->pos, "out of memory");
	}
	rc = call->nkids == 1 ? linear_set(s, call, m, r, &g) : grid_set(s, call, m, r, &g);
	lr_mat_destroy(oc);
	lr_mat_destroy(rc_m);
	if (rc < 0)
		return -1;
	if (text) {   /* a string assigned into stays a string: s(1) = 'H' */
		rc = lr_str_from_codes(s, call->pos, g, out);
		lr_mat_destroy(g);
		if (rc == 0)
			(*out)->dq = old->dq;
		return rc;
	}
	*out = logical ? lr_value_bool(g) : lr_value_mat(g);
	return *out ? 0 : lr_fail(s, call->pos, "out of memory");
}

/* ---- Deletion: A(i) = [], A(i, :) = [], A(:, j) = [] -------------------- */

/* A rows×cols matrix of the entries of m at the column-major positions where
 * keep is 1, filled column-major, with their mask bytes (NULL when out of
 * memory). */
static struct lr_matrix *kept(const struct lr_matrix *m, const unsigned char *keep,
                              size_t rows, size_t cols)
{
	struct lr_matrix *r = lr_mat_create(rows, cols);
	size_t k = 0;

	if (r && m->mask && rows * cols > 0 && !(r->mask = lr_malloc(rows * cols))) {
		lr_mat_destroy(r);
		return NULL;
	}
	for (size_t c = 0, i = 0; r && c < m->cols; c++)
		for (size_t q = 0; q < m->rows; q++, i++) {
			if (!keep[i])
				continue;
			size_t at = (k % rows) * cols + k / rows;
			r->data[at] = LR_AT(m, q, c);
			if (m->mask)
				r->mask[at] = m->mask[q * m->cols + c];
			k++;
		}
	return r;
}

/* 1 if x is what Octave calls a contiguous range (is_cont_range): a scalar,
 * a range with step 1, or a mask true from the first position up to its
 * last true. Deleting one leaves a row; deleting other positions leaves a
 * column (A(complement)), unless A is a row. */
static int contiguous(const struct lr_node *arg, const struct sub *x)
{
	for (size_t i = 1; i < x->n; i++)
		if (x->at[i] != x->at[i - 1] + 1)
			return 0;
	if (x->mask)
		return x->at[0] == 0;
	return x->n == 1 || arg->kind == LR_N_RANGE;
}

/* A(i) = []: the positions i go, as Octave's Array::delete_elements. */
static int linear_delete(struct lr_session *s, const struct lr_node *call,
                         const struct lr_matrix *m, unsigned char *keep, size_t *rows,
                         size_t *cols)
{
	size_t numel = m->rows * m->cols, left;
	struct sub x;
	int row;

	if (resolve(s, call->kids[0], numel, &x) < 0)
		return -1;
	if (x.all || x.n == 0) {   /* A(:) = [] empties A; A([]) = [] leaves it */
		*rows = x.all ? 0 : m->rows;
		*cols = x.all ? 0 : m->cols;
		memset(keep, !x.all, numel);
		sub_finish(&x);
		return 0;
	}
	if (x.max > numel) {
		lr_fail(s, call->kids[0]->pos, "%s(I) = []: index out of bounds: value %zu out of "
		        "bound %zu", call->str, x.max, numel);
		sub_finish(&x);
		return -1;
	}
	memset(keep, 1, numel);
	for (size_t i = 0; i < x.n; i++)
		keep[x.at[i]] = 0;
	left = 0;
	for (size_t i = 0; i < numel; i++)
		left += keep[i];
	/* a column stays a column, a row a row; a matrix becomes a row when a
	 * contiguous range (or its last element) goes, else a column */
	if (m->cols == 1 && m->rows != 1)
		row = 0;
	else if (m->rows == 1)
		row = 1;
	else
		row = contiguous(call->kids[0], &x);
	*rows = row ? 1 : left;
	*cols = row ? left : 1;
	sub_finish(&x);
	return 0;
}

/* A(i, :) = [] and A(:, j) = []: whole rows or columns go; A(:, :) = []
 * leaves 0 rows. Two indices that are not ':' delete nothing when one of
 * them is empty, and are otherwise Octave's error. */
static int grid_delete(struct lr_session *s, const struct lr_node *call,
                       const struct lr_matrix *m, unsigned char *keep, size_t *rows,
                       size_t *cols)
{
	struct sub xr, xc, *x;
	size_t extent;
	int rc = -1, on_rows;

	if (resolve(s, call->kids[0], m->rows, &xr) < 0)
		return -1;
	if (resolve(s, call->kids[1], m->cols, &xc) < 0) {
		sub_finish(&xr);
		return -1;
	}
	*rows = m->rows;
	*cols = m->cols;
	memset(keep, 1, m->rows * m->cols);
	if (!xr.all && !xc.all) {
		if (xr.n && xc.n)
			lr_fail(s, call->pos, "a null assignment can only have one non-colon index");
		else
			rc = 0;
		goto done;
	}
	on_rows = !xr.all || xc.all;   /* A(:, :) = [] deletes every row */
	x = on_rows ? &xr : &xc;
	extent = on_rows ? m->rows : m->cols;
	if (x->max > extent) {
		lr_fail(s, call->kids[on_rows ? 0 : 1]->pos, "%s(%s) = []: index out of bounds: value "
		        "%zu out of bound %zu", call->str, on_rows ? "I,_" : "_,I", x->max, extent);
		goto done;
	}
	unsigned char *gone = lr_calloc(extent + 1, 1);   /* a position named twice goes once */
	if (!gone) {
		lr_fail(s, call->pos, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < x->n; i++)
		gone[pos_of(x, i)] = 1;
	for (size_t p = 0; p < extent; p++) {
		if (!gone[p])
			continue;
		for (size_t q = 0; q < (on_rows ? m->cols : m->rows); q++)
			keep[on_rows ? q * m->rows + p : p * m->rows + q] = 0;
		if (on_rows)
			(*rows)--;
		else
			(*cols)--;
	}
	lr_free(gone);
	rc = 0;
done:
	sub_finish(&xr);
	sub_finish(&xc);
	return rc;
}

int lr_index_delete(struct lr_session *s, const struct lr_node *call,
                    const struct lr_value *old, struct lr_value **out)
{
	struct lr_matrix *codes = NULL, *r;
	const struct lr_matrix *m;
	unsigned char *keep;
	size_t rows, cols;
	int rc;

	if (call->nkids == 0 || call->nkids > 2)
		return lr_fail(s, call->pos, "expected 1 or 2 indices on the left of '= []', found "
		               "%zu", call->nkids);
	if (!old)
		return lr_fail(s, call->pos, "%s(I) = []: %s does not exist, so nothing can be "
		               "deleted from it", call->str, call->str);
	if (old->kind == LR_VAL_FN)
		return lr_fail(s, call->pos, "%s(I) = []: %s is a function handle, which has no "
		               "elements to delete", call->str, call->str);
	if (old->kind == LR_VAL_CELL)
		return lr_cell_delete(s, call, old, out);
	if (old->kind == LR_VAL_STR && !(codes = lr_str_codes(old)))
		return lr_fail(s, call->pos, "out of memory");
	m = codes ? codes : old->m;
	keep = lr_malloc(m->rows * m->cols + 1);
	if (!keep) {
		lr_mat_destroy(codes);
		return lr_fail(s, call->pos, "out of memory");
	}
	rc = call->nkids == 1 ? linear_delete(s, call, m, keep, &rows, &cols)
	                      : grid_delete(s, call, m, keep, &rows, &cols);
	r = rc < 0 ? NULL : kept(m, keep, rows, cols);
	/* a complex value loses the same elements of its imaginary part */
	struct lr_matrix *ri = rc < 0 || old->kind != LR_VAL_MAT || !old->im ? NULL
	                       : kept(old->im, keep, rows, cols);
	lr_free(keep);
	lr_mat_destroy(codes);
	if (rc < 0)
		return -1;
	if (!r || (old->kind == LR_VAL_MAT && old->im && !ri)) {
		lr_mat_destroy(r);
		lr_mat_destroy(ri);
		return lr_fail(s, call->pos, "out of memory");
	}
	if (ri) {
		lr_mat_clear_mask(r);
		*out = lr_cx_value(r, ri, 1);
		return *out ? 0 : lr_fail(s, call->pos, "out of memory");
	}
	if (old->kind == LR_VAL_STR) {
		rc = lr_str_from_codes(s, call->pos, r, out);
		lr_mat_destroy(r);
		if (rc == 0)
			(*out)->dq = old->dq;
		return rc;
	}
	*out = old->logical ? lr_value_bool(r) : lr_value_mat(r);
	return *out ? 0 : lr_fail(s, call->pos, "out of memory");
}
