/* A call's frame: what a call of a user function or of a handle puts aside
 * of its caller's state (the variables, the source its positions count in,
 * the function and anonymous function in scope) and gives back on return;
 * and the "called from" lines an error gathers on its way out. One piece for
 * function.c and fn_handle.c. */
#ifndef LR_FRAME_H
#define LR_FRAME_H

#include "lr_error.h"

struct lr_session;
struct lr_var;
struct lr_fndef;
struct lr_anon;

struct lr_frame {
	struct lr_var *vars;          /* the caller's variables, owned by the session */
	size_t nvars, cap;
	const char *src;
	struct lr_fndef *fn;
	const struct lr_anon *anon;
	double end_extent;
};

/* Puts the caller's state into fr and starts an empty workspace running
 * text src, in scope fn (the function whose subfunctions and file the
 * callee sees) and anon (an anonymous function's captures, or NULL). */
void lr_frame_enter(struct lr_session *s, struct lr_frame *fr, const char *src,
                    struct lr_fndef *fn, const struct lr_anon *anon);
/* Frees the callee's variables and gives the caller's state back. */
void lr_frame_leave(struct lr_session *s, const struct lr_frame *fr);

/* Adds a "called from" line: function name (of file, may be NULL) was
 * running at at. Past the room, the innermost lines stay and the last is
 * replaced (the outermost call is the one a reader looks for). */
void lr_frame_trace(struct lr_error *e, const char *name, const char *file, struct lr_pos at);

#endif
