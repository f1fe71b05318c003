/* printf and sprintf with GNU Octave's rules: every argument is flattened
 * into one list of elements (a matrix gives its elements in column-major
 * order, a string is one element for %s), and the template is reused until
 * the list is used up. */
#ifndef LR_PRINTF_H
#define LR_PRINTF_H

#include "lowrank/buf.h"
#include "value.h"

/* Appends the formatted text to out. fmt is the template as written (the
 * escapes \n \t \\ \" \a \r and %% are interpreted here). Returns 0, or -1
 * with a sentence in msg (e.g. "printf: unknown conversion '%q' in the
 * format"). */
int lr_format_printf(struct lr_buf *out, const char *fmt, size_t fmtlen,
                     const struct lr_value *const *args, int nargs,
                     char *msg, size_t msglen);

/* The same, with the escapes interpreted only when escapes is nonzero: as
 * Octave does, printf interprets them in a single-quoted format, while a
 * double-quoted one had them replaced when it was read (so
 * printf("a\\tb") prints a\tb). */
int lr_format_printf_escapes(struct lr_buf *out, const char *fmt, size_t fmtlen, int escapes,
                             const struct lr_value *const *args, int nargs,
                             char *msg, size_t msglen);

#endif
