/* Unit tests of the operators (src/interp/ops.c). Expected values were
 * computed by GNU Octave 7.3 (octave-cli, printed with %.17g) unless a
 * comment says otherwise. */
#include "check.h"

#include "lowrank/alloc.h"
#include "ops.h"

/* A matrix from a row-major list: MAT(2, 2, 1, 2, 3, 4). */
#define MAT(r, c, ...) lr_mat_from((r), (c), (const double[]){ __VA_ARGS__ })
#define EMPTY(r, c) lr_mat_create((r), (c))

/* Checks got against a rows×cols row-major list (NaN matches NaN) within
 * tol (relative for large values), then frees got. */
static void check_mat(const char *file, int line, struct lr_matrix *got, size_t rows,
                      size_t cols, double tol, const double *want)
{
	if (!got) {
		fprintf(stderr, "%s:%d: no matrix\n", file, line);
		check_failures++;
		return;
	}
	if (got->rows != rows || got->cols != cols) {
		fprintf(stderr, "%s:%d: got %zu×%zu, expected %zu×%zu\n", file, line, got->rows,
		        got->cols, rows, cols);
		check_failures++;
	} else {
		for (size_t i = 0; i < rows * cols; i++) {
			double g = got->data[i], w = want[i];
			if ((isnan(w) && isnan(g)) || g == w ||
			    fabs(g - w) <= tol * fmax(1.0, fabs(w)))
				continue;
			fprintf(stderr, "%s:%d: element %zu = %.17g, expected %.17g\n", file, line,
			        i, g, w);
			check_failures++;
		}
		if (got->mask) {
			fprintf(stderr, "%s:%d: result carries a mask\n", file, line);
			check_failures++;
		}
	}
	lr_mat_destroy(got);
}
#define CHECK_MAT(got, r, c, tol, ...) \
	check_mat(__FILE__, __LINE__, (got), (r), (c), (tol), (const double[]){ __VA_ARGS__ })
#define CHECK_SHAPE(got, r, c) check_mat(__FILE__, __LINE__, (got), (r), (c), 0, NULL)

static char msg[200];

/* a op b, freeing a and b; checks the status and, on error, the message. */
static struct lr_matrix *bin(enum lr_binop op, struct lr_matrix *a, struct lr_matrix *b,
                             enum lr_status want, const char *want_msg)
{
	struct lr_matrix *r = NULL;
	enum lr_status st;

	msg[0] = '\0';
	st = lr_op_binary(op, a, b, &r, msg, sizeof msg);
	if (st != want) {
		fprintf(stderr, "%s: status %d (%s), expected %d\n", lr_binop_name(op), (int)st,
		        msg, (int)want);
		check_failures++;
	}
	if (want_msg && strcmp(msg, want_msg) != 0) {
		fprintf(stderr, "%s: message \"%s\", expected \"%s\"\n", lr_binop_name(op), msg,
		        want_msg);
		check_failures++;
	}
	if (st != LR_OK)
		CHECK(r == NULL);
	lr_mat_destroy(a);
	lr_mat_destroy(b);
	return r;
}
#define OK(op, a, b) bin((op), (a), (b), LR_OK, NULL)
#define FAILS(op, a, b, st, m) CHECK(bin((op), (a), (b), (st), (m)) == NULL)

static struct lr_matrix *un(enum lr_unop op, struct lr_matrix *a, enum lr_status want)
{
	struct lr_matrix *r = NULL;
	enum lr_status st = lr_op_unary(op, a, &r);

	CHECK(st == want);
	lr_mat_destroy(a);
	return r;
}

static void binop_names(void)
{
	CHECK(!strcmp(lr_binop_name(LR_OP_ADD), "+"));
	CHECK(!strcmp(lr_binop_name(LR_OP_EMUL), ".*"));
	CHECK(!strcmp(lr_binop_name(LR_OP_EDIV), "./"));
	CHECK(!strcmp(lr_binop_name(LR_OP_EPOW), ".^"));
	CHECK(!strcmp(lr_binop_name(LR_OP_NE), "~="));
	CHECK(!strcmp(lr_binop_name(LR_OP_OR), "|"));
	CHECK(!strcmp(lr_binop_name((enum lr_binop)99), "?"));
}

