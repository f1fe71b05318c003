/* The functions of function handles, as Octave 7 has them: func2str, str2func, is_function_handle, arrayfun (its uniform
 * output, in arrayfun.c); the display of a handle; and what the builtins answer when
 * given one (class, isa, size, numel, isempty; the others refuse). */
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "fn_handle.h"
#include "function.h"
#include "parser.h"
#include "session_impl.h"

void lr_fnh_show(struct lr_buf *out, const char *name, const struct lr_fnh *h)
{
	if (h->name) {
		lr_buf_printf(out, "%s = ", name);
		lr_fnh_text(h, 0, out);
		lr_buf_puts(out, "\n");
		return;
	}
	lr_buf_printf(out, "%s =\n\n", name);
	lr_fnh_text(h, 0, out);
	lr_buf_puts(out, "\n\n");
}

static struct lr_value *text_value(const struct lr_fnh *h, int bare)
{
	struct lr_buf b;
	struct lr_value *v;

	lr_buf_init(&b);
	lr_fnh_text(h, bare, &b);
	v = b.failed ? NULL : lr_value_str(b.data ? b.data : "", b.len);
	lr_buf_finish(&b);
	return v;
}

/* The answers Octave gives for a handle or a cell (x, the first
 * argument); NULL with *ok 0 when b refuses one. */
static struct lr_value *about(const char *name, const struct lr_value *const *argv,
                              int nargin, int nargout, struct lr_value **outs, int *ok)
{
	const struct lr_value *x = argv[0];
	const char *cls = x->kind == LR_VAL_FN ? "function_handle" : "cell";
	size_t rows = x->kind == LR_VAL_CELL ? x->c->rows : 1, cols = x->kind == LR_VAL_CELL
	              ? x->c->cols : 1;
	struct lr_value *v = NULL;

	*ok = 1;
	if (!strcmp(name, "class") && nargin == 1)
		return lr_value_str(cls, strlen(cls));
	if (!strcmp(name, "isa") && nargin == 2 && x->kind != LR_VAL_STR &&
	    argv[1]->kind == LR_VAL_STR)
		v = lr_value_scalar(!strcmp(argv[1]->s, cls));
	else if (!strcmp(name, "numel") && nargin == 1)
		return lr_value_scalar((double)(rows * cols));
	else if (!strcmp(name, "isempty") && nargin == 1)
		v = lr_value_scalar(rows * cols == 0);
	else if (!strcmp(name, "length") && nargin == 1)
		return lr_value_scalar(rows * cols == 0 ? 0 : (double)(rows > cols ? rows : cols));
	else if (!strcmp(name, "size") && nargin == 1 && nargout == 2) {
		outs[1] = lr_value_scalar((double)cols);
		return outs[1] ? lr_value_scalar((double)rows) : NULL;
	}
	else if ((!strcmp(name, "isnumeric") || !strcmp(name, "ischar") ||
	          !strcmp(name, "islogical") || !strcmp(name, "isfloat") ||
	          !strcmp(name, "isreal")) && nargin == 1)
		v = lr_value_scalar(0);
	else if (!strcmp(name, "size") && nargin == 1 && nargout <= 1) {
		struct lr_matrix *m = lr_mat_create(1, 2);
		if (m) {
			m->data[0] = (double)rows;
			m->data[1] = (double)cols;
		}
		return lr_value_mat(m);
	} else {
		*ok = 0;
		return NULL;
	}
	if (v)
		v->logical = 1;
	return v;
}

int lr_fnh_builtin(struct lr_session *s, const struct lr_builtin *b, const struct lr_node *n,
                   const struct lr_value *const *argv, int nargout, struct lr_value **outs,
                   int *rc)
{
	size_t bad = n->nkids;
	int ok;

	for (size_t i = n->nkids; i-- > 0;)
		if (argv[i]->kind == LR_VAL_FN || argv[i]->kind == LR_VAL_CELL)
			bad = i;
	if (bad == n->nkids)
		return 0;
	outs[0] = bad == 0 ? about(b->name, argv, (int)n->nkids, nargout, outs, &ok) : NULL;
	if (bad != 0 || !ok || (nargout > 1 && !outs[1])) {
		*rc = lr_fail(s, n->kids[bad]->pos, "%s: argument %zu is a %s, which %s does not "
		              "take", b->name, bad + 1, lr_value_kind_name(argv[bad]), b->name);
		for (int i = 0; i < LR_MAX_OUTS; i++) {
			lr_value_destroy(outs[i]);
			outs[i] = NULL;
		}
	} else {
		*rc = outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
	}
	return 1;
}

int lr_fnh_from_text(struct lr_session *s, const char *text, struct lr_pos pos,
                     struct lr_value **out)
{
	struct lr_val v = { 0 };

