/* The checks of an exercise: expressions evaluated in the student's
 * workspace, with the lesson's own variables (`#: keep`) and the last SGD
 * run's settings put in scope for the check only (lesson_scope.c), and
 * feedback that shows why an answer fails without showing the target. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lesson_impl.h"

static int eval_mat(struct lr_session *s, const char *text, int line, struct lr_val *v,
                    struct lr_buf *why)
{
	struct lr_pos pos = { line, 1, 0 };

	if (lr_eval_text(s, text, pos, v) < 0) {
		lr_buf_puts(why, s->err->msg);
		return -1;
	}
	if (v->v->kind != LR_VAL_MAT) {
		lr_val_drop(v);
		lr_buf_printf(why, "%s is a string, not a number", text);
		return -2;   /* a value of the wrong kind, not an error of the check */
	}
	if (v->v->im) {   /* a check compares real numbers: say so, not compare real parts */
		lr_val_drop(v);
		lr_buf_printf(why, "%s is complex; a check compares real numbers (use abs, real or "
		              "imag)", text);
		return -2;
	}
	return 0;
}

static int truthy(const struct lr_matrix *m)
{
	if (m->rows * m->cols == 0)
		return 0;
	for (size_t i = 0; i < m->rows * m->cols; i++)
		if (m->data[i] == 0 || isnan(m->data[i]))
			return 0;
	return 1;
}

/* Element i of b, where b is a scalar or has a's shape. */
static double elem(const struct lr_matrix *b, size_t i)
{
	return b->rows * b->cols == 1 ? b->data[0] : b->data[i];
}

/* x with as many digits as it takes to see that it is not below (lt) or
 * not above the limit y: 0.1301 against 0.13, never "0.13". */
static void telling(char *buf, size_t n, double x, double y, int lt)
{
	char ys[40];

	for (int p = 4; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, x);
		snprintf(ys, sizeof ys, "%.*g", p, y);
		double back = strtod(buf, NULL);
		if (strcmp(buf, ys) && (lt ? !(back < y) : !(back > y)))
			return;
	}
	snprintf(buf, n, "%.17g", x);
}

/* The element of m furthest on the wrong side of limit y. */
static size_t worst_at(const struct lr_matrix *m, int lt)
{
	size_t n = m->rows * m->cols, at = 0;

	for (size_t i = 1; i < n; i++)
		if (isnan(m->data[i]) || (lt ? m->data[i] > m->data[at] : m->data[i] < m->data[at]))
			at = i;
	return at;
}

/* The automatic message of `expect A < L` or `A > L` that did not hold. */
static void limit_message(const struct lr_lesson_check *c, const struct lr_matrix *a,
                          const struct lr_matrix *b, struct lr_buf *why)
{
	int lt = c->kind == LR_CHECK_LT;
	size_t at = worst_at(a, lt);
	double y = elem(b, at);
	char xs[40];

	telling(xs, sizeof xs, a->data[at], y, lt);
	if (a->rows * a->cols == 1)
		lr_buf_printf(why, "%s is %s; it must be %s %g", c->lhs, xs, lt ? "below" : "above", y);
	else
		lr_buf_printf(why, "%s has an element %s; each must be %s %g", c->lhs, xs,
		              lt ? "below" : "above", y);
}

/* The automatic message of `expect A ~ B` that did not hold: which part is
 * wrong, shape or values, and never B's values. */
static void near_message(const struct lr_lesson_check *c, const struct lr_matrix *a,
                         const struct lr_matrix *b, double tol, struct lr_buf *why)
{
	size_t n = a->rows * a->cols, bad = 0;
	char xs[40];

	for (size_t i = 0; i < n; i++) {
		double x = a->data[i], y = elem(b, i);
		if (!(isnan(x) && isnan(y)) && !(fabs(x - y) <= tol))
			bad++;
	}
	if (n == 1) {
		double x = a->data[0], y = elem(b, 0);
		/* a near miss (5 steps of a loop that needs 30) shows the digits
		 * where it parts from the target, and the tolerance: at six
		 * digits it would read like the right value */
		char ys[40];
		int p = 6;
		do {
			snprintf(xs, sizeof xs, "%.*g", p, x);
			snprintf(ys, sizeof ys, "%.*g", p, y);
		} while (!strcmp(xs, ys) && ++p <= 17);
		if (fabs(x - y) < 1e-3 * fmax(1, fabs(y)))
			lr_buf_printf(why, "%s is %s, near but not within %g of the value asked for",
			              c->lhs, xs, tol);
		else
			lr_buf_printf(why, "%s is %s, which is not the value asked for", c->lhs, xs);
	} else {
		lr_buf_printf(why, "%s has the right shape (%zu×%zu), but %zu of its %zu entries "
		              "are not the values asked for", c->lhs, a->rows, a->cols, bad, n);
	}
}

