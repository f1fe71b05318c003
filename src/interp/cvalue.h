/* Complex values of the language (Octave's complex double): a value whose
 * `im` is set holds real parts in m and imaginary parts in im. A result of
 * an operation whose imaginary parts are all zero is narrowed to a real
 * value, as Octave does; complex(a, b) keeps them.
 *
 * Real code reads only m; so a function or command that takes real input
 * refuses a complex value before it reads it (lr_cx_refuse_msg), rather than
 * silently dropping the imaginary parts. */
#ifndef LR_CVALUE_H
#define LR_CVALUE_H

#include <stddef.h>
#include "lowrank/matrix.h"
#include "ops.h"
#include "value.h"

/* A value of real parts re and imaginary parts im (same shape; both taken,
 * destroyed on failure). im NULL gives a real value. narrow: drop im when
 * every imaginary part is zero. NULL when out of memory. */
struct lr_value *lr_cx_value(struct lr_matrix *re, struct lr_matrix *im, int narrow);
/* 1 if v is a complex value. */
static inline int lr_cx_is(const struct lr_value *v)
{
	return v->kind == LR_VAL_MAT && v->im;
}

/* a op b when a or b is complex (or a real power that needs complex
 * results). Errors as lr_op_binary, with msg set; LR_ERR_ARG also for what is
 * not supported on complex matrices (named in msg). */
enum lr_status lr_cx_binary(enum lr_binop op, const struct lr_value *a,
                            const struct lr_value *b, struct lr_value **out,
                            char *msg, size_t msglen);
/* op a for a complex a. LR_ERR_NOMEM, LR_ERR_TOO_BIG. */
enum lr_status lr_cx_unary(enum lr_unop op, const struct lr_value *a, struct lr_value **out);
/* 1 if a real a .^ b (or a ^ b of scalars) has complex results: a negative
 * base with an exponent that is not whole, as (-8)^(1/3). */
int lr_cx_real_pow_is_complex(const struct lr_matrix *a, const struct lr_matrix *b);

/* The message of a function or command that takes only real input. */
#define LR_CX_REFUSE_FMT "%s: expected a real %s, found a complex one (real(z), imag(z) " \
	"and abs(z) give real parts)"

#endif
