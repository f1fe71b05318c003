/* arrayfun(F, A, B, ...) and cellfun(F, C, D, ...): F called on the
 * elements of A, B, ... (of the cells C, D, ...) taken together, its
 * results gathered in arrays the shape of A, as Octave's; with
 * 'UniformOutput', false in cell arrays of that shape. */
#include <string.h>
#include <strings.h>
#include "lowrank/alloc.h"
#include "builtins.h"
#include "cell.h"
#include "fn_handle.h"
#include "session_impl.h"

#define MAX_ARRAYS 16

struct gather {
	int uniform;          /* 0: the results go into cells */
	struct lr_matrix *re[LR_MAX_OUTS], *im[LR_MAX_OUTS];
	int logical[LR_MAX_OUTS], text[LR_MAX_OUTS];
	struct lr_value *cells[LR_MAX_OUTS];
};

/* Where element k, counted down the columns (the order Octave calls in),
 * is kept in m, whose storage goes along the rows. */
static size_t at(const struct lr_matrix *m, size_t k)
{
	return (k % m->rows) * m->cols + k / m->rows;
}

/* Element k of v as a value of its own (a string gives a character). */
static struct lr_value *element(const struct lr_value *v, size_t k)
{
	struct lr_value *e;

	if (v->kind == LR_VAL_STR)
		return lr_value_str(v->s + k, 1);
	if (v->kind == LR_VAL_CELL)   /* cellfun: the element itself */
		return lr_value_copy(v->c->v[k]);
	e = lr_value_scalar(v->m->data[at(v->m, k)]);
	if (e) {
		e->logical = v->logical;
		if (v->im && (e->im = lr_mat_create(1, 1)))
			e->im->data[0] = v->im->data[at(v->im, k)];
		else if (v->im) {
			lr_value_destroy(e);
			e = NULL;
		}
	}
	return e;
}

static void value_dims(const struct lr_value *v, size_t *r, size_t *c)
{
	*r = v->kind == LR_VAL_STR ? 1 : v->kind == LR_VAL_CELL ? v->c->rows : v->m->rows;
	*c = v->kind == LR_VAL_STR ? v->slen : v->kind == LR_VAL_CELL ? v->c->cols : v->m->cols;
}

/* Result j of call k stored at k (taken when it goes into a cell), or -1
 * with the error set. */
static int store(struct lr_session *s, const struct lr_node *n, struct gather *g, int j,
                 size_t k, struct lr_value **got)
{
	const struct lr_value *r = got[j];
	size_t rr, cc;

	if (!g->uniform) {
		g->cells[j]->c->v[k] = got[j];
		got[j] = NULL;
		return 0;
	}
	if (r->kind == LR_VAL_FN || r->kind == LR_VAL_CELL)
		return lr_fail(s, n->pos, "%s: the function gave a %s, which only 'UniformOutput', "
		               "false can gather", n->str, lr_value_kind_name(r));
	value_dims(r, &rr, &cc);
	if (rr * cc != 1)
		return lr_fail(s, n->pos, "%s: all values must be scalars when UniformOutput "
		               "= true, but call %zu gave a %zu×%zu value", n->str, k + 1, rr, cc);
	g->re[j]->data[at(g->re[j], k)] = r->kind == LR_VAL_STR ? (unsigned char)r->s[0] : r->m->data[0];
	if (k == 0) {
		g->logical[j] = r->kind == LR_VAL_MAT && r->logical;
		g->text[j] = r->kind == LR_VAL_STR;
	}
	g->logical[j] &= r->kind == LR_VAL_MAT && r->logical;
	g->text[j] &= r->kind == LR_VAL_STR;
	if (r->kind == LR_VAL_MAT && r->im && r->im->data[0] != 0) {
		if (!g->im[j] && !(g->im[j] = lr_mat_create(g->re[j]->rows, g->re[j]->cols)))
			return lr_fail(s, n->pos, "out of memory");
		g->im[j]->data[at(g->im[j], k)] = r->im->data[0];
	}
	return 0;
}

/* The gathered result j as a value (a row of characters stays a string). */
static struct lr_value *result(struct gather *g, int j)
{
	struct lr_matrix *m = g->re[j];
	struct lr_value *v;

