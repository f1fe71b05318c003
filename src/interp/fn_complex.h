/* The complex forms of functions (fn_complex.c). */
#ifndef LR_FN_COMPLEX_H
#define LR_FN_COMPLEX_H

#include "builtins.h"

/* How a function of another table takes a complex first argument. */
enum lr_cx_how {
	LR_CX_AS_IS,    /* called as it is (it looks only at shapes), or not complex */
	LR_CX_PARTS,    /* called on the real and on the imaginary part, joined: sum, round */
	LR_CX_EITHER,   /* called on each part, 1 where either gives 1: isnan, isinf */
	LR_CX_NONZERO   /* called on where the value is nonzero: any, all, find */
};

/* The entry to call for function b with these arguments, and how (*how):
 * b itself when it takes complex values (or none is complex); the complex
 * form of abs, exp, log, sqrt or eig when an argument is complex, or when
 * the real form would give NaN where Octave gives a complex result (sqrt or
 * log of a negative entry, eig of a matrix that is not symmetric); NULL
 * when b takes only real arguments and argument *bad is complex. A call
 * with no complex argument costs a look at each argument and, for names
 * starting with s, l or e, a table search. */
const struct lr_builtin *lr_cx_dispatch(const struct lr_builtin *b,
                                        const struct lr_value *const *args, int nargin,
                                        enum lr_cx_how *how, int *bad);
/* Calls b on c as how says (c as lr_builtin_fn). */
int lr_cx_call(const struct lr_builtin *b, enum lr_cx_how how, struct lr_call *c);

#endif
