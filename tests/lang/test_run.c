/* Tests of the one statement loop (lr_session_run_text, src/interp/run.h):
 * which hooks it calls, with what, and how a run ends. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "lowrank/buf.h"
#include "run.h"
#include "session_open.h"

/* What the hooks saw. */
struct seen {
	struct lr_buf out;      /* the session's output */
	struct lr_buf echo;     /* each echoed text, between [ and ] */
	int ran, quit_rc, errors, error_line, go_on, stop_after;
};

static void write_out(void *ctx, const char *s, size_t n)
{
	lr_buf_add(&((struct seen *)ctx)->out, s, n);
}

static void echo(void *ctx, const char *src, size_t from, size_t to)
{
	struct seen *w = ctx;

	lr_buf_putc(&w->echo, '[');
	lr_buf_add(&w->echo, src + from, to - from);
	lr_buf_putc(&w->echo, ']');
}

static void ran(void *ctx, const struct lr_stmt *st, int rc)
{
	struct seen *w = ctx;

	(void)st;
	w->ran++;
	if (rc > 0)
		w->quit_rc = 1;
}

static int error(void *ctx, const char *name, const char *src, size_t len,
                 const struct lr_error *e)
{
	struct seen *w = ctx;

	(void)src;
	(void)len;
	CHECK(!strcmp(name, "t"));
	w->errors++;
	w->error_line = e->pos.line;
	return w->go_on;
}

static int interrupted(void *ctx)
{
	struct seen *w = ctx;

	return w->stop_after && w->ran >= w->stop_after;
}

static struct lr_run_hooks hooks_of(struct seen *w)
{
	return (struct lr_run_hooks){ w, echo, ran, error, interrupted };
}

/* Runs src in a fresh session with every hook; the session is returned to
 * look at what it holds. */
static enum lr_run_result run(struct lr_session **s, struct lr_output *o, struct seen *w,
                              const char *src, int first_line)
{
	struct lr_run_hooks h = hooks_of(w);

	*o = (struct lr_output){ w, write_out, NULL, NULL, NULL };
	*s = lr_session_create(o);
	CHECK(*s != NULL);
	return lr_session_run_text(*s, "t", src, strlen(src), first_line, &h);
}

/* Whether variable name is defined in s: disp(name) runs without an error. */
static int defined(struct lr_session *s, const char *name)
{
	static const struct lr_run_hooks none = { NULL, NULL, NULL, NULL, NULL };
	char text[64];
	int n = snprintf(text, sizeof text, "disp(%s)\n", name);

	return lr_session_run_text(s, "t", text, (size_t)n, 1, &none) == LR_RUN_OK;
}

static void finish(struct lr_session *s, struct seen *w)
{
	lr_session_destroy(s);
	lr_buf_finish(&w->out);
	lr_buf_finish(&w->echo);
}

/* Each statement is echoed from its first token to where the parser stands
 * after it (the next statement, or the line end after a comment: callers
 * trim), then run; a quiet one prints nothing. */
static void echo_ran(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	CHECK(run(&s, &o, &w, "a = 1\n% a comment\nb = a + 1; c = b\n", 1) == LR_RUN_OK);
	CHECK(w.ran == 3 && w.errors == 0);
	CHECK(w.echo.data && !strcmp(w.echo.data, "[a = 1\n% a comment][b = a + 1; ][c = b\n]"));
	CHECK(w.out.data && strstr(w.out.data, "c = 2") && !strstr(w.out.data, "b = 2"));
	finish(s, &w);
}

/* A syntax error stops the run unless the hook goes on, from the next line. */
static void syntax_error(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	CHECK(run(&s, &o, &w, "x = 1\ny = )\nz = 3\n", 10) == LR_RUN_ERRORS);
	CHECK(w.errors == 1 && w.error_line == 11 && w.ran == 1);
	CHECK(defined(s, "x") && !defined(s, "z"));
	finish(s, &w);
	memset(&w, 0, sizeof w);
	w.go_on = 1;
	CHECK(run(&s, &o, &w, "x = 1\ny = )\nz = 3\n", 1) == LR_RUN_ERRORS);
	CHECK(w.errors == 1 && w.error_line == 2 && w.ran == 2);
	CHECK(defined(s, "z"));
	finish(s, &w);
}

/* An error of running likewise; the statement after it runs if the hook
 * goes on, and the failed one changed nothing. */
static void run_error(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	w.go_on = 1;
	CHECK(run(&s, &o, &w, "u = no_such_thing_q\nv = 5\n", 1) == LR_RUN_ERRORS);
	CHECK(w.errors == 1 && w.error_line == 1 && w.ran == 2);
	CHECK(!defined(s, "u") && defined(s, "v"));
	finish(s, &w);
}

/* quit ends the run after the hooks saw it; nothing after it runs. */
static void quit(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	w.go_on = 1;
	CHECK(run(&s, &o, &w, "a = 1\nquit\nb = 2\n", 1) == LR_RUN_QUIT);
	CHECK(w.ran == 2 && w.quit_rc == 1 && w.errors == 0);
	CHECK(!defined(s, "b"));
	finish(s, &w);
}

/* The interruption hook is asked after each statement. */
/* return ends the text, from inside a block too; the statements before it
 * ran, an error before it was reported (the hook went on), none after. */
static void return_ends(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	w.go_on = 1;
	CHECK(run(&s, &o, &w, "a = 1\nx = [1 2] * [3 4]\nfor i = 1:3\n  if i == 2, return, end\n"
	          "  c = i;\nend\nb = 2\n", 1) == LR_RUN_RETURN);
	CHECK(w.ran == 3 && w.errors == 1 && w.error_line == 2);
	CHECK(defined(s, "a") && defined(s, "c") && !defined(s, "b"));
	finish(s, &w);
}

static void interrupt(void)
{
	struct seen w = { 0 };
	struct lr_output o;
	struct lr_session *s;

	w.stop_after = 1;
	CHECK(run(&s, &o, &w, "a = 1\nb = 2\n", 1) == LR_RUN_INTERRUPTED);
	CHECK(w.ran == 1 && defined(s, "a") && !defined(s, "b"));
	finish(s, &w);
}

/* No hooks at all: the first error stops the run. */
static void no_hooks(void)
{
	static const struct lr_run_hooks none = { NULL, NULL, NULL, NULL, NULL };
	struct seen w = { 0 };
	struct lr_output o = { &w, write_out, NULL, NULL, NULL };
	struct lr_session *s = lr_session_create(&o);
	const char *src = "a = 1;\nb = )\nc = 3;\n";

	CHECK(s != NULL);
	CHECK(lr_session_run_text(s, "t", src, strlen(src), 1, &none) == LR_RUN_ERRORS);
	CHECK(defined(s, "a") && !defined(s, "c"));
	finish(s, &w);
}

SUBTEST_MAIN(T(echo_ran), T(syntax_error), T(run_error), T(quit), T(interrupt), T(no_hooks),
             T(return_ends))
