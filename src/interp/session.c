/* Sessions: variables, running statements and showing results. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "builtins.h"
#include "cell.h"
#include "fn_handle.h"
#include "function.h"
#include "limit.h"
#include "ops.h"
#include "session_impl.h"

static int exec_statement(struct lr_session *s, const struct lr_stmt *st,
                          const char *src, struct lr_error *err);

struct lr_session *lr_session_create_bare(const struct lr_output *out)
{
	struct lr_session *s = lr_calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->out = out;
	lr_rng_seed(&s->rng, LR_SEED_DEFAULT);
	s->fmt.numfmt = LR_FMT_SHORT;
	s->fmt.width = 80;
	s->lim.max_elems = LR_LIMIT_ELEMENTS_DEFAULT;
	s->lim.max_updates = LR_LIMIT_UPDATES_DEFAULT;
	s->lim.max_products = LR_LIMIT_PRODUCTS_DEFAULT;
	s->lim.max_line = LR_LIMIT_LINE_DEFAULT;
	s->lim.max_depth = LR_LIMIT_DEPTH_DEFAULT;
	s->lim.max_recursion = LR_LIMIT_RECURSION_DEFAULT;
	s->end_extent = -1;
	s->tic_us = -1;
	lr_vars_moved(s);
	return s;
}

void lr_session_destroy(struct lr_session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nvars; i++) {
		lr_free(s->vars[i].name);
		lr_value_destroy(s->vars[i].v);
	}
	lr_free(s->vars);
	lr_fn_table_finish(s);
	lr_anon_release(s->err_anon);
	for (size_t i = 0; i < s->nruns; i++)
		lr_run_destroy(s->runs[i]);
	lr_svd_run_destroy(s->svd);
	if (s->lesson_destroy)
		s->lesson_destroy(s->lesson);
	lr_shown_image_destroy(s->shown);
	lr_free(s);
}

void lr_session_set_width(struct lr_session *s, int width)
{
	s->fmt.width = width < 20 ? 20 : width;
}

void lr_session_set_ascii(struct lr_session *s, int ascii)
{
	s->ascii = ascii;
}

const struct lr_limits *lr_session_limits(const struct lr_session *s)
{
	return &s->lim;
}

int lr_session_set_limit(struct lr_session *s, int kind, double x)
{
	if (kind < 0 || kind >= LR_LIMIT_COUNT || !(x >= 1 && x <= lr_limit_max(kind)) ||
	    x != floor(x))
		return -1;
	switch (kind) {
	case LR_LIMIT_ELEMENTS:
		s->lim.max_elems = x;
		lr_mat_max_elems = (size_t)x;   /* what lr_mat_create and the functions check */
		break;
	case LR_LIMIT_UPDATES: s->lim.max_updates = x; break;
	case LR_LIMIT_PRODUCTS: s->lim.max_products = x; break;
	case LR_LIMIT_LINE: s->lim.max_line = x; break;
	case LR_LIMIT_RECURSION: s->lim.max_recursion = (int)x; break;
	default: s->lim.max_depth = (int)x; break;
	}
	return 0;
}

double lr_session_limit(const struct lr_session *s, int kind)
{
	switch (kind) {
	case LR_LIMIT_ELEMENTS: return s->lim.max_elems;
	case LR_LIMIT_UPDATES: return s->lim.max_updates;
	case LR_LIMIT_PRODUCTS: return s->lim.max_products;
	case LR_LIMIT_LINE: return s->lim.max_line;
	case LR_LIMIT_RECURSION: return s->lim.max_recursion;
	default: return s->lim.max_depth;
	}
}

int lr_session_exit_status(const struct lr_session *s)
{
	return s->exit_status;
}