static void broadcast(void)
{
	/* scalar against a matrix, either side */
	CHECK_MAT(OK(LR_OP_ADD, MAT(1, 1, 10), MAT(2, 2, 1, 2, 3, 4)), 2, 2, 0, 11, 12, 13, 14);
	CHECK_MAT(OK(LR_OP_SUB, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 1)), 2, 2, 0, 0, 1, 2, 3);
	/* [1 2; 3 4] - [10 20] */
	CHECK_MAT(OK(LR_OP_SUB, MAT(2, 2, 1, 2, 3, 4), MAT(1, 2, 10, 20)), 2, 2, 0,
	          -9, -18, -7, -16);
	/* [1 2; 3 4] .* [10; 100] */
	CHECK_MAT(OK(LR_OP_EMUL, MAT(2, 2, 1, 2, 3, 4), MAT(2, 1, 10, 100)), 2, 2, 0,
	          10, 20, 300, 400);
	/* a row against a column: [1 2 3] ./ [2; 4] */
	CHECK_MAT(OK(LR_OP_EDIV, MAT(1, 3, 1, 2, 3), MAT(2, 1, 2, 4)), 2, 3, 0,
	          0.5, 1, 1.5, 0.25, 0.5, 0.75);
	/* [1 2 3] + [10; 20] */
	CHECK_MAT(OK(LR_OP_ADD, MAT(1, 3, 1, 2, 3), MAT(2, 1, 10, 20)), 2, 3, 0,
	          11, 12, 13, 21, 22, 23);
	/* [1 2] ./ [0 0] and [0 -1] ./ 0 */
	CHECK_MAT(OK(LR_OP_EDIV, MAT(1, 2, 1, 2), MAT(1, 2, 0, 0)), 1, 2, 0, INFINITY, INFINITY);
	CHECK_MAT(OK(LR_OP_EDIV, MAT(1, 2, 0, -1), MAT(1, 1, 0)), 1, 2, 0, NAN, -INFINITY);
}

static void broadcast_empty(void)
{
	CHECK_SHAPE(OK(LR_OP_ADD, EMPTY(0, 3), MAT(1, 1, 1)), 0, 3);           /* zeros(0,3)+1 */
	CHECK_SHAPE(OK(LR_OP_ADD, EMPTY(0, 3), MAT(1, 3, 1, 2, 3)), 0, 3);
	CHECK_SHAPE(OK(LR_OP_ADD, EMPTY(1, 0), MAT(3, 1, 1, 2, 3)), 3, 0);     /* 3x0 */
	CHECK_SHAPE(OK(LR_OP_ADD, EMPTY(0, 3), EMPTY(0, 1)), 0, 3);
	CHECK_SHAPE(OK(LR_OP_AND, MAT(1, 1, 1), EMPTY(0, 0)), 0, 0);           /* 1 & [] */
	FAILS(LR_OP_ADD, EMPTY(0, 3), EMPTY(2, 1), LR_ERR_SHAPE,
	      "nonconformant arguments (0×3 and 2×1)");
	FAILS(LR_OP_ADD, EMPTY(0, 0), MAT(1, 2, 1, 2), LR_ERR_SHAPE,
	      "nonconformant arguments (0×0 and 1×2)");
}

static void nonconformant(void)
{
	FAILS(LR_OP_ADD, EMPTY(3, 3), EMPTY(2, 3), LR_ERR_SHAPE,
	      "nonconformant arguments (3×3 and 2×3)");
	FAILS(LR_OP_EMUL, MAT(1, 3, 1, 2, 3), MAT(1, 2, 1, 2), LR_ERR_SHAPE,
	      "nonconformant arguments (1×3 and 1×2)");
	FAILS(LR_OP_LT, EMPTY(2, 3), EMPTY(3, 1), LR_ERR_SHAPE,
	      "nonconformant arguments (2×3 and 3×1)");
	FAILS(LR_OP_EPOW, EMPTY(2, 2), EMPTY(2, 3), LR_ERR_SHAPE,
	      "nonconformant arguments (2×2 and 2×3)");
}

