/* Strings as char row vectors (chars.c): the conversions between a string
 * and the row of its character codes that let strings be indexed, compared,
 * joined with numbers and computed with, as in Octave. */
#ifndef LR_CHARS_H
#define LR_CHARS_H

#include "session_impl.h"

/* The codes of string v (bytes 0–255) as a new 1×n matrix (0×0 for an empty
 * string, as Octave's ''), or NULL when out of memory. */
struct lr_matrix *lr_str_codes(const struct lr_value *v);
/* Makes v numeric: a string becomes the row of its codes (v then owns it);
 * a matrix is left alone. -1 with the error set when out of memory. */
int lr_val_numeric(struct lr_session *s, struct lr_pos pos, struct lr_val *v);
/* A string of the codes in m (a row, or empty), rounded to characters (as
 * Octave's s(2) = 66.7 stores 'C'; a concatenation truncates instead).
 * -1 with the error set at pos for a matrix of several rows (only strings of
 * one row exist here) or a code that is not a character. */
int lr_str_from_codes(struct lr_session *s, struct lr_pos pos, const struct lr_matrix *m,
                      struct lr_value **out);
/* A one-row literal [a b ...] with at least one string part: the parts'
 * characters side by side, numbers converted as Octave does (['a' 66] is
 * 'aB'); double-quoted when every string part is. */
int lr_chars_join(struct lr_session *s, const struct lr_node *n, struct lr_value **vals,
                  struct lr_val *out);

#endif