	if (!g->uniform) {
		v = g->cells[j];
		g->cells[j] = NULL;
		if (lr_cell_fix_depth(v) < 0) {   /* too deep: freed, reported as no memory */
			lr_value_destroy(v);
			return NULL;
		}
		return v;
	}
	if (g->text[j] && m->rows == 1) {
		char *b = lr_malloc(m->cols + 1);
		if (!b)
			return NULL;
		for (size_t i = 0; i < m->cols; i++)
			b[i] = (char)m->data[i];
		v = lr_value_str(b, m->cols);
		lr_free(b);
		return v;
	}
	g->re[j] = NULL;
	v = lr_value_mat(m);
	if (v) {
		v->logical = g->logical[j] && !g->im[j];
		v->im = g->im[j];
		g->im[j] = NULL;
	}
	return v;
}

/* The function: a handle, or a name in a string. */
static int function_arg(struct lr_session *s, const struct lr_node *n, struct lr_value **f)
{
	struct lr_val a = { 0 };
	int rc = 0;

	if (lr_eval(s, n->kids[0], &a) < 0)
		return -1;
	if (a.v->kind == LR_VAL_FN)
		*f = lr_value_copy(a.v);   /* a second reference to the same handle */
	else if (a.v->kind == LR_VAL_STR)
		rc = lr_fnh_from_text(s, a.v->s, n->kids[0]->pos, f);
	else
		rc = lr_fail(s, n->kids[0]->pos, "%s: expected a function handle or a "
		             "function's name as argument 1", n->str);
	if (rc == 0 && !*f)
		rc = lr_fail(s, n->pos, "out of memory");
	lr_val_drop(&a);
	return rc;
}

/* 'UniformOutput', true is the only option taken; how many arrays come
 * before the options into *narr. */
static int options(struct lr_session *s, const struct lr_node *n, struct lr_val *args,
                   size_t *narr, int *uniform)
{
	size_t i = 1;

	while (i < n->nkids - 1 && !(args[i].v->kind == LR_VAL_STR && i > 1 &&
	                             (!strcasecmp(args[i].v->s, "UniformOutput") ||
	                              !strcasecmp(args[i].v->s, "ErrorHandler"))))
		i++;
	if (i == n->nkids - 1 && n->nkids > 2 && args[i].v->kind == LR_VAL_STR &&
	    (!strcasecmp(args[i].v->s, "UniformOutput") || !strcasecmp(args[i].v->s, "ErrorHandler")))
		return lr_fail(s, n->kids[i]->pos, "%s: option '%s' needs a value after it",
		               n->str, args[i].v->s);
	if (i == n->nkids - 1)
		i = n->nkids;
	*narr = i - 1;
	for (; i < n->nkids; i += 2) {
		const struct lr_value *o = args[i].v, *v = i + 1 < n->nkids ? args[i + 1].v : NULL;
		if (o->kind != LR_VAL_STR || strcasecmp(o->s, "UniformOutput"))
			return lr_fail(s, n->kids[i]->pos, "%s: expected the option "
			               "'UniformOutput' here ('ErrorHandler' is not supported)", n->str);
		if (!v || v->kind != LR_VAL_MAT || v->m->rows * v->m->cols != 1)
			return lr_fail(s, i + 1 < n->nkids ? n->kids[i + 1]->pos : n->kids[i]->pos,
			               "%s: 'UniformOutput' needs true or false after it", n->str);
		*uniform = v->m->data[0] != 0;
	}
	return 0;
}

/* The arrays agree in shape; -1 with the error naming the first that does not. */
static int same_shape(struct lr_session *s, const struct lr_node *n, struct lr_val *args,
                      size_t narr)
{
	size_t r0, c0, r, c;

	int cellfun = n->str[0] == 'c';

	for (size_t i = 1; i <= narr; i++)
		if (args[i].v->kind == LR_VAL_FN || (cellfun != (args[i].v->kind == LR_VAL_CELL)))
			return lr_fail(s, n->kids[i]->pos, "%s: argument %zu is a %s, not %s", n->str,
			               i + 1, lr_value_kind_name(args[i].v),
			               cellfun ? "a cell array" : "an array (cellfun takes cells)");
	value_dims(args[1].v, &r0, &c0);
	for (size_t i = 2; i <= narr; i++) {
		value_dims(args[i].v, &r, &c);
		if (r != r0 || c != c0)
			return lr_fail(s, n->kids[i]->pos, "%s: dimensions mismatch: argument 2 "
			               "is %zu×%zu but argument %zu is %zu×%zu", n->str, r0, c0, i + 1, r,
			               c);
	}
	return 0;
}