static void compare(void)
{
	CHECK_MAT(OK(LR_OP_LT, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 2.5)), 2, 2, 0, 1, 1, 0, 0);
	CHECK_MAT(OK(LR_OP_GE, MAT(2, 2, 1, 2, 3, 4), MAT(1, 2, 2, 2)), 2, 2, 0, 0, 1, 1, 1);
	CHECK_MAT(OK(LR_OP_LE, MAT(2, 2, 1, 2, 3, 4), MAT(2, 1, 1, 4)), 2, 2, 0, 1, 0, 1, 1);
	CHECK_MAT(OK(LR_OP_GT, MAT(2, 2, 1, 2, 3, 4), MAT(1, 2, 0, 3)), 2, 2, 0, 1, 0, 1, 1);
	/* [1 NaN 0] == [1 NaN 0] and [1 NaN 0] ~= NaN */
	CHECK_MAT(OK(LR_OP_EQ, MAT(1, 3, 1, NAN, 0), MAT(1, 3, 1, NAN, 0)), 1, 3, 0, 1, 0, 1);
	CHECK_MAT(OK(LR_OP_NE, MAT(1, 3, 1, NAN, 0), MAT(1, 1, NAN)), 1, 3, 0, 1, 1, 1);
}

static void logical(void)
{
	CHECK_MAT(OK(LR_OP_AND, MAT(1, 3, 1, 0, 2), MAT(1, 3, 1, 1, 0)), 1, 3, 0, 1, 0, 0);
	CHECK_MAT(OK(LR_OP_OR, MAT(1, 3, 1, 0, 2), MAT(1, 3, 0, 0, 0)), 1, 3, 0, 1, 0, 1);
	CHECK_MAT(OK(LR_OP_OR, MAT(1, 3, 1, 0, -INFINITY), MAT(1, 1, 0)), 1, 3, 0, 1, 0, 1);
}

static void logical_nan(void)
{
	FAILS(LR_OP_AND, MAT(1, 1, NAN), MAT(1, 1, 1), LR_ERR_ARG,
	      "invalid conversion from NaN to logical");
	FAILS(LR_OP_OR, MAT(1, 2, 0, 0), MAT(1, 2, 1, NAN), LR_ERR_ARG, LR_OP_MSG_NAN_LOGICAL);
}

static void product(void)
{
	CHECK_MAT(OK(LR_OP_MUL, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 2)), 2, 2, 0, 2, 4, 6, 8);
	CHECK_MAT(OK(LR_OP_MUL, MAT(1, 1, -1), MAT(1, 2, 1, 2)), 1, 2, 0, -1, -2);
	CHECK_MAT(OK(LR_OP_MUL, MAT(1, 2, 1, 2), MAT(2, 1, 3, 4)), 1, 1, 0, 11);
	CHECK_MAT(OK(LR_OP_MUL, MAT(2, 2, 1, 2, 3, 4), MAT(2, 2, 1, 2, 3, 4)), 2, 2, 0,
	          7, 10, 15, 22);
	CHECK_MAT(OK(LR_OP_MUL, MAT(2, 3, 1, 2, 3, 4, 5, 6), MAT(3, 1, 1, 0, -1)), 2, 1, 0,
	          -2, -2);
	/* (2×0)*(0×3) = zeros(2, 3); (0×2)*(2×3) is 0×3; [] * [] is 0×0 */
	CHECK_MAT(OK(LR_OP_MUL, EMPTY(2, 0), EMPTY(0, 3)), 2, 3, 0, 0, 0, 0, 0, 0, 0);
	CHECK_SHAPE(OK(LR_OP_MUL, EMPTY(0, 2), EMPTY(2, 3)), 0, 3);
	CHECK_SHAPE(OK(LR_OP_MUL, EMPTY(0, 0), EMPTY(0, 0)), 0, 0);
}

