/* The functions of cell arrays, as Octave 7 has them: iscell, cell,
 * num2cell, strsplit, strjoin (cellfun is arrayfun.c's). */
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "cell.h"
#include "session_impl.h"

#define MAX_ARGS 3

static int nomem(struct lr_session *s, const struct lr_node *n)
{
	return lr_fail(s, n->pos, "out of memory");
}

/* The count of arguments is from min to max; each evaluated into a. */
static int take_args(struct lr_session *s, const struct lr_node *n, size_t min, size_t max,
                     const char *usage, struct lr_val *a)
{
	if (n->nkids < min || n->nkids > max)
		return lr_fail(s, n->nkids > max ? n->kids[max]->pos : n->pos, "%s: expected %zu "
		               "to %zu arguments, found %zu (usage: %s)", n->str, min, max, n->nkids,
		               usage);
	for (size_t i = 0; i < n->nkids; i++)
		if (lr_eval(s, n->kids[i], &a[i]) < 0)
			return -1;
	return 0;
}

/* A whole number ≥ 0 from argument i, a size. */
static int size_arg(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                    size_t i, size_t *out)
{
	const struct lr_value *v = a[i].v;
	double x = v->kind == LR_VAL_MAT && !v->im && v->m->rows * v->m->cols == 1
	           ? v->m->data[0] : -1;

	if (!(x >= 0 && x <= 1e6 && x == (double)(size_t)x))
		return lr_fail(s, n->kids[i]->pos, "%s: a size must be a whole number from 0 to "
		               "1e6", n->str);
	*out = (size_t)x;
	return 0;
}

/* cell(n), cell(m, n): a cell of empty [] elements. */
static int fn_cell(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                   struct lr_value **outs)
{
	size_t r, c;

	if (take_args(s, n, 1, 2, "cell(n), cell(m, n)", a) < 0 || size_arg(s, n, a, 0, &r) < 0)
		return -1;
	c = r;
	if (n->nkids == 2 && size_arg(s, n, a, 1, &c) < 0)
		return -1;
	if ((double)r * (double)c > (double)lr_mat_max_elems)
		return lr_fail(s, n->pos, "cell: %zu×%zu elements pass the element limit", r, c);
	outs[0] = lr_value_cell(r, c);
	for (size_t i = 0; outs[0] && i < r * c; i++)
		if (!(outs[0]->c->v[i] = lr_value_mat(lr_mat_create(0, 0)))) {
			lr_value_destroy(outs[0]);
			outs[0] = NULL;
		}
	return outs[0] ? 0 : nomem(s, n);
}

/* num2cell(A): each element of a matrix (a character of a string) in a cell. */
static int fn_num2cell(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                       struct lr_value **outs)
{
	const struct lr_value *v;
	size_t r, c;

	if (take_args(s, n, 1, 1, "num2cell(A)", a) < 0)
		return -1;
	v = a[0].v;
	if (v->kind != LR_VAL_MAT && v->kind != LR_VAL_STR)
		return lr_fail(s, n->kids[0]->pos, "num2cell: expected a matrix or a string, found "
		               "a %s", lr_value_kind_name(v));
	r = v->kind == LR_VAL_STR ? 1 : v->m->rows;
	c = v->kind == LR_VAL_STR ? v->slen : v->m->cols;
	outs[0] = lr_value_cell(r, c);
	for (size_t i = 0; outs[0] && i < r * c; i++) {
		struct lr_value *e = v->kind == LR_VAL_STR ? lr_value_str(v->s + i, 1)
		                     : lr_value_scalar(LR_AT(v->m, i % r, i / r));
		if (e && v->kind == LR_VAL_MAT) {
			e->logical = v->logical;
			if (v->im && (e->im = lr_mat_create(1, 1)))
				e->im->data[0] = LR_AT(v->im, i % r, i / r);
		}
		if (!e || (v->kind == LR_VAL_MAT && v->im && !e->im)) {
			lr_value_destroy(e);
			lr_value_destroy(outs[0]);
			outs[0] = NULL;
		} else {
			outs[0]->c->v[i] = e;
		}
	}
	return outs[0] ? 0 : nomem(s, n);
}

/* Argument i, a string (the text of a literal may hold no NUL). */
static int str_arg(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                   size_t i, const char *what)
{
	if (a[i].v->kind != LR_VAL_STR)
		return lr_fail(s, n->kids[i]->pos, "%s: expected %s as a string, found a %s", n->str,
		               what, lr_value_kind_name(a[i].v));
	return 0;
}

