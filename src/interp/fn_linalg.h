/* The linear-algebra functions of the language (fn_linalg.c), entries of
 * the builtin table (builtins.c): each as struct lr_builtin's fn. */
#ifndef LR_FN_LINALG_H
#define LR_FN_LINALG_H

#include "builtins.h"

int lr_fn_mldivide(struct lr_call *c);
int lr_fn_linsolve(struct lr_call *c);
int lr_fn_det(struct lr_call *c);
int lr_fn_rcond(struct lr_call *c);
int lr_fn_cond(struct lr_call *c);
int lr_fn_eig(struct lr_call *c);
int lr_fn_lu(struct lr_call *c);
int lr_fn_qr(struct lr_call *c);
int lr_fn_chol(struct lr_call *c);
int lr_fn_null(struct lr_call *c);
int lr_fn_orth(struct lr_call *c);
int lr_fn_pinv(struct lr_call *c);
int lr_fn_rref(struct lr_call *c);
int lr_fn_kron(struct lr_call *c);
int lr_fn_triu(struct lr_call *c);
int lr_fn_tril(struct lr_call *c);
int lr_fn_dot(struct lr_call *c);
int lr_fn_cross(struct lr_call *c);

#endif