static void product_errors(void)
{
	FAILS(LR_OP_MUL, EMPTY(2, 3), EMPTY(2, 2), LR_ERR_SHAPE,
	      "inner dimensions 3 and 2 do not agree");
	FAILS(LR_OP_MUL, MAT(1, 3, 1, 2, 3), MAT(1, 2, 1, 2), LR_ERR_SHAPE,
	      "inner dimensions 3 and 1 do not agree");
}

static void divide_scalar(void)
{
	/* [1 2; 3 4] / 0 */
	CHECK_MAT(OK(LR_OP_DIV, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 0)), 2, 2, 0,
	          INFINITY, INFINITY, INFINITY, INFINITY);
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 2, 3, 6), MAT(1, 1, 3)), 1, 2, 0, 1, 2);
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 1, 1), MAT(1, 1, 4)), 1, 1, 0, 0.25);
}

static void divide_square(void)
{
	/* [1 2; 3 4; 5 6] / [1 2; 3 5] */
	CHECK_MAT(OK(LR_OP_DIV, MAT(3, 2, 1, 2, 3, 4, 5, 6), MAT(2, 2, 1, 2, 3, 5)), 3, 2, 1e-14,
	          1, 0, -3, 2, -7, 4);
	/* [1 2; 3 4] / [4 7; 2 6] */
	CHECK_MAT(OK(LR_OP_DIV, MAT(2, 2, 1, 2, 3, 4), MAT(2, 2, 4, 7, 2, 6)), 2, 2, 1e-14,
	          0.20000000000000001, 0.099999999999999964, 1, -0.50000000000000011);
	/* empty systems: zeros(3,0)/zeros(2,0) = zeros(3,2); ones(2,3)/zeros(0,3) is 2×0 */
	CHECK_MAT(OK(LR_OP_DIV, EMPTY(3, 0), EMPTY(2, 0)), 3, 2, 0, 0, 0, 0, 0, 0, 0);
	CHECK_SHAPE(OK(LR_OP_DIV, MAT(2, 3, 1, 1, 1, 1, 1, 1), EMPTY(0, 3)), 2, 0);
	CHECK_SHAPE(OK(LR_OP_DIV, EMPTY(0, 3), MAT(2, 3, 1, 1, 1, 1, 1, 1)), 0, 2);
}

static void divide_lstsq(void)
{
	/* [1 2 3; 4 5 6] / [1 2 3; 4 5 7; 1 0 1; 2 2 2]: minimum-norm solution */
	CHECK_MAT(OK(LR_OP_DIV, MAT(2, 3, 1, 2, 3, 4, 5, 6),
	             MAT(4, 3, 1, 2, 3, 4, 5, 7, 1, 0, 1, 2, 2, 2)), 2, 4, 1e-13,
	          0.50000000000000033, 0.3333333333333332, -0.16666666666666724,
	          -0.33333333333333359, 0, 0.66666666666666674, -0.33333333333333365,
	          0.83333333333333282);
	/* [1 2 3; 4 5 6] / [1 2 3; 4 5 7]: least squares */
	CHECK_MAT(OK(LR_OP_DIV, MAT(2, 3, 1, 2, 3, 4, 5, 6), MAT(2, 3, 1, 2, 3, 4, 5, 7)), 2, 2,
	          1e-13, 0.999999999999999, 4.2887874280958497e-16, -0.71428571428571352, 1.2);
	/* [1 2 3] / [1 1 1; 1 2 3] and 2 / [1; 2] */
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 3, 1, 2, 3), MAT(2, 3, 1, 1, 1, 1, 2, 3)), 1, 2, 1e-13,
	          0, 1);
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 1, 2), MAT(2, 1, 1, 2)), 1, 2, 1e-14,
	          0.40000000000000002, 0.79999999999999993);
}

