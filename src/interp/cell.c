/* Cell arrays: literals, indexing, assignment and display (cell.h). An
 * index of a cell reuses the matrices' indexing: it is applied to the
 * matrix of the elements' positions 1..n in the cell's shape, whose result
 * says which elements are taken, in what shape, with the same rules and
 * errors (a mask, 'end', ':', growing, deleting) as for a matrix. */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "cell.h"
#include "fn_handle.h"
#include "format.h"
#include "session_impl.h"

static int nomem(struct lr_session *s, struct lr_pos pos)
{
	return lr_fail(s, pos, "out of memory");
}

int lr_cell_fix_depth(struct lr_value *v)
{
	int d = 1;

	for (size_t i = 0; i < v->c->rows * v->c->cols; i++)
		if (v->c->v[i] && v->c->v[i]->kind == LR_VAL_CELL && v->c->v[i]->c->depth + 1 > d)
			d = v->c->v[i]->c->depth + 1;
	if (d > LR_CELL_MAX_DEPTH)
		return -1;
	v->c->depth = d;
	return 0;
}

static int too_deep(struct lr_session *s, struct lr_pos pos)
{
	return lr_fail(s, pos, "cells nested more than %d deep", LR_CELL_MAX_DEPTH);
}

/* A row of a literal: its values side by side. Inside braces a cell is an
 * element of its own (Octave nests it); an empty [] is one too. */
int lr_cell_literal(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	size_t cols = n->nrows ? n->row_len[0] : 0, k = 0;
	struct lr_value *c;

	for (size_t r = 1; r < n->nrows; r++)
		if (n->row_len[r] != cols)
			return lr_fail(s, n->kids[k + n->row_len[0] * r]->pos, "rows 1 and %zu of the "
			               "cell array have %zu and %zu elements", r + 1, cols, n->row_len[r]);
	c = lr_value_cell(n->nrows, cols);
	if (!c)
		return nomem(s, n->pos);
	for (size_t r = 0; r < n->nrows; r++)
		for (size_t j = 0; j < cols; j++, k++) {
			struct lr_val v = { 0 };
			if (lr_eval(s, n->kids[k], &v) < 0) {
				lr_value_destroy(c);
				return -1;
			}
			c->c->v[j * n->nrows + r] = v.own ? v.own : lr_value_copy(v.v);
			if (!c->c->v[j * n->nrows + r]) {
				lr_value_destroy(c);
				return nomem(s, n->kids[k]->pos);
			}
		}
	if (lr_cell_fix_depth(c) < 0) {
		lr_value_destroy(c);
		return too_deep(s, n->pos);
	}
	out->v = out->own = c;
	return 0;
}

/* The positions 1..n of v's elements, counted down the columns, in v's
 * shape (0×0 for NULL). */
static struct lr_value *positions(const struct lr_value *v)
{
	size_t r = v ? v->c->rows : 0, c = v ? v->c->cols : 0;
	struct lr_matrix *m = lr_mat_create(r, c);

	for (size_t j = 0; m && j < c; j++)
		for (size_t i = 0; i < r; i++)
			LR_AT(m, i, j) = (double)(j * r + i + 1);
	return lr_value_mat(m);
}

/* Element k of m counted down the columns (a cell's order). */
static size_t pos_at(const struct lr_matrix *m, size_t k)
{
	return (size_t)LR_AT(m, k % m->rows, k / m->rows);
}

/* The positions an index of v selects (as a matrix value), or -1. */
static int select(struct lr_session *s, const struct lr_node *call, const struct lr_value *v,
                  struct lr_val *sel)
{
	struct lr_value *p = positions(v);
	int rc;

	if (!p)
		return nomem(s, call->pos);
	rc = lr_index_get(s, call, p, sel);
	if (rc == 0 && !sel->own) {
		sel->own = lr_value_copy(sel->v);
		sel->v = sel->own;
		if (!sel->own)
			rc = nomem(s, call->pos);
	}
	lr_value_destroy(p);
	return rc;
}

int lr_cell_paren_get(struct lr_session *s, const struct lr_node *call,
                      const struct lr_value *v, struct lr_val *out)
{
	struct lr_val sel = { 0 };
	struct lr_value *c;
	const struct lr_matrix *m;

	if (select(s, call, v, &sel) < 0)
		return -1;
	m = sel.v->m;
	c = lr_value_cell(m->rows, m->cols);
	for (size_t i = 0; c && i < m->rows * m->cols; i++)
		if (!(c->c->v[i] = lr_value_copy(v->c->v[pos_at(m, i) - 1]))) {
			lr_value_destroy(c);
			c = NULL;
		}
	lr_val_drop(&sel);
	if (!c)
		return nomem(s, call->pos);
	c->c->depth = v->c->depth;
	out->v = out->own = c;
	return 0;
}