/* The automatic message of an expect, or nothing when it holds. */
static void expect_compare(const struct lr_lesson_check *c, const struct lr_matrix *a,
                           const struct lr_matrix *b, double tol, struct lr_buf *why)
{
	size_t n = a->rows * a->cols;
	int ok = 1;

	if ((b->rows != a->rows || b->cols != a->cols) && b->rows * b->cols != 1) {
		lr_buf_printf(why, "%s is %zu×%zu but must be %zu×%zu", c->lhs, a->rows, a->cols,
		              b->rows, b->cols);
		return;
	}
	if (n == 0) {
		lr_buf_printf(why, "%s is empty", c->lhs);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		double x = a->data[i], y = elem(b, i);
		if (c->kind == LR_CHECK_LT)
			ok &= x < y;
		else if (c->kind == LR_CHECK_GT)
			ok &= x > y;
		else if (!(isnan(x) && isnan(y)))
			ok &= fabs(x - y) <= tol;
	}
	if (ok)
		return;
	if (c->kind == LR_CHECK_NEAR)
		near_message(c, a, b, tol, why);
	else
		limit_message(c, a, b, why);
}

static double default_tol(const struct lr_matrix *b)
{
	double t = 0;

	for (size_t i = 0; i < b->rows * b->cols; i++)
		if (fabs(b->data[i]) > t)
			t = fabs(b->data[i]);
	return 1e-6 * (t > 1 ? t : 1);
}

/* 1 holds, 0 does not (why says), -1 the check's code failed (why holds its
 * error), -2 a value of the wrong kind (why says). */
static int expect_holds(struct lr_session *s, const struct lr_lesson_check *c,
                        struct lr_buf *why)
{
	struct lr_val a = { 0 }, b = { 0 }, t = { 0 };
	double tol;
	size_t len = why->len;
	int rc;

	if ((rc = eval_mat(s, c->lhs, c->line, &a, why)) < 0)
		return rc;
	if ((rc = eval_mat(s, c->rhs, c->line, &b, why)) < 0) {
		lr_val_drop(&a);
		return rc;
	}
	tol = default_tol(b.v->m);
	if (c->tol) {
		if ((rc = eval_mat(s, c->tol, c->line, &t, why)) < 0) {
			lr_val_drop(&a);
			lr_val_drop(&b);
			return rc;
		}
		tol = t.v->m->rows * t.v->m->cols > 0 ? t.v->m->data[0] : 0;
		lr_val_drop(&t);
	}
	expect_compare(c, a.v->m, b.v->m, tol, why);
	lr_val_drop(&a);
	lr_val_drop(&b);
	return why->len == len ? 1 : 0;
}

/* The message of a check that did not hold: `#: message` when it has one
 * (kept as it is when the message itself cannot be made). */
static void custom_message(struct lr_session *s, const struct lr_lesson_check *c,
                           struct lr_buf *why)
{
	struct lr_buf call;
	struct lr_val v = { 0 };
	struct lr_pos pos = { c->line, 1, 0 };

	lr_buf_init(&call);
	lr_buf_printf(&call, "sprintf(%s)", c->message);
	if (!call.failed && lr_eval_text(s, call.data, pos, &v) == 0) {
		if (v.v->kind == LR_VAL_STR) {
			lr_buf_reset(why);
			lr_buf_puts(why, v.v->s);
		}
		lr_val_drop(&v);
	}
	lr_buf_finish(&call);
}

/* What the student sees when the check's own expression failed: never its
 * error (words the student never typed), but what to look at. An unknown
 * name speaks of the student's work, and so does an error inside a function
 * the check called (the student's, or one the lesson gave them): that error
 * is in their code, so it is shown with the function's name. */
