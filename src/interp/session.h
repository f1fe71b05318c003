/* A session of the interpreter: its variables, its random generator, its
 * settings and limits, and running one statement. It writes text and
 * reports events through struct lr_output (output.h), which each front end
 * implements; what it keeps of its commands' work is in results.h, and a
 * front end opens a session with every command through session_open.h. */
#ifndef LR_SESSION_H
#define LR_SESSION_H

#include <stddef.h>
#include "ast.h"
#include "lr_error.h"
#include "output.h"

struct lr_session;

/* Limits on what one statement may ask for (limit.h); each can be changed
 * with the `limit` command. */
struct lr_limits {
	double max_elems;       /* elements of one matrix */
	double max_updates;     /* epochs × observed entries for one sgd */
	double max_products;    /* multiply-adds of one matrix product */
	double max_line;        /* bytes of one statement's text (the front ends
	                           check it as they read) */
	int max_depth;          /* nesting of one expression (the parser checks it) */
	int max_recursion;      /* calls of user functions nested in one another */
};

/* A new session writing to out (borrowed; must outlive the session), with
 * no commands (session.c): the interpreter alone, for the layer that
 * registers them (command.h). NULL when out of memory. */
struct lr_session *lr_session_create_bare(const struct lr_output *out);
void lr_session_destroy(struct lr_session *s);

/* Output width in columns for wrapping and plots (80 by default). */
void lr_session_set_width(struct lr_session *s, int width);
void lr_session_set_ascii(struct lr_session *s, int ascii);

/* The limits now in force, for a front end reading statements: max_line
 * for its reader, max_depth for lr_parser_init_at. */
const struct lr_limits *lr_session_limits(const struct lr_session *s);
/* Sets limit kind (enum lr_limit_kind, limit.h) to x, as `limit NAME x`
 * does; -1 (nothing changed) unless x is a whole number from 1 to the
 * limit's maximum. */
int lr_session_set_limit(struct lr_session *s, int kind, double x);
/* The value of limit kind. */
double lr_session_limit(const struct lr_session *s, int kind);

/* Runs one statement (a block is one, with all it holds). src is the text
 * it was parsed from (borrowed for the call, used to quote operands in
 * messages). Returns 0, -1 on an error (err filled at the statement that
 * failed; a simple statement changes no variable, a block keeps what its
 * statements did before), 1 when the statement asked to quit (see
 * lr_session_exit_status), or 2 when a `return` ended the script (a front
 * end stops running the text it was given, as Octave does). */
int lr_session_exec(struct lr_session *s, const struct lr_stmt *st,
                    const char *src, struct lr_error *err);

int lr_session_exit_status(const struct lr_session *s);

#endif
