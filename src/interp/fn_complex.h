/* The complex forms of functions (fn_complex.c). */
#ifndef LR_FN_COMPLEX_H
#define LR_FN_COMPLEX_H

#include "builtins.h"

/* The entry to call for function b with these arguments: b itself when it
 * takes complex values (or none is complex); the complex form of abs, exp,
 * log, sqrt or eig when an argument is complex, or when the real form
 * would give NaN where Octave gives a complex result (sqrt or log of a
 * negative entry, eig of a matrix that is not symmetric); NULL when b takes
 * only real arguments and argument *bad is complex. */
const struct lr_builtin *lr_cx_dispatch(const struct lr_builtin *b,
                                        const struct lr_value *const *args, int nargin,
                                        int *bad);

#endif