/* Appends the string text[from, to) to the row of cells *c. */
static int push_piece(struct lr_value **c, const char *text, size_t from, size_t to)
{
	size_t n = (*c)->c->cols;
	struct lr_value **v = lr_realloc((*c)->c->v, (n + 2) * sizeof *v);

	if (!v)
		return -1;
	(*c)->c->v = v;
	v[n] = lr_value_str(text + from, to - from);
	if (!v[n])
		return -1;
	(*c)->c->cols = n + 1;
	return 0;
}

/* strsplit(s), strsplit(s, d): the pieces of s between the delimiters d
 * (a blank by default), runs of them taken as one, as Octave's default
 * CollapseDelimiters does. */
static int fn_strsplit(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                       struct lr_value **outs)
{
	const char *t, *d = " ";
	size_t len, dlen = 1, from = 0, i = 0;

	if (take_args(s, n, 1, 2, "strsplit(s), strsplit(s, delimiter)", a) < 0 ||
	    str_arg(s, n, a, 0, "the text") < 0 || (n->nkids == 2 && str_arg(s, n, a, 1,
	                                                                   "the delimiter") < 0))
		return -1;
	if (n->nkids == 2) {
		d = a[1].v->s;
		dlen = a[1].v->slen;
		if (dlen == 0)
			return lr_fail(s, n->kids[1]->pos, "strsplit: the delimiter is empty");
	}
	t = a[0].v->s;
	len = a[0].v->slen;
	if (!(outs[0] = lr_value_cell(1, 0)))
		return nomem(s, n);
	while (i + dlen <= len) {
		if (memcmp(t + i, d, dlen)) {
			i++;
			continue;
		}
		if (push_piece(&outs[0], t, from, i) < 0)
			goto oom;
		i += dlen;
		while (i + dlen <= len && !memcmp(t + i, d, dlen))   /* collapsed */
			i += dlen;
		from = i;
	}
	if (push_piece(&outs[0], t, from, len) < 0)
		goto oom;
	return 0;
oom:
	lr_value_destroy(outs[0]);
	outs[0] = NULL;
	return nomem(s, n);
}

/* strjoin(c), strjoin(c, d): the strings of the cell c joined by d (a
 * blank by default). */
static int fn_strjoin(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                      struct lr_value **outs)
{
	const struct lr_value *c;
	struct lr_buf b;
	size_t count;

	if (take_args(s, n, 1, 2, "strjoin(c), strjoin(c, delimiter)", a) < 0 ||
	    (n->nkids == 2 && str_arg(s, n, a, 1, "the delimiter") < 0))
		return -1;
	c = a[0].v;
	if (c->kind != LR_VAL_CELL)
		return lr_fail(s, n->kids[0]->pos, "strjoin: expected a cell array of strings, found "
		               "a %s", lr_value_kind_name(c));
	count = c->c->rows * c->c->cols;
	for (size_t i = 0; i < count; i++)
		if (c->c->v[i]->kind != LR_VAL_STR)
			return lr_fail(s, n->kids[0]->pos, "strjoin: element %zu of the cell is a %s, "
			               "not a string", i + 1, lr_value_kind_name(c->c->v[i]));
	lr_buf_init(&b);
	for (size_t i = 0; i < count; i++) {
		if (i)
			lr_buf_add(&b, n->nkids == 2 ? a[1].v->s : " ", n->nkids == 2 ? a[1].v->slen : 1);
		lr_buf_add(&b, c->c->v[i]->s, c->c->v[i]->slen);
	}
	outs[0] = b.failed ? NULL : lr_value_str(b.data ? b.data : "", b.len);
	lr_buf_finish(&b);
	return outs[0] ? 0 : nomem(s, n);
}

static int fn_iscell(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                     struct lr_value **outs)
{
	if (take_args(s, n, 1, 1, "iscell(x)", a) < 0)
		return -1;
	outs[0] = lr_value_scalar(a[0].v->kind == LR_VAL_CELL);
	if (!outs[0])
		return nomem(s, n);
	outs[0]->logical = 1;
	return 0;
}

int lr_cell_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc)
{
	static const struct {
		const char *name;
		int (*fn)(struct lr_session *, const struct lr_node *, struct lr_val *,
		          struct lr_value **);
	} fns[] = {
		{ "cell", fn_cell }, { "iscell", fn_iscell }, { "num2cell", fn_num2cell },
		{ "strjoin", fn_strjoin }, { "strsplit", fn_strsplit },
	};
	struct lr_val a[MAX_ARGS + 1];

	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if (strcmp(n->str, fns[i].name))
			continue;
		memset(a, 0, sizeof a);
		if (nargout > 1)
			*rc = lr_fail(s, n->pos, "%s gives at most 1 output, but %d were asked for",
			              n->str, nargout);
		else
			*rc = fns[i].fn(s, n, a, outs);
		for (size_t k = 0; k <= MAX_ARGS; k++)
			lr_val_drop(&a[k]);
		return 1;
	}
	return 0;
}