	if (text[0] != '@') {
		if (!lr_fn_plain_name(text))
			return lr_fail(s, pos, "str2func: expected a function's name or '@(...) ...', "
			               "found '%s'", text);
		struct lr_node n = { .kind = LR_N_FHANDLE, .pos = pos, .str = (char *)text };
		if (lr_fnh_make(s, &n, &v) < 0)
			return -1;
		*out = v.own;
		return 0;
	}
	if (lr_eval_text(s, text, pos, &v) < 0)
		return -1;
	if (v.v->kind != LR_VAL_FN) {
		lr_val_drop(&v);
		return lr_fail(s, pos, "str2func: expected a function's name or '@(...) ...', "
		               "found '%s'", text);
	}
	*out = v.own ? v.own : lr_value_copy(v.v);
	return *out ? 0 : lr_fail(s, pos, "out of memory");
}

int lr_fnh_refuse(struct lr_session *s, struct lr_pos pos, struct lr_val *v, const char *what)
{
	if (v->v->kind == LR_VAL_CELL) {
		lr_val_drop(v);
		return lr_fail(s, pos, "%s cannot be a cell array: take an element, as c{k}", what);
	}
	if (v->v->kind != LR_VAL_FN)
		return 0;
	lr_val_drop(v);
	return lr_fail(s, pos, "%s cannot be a function handle: call it, as f(x)", what);
}

/* The argument of a one-argument function, evaluated. */
static int one_arg(struct lr_session *s, const struct lr_node *n, const char *usage,
                   struct lr_val *a)
{
	if (n->nkids != 1)
		return lr_fail(s, n->nkids ? n->kids[1]->pos : n->pos, "%s: expected 1 argument, "
		               "found %zu (usage: %s)", n->str, n->nkids, usage);
	return lr_eval(s, n->kids[0], a);
}

static int fn_func2str(struct lr_session *s, const struct lr_node *n, struct lr_value **outs)
{
	struct lr_val a = { 0 };

	if (one_arg(s, n, "s = func2str(f)", &a) < 0)
		return -1;
	if (a.v->kind != LR_VAL_FN) {
		lr_val_drop(&a);
		return lr_fail(s, n->kids[0]->pos, "func2str: expected a function handle");
	}
	outs[0] = text_value(a.v->fh, 1);
	lr_val_drop(&a);
	return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
}

static int fn_str2func(struct lr_session *s, const struct lr_node *n, struct lr_value **outs)
{
	struct lr_val a = { 0 };
	int rc;

	if (one_arg(s, n, "f = str2func(s)", &a) < 0)
		return -1;
	if (a.v->kind != LR_VAL_STR || memchr(a.v->s, '\0', a.v->slen)) {
		lr_val_drop(&a);
		return lr_fail(s, n->kids[0]->pos, "str2func: expected a string, a function's "
		               "name or '@(...) ...'");
	}
	rc = lr_fnh_from_text(s, a.v->s, n->kids[0]->pos, outs);
	lr_val_drop(&a);
	return rc;
}

static int fn_is_function_handle(struct lr_session *s, const struct lr_node *n,
                                 struct lr_value **outs)
{
	struct lr_val a = { 0 };

	if (one_arg(s, n, "is_function_handle(x)", &a) < 0)
		return -1;
	outs[0] = lr_value_scalar(a.v->kind == LR_VAL_FN);
	lr_val_drop(&a);
	if (!outs[0])
		return lr_fail(s, n->pos, "out of memory");
	outs[0]->logical = 1;
	return 0;
}

/* arrayfun.c holds arrayfun. */
int lr_arrayfun(struct lr_session *s, const struct lr_node *n, int nargout,
                struct lr_value **outs);

int lr_handle_function(struct lr_session *s, const struct lr_node *n, int nargout,
                       struct lr_value **outs, int *rc)
{
	if (!strcmp(n->str, "arrayfun") || !strcmp(n->str, "cellfun"))
		*rc = lr_arrayfun(s, n, nargout, outs);
	else if (nargout > 1 && (!strcmp(n->str, "func2str") || !strcmp(n->str, "str2func") ||
	                         !strcmp(n->str, "is_function_handle")))
		*rc = lr_fail(s, n->pos, "%s gives at most 1 output, but %d were asked for", n->str,
		              nargout);
	else if (!strcmp(n->str, "func2str"))
		*rc = fn_func2str(s, n, outs);
	else if (!strcmp(n->str, "str2func"))
		*rc = fn_str2func(s, n, outs);
	else if (!strcmp(n->str, "is_function_handle"))
		*rc = fn_is_function_handle(s, n, outs);
	else
		return 0;
	return 1;
}
