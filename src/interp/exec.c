/* Running statements: blocks (if, for, while, do, switch, try) and the
 * jumps out of them, with the scalar fast path for assignments and
 * conditions. A block runs its statements in order; each failing statement
 * reports its own place, so an error inside a loop names the line and
 * column where it happened. Loops poll the front end's interrupt (Ctrl-C,
 * Esc, SIGINT) every few steps; an interrupt stops the statement with the
 * variables as they were at that moment. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "cvalue.h"
#include "fn_handle.h"
#include "function.h"
#include "range.h"
#include "session_impl.h"

/* Loop steps between interrupt polls: a poll costs a clock read in the
 * terminal, so polling every step would slow the tightest loops by a
 * third; 32 steps of even a slow body stay well under a reaction time. */
#define POLL_EVERY 32

int lr_interrupted(struct lr_session *s)
{
	if (!(s->out && s->out->interrupted && s->out->interrupted(s->out->ctx)))
		return 0;
	s->poll = 0;   /* a loop around the work that saw it stops at its next step */
	return 1;
}

/* One step of a loop: -1 with the error set when the user asked to stop. */
static int loop_step(struct lr_session *s, const struct lr_stmt *loop)
{
	if (--s->poll > 0)
		return 0;
	s->poll = POLL_EVERY;
	if (!lr_interrupted(s))
		return 0;
	return lr_fail(s, loop->pos, "interrupted; the variables keep the values they had");
}

/* Runs a list of statements until one fails or jumps. */
static int run_body(struct lr_session *s, const struct lr_clause *cl)
{
	for (size_t i = 0; i < cl->nbody; i++) {
		const struct lr_stmt *st = cl->body[i];
		/* a scalar assignment, the commonest statement of a loop, goes
		 * straight to the fast path */
		if (st->kind == LR_S_ASSIGN && lr_fast_assign(s, st))
			continue;
		if (lr_exec(s, st) < 0)
			return -1;
		if (s->ctl != LR_CTL_NONE || s->quit)
			return 0;
	}
	return 0;
}

/* The truth of a condition as Octave takes it: nonempty and all nonzero
 * (a string by its character codes); NaN is an error. */
static int condition(struct lr_session *s, const struct lr_node *n, int *t)
{
	struct lr_val v = { 0 };
	double x;
	int k = lr_fast_scalar(s, n, &x);

	if (k != LR_FAST_NO && !isnan(x)) {
		*t = x != 0;
		return 0;
	}
	if (lr_eval(s, n, &v) < 0 || lr_fnh_refuse(s, n->pos, &v, "a condition") < 0)
		return -1;
	*t = 1;
	if (v.v->kind == LR_VAL_STR) {
		*t = v.v->slen > 0;
		for (size_t i = 0; i < v.v->slen; i++)
			*t = *t && v.v->s[i] != 0;
	} else {
		const struct lr_matrix *m = v.v->m;
		*t = m->rows * m->cols > 0;
		for (size_t i = 0; i < m->rows * m->cols; i++) {
			if (isnan(m->data[i])) {
				lr_val_drop(&v);
				return lr_fail(s, n->pos, "invalid conversion from NaN to logical");
			}
			*t = *t && (m->data[i] != 0 || (v.v->im && v.v->im->data[i] != 0));
		}
	}
	lr_val_drop(&v);
	return 0;
}

static int exec_if(struct lr_session *s, const struct lr_stmt *st)
{
	for (size_t i = 0; i < st->nclauses; i++) {
		int t = 1;
		if (st->clauses[i].cond && condition(s, st->clauses[i].cond, &t) < 0)
			return -1;
		if (t)
			return run_body(s, &st->clauses[i]);
	}
	return 0;
}

/* After a loop's body: 1 if the loop must end (a break, return, quit or an
 * error), 0 to go on. */
static int loop_done(struct lr_session *s, int rc)
{
	if (rc < 0 || s->quit || s->ctl == LR_CTL_RETURN)
		return 1;
	if (s->ctl == LR_CTL_BREAK) {
		s->ctl = LR_CTL_NONE;
		return 1;
	}
	s->ctl = LR_CTL_NONE;   /* continue */
	return 0;
}

/* Binds the loop variable to x, in place when it already holds a scalar. */
static int set_scalar(struct lr_session *s, const struct lr_stmt *st, double x)
{
	struct lr_value **slot = lr_var_find(s, st->name, &((struct lr_stmt *)st)->hint), *v;

	if (slot && lr_value_plain_scalar(*slot)) {
		(*slot)->m->data[0] = x;
		return 0;
	}
	v = lr_value_scalar(x);
	if (!v || lr_var_put(s, st->name, v) < 0)
		return lr_fail(s, st->name_pos, "out of memory");
	return 0;
}