static void generic_message(const struct lr_error *e, struct lr_buf *why)
{
	const char *err = e->msg, *q = strstr(err, "unknown variable or function '");

	lr_buf_reset(why);
	if (e->nframes > 0) {
		lr_buf_printf(why, "calling %s failed: %s", e->frames[e->nframes - 1].name, err);
		return;
	}
	if (q) {
		q += strlen("unknown variable or function '");
		const char *e = strchr(q, '\'');
		lr_buf_printf(why, "%.*s is not defined yet", e ? (int)(e - q) : 0, q);
		return;
	}
	lr_buf_puts(why, LR_LESSON_GENERIC_WHY);
}

/* Evaluates check c: 1 holds, 0 not (why says), -1 its own code failed,
 * -2 a value of the wrong kind. */
static int check_bounded(struct lr_session *s, const struct lr_lesson_check *c,
                         struct lr_buf *why)
{
	int rc;

	if (c->kind != LR_CHECK_TRUE)
		return expect_holds(s, c, why);
	struct lr_val v = { 0 };
	rc = eval_mat(s, c->lhs, c->line, &v, why);
	if (rc == 0) {
		rc = truthy(v.v->m);
		lr_val_drop(&v);
		if (!rc)
			lr_buf_printf(why, "%s does not hold yet", c->lhs);
	}
	return rc;
}

/* A check that was stopped before it finished: by its bound (the student's
 * function it calls may never return) or by Ctrl-C. */
static void unfinished_message(const struct lr_lesson_bound *b, struct lr_buf *why)
{
	lr_buf_reset(why);
	if (b->expired)
		lr_buf_printf(why, "the check did not finish in %g s: does a loop or a function "
		              "of yours never end?", LR_LESSON_CHECK_SECONDS);
	else
		lr_buf_puts(why, "the check was interrupted before it finished");
}

/* One check in scope (the caller has entered it), within its time bound:
 * 1 holds, 0 not. */
static int check_in_scope(struct lr_session *s, const struct lr_lesson_check *c,
                          struct lr_buf *why)
{
	struct lr_error *saved = s->err, e;
	struct lr_lesson_bound b;
	int rc;

	e.msg[0] = '\0';
	s->err = &e;
	lr_lesson_bound_enter(s, &b, LR_LESSON_CHECK_SECONDS);
	rc = check_bounded(s, c, why);
	if (b.expired || b.stopped)
		unfinished_message(&b, why);
	else if (rc == 0 && c->message)
		custom_message(s, c, why);
	else if (rc == -1)
		generic_message(&e, why);
	lr_lesson_bound_leave(s, &b);
	s->err = saved;
	return rc > 0 && !b.expired && !b.stopped;
}

int lr_lesson_check_eval(struct lr_session *s, const struct lr_lesson_check *c,
                         struct lr_buf *why)
{
	struct lr_lesson_scope sc;
	int ok;

	if (lr_lesson_scope_enter(s, &sc) < 0) {
		lr_buf_puts(why, "out of memory");
		return 0;
	}
	ok = check_in_scope(s, c, why);
	lr_lesson_scope_leave(s, &sc);
	return ok;
}

int lr_lesson_step_eval(struct lr_session *s, const struct lr_lesson_step *st,
                        struct lr_buf *why)
{
	struct lr_lesson_scope sc;
	int ok = 1;

	if (lr_lesson_scope_enter(s, &sc) < 0) {
		lr_buf_puts(why, "out of memory");
		return 0;
	}
	for (size_t i = 0; i < st->nchecks && ok; i++) {
		lr_buf_reset(why);
		ok = check_in_scope(s, &st->checks[i], why);
	}
	lr_lesson_scope_leave(s, &sc);
	return ok;
}

/* ---- for check mode (src/cli/check.c) ---- */

int lr_lesson_check_holds(struct lr_session *s, const struct lr_lesson_check *c,
                          struct lr_buf *why)
{
	return lr_lesson_check_eval(s, c, why);
}

int lr_lesson_step_holds(struct lr_session *s, const struct lr_lesson_step *st,
                         struct lr_buf *why)
{
	return lr_lesson_step_eval(s, st, why);
}
