/* What every file of functions (builtins.c, fn_linalg.c) uses to read its
 * arguments, make its results and report: each error helper writes the
 * sentence into c->msg, names the argument at fault (-1: the whole call)
 * and returns -1, so that a function can `return lr_fn_fail(...)`. */
#ifndef LR_FN_ARGS_H
#define LR_FN_ARGS_H

#include <stddef.h>
#include "builtins.h"

int lr_fn_fail(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* fail() for a result over the element limit, in the words of limit.h. */
int lr_fn_fail_big(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "NAME: out of memory". */
int lr_fn_nomem(struct lr_call *c, const char *name);
/* A number as Octave prints it in a message (NaN, Inf, -Inf, %g); one of
 * four rotating static buffers. */
const char *lr_fn_num(double x);
/* "a string", "a 2×3 matrix", "[]": what an argument was. */
const char *lr_fn_describe(const struct lr_value *v, char *buf, size_t n);
/* Argument i as a matrix (NULL, error set, for a string); as one number;
 * as a whole number; as a dimension (1, 2, 3 and up as 3). */
const struct lr_matrix *lr_fn_arg_mat(struct lr_call *c, const char *name, int i);
int lr_fn_arg_num(struct lr_call *c, const char *name, int i, double *x);
int lr_fn_arg_whole(struct lr_call *c, const char *name, int i, double *x);
int lr_fn_arg_dim(struct lr_call *c, const char *name, int i, int *dim);
/* A rows×cols zero matrix, or NULL with the error set (limit or memory). */
struct lr_matrix *lr_fn_mk(struct lr_call *c, const char *name, size_t rows, size_t cols);
/* Hands m (owned; NULL: the error is already set) or x to output i. */
int lr_fn_put(struct lr_call *c, const char *name, int i, struct lr_matrix *m);
int lr_fn_put_num(struct lr_call *c, const char *name, int i, double x);
/* The outputs asked for, at least 1. */
int lr_fn_nargout(const struct lr_call *c);
/* Sets the call's warning (shown as "warning: TEXT" once the call has
 * succeeded, as Octave's warnings); returns 0. */
int lr_fn_warn(struct lr_call *c, const char *text);

/* The files of functions call them by short names. */
#ifdef LR_FN_SHORT_NAMES
#define fail lr_fn_fail
#define fail_big lr_fn_fail_big
#define nomem lr_fn_nomem
#define num lr_fn_num
#define describe lr_fn_describe
#define arg_mat lr_fn_arg_mat
#define arg_num lr_fn_arg_num
#define arg_whole lr_fn_arg_whole
#define arg_dim lr_fn_arg_dim
#define mk lr_fn_mk
#define put lr_fn_put
#define put_num lr_fn_put_num
#endif

#endif
