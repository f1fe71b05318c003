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
#include "lowrank/matrix.h"

enum lr_binop {
	LR_OP_ADD, LR_OP_SUB, LR_OP_MUL, LR_OP_DIV, LR_OP_EMUL, LR_OP_EDIV,
	LR_OP_POW, LR_OP_EPOW, LR_OP_LT, LR_OP_LE, LR_OP_GT, LR_OP_GE,
	LR_OP_EQ, LR_OP_NE, LR_OP_AND, LR_OP_OR
};
enum lr_unop { LR_OP_NEG, LR_OP_NOT, LR_OP_TRANSPOSE };

/* The operator's spelling ("+", ".*", ...). */
const char *lr_binop_name(enum lr_binop op);

enum lr_status lr_op_binary(enum lr_binop op, const struct lr_matrix *a,
                            const struct lr_matrix *b, struct lr_matrix **out,
                            char *msg, size_t msglen);
enum lr_status lr_op_unary(enum lr_unop op, const struct lr_matrix *a,
                           struct lr_matrix **out);

#endif
