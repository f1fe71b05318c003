/* Arithmetic and comparison on matrices with GNU Octave's semantics:
 * elementwise operators broadcast scalars and rows/columns against
 * matrices; * is the matrix product; / is right division (A/B = A·B⁻¹);
 * ^ is a scalar power or a whole power of a square matrix. Results carry no
 * mask. The caller owns *out, which is set only on LR_OK. On an error msg
 * receives a sentence without the operand names, for example
 * "inner dimensions 3 and 2 do not agree" (LR_ERR_SHAPE) or
 * "matrix power needs a whole exponent" (LR_ERR_ARG). */
#ifndef LR_OPS_H
#define LR_OPS_H

#include <stddef.h>
#include "lowrank/linalg.h"
#include "lowrank/matrix.h"

enum lr_binop {
	LR_OP_ADD, LR_OP_SUB, LR_OP_MUL, LR_OP_DIV, LR_OP_EMUL, LR_OP_EDIV,
	LR_OP_POW, LR_OP_EPOW, LR_OP_LT, LR_OP_LE, LR_OP_GT, LR_OP_GE,
	LR_OP_EQ, LR_OP_NE, LR_OP_AND, LR_OP_OR, LR_OP_LDIV, LR_OP_ELDIV
};
enum lr_unop { LR_OP_NEG, LR_OP_NOT, LR_OP_TRANSPOSE };

/* The operator's spelling ("+", ".*", ...). */
const char *lr_binop_name(enum lr_binop op);

/* Octave's warning for a square system or inverse that is singular to
 * machine precision (/, \, inv, negative powers), shown as a warning. */
#define LR_OP_MSG_SINGULAR "matrix singular to machine precision"

/* The message of & | and ! on a NaN operand (Octave's wording). */
#define LR_OP_MSG_NAN_LOGICAL "invalid conversion from NaN to logical"

/* a op b. On LR_OK a nonempty msg is a warning to show (Octave's "matrix
 * singular to machine precision"). Errors: LR_ERR_SHAPE ("nonconformant arguments (3×3 and 2×3)",
 * "inner dimensions 3 and 2 do not agree", "matrix power needs a square
 * matrix (2×3)"); LR_ERR_ARG ("matrix is singular to machine precision" for
 * / and negative powers, "matrix power needs a whole exponent, found 0.5",
 * "scalar ^ matrix is not supported; use .^", LR_OP_MSG_NAN_LOGICAL);
 * LR_ERR_TOO_BIG (result over lr_mat_max_elems); LR_ERR_LAPACK; LR_ERR_NOMEM
 * (msg left alone). */
enum lr_status lr_op_binary(enum lr_binop op, const struct lr_matrix *a,
                            const struct lr_matrix *b, struct lr_matrix **out,
                            char *msg, size_t msglen);
/* -a, !a (1 where a is 0), aᵀ. Errors: LR_ERR_ARG for ! of a matrix holding
 * a NaN (report LR_OP_MSG_NAN_LOGICAL), LR_ERR_TOO_BIG, LR_ERR_NOMEM. */
enum lr_status lr_op_unary(enum lr_unop op, const struct lr_matrix *a,
                           struct lr_matrix **out);

/* What bounds the matrix products of * and ^: at most max_madds
 * multiply-adds (m·k·n) each, refused with LR_ERR_TOO_BIG and the `limit
 * products` message; and a poll asked between the pieces of a long one,
 * which stops it with LR_ERR_STOPPED. */
struct lr_op_guard {
	double max_madds;
	struct lr_poll poll;
};
/* Makes g (borrowed; NULL for none) the guard of the products that follow
 * and returns the one it replaces, for the caller to put back. */
const struct lr_op_guard *lr_op_guard_swap(const struct lr_op_guard *g);

/* Extensions used by the functions (builtins.c). */

typedef double (*lr_op_fn2)(double x, double y);
/* out(i,j) = f(a(i,j), b(i,j)) with the broadcasting of the elementwise
 * operators (a dimension of length 1 is repeated). Errors: LR_ERR_SHAPE
 * ("nonconformant arguments (3×3 and 2×3)"), LR_ERR_TOO_BIG, LR_ERR_NOMEM. */
enum lr_status lr_op_broadcast(const struct lr_matrix *a, const struct lr_matrix *b,
                               lr_op_fn2 f, struct lr_matrix **out,
                               char *msg, size_t msglen);
/* The inverse of a square matrix (LU through LAPACK; masks ignored; NaN
 * propagates). Errors: LR_ERR_SHAPE ("the inverse needs a square matrix,
 * found 2×3"), LR_ERR_ARG ("matrix is singular to machine precision": a zero
 * pivot or a reciprocal condition number below eps), LR_ERR_LAPACK,
 * LR_ERR_NOMEM. */
enum lr_status lr_op_inv(const struct lr_matrix *a, struct lr_matrix **out,
                         char *msg, size_t msglen);

#endif
