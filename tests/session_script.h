/* Scripts run in a session from a test, through the one statement loop
 * (lr_session_run_text) that the front ends use, so a test runs its set-up
 * exactly as batch mode would. Static, for the executables that include it. */
#ifndef LR_TEST_SESSION_SCRIPT_H
#define LR_TEST_SESSION_SCRIPT_H

#include <string.h>
#include "run.h"
#include "session_open.h"

static inline void script_discard(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	(void)s;
	(void)n;
}

/* An output that shows nothing: for sessions whose printing a test ignores. */
static const struct lr_output script_quiet = { NULL, script_discard, NULL, NULL, NULL };

/* The error hook's state: where the last error goes, and whether to go on. */
struct script_errors {
	struct lr_error *last;   /* borrowed; NULL: not kept */
	int keep_going;
};

static inline int script_error(void *ctx, const char *name, const char *src, size_t len,
                               const struct lr_error *e)
{
	struct script_errors *r = ctx;

	(void)name;
	(void)src;
	(void)len;
	if (r->last)
		*r->last = *e;
	return r->keep_going;
}

/* Runs src in s. Returns 0 when every statement ran, 1 when one asked to
 * quit, -1 when one failed: the run stops there, or with keep_going after
 * the last statement (after a syntax error it goes on from the next line).
 * The last error is copied to *err unless err is NULL. */
static inline int script_run(struct lr_session *s, const char *src, int keep_going,
                             struct lr_error *err)
{
	struct script_errors r = { err, keep_going };
	struct lr_run_hooks h = { .ctx = &r, .error = script_error };

	switch (lr_session_run_text(s, "script", src, strlen(src), 1, &h)) {
	case LR_RUN_OK:
	case LR_RUN_RETURN:
		return 0;
	case LR_RUN_QUIT:
		return 1;
	default:
		return -1;
	}
}

#endif
