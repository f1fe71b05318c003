/* Unit tests of the complex forms of functions (fn_complex.c): which entry
 * lr_cx_dispatch picks for real and complex arguments, and the values of
 * the forms, against GNU Octave 7 (format long). Entries named as other
 * tables' functions stand in for them, so the forms of functions another
 * branch adds (asin, log2, sin, ...) are tested here too. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "builtins.h"
#include "cvalue.h"
#include "fn_complex.h"

static int real_fn(struct lr_call *c)
{
	c->outs[0] = lr_value_scalar(-1);
	return 0;
}

static struct lr_value *cx(double re, double im)
{
	struct lr_matrix *a = lr_mat_create(1, 1), *b = lr_mat_create(1, 1);
	a->data[0] = re;
	b->data[0] = im;
	return lr_cx_value(a, b, 0);
}

/* Calls the entry dispatch picks for name(v); its value in *re, *im. */
static int call(const char *name, const struct lr_value *v, double *re, double *im)
{
	struct lr_builtin b = { name, 1, 1, 1, real_fn, "", "" };
	const struct lr_value *args[1] = { v };
	enum lr_cx_how how;
	int bad = -1;
	const struct lr_builtin *e = lr_cx_dispatch(&b, args, 1, &how, &bad);
	struct lr_call c;

	if (!e)
		return -2;
	memset(&c, 0, sizeof c);
	c.nargin = 1;
	c.args = args;
	c.nargout = 1;
	c.bad_arg = -1;
	if (lr_cx_call(e, how, &c) < 0)
		return -1;
	*re = c.outs[0]->m->data[0];
	*im = c.outs[0]->im ? c.outs[0]->im->data[0] : 0;
	lr_value_destroy(c.outs[0]);
	return e == &b ? 0 : 1;   /* 1: the complex form ran */
}

static int near(double x, double y)
{
	return fabs(x - y) <= 1e-14 * (1 + fabs(y));
}

static void check_value(const char *name, const struct lr_value *v, double re, double im)
{
	double r, i;
	CHECK(call(name, v, &r, &i) == 1);
	CHECK(near(r, re) && near(i, im));
}

/* Real arguments in the domain stay with the real function; outside it the
 * complex form gives Octave's branch. */
static void real_domains(void)
{
	struct lr_value *two = lr_value_scalar(2), *m8 = lr_value_scalar(-8);
	struct lr_value *half = lr_value_scalar(0.5), *m2 = lr_value_scalar(-2);
	struct lr_value *m100 = lr_value_scalar(-100);
	double r, i;

	CHECK(call("asin", half, &r, &i) == 0 && r == -1);   /* the real entry */
	CHECK(call("sqrt", two, &r, &i) == 0);
	CHECK(call("log1p", half, &r, &i) == 0);
	check_value("asin", two, 1.570796326794897, -1.316957896924817);
	check_value("asin", m2, -1.570796326794897, 1.316957896924817);
	check_value("acos", two, 0, 1.316957896924817);
	check_value("acos", m2, 3.141592653589793, -1.316957896924817);
	check_value("log2", m8, 3, 4.532360141827194);
	check_value("log10", m100, 2, 1.364376353841841);
	check_value("log1p", m2, 0, 3.141592653589793);
	check_value("sqrt", m8, 0, 2.828427124746190);
	check_value("log", m8, 2.079441541679836, 3.141592653589793);
	lr_value_destroy(two);
	lr_value_destroy(m8);
	lr_value_destroy(half);
	lr_value_destroy(m2);
	lr_value_destroy(m100);
}

static void complex_args(void)
{
	struct lr_value *z = cx(1, 1), *two = cx(2, 0);
	double r, i;

	check_value("sin", z, 1.298457581415977, 0.634963914784736);
	check_value("cos", z, 0.833730025131149, -0.988897705762865);
	check_value("tan", z, 0.271752585319512, 1.083923327338695);
	check_value("atan", z, 1.017221967897851, 0.402359478108525);
	check_value("sinh", z, 0.634963914784736, 1.298457581415977);
	check_value("cosh", z, 0.833730025131149, 0.988897705762865);
	check_value("tanh", z, 1.083923327338695, 0.271752585319512);
	check_value("asin", two, 1.570796326794897, -1.316957896924817);   /* complex(2, 0) */
	/* a function that takes only real input refuses */
	CHECK(call("svd", z, &r, &i) == -2);
	/* a shape function takes it as it is */
	CHECK(call("numel", z, &r, &i) == 0);
	lr_value_destroy(z);
	lr_value_destroy(two);
}

SUBTEST_MAIN(T(real_domains), T(complex_args))