int lr_fail(struct lr_session *s, struct lr_pos pos, const char *fmt, ...)
{
	va_list ap;

	s->err->pos = pos;
	lr_error_clear_where(s->err);
	va_start(ap, fmt);
	vsnprintf(s->err->msg, sizeof s->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- variables ---- */

static struct lr_var *find(const struct lr_session *s, const char *name)
{
	for (size_t i = 0; i < s->nvars; i++)
		if (!strcmp(s->vars[i].name, name))
			return &s->vars[i];
	return NULL;
}

const struct lr_value *lr_var_get(const struct lr_session *s, const char *name)
{
	struct lr_var *v = find(s, name);

	return v ? v->v : NULL;
}

struct lr_value **lr_var_slot(struct lr_session *s, const char *name)
{
	struct lr_var *v = find(s, name);

	return v ? &v->v : NULL;
}

/* The source of layout generations: each change takes the next, so no two
 * sessions (nor two layouts of one) share one. */
static unsigned long last_gen;

void lr_vars_moved(struct lr_session *s)
{
	s->var_gen = ++last_gen;
}

struct lr_value **lr_var_search(struct lr_session *s, const char *name,
                                struct lr_var_cache *hint)
{
	struct lr_var *v = find(s, name);

	if (!v)
		return NULL;
	hint->index = (size_t)(v - s->vars);
	hint->gen = s->var_gen;
	return &v->v;
}

int lr_var_reserve(struct lr_session *s, size_t n)
{
	size_t want = s->nvars + n, cap;
	struct lr_var *v;

	if (want <= s->cap)
		return 0;
	cap = s->cap ? s->cap * 2 : 16;
	while (cap < want)
		cap *= 2;
	v = lr_realloc(s->vars, cap * sizeof *v);
	if (!v)
		return -1;
	s->vars = v;
	s->cap = cap;
	lr_vars_moved(s);
	return 0;
}

/* The name is copied before anything changes, so a failure leaves the
 * variables as they were: the value is then dropped and -1 returned. */
static int var_set(struct lr_session *s, const char *name, struct lr_value *val)
{
	struct lr_var *v = find(s, name);
	char *copy;

	if (v) {
		lr_value_destroy(v->v);
		v->v = val;
		return 0;
	}
	copy = lr_strdup(name);
	if (!copy || lr_var_reserve(s, 1) < 0) {
		lr_free(copy);
		lr_value_destroy(val);
		return -1;
	}
	s->vars[s->nvars].name = copy;
	s->vars[s->nvars].v = val;
	s->nvars++;
	return 0;
}

int lr_var_put(struct lr_session *s, const char *name, struct lr_value *v)
{
	return var_set(s, name, v);
}

void lr_var_set(struct lr_session *s, const char *name, struct lr_value *v)
{
	(void)var_set(s, name, v);
}

int lr_var_clear(struct lr_session *s, const char *name)
{
	struct lr_var *v = find(s, name);

	if (!v)
		return 0;
	lr_free(v->name);
	lr_value_destroy(v->v);
	*v = s->vars[--s->nvars];
	lr_vars_moved(s);
	return 1;
}

/* ---- output ---- */

void lr_write(struct lr_session *s, const char *text, size_t n)
{
	if (s->out && s->out->write && n)
		s->out->write(s->out->ctx, text, n);
}

void lr_warn(struct lr_session *s, const char *text)
{
	char line[300];
	int n = snprintf(line, sizeof line, "warning: %s\n", text);

	if (n < 0 || !s->out)
		return;
	n = (size_t)n < sizeof line ? n : (int)sizeof line - 1;
	if (s->out->warn)
		s->out->warn(s->out->ctx, line, (size_t)n);
	else
		lr_write(s, line, (size_t)n);
}

void lr_write_buf(struct lr_session *s, struct lr_buf *b)
{
	if (b->failed)
		lr_write(s, "error: out of memory while formatting output\n", 45);
	else
		lr_write(s, b->data, b->len);
}

void lr_show(struct lr_session *s, const char *name, const struct lr_value *v)
{
	struct lr_buf b;

	lr_buf_init(&b);
	if (v->kind == LR_VAL_FN)   /* Octave: "f = @sin", or the text of @(x) ... set apart */
		lr_fnh_show(&b, name, v->fh);
	else if (v->kind == LR_VAL_CELL)
		lr_cell_show(&b, name, v, &s->fmt);
	else if (v->kind == LR_VAL_STR)
		lr_fmt_string(&b, name, v->s);
	else if (v->im)
		lr_fmt_complex(&b, name, v->m, v->im, &s->fmt);
	else if (v->logical)
		lr_fmt_logical(&b, name, v->m, &s->fmt);
	else
		lr_fmt_matrix(&b, name, v->m, &s->fmt);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
}

void lr_emit(struct lr_session *s, const struct lr_event *ev)
{
	lr_figure_note(s, ev);     /* what `print` writes (printcmd.c) */
	if (s->out && s->out->event)
		s->out->event(s->out->ctx, ev);
}

/* ---- statements ---- */

static int exec_expr(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_value *outs[LR_MAX_OUTS] = { 0 };
	const struct lr_node *e = st->expr;

	/* A bare call may give nothing (printf, disp): then ans is untouched. */
	if (e->kind == LR_N_CALL || e->kind == LR_N_IDENT) {
		if (lr_eval_multi(s, e, 0, outs) < 0)
			return -1;
	} else {
		struct lr_val v = { 0 };
		if (lr_eval(s, e, &v) < 0)
			return -1;
		outs[0] = v.own ? v.own : lr_value_copy(v.v);
		if (!outs[0])
			return lr_fail(s, e->pos, "out of memory");
	}
	if (!outs[0])
		return 0;
	if (e->kind == LR_N_IDENT && lr_var_get(s, e->str)) {
		/* Naming a variable shows it under its own name, as Octave does. */
		if (!st->quiet)
			lr_show(s, e->str, outs[0]);
		lr_value_destroy(outs[0]);
		return 0;
	}
	if (var_set(s, "ans", outs[0]) < 0)
		return lr_fail(s, e->pos, "out of memory");
	if (!st->quiet)
		lr_show(s, "ans", lr_var_get(s, "ans"));
	return 0;
}

static int exec_assign(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_value *outs[LR_MAX_OUTS] = { 0 };

	if (lr_eval_multi(s, st->expr, 1, outs) < 0)
		return -1;
	if (!outs[0])
		return lr_fail(s, st->expr->pos, "the right side gives no value to assign");
	if (var_set(s, st->name, outs[0]) < 0)
		return lr_fail(s, st->pos, "out of memory");
	if (!st->quiet)
		lr_show(s, st->name, lr_var_get(s, st->name));
	return 0;
}

static int exec_index_assign(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_val rhs = { 0 };
	struct lr_value *nv = NULL;
	const struct lr_node *e = st->expr;
	int rc;

	/* A(i) = [] deletes: only a literal [] or '' does, as in Octave */
	if (st->index->kind != LR_N_BRACE &&
	    ((e->kind == LR_N_MATRIX && e->nkids == 0) || (e->kind == LR_N_STR && !e->strlen)))
		rc = lr_index_delete(s, st->index, lr_var_get(s, st->name), &nv);
	else if (lr_eval(s, e, &rhs) < 0)
		return -1;
	else if (st->index->kind == LR_N_BRACE)
		rc = lr_cell_brace_set(s, st->index, lr_var_get(s, st->name), rhs.v, &nv);
	else
		rc = lr_index_set(s, st->index, lr_var_get(s, st->name), rhs.v, &nv);
	lr_val_drop(&rhs);
	if (rc < 0)
		return -1;
	if (var_set(s, st->name, nv) < 0)
		return lr_fail(s, st->pos, "out of memory");
	if (!st->quiet)
		lr_show(s, st->name, lr_var_get(s, st->name));
	return 0;
}

/* The value target i of [a, v(k), ~] = ... leaves its variable with, in
 * *nv: output i itself for a name (taken), or the variable with output i
 * stored at the index (an earlier target of the same statement naming the
 * same variable counts, as Octave assigns them left to right). */
static int multi_target(struct lr_session *s, const struct lr_node *t, int i,
                        struct lr_value **outs, struct lr_value **staged)
{
	const struct lr_node *k = t->kids[i];
	const struct lr_value *old = NULL;
	int rc;

	if (k->kind == LR_N_IDENT) {
		staged[i] = outs[i];
		outs[i] = NULL;
		return 0;
	}
	for (int j = i - 1; j >= 0 && !old; j--)
		if (t->kids[j]->kind != LR_N_TILDE && !strcmp(t->kids[j]->str, k->str))
			old = staged[j];
	rc = lr_index_set(s, k, old ? old : lr_var_get(s, k->str), outs[i], &staged[i]);
	return rc;
}

static int exec_multi(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_node *t = st->targets;
	struct lr_value *outs[LR_MAX_OUTS] = { 0 }, *staged[LR_MAX_OUTS] = { 0 };
	int n = (int)t->nkids, rc = 0;

	if (n > LR_MAX_OUTS)
		return lr_fail(s, t->pos, "at most %d outputs can be assigned at once", LR_MAX_OUTS);
	if (st->expr->kind != LR_N_CALL && st->expr->kind != LR_N_IDENT)
		return lr_fail(s, st->expr->pos, "expected a function call on the right of [...] =");
	if (lr_eval_multi(s, st->expr, n, outs) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (!outs[i] && t->kids[i]->kind != LR_N_TILDE) {
			rc = lr_fail(s, t->kids[i]->pos, "the call gives no output %d", i + 1);
			break;
		}
	if (rc == 0 && lr_var_reserve(s, (size_t)n) < 0)
		rc = lr_fail(s, st->pos, "out of memory");
	/* Every target is worked out before any variable changes, so that a bad
	 * index leaves them all as they were. */
	for (int i = 0; i < n && rc == 0; i++)
		if (t->kids[i]->kind != LR_N_TILDE)
			rc = multi_target(s, t, i, outs, staged);
	for (int i = 0; i < n; i++) {
		lr_value_destroy(outs[i]);
		if (rc == 0 && staged[i]) {
			if (var_set(s, t->kids[i]->str, staged[i]) < 0)
				rc = lr_fail(s, st->pos, "out of memory");
			else if (!st->quiet)
				lr_show(s, t->kids[i]->str, lr_var_get(s, t->kids[i]->str));
		} else {
			lr_value_destroy(staged[i]);
		}
	}
	return rc;
}

/* A statement in command syntax runs the command of that name in the
 * session's tables. */
static int run_command(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_command *c = lr_session_command(s, st->name);
	const struct lr_value *v = st->nwords == 0 ? lr_var_get(s, st->name) : NULL;

	/* A variable named like a command (loss = zeros(1, 5)) hides it when named
	 * alone, as a variable hides a function in Octave: it is shown. */
	if (v) {
		if (!st->quiet)
			lr_show(s, st->name, v);
		return 0;
	}

	if (!c)
		return lr_fail(s, st->name_pos, "unknown command '%s'", st->name);
	return c->run(s, st);
}

const struct lr_command *lr_command_find(const struct lr_command *const *tables,
                                         const char *name)
{
	for (size_t t = 0; tables && tables[t]; t++)
		for (const struct lr_command *c = tables[t]; c->name; c++)
			if (!strcmp(c->name, name))
				return c;
	return NULL;
}

const struct lr_command *lr_session_command(const struct lr_session *s, const char *name)
{
	return lr_command_find(s->commands, name);
}

void lr_session_set_commands(struct lr_session *s, const struct lr_command *const *tables)
{
	s->commands = tables;
}

int lr_exec_simple(struct lr_session *s, const struct lr_stmt *st)
{
	switch (st->kind) {
	case LR_S_EXPR: return exec_expr(s, st);
	case LR_S_ASSIGN: return exec_assign(s, st);
	case LR_S_INDEX_ASSIGN: return exec_index_assign(s, st);
	case LR_S_MULTI: return exec_multi(s, st);
	default: return run_command(s, st);
	}
}

/* Polled between the pieces of a long product: the front end's own test
 * for Ctrl-C or Esc, as sgd polls it. */
static int product_interrupted(void *ctx)
{
	struct lr_session *s = ctx;

	return lr_interrupted(s);   /* a loop around the product stops too */
}

int lr_session_exec(struct lr_session *s, const struct lr_stmt *st,
                    const char *src, struct lr_error *err)
{
	/* The products of this statement obey this session's limit and
	 * interruption (a lesson's check runs a session inside a statement:
	 * the outer guard is put back after). */
	struct lr_op_guard g = { s->lim.max_products, { product_interrupted, s } };
	const struct lr_op_guard *outer = lr_op_guard_swap(&g);
	int rc = exec_statement(s, st, src, err);

	lr_op_guard_swap(outer);
	return rc;
}

static int exec_statement(struct lr_session *s, const struct lr_stmt *st,
                          const char *src, struct lr_error *err)
{
	int rc, ctl;

	s->src = src;
	s->err = err;
	s->end_extent = -1;
	s->ctl = LR_CTL_NONE;
	s->stmt_serial++;
	s->poll = 1;   /* a statement starts with a poll: a Ctrl-C typed before it counts */
	err->msg[0] = '\0';
	lr_error_clear_where(err);
	rc = lr_exec(s, st);
	ctl = s->ctl;
	s->ctl = LR_CTL_NONE;
	s->src = NULL;
	if (rc == 0 && s->quit)
		return 1;
	if (rc == 0) {
		struct lr_event ev = { LR_EV_VARS, NULL, NULL, NULL };
		lr_emit(s, &ev);
	}
	if (rc == 0 && ctl == LR_CTL_RETURN)
		return 2;
	return rc < 0 ? -1 : 0;
}
