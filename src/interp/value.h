/* Values of the language: a matrix of doubles (a scalar is 1×1) or a
 * string (a row of characters, Octave's char row vector). A matrix may be
 * logical, as Octave's class logical: its entries are 0 or 1, it shows as
 * `  1  0  1` and, as an index, it is a mask that selects where it is 1.
 * One owner per value; lr_value_destroy(NULL) is a no-op. */
#ifndef LR_VALUE_H
#define LR_VALUE_H

#include <stddef.h>
#include "lowrank/matrix.h"

enum lr_value_kind { LR_VAL_MAT, LR_VAL_STR,
	LR_VAL_FN,           /* a function handle, @sin or @(x) A * x (fn_handle.h) */
	LR_VAL_CELL          /* a cell array, {1, 'abc'} (cell.h) */
};

struct lr_fnh;

/* A cell array's elements, column by column (Octave's order). */
struct lr_cellarr {
	size_t rows, cols;
	int depth;            /* 1, or 1 + the deepest cell among the elements: bounded
	                         (cell.h), so that copying and freeing cannot overflow
	                         the stack */
	struct lr_value **v;  /* owned: rows * cols values, each owned */
};

struct lr_value {
	enum lr_value_kind kind;
	struct lr_matrix *m;  /* owned when kind == LR_VAL_MAT, else NULL */
	char *s;              /* owned, NUL-terminated, when kind == LR_VAL_STR, else NULL */
	size_t slen;
	int logical;          /* LR_VAL_MAT: of class logical (every entry 0 or 1) */
	struct lr_matrix *im; /* LR_VAL_MAT: owned imaginary parts, the shape of m, when the
	                         value is complex; NULL for a real value. Code that reads only
	                         m must refuse a value with im set (cvalue.h) */
	int row;              /* LR_VAL_STR: an empty string that is 1×0 rather than 0×0 ('' is
	                         0×0; Octave's sprintf('') and strcat('', '') are 1×0) */
	int dq;               /* a string from a double-quoted literal, whose escapes the lexer
	                         has replaced: printf then takes its backslashes as they are,
	                         as Octave does (a single-quoted format's escapes are printf's) */
	struct lr_cellarr *c; /* LR_VAL_CELL: owned, else NULL */
	struct lr_fnh *fh;    /* LR_VAL_FN: one reference to the handle, which never changes
	                         once made (a copy of the value takes another), else NULL */
};

/* Wraps m (taking ownership; on failure m is destroyed and NULL returned). */
struct lr_value *lr_value_mat(struct lr_matrix *m);
struct lr_value *lr_value_scalar(double x);
/* Wraps m as a logical value (its entries must be 0 or 1); as lr_value_mat. */
struct lr_value *lr_value_bool(struct lr_matrix *m);
struct lr_value *lr_value_str(const char *s, size_t n);
struct lr_value *lr_value_copy(const struct lr_value *v);
/* A rows×cols cell array whose elements are NULL, for the caller to fill
 * (every one must be set before the value is used); NULL if out of memory. */
struct lr_value *lr_value_cell(size_t rows, size_t cols);
/* What v is, for messages: "matrix", "string", "function handle", "cell array". */
const char *lr_value_kind_name(const struct lr_value *v);
void lr_value_destroy(struct lr_value *v);
/* The character of code x, rounded (char(65.6) is 'B') or truncated (as a
 * concatenation converts). -1 with a sentence in why[n] for NaN or a code
 * outside 0–255, which Octave would wrap or zero. */
int lr_char_code(double x, int round_it, unsigned char *out, char *why, size_t n);
/* The rows of string v: 1, or 0 for an empty one that is 0×0. */
static inline size_t lr_value_str_rows(const struct lr_value *v)
{
	return v->slen > 0 || v->row;
}
/* 1 if v is a 1×1 matrix. */
int lr_value_is_scalar(const struct lr_value *v);

#endif