/* Singular to machine precision: Octave warns and answers with the
 * minimum-norm least-squares solution ([1 2] / [1 2; 2 4] is 0.2 0.4). */
#define SINGULAR(op, a, b) bin((op), (a), (b), LR_OK, LR_OP_MSG_SINGULAR)

static void divide_errors(void)
{
	CHECK_MAT(SINGULAR(LR_OP_DIV, MAT(1, 2, 1, 2), MAT(2, 2, 1, 2, 2, 4)), 1, 2, 1e-15,
	          0.2, 0.4);
	CHECK_MAT(SINGULAR(LR_OP_DIV, MAT(1, 2, 1, 2), MAT(2, 2, 0, 0, 0, 0)), 1, 2, 0, 0, 0);
	CHECK_MAT(SINGULAR(LR_OP_LDIV, MAT(2, 2, 1, 2, 2, 4), MAT(2, 1, 1, 2)), 2, 1, 1e-15,
	          0.2, 0.4);
	/* rcond 2.5e-16 adds to 1: no warning, the LU's huge answer (Octave's too) */
	CHECK_MAT(OK(LR_OP_LDIV, MAT(2, 2, 1, 1, 1, 1 + 1e-15), MAT(2, 1, 1, 2)), 2, 1, 1e-3,
	          -900719925474099.0, 900719925474100.0);
	/* NaN: warned, NaN through */
	CHECK_MAT(SINGULAR(LR_OP_LDIV, MAT(2, 2, 1, NAN, 2, 3), MAT(2, 1, 1, 2)), 2, 1, 0,
	          NAN, NAN);
	FAILS(LR_OP_DIV, MAT(1, 2, 1, 2), MAT(2, 3, 1, 2, 3, 4, 5, 6), LR_ERR_SHAPE,
	      "nonconformant arguments (1×2 and 2×3)");
	FAILS(LR_OP_DIV, MAT(1, 1, 2), MAT(2, 2, 1, 2, 3, 4), LR_ERR_SHAPE,
	      "nonconformant arguments (1×1 and 2×2)");
}

static void divide_nan(void)
{
	/* [1 2]/[1 NaN; 2 4] and [NaN 2]/[1 2; 3 4] give NaN, as Octave */
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 2, 1, 2), MAT(2, 2, 1, NAN, 2, 4)), 1, 2, 0, NAN, NAN);
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 2, NAN, 2), MAT(2, 2, 1, 2, 3, 4)), 1, 2, 0, NAN, NAN);
	/* least squares with a NaN: [1 2 3]/[1 NaN 1; 1 2 3] */
	CHECK_MAT(OK(LR_OP_DIV, MAT(1, 3, 1, 2, 3), MAT(2, 3, 1, NAN, 1, 1, 2, 3)), 1, 2, 0,
	          NAN, NAN);
}

static void power_scalar(void)
{
	CHECK_MAT(OK(LR_OP_POW, MAT(1, 1, 2), MAT(1, 1, 0.5)), 1, 1, 0, 1.4142135623730951);
	CHECK_MAT(OK(LR_OP_POW, MAT(1, 1, 2), MAT(1, 1, -2)), 1, 1, 0, 0.25);
	/* no complex numbers: (-8)^(1/3) is NaN (Octave: 1+1.7321i) */
	CHECK_MAT(OK(LR_OP_POW, MAT(1, 1, -8), MAT(1, 1, 1.0 / 3)), 1, 1, 0, NAN);
}