/* for NAME = a:step:b, without making the range. */
static int for_range(struct lr_session *s, const struct lr_stmt *st)
{
	double a, step, b;
	size_t count;
	int rc = 0;

	if (lr_eval_range_parts(s, st->expr, &a, &step, &b, &count) < 0)
		return -1;
	if (count == 0) {   /* the variable is the empty range, as Octave leaves it */
		struct lr_value *v = lr_value_mat(lr_mat_create(1, 0));
		if (!v || lr_var_put(s, st->name, v) < 0)
			return lr_fail(s, st->name_pos, "out of memory");
		return 0;
	}
	for (size_t i = 0; i < count; i++) {
		if (loop_step(s, st) < 0 || set_scalar(s, st, lr_range_at(a, step, b, count, i)) < 0)
			return -1;
		rc = run_body(s, &st->clauses[0]);
		if (loop_done(s, rc))
			break;
	}
	return rc;
}

/* Column k of v (a one-character string for a string). */
static struct lr_value *column(const struct lr_value *v, size_t k)
{
	struct lr_matrix *c;

	if (v->kind == LR_VAL_STR) {
		struct lr_value *ch = lr_value_str(v->s + k, 1);
		if (ch)
			ch->dq = v->dq;
		return ch;
	}
	c = lr_mat_create(v->m->rows, 1);
	if (!c)
		return NULL;
	for (size_t r = 0; r < v->m->rows; r++)
		c->data[r] = LR_AT(v->m, r, k);
	if (v->im) {   /* a complex column; real when its imaginary parts are 0, as indexing gives */
		struct lr_matrix *ci = lr_mat_create(v->m->rows, 1);
		if (!ci) {
			lr_mat_destroy(c);
			return NULL;
		}
		for (size_t r = 0; r < v->m->rows; r++)
			ci->data[r] = LR_AT(v->im, r, k);
		return lr_cx_value(c, ci, 1);
	}
	return v->logical ? lr_value_bool(c) : lr_value_mat(c);
}

/* for NAME = M: the columns of M, each a column vector. */
static int exec_for(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_val m = { 0 };
	size_t cols, numel;
	int rc = 0;

	if (st->expr->kind == LR_N_RANGE)
		return for_range(s, st);
	if (lr_eval(s, st->expr, &m) < 0 ||
	    lr_fnh_refuse(s, st->expr->pos, &m, "what a for loop runs over") < 0)
		return -1;
	if (!m.own && !(m.own = lr_value_copy(m.v))) {   /* the body may change the variable */
		return lr_fail(s, st->expr->pos, "out of memory");
	}
	m.v = m.own;
	cols = m.v->kind == LR_VAL_STR ? m.v->slen : m.v->m->cols;
	numel = m.v->kind == LR_VAL_STR ? m.v->slen : m.v->m->rows * cols;
	if (numel == 0) {   /* no steps: the variable is the empty value, as in Octave */
		if (lr_var_put(s, st->name, m.own) < 0)
			return lr_fail(s, st->name_pos, "out of memory");
		return 0;
	}
	for (size_t k = 0; k < cols; k++) {
		struct lr_value *c = NULL;
		if (loop_step(s, st) < 0) {
			rc = -1;
			break;
		}
		if (m.v->kind == LR_VAL_MAT && m.v->m->rows == 1 && !m.v->logical && !m.v->im) {
			rc = set_scalar(s, st, m.v->m->data[k]);
		} else {
			c = column(m.v, k);
			if (!c || lr_var_put(s, st->name, c) < 0)
				rc = lr_fail(s, st->name_pos, "out of memory");
		}
		if (rc < 0)
			break;
		rc = run_body(s, &st->clauses[0]);
		if (loop_done(s, rc))
			break;
	}
	lr_val_drop(&m);
	return rc;
}

static int exec_while(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_clause *cl = &st->clauses[0];
	int rc = 0;

	for (;;) {
		int t;
		if (loop_step(s, st) < 0 || condition(s, cl->cond, &t) < 0)
			return -1;
		if (!t)
			return 0;
		rc = run_body(s, cl);
		if (loop_done(s, rc))
			return rc;
	}
}

static int exec_do(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_clause *cl = &st->clauses[0];
	int rc = 0;

	for (;;) {
		int t;
		if (loop_step(s, st) < 0)
			return -1;
		rc = run_body(s, cl);
		if (loop_done(s, rc))
			return rc;
		if (condition(s, cl->cond, &t) < 0)
			return -1;
		if (t)
			return 0;
	}
}

/* The shape of a switch value or case label; a string is its row of codes
 * (the empty string 0x0, as lowrank keeps it). */
static void case_shape(const struct lr_value *v, size_t *rows, size_t *cols)
{
	if (v->kind == LR_VAL_STR) {
		*rows = v->slen ? 1 : 0;
		*cols = v->slen;
	} else {
		*rows = v->m->rows;
		*cols = v->m->cols;
	}
}