int lr_cell_brace_get(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	const struct lr_value *v = lr_var_get(s, n->str);
	struct lr_val sel = { 0 };
	size_t k, count;

	if (!v)
		return lr_fail(s, n->pos, "unknown variable '%s'", n->str);
	if (v->kind != LR_VAL_CELL)
		return lr_fail(s, n->pos, "'{}' indexes a cell array, but %s is a %s: use %s(...)",
		               n->str, lr_value_kind_name(v), n->str);
	if (select(s, n, v, &sel) < 0)
		return -1;
	count = sel.v->m->rows * sel.v->m->cols;
	k = count == 1 ? (size_t)sel.v->m->data[0] - 1 : 0;
	lr_val_drop(&sel);
	if (count != 1)
		return lr_fail(s, n->pos, "%s{...} selects %zu elements: only one at a time is "
		               "supported (a list of values is not), or use %s(...) for a cell",
		               n->str, count, n->str);
	out->v = v->c->v[k];   /* borrowed from the variable, as a variable's value is */
	out->own = NULL;
	return 0;
}

/* The new cell of the positions in p: k ≤ n old element k, n + 1 the
 * new value, 0 an empty [] (the room a growth makes). */
static struct lr_value *rebuild(const struct lr_value *old, const struct lr_matrix *p,
                                const struct lr_value *rhs)
{
	size_t n = old ? old->c->rows * old->c->cols : 0;
	struct lr_value *c = lr_value_cell(p->rows, p->cols);

	for (size_t i = 0; c && i < p->rows * p->cols; i++) {
		size_t k = pos_at(p, i);
		c->c->v[i] = k == 0 ? lr_value_mat(lr_mat_create(0, 0))
		             : k <= n ? lr_value_copy(old->c->v[k - 1]) : lr_value_copy(rhs);
		if (!c->c->v[i]) {
			lr_value_destroy(c);
			return NULL;
		}
	}
	return c;
}

int lr_cell_brace_set(struct lr_session *s, const struct lr_node *call,
                      const struct lr_value *old, const struct lr_value *rhs,
                      struct lr_value **out)
{
	struct lr_value *p, *mark, *got = NULL;
	int rc;

	if (old && old->kind != LR_VAL_CELL)
		return lr_fail(s, call->pos, "%s{...} = assigns into a cell array, but %s is a %s",
		               call->str, call->str, lr_value_kind_name(old));
	p = positions(old);
	mark = lr_value_scalar(old ? (double)(old->c->rows * old->c->cols + 1) : 1);
	if (!p || !mark) {
		lr_value_destroy(p);
		lr_value_destroy(mark);
		return nomem(s, call->pos);
	}
	rc = lr_index_set(s, call, old ? p : NULL, mark, &got);
	lr_value_destroy(p);
	lr_value_destroy(mark);
	if (rc < 0)
		return -1;
	*out = rebuild(old, got->m, rhs);
	lr_value_destroy(got);
	if (!*out)
		return nomem(s, call->pos);
	if (lr_cell_fix_depth(*out) < 0) {
		lr_value_destroy(*out);
		*out = NULL;
		return too_deep(s, call->pos);
	}
	return 0;
}

int lr_cell_delete(struct lr_session *s, const struct lr_node *call,
                   const struct lr_value *old, struct lr_value **out)
{
	struct lr_value *p = positions(old), *got = NULL;
	int rc;

	if (!p)
		return nomem(s, call->pos);
	rc = lr_index_delete(s, call, p, &got);
	lr_value_destroy(p);
	if (rc < 0)
		return -1;
	*out = rebuild(old, got->m, NULL);
	lr_value_destroy(got);
	if (!*out)
		return nomem(s, call->pos);
	(*out)->c->depth = old->c->depth;
	return 0;
}

/* One value shown under name, as lr_show shows it. */
static void show_any(struct lr_buf *b, const char *name, const struct lr_value *v,
                     const struct lr_fmt_opts *fmt)
{
	if (v->kind == LR_VAL_CELL)
		lr_cell_show(b, name, v, fmt);
	else if (v->kind == LR_VAL_FN)
		lr_fnh_show(b, name, v->fh);
	else if (v->kind == LR_VAL_STR)
		lr_fmt_string(b, name, v->s);
	else if (v->im)
		lr_fmt_complex(b, name, v->m, v->im, fmt);
	else if (v->logical)
		lr_fmt_logical(b, name, v->m, fmt);
	else
		lr_fmt_matrix(b, name, v->m, fmt);
}

/* text's lines indented by two blanks, blank lines left empty. */
static void indent(struct lr_buf *out, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		if (end > i)
			lr_buf_puts(out, "  ");
		lr_buf_add(out, text + i, end - i);
		lr_buf_putc(out, '\n');
		i = end + 1;
	}
}

void lr_cell_show(struct lr_buf *out, const char *name, const struct lr_value *v,
                  const struct lr_fmt_opts *fmt)
{
	const struct lr_cellarr *c = v->c;

	if (c->rows * c->cols == 0) {
		lr_buf_printf(out, "%s%s{}(%zux%zu)\n", name ? name : "", name ? " = " : "",
		              c->rows, c->cols);
		return;
	}
	if (name)
		lr_buf_printf(out, "%s =\n", name);
	lr_buf_puts(out, "{\n");
	for (size_t j = 0; j < c->cols; j++)
		for (size_t i = 0; i < c->rows; i++) {
			struct lr_buf b;
			char el[64];
			lr_buf_init(&b);
			snprintf(el, sizeof el, "[%zu,%zu]", i + 1, j + 1);
			show_any(&b, el, c->v[j * c->rows + i], fmt);
			indent(out, b.data ? b.data : "", b.len);
			lr_buf_finish(&b);
		}
	lr_buf_puts(out, name ? "}\n\n" : "}\n");
}
