/* An error of the language: where and what. Front ends print it as
 * `FILE:LINE:COL: error: MSG`, the source line and a caret (and, inside a
 * user function, the calls that led there). */
#ifndef LR_ERROR_H
#define LR_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include "lexer.h"

/* The calls kept for "called from": the innermost ones and the outermost. */
#define LR_ERROR_FRAMES 8

/* One call an error happened under: a function, where it was running. */
struct lr_error_frame {
	char name[48];
	const char *file;      /* borrowed like lr_error's file; NULL: the front end's */
	struct lr_pos pos;
};

struct lr_error {
	struct lr_pos pos;
	char msg[512];
	/* An error inside a user function (function.c): pos is in src (borrowed
	 * from the function's definition, which the session keeps until the
	 * next statement), of file (NULL: the front end's file); frames are
	 * Octave's "called from" lines, innermost first (nframes kept, nskipped
	 * left out between them and the last), and top the place of the
	 * outermost call in the front end's text. src NULL otherwise. */
	const char *file, *src;
	size_t srclen;
	struct lr_pos top;
	struct lr_error_frame frames[LR_ERROR_FRAMES];
	int nframes, nskipped;
};

/* Forgets where a previous error was (a new one is not in a function). */
static inline void lr_error_clear_where(struct lr_error *e)
{
	e->file = e->src = NULL;
	e->srclen = 0;
	e->nframes = e->nskipped = 0;
}

void lr_error_set(struct lr_error *e, struct lr_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends "FILE:LINE:COL: error: MSG", the source line and a caret line
 * (lr_error.c). */
struct lr_buf;
void lr_error_format(struct lr_buf *out, const char *file, const char *src, size_t len,
                     const struct lr_error *err);

#endif
