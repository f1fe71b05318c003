/* The statement loop: parse a text one statement at a time and run each,
 * the one loop behind every front end (batch, the prompt, demo playback,
 * lessons, --check), as SQLite's shell has one process_input. What differs
 * between them is in the hooks. A statement is whatever lr_parse_next
 * returns, so a block the parser reads whole is one statement here. */
#ifndef LR_RUN_H
#define LR_RUN_H

#include <stddef.h>
#include "ast.h"
#include "lr_error.h"

struct lr_session;

/* What a caller does around each statement; ctx is passed back. Any hook
 * may be NULL, which means: no echo, nothing after a statement, stop at the
 * first error, never interrupted. */
struct lr_run_hooks {
	void *ctx;
	/* Before a statement runs: its text is src[from, to), from its first
	 * token to where the parser stands after it (the next statement's first
	 * token, or a line end after blank or comment lines, or the end of the
	 * text), so a caller trims what trails. */
	void (*echo)(void *ctx, const char *src, size_t from, size_t to);
	/* After it ran; rc as lr_session_exec returns it (1: it asked to quit). */
	void (*ran)(void *ctx, const struct lr_stmt *st, int rc);
	/* An error of syntax or of running, at e->pos in src[0, len) (name: the
	 * text's name given to lr_session_run_text). Returns 1 to go on with
	 * the next statement (after a syntax error, from the next line), 0 to
	 * stop. */
	int (*error)(void *ctx, const char *name, const char *src, size_t len,
	             const struct lr_error *e);
	/* Asked after each statement: non-zero ends the run (Ctrl-C). */
	int (*interrupted)(void *ctx);
};

/* How a run ended: every statement ran; some failed (and error went on, or
 * the run stopped at one); a statement asked to quit; interrupted; or a
 * `return` ended the text (errors before it were given to the error hook). */
enum lr_run_result { LR_RUN_OK, LR_RUN_ERRORS, LR_RUN_QUIT, LR_RUN_INTERRUPTED,
                     LR_RUN_RETURN };

/* Runs the statements of src[0, len) (borrowed), whose first line is
 * numbered first_line, in session s, with the session's command words and
 * nesting limit. name is handed to the error hook. */
enum lr_run_result lr_session_run_text(struct lr_session *s, const char *name, const char *src,
                                       size_t len, int first_line,
                                       const struct lr_run_hooks *h);

#endif