/* Calls f on each element; results gathered in g (want of them, 0: the
 * calls may give nothing, as arrayfun(@(x) disp(x), v) at the prompt). */
static int each(struct lr_session *s, const struct lr_node *at, struct lr_fnh *f,
                struct lr_val *args, size_t narr, int nargout, struct gather *g,
                int *gave)
{
	size_t rows, cols, count;
	int want = nargout > 0 ? nargout : 1;

	value_dims(args[1].v, &rows, &cols);
	count = rows * cols;
	for (int j = 0; j < want; j++)
		if (g->uniform ? !(g->re[j] = lr_mat_create(rows, cols))
		               : !(g->cells[j] = lr_value_cell(rows, cols)))
			return lr_fail(s, at->pos, "out of memory");
	*gave = 1;
	for (size_t k = 0; k < count; k++) {
		const struct lr_value *el[MAX_ARRAYS];
		struct lr_value *own[MAX_ARRAYS] = { 0 }, *got[LR_MAX_OUTS] = { 0 };
		int rc = 0;
		for (size_t i = 0; i < narr && rc == 0; i++)
			if (!(el[i] = own[i] = element(args[i + 1].v, k)))
				rc = lr_fail(s, at->pos, "out of memory");
		if (rc == 0)
			rc = lr_fnh_call(s, f, at, el, narr, nargout, got);
		if (rc == 0 && k == 0 && nargout == 0 && !got[0])
			*gave = 0;
		for (int j = 0; rc == 0 && *gave && j < want; j++)
			rc = got[j] ? store(s, at, g, j, k, got)
			            : lr_fail(s, at->pos, "%s: call %zu gave no value", at->str, k + 1);
		for (size_t i = 0; i < narr; i++)
			lr_value_destroy(own[i]);
		for (int j = 0; j < LR_MAX_OUTS; j++)
			lr_value_destroy(got[j]);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int lr_arrayfun(struct lr_session *s, const struct lr_node *n, int nargout,
                struct lr_value **outs)
{
	struct lr_val args[MAX_ARRAYS + 8];
	struct lr_value *f = NULL;
	struct gather g;
	struct lr_node at;
	size_t narr = 0;
	int rc = -1, gave = 0;

	memset(args, 0, sizeof args);
	memset(&g, 0, sizeof g);
	g.uniform = 1;
	if (n->nkids < 2 || n->nkids > MAX_ARRAYS + 1 || nargout > LR_MAX_OUTS)
		return lr_fail(s, n->pos, "%s: expected a function and 1 to %d arrays, and at "
		               "most %d outputs (usage: %s(f, A, ...))", n->str, MAX_ARRAYS,
		               LR_MAX_OUTS, n->str);
	if (function_arg(s, n, &f) < 0)
		return -1;
	for (size_t i = 1; i < n->nkids; i++)
		if (lr_eval(s, n->kids[i], &args[i]) < 0)
			goto done;
	if (options(s, n, args, &narr, &g.uniform) < 0 || same_shape(s, n, args, narr) < 0)
		goto done;
	at = *n;   /* the arrays' places are the arguments' places */
	at.kids = n->kids + 1;
	at.nkids = narr;
	if (each(s, &at, f->fh, args, narr, nargout, &g, &gave) < 0)
		goto done;
	rc = 0;
	for (int j = 0; gave && j < (nargout > 0 ? nargout : 1); j++)
		if (!(outs[j] = result(&g, j)))
			rc = lr_fail(s, n->pos, "out of memory");
done:
	for (size_t i = 0; i < sizeof args / sizeof args[0]; i++)
		lr_val_drop(&args[i]);
	for (int j = 0; j < LR_MAX_OUTS; j++) {
		lr_mat_destroy(g.re[j]);
		lr_mat_destroy(g.im[j]);
		lr_value_destroy(g.cells[j]);
	}
	lr_value_destroy(f);
	return rc;
}
