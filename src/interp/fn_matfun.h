/* Functions of a matrix (fn_matfun.c): expm and sqrtm in its own table,
 * and eig(A, B), which eig (fn_linalg.c) calls for two arguments. */
#ifndef LR_FN_MATFUN_H
#define LR_FN_MATFUN_H

#include "builtins.h"

/* e = eig(A, B), [V, D] = eig(A, B): A V = B V D (dsygv or dggev, as
 * Octave). As struct lr_builtin's fn. */
int lr_fn_eig_pair(struct lr_call *c);

#endif