static void power_matrix(void)
{
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 2)), 2, 2, 0, 7, 10, 15, 22);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 2, 1, 1, 3), MAT(1, 1, 3)), 2, 2, 0, 15, 20, 20, 35);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 13)), 2, 2, 0,
	          741736909, 1081027478, 1621541217, 2363278126);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 1)), 2, 2, 0, 1, 2, 3, 4);
	/* A^0 is eye, even with NaN in A; -0 too */
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, NAN, 2, 3, 4), MAT(1, 1, 0)), 2, 2, 0, 1, 0, 0, 1);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, -0.0)), 2, 2, 0, 1, 0, 0, 1);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 0.5, 0.1, 0.2, 0.3), MAT(1, 1, 100)), 2, 2, 1e-12,
	          5.3444285011702639e-25, 1.9561966001379075e-25, 3.9123932002758154e-25,
	          1.4320353008944471e-25);
	/* 0×0 is square: []^2 = [] */
	CHECK_SHAPE(OK(LR_OP_POW, EMPTY(0, 0), MAT(1, 1, 2)), 0, 0);
}

static void power_negative(void)
{
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 2, 1, 1, 3), MAT(1, 1, -1)), 2, 2, 1e-14,
	          0.59999999999999987, -0.19999999999999998, -0.19999999999999998,
	          0.40000000000000002);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 2, 1, 1, 3), MAT(1, 1, -3)), 2, 2, 1e-14,
	          0.2799999999999998, -0.15999999999999995, -0.15999999999999995, 0.12);
	CHECK_MAT(OK(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, -2)), 2, 2, 1e-14,
	          5.4999999999999973, -2.4999999999999991, -3.7499999999999987,
	          1.7499999999999996);
}

static void power_errors(void)
{
	FAILS(LR_OP_POW, EMPTY(2, 3), MAT(1, 1, 2), LR_ERR_SHAPE,
	      "matrix power needs a square matrix (2×3)");
	FAILS(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, 0.5), LR_ERR_ARG,
	      "matrix power needs a whole exponent, found 0.5");
	FAILS(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, INFINITY), LR_ERR_ARG,
	      "matrix power needs a whole exponent, found Inf");
	FAILS(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(1, 1, NAN), LR_ERR_ARG,
	      "matrix power needs a whole exponent, found NaN");
	FAILS(LR_OP_POW, MAT(1, 1, 2), MAT(2, 2, 1, 2, 3, 4), LR_ERR_ARG,
	      "scalar ^ matrix is not supported; use .^");
	FAILS(LR_OP_POW, MAT(2, 2, 1, 2, 3, 4), MAT(2, 2, 1, 2, 3, 4), LR_ERR_ARG,
	      "matrix ^ matrix is not supported; use .^");
	CHECK_MAT(SINGULAR(LR_OP_POW, MAT(2, 2, 1, 2, 2, 4), MAT(1, 1, -1)), 2, 2, 0,
	          INFINITY, INFINITY, INFINITY, INFINITY);
}

static void epow(void)
{
	/* [1 2; 3 4] .^ [2; 3] and [2 0.5] .^ [-1; 0.5] */
	CHECK_MAT(OK(LR_OP_EPOW, MAT(2, 2, 1, 2, 3, 4), MAT(2, 1, 2, 3)), 2, 2, 0, 1, 4, 27, 64);
	CHECK_MAT(OK(LR_OP_EPOW, MAT(1, 2, 2, 0.5), MAT(2, 1, -1, 0.5)), 2, 2, 0,
	          0.5, 2, 1.4142135623730951, 0.70710678118654757);
	CHECK_MAT(OK(LR_OP_EPOW, MAT(1, 1, 2), MAT(1, 3, 1, 2, 3)), 1, 3, 0, 2, 4, 8);
	CHECK_MAT(OK(LR_OP_EPOW, MAT(1, 1, 0), MAT(1, 1, -1)), 1, 1, 0, INFINITY);
	/* negative base, fractional exponent: NaN (Octave gives complex values) */
	CHECK_MAT(OK(LR_OP_EPOW, MAT(1, 1, -8), MAT(1, 2, 2, 1.0 / 3)), 1, 2, 0, 64, NAN);
	CHECK_MAT(OK(LR_OP_EPOW, MAT(1, 1, -2), MAT(1, 1, 0.5)), 1, 1, 0, NAN);
}

