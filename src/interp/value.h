/* Values of the language: a matrix of doubles (a scalar is 1×1) or a
 * string. One owner per value; lr_value_destroy(NULL) is a no-op. */
#ifndef LR_VALUE_H
#define LR_VALUE_H

#include <stddef.h>
#include "lowrank/matrix.h"

enum lr_value_kind { LR_VAL_MAT, LR_VAL_STR };

struct lr_value {
	enum lr_value_kind kind;
	struct lr_matrix *m;  /* owned when kind == LR_VAL_MAT, else NULL */
	char *s;              /* owned, NUL-terminated, when kind == LR_VAL_STR, else NULL */
	size_t slen;
	int dq;               /* a string from a double-quoted literal, whose escapes the lexer
	                         has replaced: printf then takes its backslashes as they are,
	                         as Octave does (a single-quoted format's escapes are printf's) */
};

/* Wraps m (taking ownership; on failure m is destroyed and NULL returned). */
struct lr_value *lr_value_mat(struct lr_matrix *m);
struct lr_value *lr_value_scalar(double x);
struct lr_value *lr_value_str(const char *s, size_t n);
struct lr_value *lr_value_copy(const struct lr_value *v);
void lr_value_destroy(struct lr_value *v);
/* 1 if v is a 1×1 matrix. */
int lr_value_is_scalar(const struct lr_value *v);

#endif
