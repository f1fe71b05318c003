/* What the files of functions (fn_*.c) share: reading arguments, refusing
 * them with a sentence and the argument's index (see builtins.h), and
 * handing results out. builtins.c and fn_linalg.c use them by short names
 * (LR_FN_SHORT_NAMES). */
#ifndef LR_FN_ARGS_H
#define LR_FN_ARGS_H

#include <stddef.h>
#include "builtins.h"

/* Writes the message, names the argument at fault (-1: the call as a
 * whole) and returns -1, so that a function can `return lr_fn_fail(...)`. */
int lr_fn_fail(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int lr_fn_nomem(struct lr_call *c, const char *name);
/* The refusal of a result that would be complex, which Octave would give
 * (asin(2), log2(-1)): complex numbers are not supported yet. x is the
 * element that has none in the reals. */
int lr_fn_complex(struct lr_call *c, const char *name, int arg, double x);

/* A number as Octave prints it in a message: NaN, Inf, -Inf or %g (one of
 * four rotating buffers). */
const char *lr_fn_num(double x);
/* "a string", "[]", "a 2×3 matrix": what an argument was. */
const char *lr_fn_describe(const struct lr_value *v, char *buf, size_t n);

/* Argument i as a matrix, or NULL with the error set (a string is refused). */
const struct lr_matrix *lr_fn_mat(struct lr_call *c, const char *name, int i);
/* Argument i as one number / as a whole number (NaN and Inf refused). */
int lr_fn_scalar(struct lr_call *c, const char *name, int i, double *x);
int lr_fn_whole(struct lr_call *c, const char *name, int i, double *x);
/* Argument i if it is a string, else NULL (no error set). */
const char *lr_fn_str(const struct lr_call *c, int i);
/* A dimension argument as Octave's DIM: a positive whole number; 1 down
 * the columns, 2 along the rows, 3 and up leave the matrix as it is (*dim
 * is then 3). The message is Octave's "NAME: DIM must be a valid
 * dimension". */
int lr_fn_dim(struct lr_call *c, const char *name, int i, int *dim);

/* Octave's default dimension: the first whose length is not 1 (1 for 1×1). */
int lr_fn_default_dim(const struct lr_matrix *a);
/* The element count, and whether a matrix is a row or a column. */
size_t lr_fn_numel(const struct lr_matrix *m);
int lr_fn_is_vector(const struct lr_matrix *m);
int lr_fn_nargout(const struct lr_call *c);

/* A rows×cols zero matrix, or NULL with the error set (the element limit,
 * out of memory). rows and cols are doubles so that a product too large for
 * size_t is refused rather than wrapped. */
struct lr_matrix *lr_fn_mk(struct lr_call *c, const char *name, double rows, double cols);
/* Hands m to output i, taking ownership (NULL m: the error is already set). */
int lr_fn_put(struct lr_call *c, const char *name, int i, struct lr_matrix *m);
int lr_fn_put_num(struct lr_call *c, const char *name, int i, double x);
/* Output 0 is the logical scalar t != 0. */
int lr_fn_put_bool(struct lr_call *c, const char *name, int t);
/* Hands m[0..n) to outputs 0..n−1, taking ownership of all of them (after
 * a failure the rest are destroyed; a NULL m[i] means its error is set). */
int lr_fn_put_all(struct lr_call *c, const char *name, struct lr_matrix **m, int n);

/* rand('seed', n), rand('state', n), rand('twister', n) and randn's: they
 * reseed the session's generator (fn_build.c). name is rand or randn. */
int lr_fn_rand_seed(struct lr_call *c, const char *name);

/* lr_fn_fail for a result over the element limit, in the words of limit.h. */
int lr_fn_fail_big(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets the call's warning (shown as "warning: TEXT" once the call has
 * succeeded, as Octave's warnings); returns 0. */
int lr_fn_warn(struct lr_call *c, const char *text);

/* builtins.c and fn_linalg.c call them by short names. */
#ifdef LR_FN_SHORT_NAMES
#define fail lr_fn_fail
#define fail_big lr_fn_fail_big
#define nomem lr_fn_nomem
#define num lr_fn_num
#define describe lr_fn_describe
#define arg_mat lr_fn_mat
#define arg_num lr_fn_scalar
#define arg_whole lr_fn_whole
#define mk lr_fn_mk
#define put lr_fn_put
#define put_num lr_fn_put_num
#endif

#endif