/* Element i of a switch value or case label, real and imaginary parts. */
static double case_elem(const struct lr_value *v, size_t i, double *im)
{
	if (v->kind == LR_VAL_STR) {
		*im = 0;
		return (unsigned char)v->s[i];
	}
	*im = v->im ? v->im->data[i] : 0;
	return v->m->data[i];
}

/* Whether a case label matches the switch value, as Octave decides it
 * (isequal): the same shape and the same elements, a string counting as its
 * character codes ('a' matches 97), or any of a list {…}. */
static int case_match(struct lr_session *s, const struct lr_node *label,
                      const struct lr_value *v, int *match)
{
	struct lr_val l = { 0 };
	size_t r1, c1, r2, c2;

	*match = 0;
	if (label->kind == LR_N_MATRIX && label->op == 1) {
		for (size_t i = 0; i < label->nkids && !*match; i++)
			if (case_match(s, label->kids[i], v, match) < 0)
				return -1;
		return 0;
	}
	if (lr_eval(s, label, &l) < 0 || lr_fnh_refuse(s, label->pos, &l, "a case label") < 0)
		return -1;
	case_shape(l.v, &r1, &c1);
	case_shape(v, &r2, &c2);
	*match = r1 == r2 && c1 == c2;
	for (size_t i = 0; *match && i < r1 * c1; i++) {
		double i1, i2;
		*match = case_elem(l.v, i, &i1) == case_elem(v, i, &i2) && i1 == i2;
	}
	lr_val_drop(&l);
	return 0;
}

static int exec_switch(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_val v = { 0 };
	int rc = 0;

	if (lr_eval(s, st->expr, &v) < 0 ||
	    lr_fnh_refuse(s, st->expr->pos, &v, "a switch value") < 0)
		return -1;
	if (!v.own && !(v.own = lr_value_copy(v.v)))
		return lr_fail(s, st->expr->pos, "out of memory");
	v.v = v.own;
	for (size_t i = 0; i < st->nclauses; i++) {
		int match = 1;
		if (st->clauses[i].cond && case_match(s, st->clauses[i].cond, v.v, &match) < 0) {
			rc = -1;
			break;
		}
		if (match) {
			rc = run_body(s, &st->clauses[i]);
			break;
		}
	}
	lr_val_drop(&v);
	return rc;
}

/* Binds NAME.message and NAME.identifier to a caught error's text: the
 * fields of Octave's error struct that a program reads. */
static int bind_error(struct lr_session *s, const struct lr_stmt *st)
{
	char field[300];
	const char *id = s->err_id;
	struct lr_value *msg = lr_value_str(s->err->msg, strlen(s->err->msg));
	struct lr_value *ident = lr_value_str(id, strlen(id));

	if (!msg || !ident) {
		lr_value_destroy(msg);
		lr_value_destroy(ident);
		return lr_fail(s, st->name_pos, "out of memory");
	}
	snprintf(field, sizeof field, "%s.message", st->name);
	if (lr_var_put(s, field, msg) < 0) {
		lr_value_destroy(ident);
		return lr_fail(s, st->name_pos, "out of memory");
	}
	snprintf(field, sizeof field, "%s.identifier", st->name);
	if (lr_var_put(s, field, ident) < 0)
		return lr_fail(s, st->name_pos, "out of memory");
	return 0;
}

static int exec_try(struct lr_session *s, const struct lr_stmt *st)
{
	s->err_id[0] = '\0';
	if (run_body(s, &st->clauses[0]) == 0)
		return 0;
	if (lr_interrupted(s))
		return -1;   /* Ctrl-C is not an error to catch */
	if (st->name && bind_error(s, st) < 0)
		return -1;
	s->err->msg[0] = '\0';
	lr_error_clear_where(s->err);
	s->err_id[0] = '\0';
	return st->nclauses > 1 ? run_body(s, &st->clauses[1]) : 0;
}

int lr_exec(struct lr_session *s, const struct lr_stmt *st)
{
	s->end_extent = -1;
	switch (st->kind) {
	case LR_S_IF: return exec_if(s, st);
	case LR_S_FOR: return exec_for(s, st);
	case LR_S_WHILE: return exec_while(s, st);
	case LR_S_DO: return exec_do(s, st);
	case LR_S_SWITCH: return exec_switch(s, st);
	case LR_S_TRY: return exec_try(s, st);
	case LR_S_BREAK: s->ctl = LR_CTL_BREAK; return 0;
	case LR_S_CONTINUE: s->ctl = LR_CTL_CONTINUE; return 0;
	case LR_S_RETURN: s->ctl = LR_CTL_RETURN; return 0;
	case LR_S_FUNCTION:
		if (lr_fn_define(s, st->fn) < 0)
			return lr_fail(s, st->pos, "out of memory");
		return 0;
	case LR_S_ASSIGN:
	case LR_S_INDEX_ASSIGN:
		if (lr_fast_assign(s, st))
			return 0;
		return lr_exec_simple(s, st);
	default:
		return lr_exec_simple(s, st);
	}
}