static void unary(void)
{
	struct lr_matrix *r = un(LR_OP_NEG, MAT(1, 2, 1, 0), LR_OK);

	CHECK(r && r->data[0] == -1 && r->data[1] == 0 && signbit(r->data[1]));   /* -0 */
	lr_mat_destroy(r);
	CHECK_MAT(un(LR_OP_NOT, MAT(1, 3, 1, 0, 2), LR_OK), 1, 3, 0, 0, 1, 0);
	CHECK_MAT(un(LR_OP_TRANSPOSE, MAT(2, 3, 1, 2, 3, 4, 5, 6), LR_OK), 3, 2, 0,
	          1, 4, 2, 5, 3, 6);
	CHECK_SHAPE(un(LR_OP_TRANSPOSE, EMPTY(0, 3), LR_OK), 3, 0);
	CHECK_SHAPE(un(LR_OP_NEG, EMPTY(2, 0), LR_OK), 2, 0);
}

static void unary_nan(void)
{
	CHECK(un(LR_OP_NOT, MAT(1, 2, 0, NAN), LR_ERR_ARG) == NULL);
	CHECK_MAT(un(LR_OP_NEG, MAT(1, 1, NAN), LR_OK), 1, 1, 0, NAN);
}

static struct lr_matrix *inv_of(struct lr_matrix *a, enum lr_status want, const char *want_msg)
{
	struct lr_matrix *r = NULL;
	enum lr_status st;

	msg[0] = '\0';
	st = lr_op_inv(a, &r, msg, sizeof msg);
	CHECK(st == want);
	if (want_msg && strcmp(msg, want_msg)) {
		fprintf(stderr, "inv: message \"%s\", expected \"%s\"\n", msg, want_msg);
		check_failures++;
	}
	lr_mat_destroy(a);
	return r;
}

static void inv(void)
{
	CHECK_MAT(inv_of(MAT(2, 2, 4, 7, 2, 6), LR_OK, NULL), 2, 2, 1e-15,
	          0.60000000000000009, -0.70000000000000007, -0.20000000000000001,
	          0.40000000000000002);
	/* not symmetric in its inverse, so a transposition slip would show */
	CHECK_MAT(inv_of(MAT(3, 3, 2, 1, 0, 1, 3, 1, 0, 1, 4), LR_OK, NULL), 3, 3, 1e-15,
	          0.61111111111111094, -0.22222222222222221, 0.055555555555555559,
	          -0.22222222222222221, 0.44444444444444448, -0.11111111111111113,
	          0.055555555555555559, -0.11111111111111113, 0.27777777777777779);
	CHECK_MAT(inv_of(MAT(2, 2, 1, 2, 0, 1), LR_OK, NULL), 2, 2, 0, 1, -2, 0, 1);
	CHECK_SHAPE(inv_of(EMPTY(0, 0), LR_OK, NULL), 0, 0);
}

static void inv_errors(void)
{
	CHECK_MAT(inv_of(MAT(2, 2, 1, 2, 2, 4), LR_OK, LR_OP_MSG_SINGULAR), 2, 2, 0,
	          INFINITY, INFINITY, INFINITY, INFINITY);
	CHECK_MAT(inv_of(MAT(1, 1, 0), LR_OK, ""), 1, 1, 0, INFINITY);   /* no warning */
	CHECK(!inv_of(MAT(1, 3, 1, 2, 3), LR_ERR_SHAPE,
	              "the inverse needs a square matrix, found 1×3"));
}

static void too_big(void)
{
	size_t old = lr_mat_max_elems;

	lr_mat_max_elems = 100;
	FAILS(LR_OP_ADD, EMPTY(1, 20), EMPTY(20, 1), LR_ERR_TOO_BIG,
	      "the result would be 20×20, over the limit of 100 elements"
	      " (raise it with 'limit elements N')");
	FAILS(LR_OP_MUL, EMPTY(20, 1), EMPTY(1, 20), LR_ERR_TOO_BIG,
	      "the result would be 20×20, over the limit of 100 elements"
	      " (raise it with 'limit elements N')");
	lr_mat_max_elems = old;
}

