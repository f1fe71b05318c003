/* An error of the language: where and what. Front ends print it as
 * `FILE:LINE:COL: error: MSG`, the source line and a caret. */
#ifndef LR_ERROR_H
#define LR_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include "lexer.h"

struct lr_error {
	struct lr_pos pos;
	char msg[512];
};

void lr_error_set(struct lr_error *e, struct lr_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends "FILE:LINE:COL: error: MSG", the source line and a caret line
 * (lr_error.c). */
struct lr_buf;
void lr_error_format(struct lr_buf *out, const char *file, const char *src, size_t len,
                     const struct lr_error *err);

#endif