static void no_mask(void)
{
	struct lr_matrix *a = MAT(2, 2, 1, 2, 3, 4), *m = MAT(2, 2, 1, 0, 1, 1);

	CHECK(lr_mat_set_mask(a, m) == LR_OK);
	lr_mat_destroy(m);
	/* masks are ignored and never carried: check_mat fails on a mask */
	CHECK_MAT(un(LR_OP_TRANSPOSE, lr_mat_copy(a), LR_OK), 2, 2, 0, 1, 3, 2, 4);
	CHECK_MAT(OK(LR_OP_ADD, lr_mat_copy(a), MAT(1, 1, 1)), 2, 2, 0, 2, 3, 4, 5);
	CHECK_MAT(OK(LR_OP_DIV, lr_mat_copy(a), MAT(2, 2, 1, 0, 0, 2)), 2, 2, 0, 1, 1, 3, 2);
	CHECK_MAT(OK(LR_OP_POW, lr_mat_copy(a), MAT(1, 1, 1)), 2, 2, 0, 1, 2, 3, 4);
	CHECK_MAT(inv_of(lr_mat_copy(a), LR_OK, NULL), 2, 2, 1e-15, -2, 1, 1.5, -0.5);
	lr_mat_destroy(a);
}

/* Makes the n-th allocation fail for n = 1, 2, ... until the operation
 * succeeds: every failure must be LR_ERR_NOMEM with no result (and, under
 * ASan, no leak). */
static void try_all_failures(enum lr_binop op, const struct lr_matrix *a,
                             const struct lr_matrix *b)
{
	for (long n = 1; n < 1000; n++) {
		struct lr_matrix *r = NULL;
		enum lr_status st;

		lr_alloc_fail_after(n);
		st = lr_op_binary(op, a, b, &r, msg, sizeof msg);
		lr_alloc_fail_after(-1);
		if (st == LR_OK) {
			CHECK(r != NULL);
			lr_mat_destroy(r);
			return;
		}
		CHECK(st == LR_ERR_NOMEM);
		CHECK(r == NULL);
	}
	CHECK(!"never succeeded");
}

static void alloc_failures(void)
{
	struct lr_matrix *sq = MAT(2, 2, 4, 7, 2, 6), *rect = MAT(2, 3, 1, 2, 3, 4, 5, 7);
	struct lr_matrix *row = MAT(1, 3, 1, 2, 3), *r = NULL;

	try_all_failures(LR_OP_ADD, sq, sq);
	try_all_failures(LR_OP_MUL, sq, sq);
	try_all_failures(LR_OP_DIV, sq, sq);
	try_all_failures(LR_OP_DIV, row, rect);
	try_all_failures(LR_OP_POW, sq, &(struct lr_matrix){ 1, 1, (double[]){ -5 }, NULL });
	for (long n = 1; n < 100; n++) {
		enum lr_status st;
		lr_alloc_fail_after(n);
		st = lr_op_unary(LR_OP_TRANSPOSE, rect, &r);
		lr_alloc_fail_after(-1);
		CHECK(st == LR_OK || st == LR_ERR_NOMEM);
		if (st == LR_OK)
			break;
	}
	lr_mat_destroy(r);
	lr_mat_destroy(sq);
	lr_mat_destroy(rect);
	lr_mat_destroy(row);
}

SUBTEST_MAIN(T(binop_names), T(broadcast), T(broadcast_empty), T(nonconformant), T(compare),
             T(logical), T(logical_nan), T(product), T(product_errors), T(divide_scalar),
             T(divide_square), T(divide_lstsq), T(divide_errors), T(divide_nan),
             T(power_scalar), T(power_matrix), T(power_negative), T(power_errors), T(epow),
             T(unary), T(unary_nan), T(inv), T(inv_errors), T(too_big), T(no_mask),
             T(alloc_failures))
