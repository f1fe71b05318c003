/* Unit tests of the functions (src/interp/builtins.c). Expected values were
 * computed by GNU Octave 7.3 (octave-cli, printed with %.17g) unless a
 * comment says we deviate on purpose. */
#include "check.h"

#include "builtins.h"
#include "lowrank/alloc.h"
#include "lowrank/rng.h"

#define MAT(r, c, ...) lr_mat_from((r), (c), (const double[]){ __VA_ARGS__ })
#define V(r, c, ...) lr_value_mat(MAT((r), (c), __VA_ARGS__))
#define E(r, c) lr_value_mat(lr_mat_create((r), (c)))
#define S(x) lr_value_scalar(x)
#define STR(s) lr_value_str((s), strlen(s))

/* The test matrix A = [1 -2 3; 4 5 -6; 7 8 9.5]. */
#define A3 V(3, 3, 1, -2, 3, 4, 5, -6, 7, 8, 9.5)

static struct lr_call c;
static struct lr_rng rng;

static void clear_outs(void)
{
	for (int i = 0; i < LR_MAX_OUTS; i++) {
		lr_value_destroy(c.outs[i]);
		c.outs[i] = NULL;
	}
}

/* Calls name as the evaluator does (argument and output counts checked
 * against the table first), freeing the arguments. Returns the function's
 * result; on failure no output is left. */
static int call_fn(const char *name, int nargout, int nargin, struct lr_value **args)
{
	const struct lr_builtin *b = lr_builtin_find(name);
	int rc;

	clear_outs();
	memset(&c, 0, sizeof c);
	c.rng = &rng;
	c.nargin = nargin;
	c.args = (const struct lr_value *const *)args;
	c.nargout = nargout;
	c.bad_arg = -1;
	if (!b || nargin < b->min_in || nargin > b->max_in || nargout > b->max_out) {
		fprintf(stderr, "%s: not callable with %d in, %d out\n", name, nargin, nargout);
		check_failures++;
		rc = -2;
	} else {
		for (int i = 0; i < nargin; i++)
			if (!args[i]) {
				fprintf(stderr, "%s: argument %d not built\n", name, i + 1);
				check_failures++;
				return -2;
			}
		rc = b->fn(&c);
	}
	for (int i = 0; i < nargin; i++)
		lr_value_destroy(args[i]);
	if (rc != 0)
		clear_outs();
	return rc;
}
#define NARGS(...) ((int)(sizeof((struct lr_value *[]){ __VA_ARGS__ }) / sizeof(struct lr_value *)))
#define CALL(name, nout, ...) call_fn((name), (nout), NARGS(__VA_ARGS__), \
                                      (struct lr_value *[]){ __VA_ARGS__ })
#define CALL0(name, nout) call_fn((name), (nout), 0, NULL)

static void check_ok(const char *file, int line, int rc)
{
	if (rc != 0) {
		fprintf(stderr, "%s:%d: call failed: %s\n", file, line, c.msg);
		check_failures++;
	}
}
#define OK(call) check_ok(__FILE__, __LINE__, (call))

static void check_err(const char *file, int line, int rc, int bad, const char *msg)
{
	if (rc != -1 || c.bad_arg != bad || strcmp(c.msg, msg) != 0) {
		fprintf(stderr, "%s:%d: got rc %d, bad_arg %d, \"%s\"\n"
		        "    expected rc -1, bad_arg %d, \"%s\"\n",
		        file, line, rc, c.bad_arg, c.msg, bad, msg);
		check_failures++;
	}
	for (int i = 0; i < LR_MAX_OUTS; i++)
		if (c.outs[i]) {
			fprintf(stderr, "%s:%d: output %d left after an error\n", file, line, i);
			check_failures++;
		}
}
#define FAILS(call, bad, msg) check_err(__FILE__, __LINE__, (call), (bad), (msg))

/* Checks output k against a rows×cols row-major list (NaN matches NaN,
 * tol relative to max(1, |expected|)). */
static void check_out(const char *file, int line, int k, size_t rows, size_t cols,
                      double tol, const double *want)
{
	const struct lr_value *v = c.outs[k];

	if (!v || v->kind != LR_VAL_MAT) {
		fprintf(stderr, "%s:%d: output %d is not a matrix\n", file, line, k);
		check_failures++;
		return;
	}
	if (v->m->rows != rows || v->m->cols != cols) {
		fprintf(stderr, "%s:%d: output %d is %zu×%zu, expected %zu×%zu\n", file, line, k,
		        v->m->rows, v->m->cols, rows, cols);
		check_failures++;
		return;
	}
	for (size_t i = 0; want && i < rows * cols; i++) {
		double g = v->m->data[i], w = want[i];
		if ((isnan(w) && isnan(g)) || g == w || fabs(g - w) <= tol * fmax(1.0, fabs(w)))
			continue;
		fprintf(stderr, "%s:%d: output %d element %zu = %.17g, expected %.17g\n", file,
		        line, k, i, g, w);
		check_failures++;
	}
	if (v->m->mask) {
		fprintf(stderr, "%s:%d: output %d carries a mask\n", file, line, k);
		check_failures++;
	}
}
#define OUT(k, r, cc, tol, ...) \
	check_out(__FILE__, __LINE__, (k), (r), (cc), (tol), (const double[]){ __VA_ARGS__ })
#define OUT_SHAPE(k, r, cc) check_out(__FILE__, __LINE__, (k), (r), (cc), 0, NULL)

/* ---- The table -------------------------------------------------------------- */

/* Every table is sorted (lr_builtin_find searches each by halves), no name
 * is in two tables, and the merged listing holds every entry once. */
static void table_sorted(void)
{
	const struct lr_builtin *all[LR_MAX_BUILTINS];
	size_t total = 0, n = lr_builtin_sorted(all, LR_MAX_BUILTINS);

	for (size_t k = 0; lr_builtin_tables[k]; k++) {
		const struct lr_builtin *t = lr_builtin_tables[k]->entries;
		total += lr_builtin_tables[k]->n;
		for (size_t i = 0; i < lr_builtin_tables[k]->n; i++) {
			CHECK(t[i].fn && t[i].usage && t[i].summary && *t[i].summary);
			CHECK(t[i].min_in <= t[i].max_in && t[i].max_out >= 1);
			CHECK(t[i].max_out <= LR_MAX_OUTS);
			if (i)
				CHECK(strcmp(t[i - 1].name, t[i].name) < 0);
			CHECK(lr_builtin_find(t[i].name) == &t[i]);
		}
	}
	CHECK(n >= 30);
	CHECK(n == total);
	CHECK(n < LR_MAX_BUILTINS);
	for (size_t i = 1; i < n && i < LR_MAX_BUILTINS; i++)
		CHECK(strcmp(all[i - 1]->name, all[i]->name) < 0);
}

static void find(void)
{
	static const char *const names[] = {
		"zeros", "ones", "eye", "rand", "randn", "size", "rows", "columns", "numel",
		"length", "isempty", "sum", "mean", "min", "max", "abs", "sqrt", "exp", "log",
		"round", "floor", "ceil", "fix", "trace", "diag", "norm", "rank", "svd", "isnan",
		"isinf", "sse", "mse", "inv", "reshape", "linspace", "any", "all",
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		CHECK(lr_builtin_find(names[i]) != NULL);
	CHECK(lr_builtin_find("nosuch") == NULL);
	CHECK(lr_builtin_find("") == NULL);
	CHECK(lr_builtin_find("Zeros") == NULL);
	CHECK(lr_builtin_find("svd")->max_out == 3);
	CHECK(lr_builtin_find("size")->max_out == 4);
}

/* ---- Constructors -------------------------------------------------------------- */

static void constructors(void)
{
	OK(CALL0("zeros", 1));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("zeros", 1, S(2)));
	OUT(0, 2, 2, 0, 0, 0, 0, 0);
	OK(CALL("ones", 1, S(2), S(3)));
	OUT(0, 2, 3, 0, 1, 1, 1, 1, 1, 1);
	OK(CALL("ones", 1, V(1, 2, 3, 1)));
	OUT(0, 3, 1, 0, 1, 1, 1);
	OK(CALL("zeros", 1, V(2, 1, 1, 2)));   /* zeros([2; 3]) works too */
	OUT_SHAPE(0, 1, 2);
	OK(CALL("eye", 1, S(2), S(3)));
	OUT(0, 2, 3, 0, 1, 0, 0, 0, 1, 0);
	OK(CALL("eye", 1, V(1, 2, 3, 2)));
	OUT(0, 3, 2, 0, 1, 0, 0, 1, 0, 0);
	OK(CALL("eye", 1, S(1)));
	OUT(0, 1, 1, 0, 1);
	/* negative sizes give 0, as Octave: zeros(-2) is 0×0, zeros(2, -1) 2×0 */
	OK(CALL("zeros", 1, S(-2)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("zeros", 1, S(2), S(-1)));
	OUT_SHAPE(0, 2, 0);
	OK(CALL("ones", 1, S(3), S(0)));
	OUT_SHAPE(0, 3, 0);
	clear_outs();
}

static void constructor_errors(void)
{
	size_t old = lr_mat_max_elems;

	FAILS(CALL("zeros", 1, S(2.5)), 0, "zeros: size must be a whole number, found 2.5");
	FAILS(CALL("ones", 1, S(2), S(NAN)), 1, "ones: size must be a whole number, found NaN");
	FAILS(CALL("zeros", 1, S(-0.5)), 0, "zeros: size must be a whole number, found -0.5");
	FAILS(CALL("eye", 1, V(1, 2, 2, 0.5)), 0, "eye: size must be a whole number, found 0.5");
	FAILS(CALL("zeros", 1, V(1, 3, 2, 3, 4)), 0,
	      "zeros: only 2-D sizes are supported, found 3 dimensions");
	FAILS(CALL("zeros", 1, V(2, 2, 1, 2, 3, 4)), 0,
	      "zeros: expected a size or [rows columns], found a 2×2 matrix");
	FAILS(CALL("zeros", 1, E(0, 0)), 0, "zeros: expected a size or [rows columns], found []");
	FAILS(CALL("zeros", 1, S(2), V(1, 2, 3, 4)), 1,
	      "zeros: argument 2 must be a number, found a 1×2 matrix");
	FAILS(CALL("rand", 1, STR("foo")), 0, "rand: unrecognized string argument");
	FAILS(CALL("randn", 1, S(1), STR("x")), 1, "randn: argument 2 must be a number, found a string");
	lr_mat_max_elems = 1000000;
	FAILS(CALL("zeros", 1, S(1e9), S(1e9)), -1,
	      "zeros: the result would be 1000000000×1000000000, over the limit of 1000000 "
	      "elements (raise it with 'limit elements N')");
	FAILS(CALL("rand", 1, S(INFINITY)), -1, "rand: the result would be Inf×Inf, over the limit of 1000000 elements"
	      " (raise it with 'limit elements N')");
	/* Inf×0 is refused too rather than converted */
	FAILS(CALL("ones", 1, S(INFINITY), S(0)), -1,
	      "ones: the result would be Inf×0, over the limit of 1000000 elements (raise it with 'limit elements N')");
	OK(CALL("zeros", 1, S(1000), S(1000)));
	OUT_SHAPE(0, 1000, 1000);
	clear_outs();
	lr_mat_max_elems = old;
}

static void random_fill(void)
{
	struct lr_rng ref;
	double u[6];

	/* row-major fill: rand(2, 3) holds six successive draws row by row */
	lr_rng_seed(&rng, 7);
	lr_rng_seed(&ref, 7);
	for (int i = 0; i < 6; i++)
		u[i] = lr_rng_uniform(&ref);
	OK(CALL("rand", 1, S(2), S(3)));
	OUT(0, 2, 3, 0, u[0], u[1], u[2], u[3], u[4], u[5]);
	for (int i = 0; i < 4; i++)
		u[i] = lr_rng_normal(&ref);
	OK(CALL("randn", 1, V(1, 2, 2, 2)));
	OUT(0, 2, 2, 0, u[0], u[1], u[2], u[3]);
	/* values within range */
	OK(CALL("rand", 1, S(50)));
	for (size_t i = 0; i < 2500; i++)
		CHECK(c.outs[0]->m->data[i] >= 0.0 && c.outs[0]->m->data[i] < 1.0);
	OK(CALL0("rand", 1));
	OUT_SHAPE(0, 1, 1);
	clear_outs();
}

static void linspace(void)
{
	OK(CALL("linspace", 1, S(0), S(1), S(7)));
	OUT(0, 1, 7, 0, 0, 0.16666666666666666, 0.33333333333333331, 0.5, 0.66666666666666674,
	    0.83333333333333337, 1);
	OK(CALL("linspace", 1, S(0.1), S(0.7), S(7)));
	OUT(0, 1, 7, 0, 0.10000000000000001, 0.20000000000000001, 0.29999999999999999,
	    0.39999999999999997, 0.5, 0.59999999999999998, 0.69999999999999996);
	OK(CALL("linspace", 1, S(0), S(10), S(4)));
	OUT(0, 1, 4, 0, 0, 3.3333333333333335, 6.6666666666666661, 10);
	OK(CALL("linspace", 1, S(-1), S(1), S(5)));
	OUT(0, 1, 5, 0, -1, -0.5, 0, 0.5, 1);
	OK(CALL("linspace", 1, S(1), S(INFINITY), S(4)));
	OUT(0, 1, 4, 0, 1, INFINITY, NAN, INFINITY);
	OK(CALL("linspace", 1, S(0), S(1)));   /* 100 points; two of Octave's */
	OUT_SHAPE(0, 1, 100);
	CHECK(c.outs[0]->m->data[49] == 0.49494949494949497);
	CHECK(c.outs[0]->m->data[50] == 0.50505050505050497);
	OK(CALL("linspace", 1, S(0), S(1), S(1)));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("linspace", 1, S(0), S(1), S(2.5)));   /* n rounded down */
	OUT(0, 1, 2, 0, 0, 1);
	OK(CALL("linspace", 1, S(0), S(1), S(0)));
	OUT_SHAPE(0, 1, 0);
	OK(CALL("linspace", 1, S(0), S(1), S(-2)));
	OUT_SHAPE(0, 1, 0);
	FAILS(CALL("linspace", 1, V(1, 2, 1, 2), S(3)), 0,
	      "linspace: argument 1 must be a number, found a 1×2 matrix");
	FAILS(CALL("linspace", 1, S(0), S(1), S(1e300)), 2,
	      "linspace: the result would have 1e+300 points, over the limit of 100000000 "
	      "elements (raise it with 'limit elements N')");
}

/* ---- Sizes ---------------------------------------------------------------------- */

static void size(void)
{
	OK(CALL("size", 1, V(2, 3, 1, 2, 3, 4, 5, 6)));
	OUT(0, 1, 2, 0, 2, 3);
	OK(CALL("size", 2, V(2, 3, 1, 2, 3, 4, 5, 6)));
	OUT(0, 1, 1, 0, 2);
	OUT(1, 1, 1, 0, 3);
	OK(CALL("size", 4, E(3, 0)));
	OUT(0, 1, 1, 0, 3);
	OUT(1, 1, 1, 0, 0);
	OUT(2, 1, 1, 0, 1);
	OUT(3, 1, 1, 0, 1);
	OK(CALL("size", 1, E(2, 3), S(1)));
	OUT(0, 1, 1, 0, 2);
	OK(CALL("size", 1, E(2, 3), S(2)));
	OUT(0, 1, 1, 0, 3);
	OK(CALL("size", 1, E(2, 3), S(3)));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("size", 1, E(2, 3), V(1, 3, 2, 1, 3)));   /* size(A, [2 1 3]) */
	OUT(0, 1, 3, 0, 3, 2, 1);
	OK(CALL("size", 2, E(2, 3), V(1, 2, 2, 1)));
	OUT(0, 1, 1, 0, 3);
	OUT(1, 1, 1, 0, 2);
	OK(CALL("size", 1, STR("abc")));
	OUT(0, 1, 2, 0, 1, 3);
	clear_outs();
}

static void size_errors(void)
{
	FAILS(CALL("size", 1, E(2, 3), S(0)), 1,
	      "size: requested dimension DIM (= 0) out of range");
	FAILS(CALL("size", 1, E(2, 3), S(1.5)), 1,
	      "size: requested dimension DIM (= 1.5) out of range");
	FAILS(CALL("size", 1, E(2, 3), E(0, 0)), 1, "size: expected a dimension, found []");
	FAILS(CALL("size", 1, E(2, 3), STR("r")), 1,
	      "size: argument 2 must be a matrix, found a string");
	FAILS(CALL("size", 3, E(2, 3), V(1, 2, 1, 2)), -1,
	      "size: 3 outputs asked for but 2 dimensions given");
}

static void measures(void)
{
	struct { const char *fn; struct lr_value *arg; double want; } cases[] = {
		{ "rows", E(3, 0), 3 }, { "columns", E(3, 0), 0 }, { "numel", E(3, 4), 12 },
		{ "numel", STR("abc"), 3 }, { "numel", E(0, 0), 0 }, { "length", E(3, 0), 0 },
		{ "length", E(3, 2), 3 }, { "length", E(2, 5), 5 }, { "isempty", E(0, 3), 1 },
		{ "isempty", S(0), 0 }, { "isempty", STR(""), 1 }, { "rows", E(0, 0), 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		OK(CALL(cases[i].fn, 1, cases[i].arg));
		OUT(0, 1, 1, 0, cases[i].want);
	}
	clear_outs();
}

/* ---- Elementwise ---------------------------------------------------------------- */

static void elementwise(void)
{
	OK(CALL("abs", 1, V(1, 3, -1.5, 0, 2)));
	OUT(0, 1, 3, 0, 1.5, 0, 2);
	OK(CALL("exp", 1, V(1, 3, 0, 1, -INFINITY)));
	OUT(0, 1, 3, 0, 1, 2.7182818284590451, 0);
	OK(CALL("log", 1, V(1, 3, 1, 0, exp(2))));
	OUT(0, 1, 3, 0, 0, -INFINITY, 2);
	OK(CALL("sqrt", 1, V(1, 3, 4, 2, 0)));
	OUT(0, 1, 3, 0, 2, 1.4142135623730951, 0);
	OK(CALL("round", 1, V(1, 5, -2.5, 2.5, 0.5, -0.5, 1.4999)));
	OUT(0, 1, 5, 0, -3, 3, 1, -1, 1);
	OK(CALL("floor", 1, V(1, 2, -2.5, 2.5)));
	OUT(0, 1, 2, 0, -3, 2);
	OK(CALL("ceil", 1, V(1, 2, -2.5, 2.5)));
	OUT(0, 1, 2, 0, -2, 3);
	OK(CALL("fix", 1, V(1, 2, -2.5, 2.7)));
	OUT(0, 1, 2, 0, -2, 2);
	OK(CALL("isnan", 1, V(1, 3, 1, NAN, INFINITY)));
	OUT(0, 1, 3, 0, 0, 1, 0);
	OK(CALL("isinf", 1, V(1, 3, 1, NAN, -INFINITY)));
	OUT(0, 1, 3, 0, 0, 0, 1);
	/* no complex numbers: sqrt(-1) and log(-1) (Octave: i and πi) are refused */
	FAILS(CALL("sqrt", 1, V(1, 2, 4, -1)), 0, "sqrt: the result for -1 would be complex, "
	      "and complex numbers are not supported yet");
	FAILS(CALL("log", 1, S(-1)), 0, "log: the result for -1 would be complex, and complex "
	      "numbers are not supported yet");
	OK(CALL("sqrt", 1, V(1, 2, NAN, -0.0)));
	OUT(0, 1, 2, 0, NAN, -0.0);
	OK(CALL("abs", 1, E(0, 3)));
	OUT_SHAPE(0, 0, 3);
	clear_outs();
}

/* ---- Reductions ------------------------------------------------------------------- */

static void sum_mean(void)
{
	OK(CALL("sum", 1, A3));
	OUT(0, 1, 3, 0, 12, 11, 6.5);
	OK(CALL("sum", 1, A3, S(2)));
	OUT(0, 3, 1, 0, 2, 3, 24.5);
	OK(CALL("sum", 1, A3, S(3)));
	OUT(0, 3, 3, 0, 1, -2, 3, 4, 5, -6, 7, 8, 9.5);
	OK(CALL("mean", 1, A3));
	OUT(0, 1, 3, 0, 4, 3.6666666666666665, 2.1666666666666665);
	OK(CALL("mean", 1, A3, S(2)));
	OUT(0, 3, 1, 0, 0.66666666666666663, 1, 8.1666666666666661);
	OK(CALL("sum", 1, V(1, 3, 1, 2, 3)));   /* a row sums along its length */
	OUT(0, 1, 1, 0, 6);
	OK(CALL("mean", 1, V(1, 3, 1, 2, 4)));
	OUT(0, 1, 1, 0, 2.3333333333333335);
	OK(CALL("sum", 1, V(2, 2, 1, NAN, 2, 3)));   /* NaN propagates */
	OUT(0, 1, 2, 0, 3, NAN);
	OK(CALL("mean", 1, V(2, 2, 1, NAN, 2, 3)));
	OUT(0, 1, 2, 0, 1.5, NAN);
	OK(CALL("mean", 1, S(5), S(3)));
	OUT(0, 1, 1, 0, 5);
	clear_outs();
}

static void sum_mean_empty(void)
{
	OK(CALL("sum", 1, E(0, 0)));          /* sum([]) = 0 */
	OUT(0, 1, 1, 0, 0);
	OK(CALL("sum", 1, E(0, 3)));
	OUT(0, 1, 3, 0, 0, 0, 0);
	OK(CALL("sum", 1, E(3, 0)));
	OUT_SHAPE(0, 1, 0);
	OK(CALL("sum", 1, E(1, 0)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("sum", 1, E(0, 0), S(1)));    /* sum([], 1) = 0, sum([], 2) is 0×1 */
	OUT(0, 1, 1, 0, 0);
	OK(CALL("sum", 1, E(0, 0), S(2)));
	OUT_SHAPE(0, 0, 1);
	OK(CALL("sum", 1, E(0, 3), S(2)));
	OUT_SHAPE(0, 0, 1);
	OK(CALL("mean", 1, E(0, 0)));         /* mean([]) = NaN */
	OUT(0, 1, 1, 0, NAN);
	OK(CALL("mean", 1, E(3, 0), S(2)));
	OUT(0, 3, 1, 0, NAN, NAN, NAN);
	/* deviation: Octave 7.3 gives 0×1 and 1×0 here (Octave 9 agrees with us) */
	OK(CALL("mean", 1, E(0, 3)));
	OUT(0, 1, 3, 0, NAN, NAN, NAN);
	OK(CALL("mean", 1, E(1, 0)));
	OUT(0, 1, 1, 0, NAN);
	clear_outs();
}

static void reduce_errors(void)
{
	FAILS(CALL("sum", 1, E(2, 2), S(0)), 1,
	      "sum: DIM must be a valid dimension");
	FAILS(CALL("mean", 1, E(2, 2), S(1.5)), 1,
	      "mean: DIM must be a valid dimension");
	FAILS(CALL("sum", 1, E(2, 2), V(1, 2, 1, 2)), 1,
	      "sum: DIM must be a valid dimension");
	FAILS(CALL("sum", 1, STR("ab")), 0, "sum: argument 1 must be a matrix, found a string");
}

static void any_all(void)
{
	OK(CALL("any", 1, V(2, 3, 0, 0, 1, 0, 0, 0)));
	OUT(0, 1, 3, 0, 0, 0, 1);
	OK(CALL("all", 1, V(2, 3, 1, 1, 0, 1, 2, 3)));
	OUT(0, 1, 3, 0, 1, 1, 0);
	OK(CALL("any", 1, V(2, 3, 0, 0, 1, 0, 0, 0), S(2)));
	OUT(0, 2, 1, 0, 1, 0);
	OK(CALL("all", 1, V(2, 3, 1, 1, 0, 1, 2, 3), S(2)));
	OUT(0, 2, 1, 0, 0, 1);
	OK(CALL("any", 1, E(0, 0)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("all", 1, E(0, 0)));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("all", 1, E(0, 3)));
	OUT(0, 1, 3, 0, 1, 1, 1);
	/* NaN: any([NaN 0]) is 0, all(NaN) is 1, as Octave */
	OK(CALL("any", 1, V(1, 2, NAN, 0)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("all", 1, S(NAN)));
	OUT(0, 1, 1, 0, 1);
	clear_outs();
}

/* ---- min and max ---------------------------------------------------------------- */

static void min_max(void)
{
	OK(CALL("max", 1, A3));
	OUT(0, 1, 3, 0, 7, 8, 9.5);
	OK(CALL("min", 1, A3));
	OUT(0, 1, 3, 0, 1, -2, -6);
	OK(CALL("max", 1, A3, E(0, 0), S(2)));
	OUT(0, 3, 1, 0, 3, 5, 9.5);
	OK(CALL("max", 2, A3));
	OUT(0, 1, 3, 0, 7, 8, 9.5);
	OUT(1, 1, 3, 0, 3, 3, 3);
	OK(CALL("min", 2, A3, E(0, 0), S(2)));
	OUT(0, 3, 1, 0, -2, -6, 7);
	OUT(1, 3, 1, 0, 2, 3, 1);
	OK(CALL("max", 2, V(1, 3, 3, 1, 3)));   /* ties: the first */
	OUT(0, 1, 1, 0, 3);
	OUT(1, 1, 1, 0, 1);
	OK(CALL("max", 2, V(2, 2, 1, 2, 3, 4), E(0, 0), S(3)));
	OUT(0, 2, 2, 0, 1, 2, 3, 4);
	OUT(1, 2, 2, 0, 1, 1, 1, 1);
	clear_outs();
}

static void min_max_nan(void)
{
	OK(CALL("min", 2, V(1, 4, 4, 2, 2, NAN)));
	OUT(0, 1, 1, 0, 2);
	OUT(1, 1, 1, 0, 2);
	OK(CALL("max", 2, V(5, 1, NAN, 1, NAN, 3, 3)));
	OUT(0, 1, 1, 0, 3);
	OUT(1, 1, 1, 0, 4);
	OK(CALL("max", 2, V(1, 2, NAN, NAN)));
	OUT(0, 1, 1, 0, NAN);
	OUT(1, 1, 1, 0, 1);
	OK(CALL("max", 1, V(3, 2, 1, 5, NAN, NAN, 2, -1)));
	OUT(0, 1, 2, 0, 2, 5);
	OK(CALL("max", 2, V(3, 2, NAN, 5, NAN, NAN, NAN, -1)));
	OUT(0, 1, 2, 0, NAN, 5);
	OUT(1, 1, 2, 0, 1, 1);
	OK(CALL("min", 2, V(3, 2, NAN, 1, 2, NAN, NAN, NAN)));
	OUT(0, 1, 2, 0, 2, 1);
	OUT(1, 1, 2, 0, 2, 1);
	OK(CALL("max", 1, V(1, 2, -INFINITY, NAN)));
	OUT(0, 1, 1, 0, -INFINITY);
	clear_outs();
}

static void min_max_empty(void)
{
	OK(CALL("max", 1, E(0, 3)));      /* a dimension of length 0 stays 0 */
	OUT_SHAPE(0, 0, 3);
	OK(CALL("max", 2, E(0, 3)));
	OUT_SHAPE(0, 0, 3);
	OUT_SHAPE(1, 0, 3);
	OK(CALL("max", 1, E(3, 0)));
	OUT_SHAPE(0, 1, 0);
	OK(CALL("max", 1, E(0, 0)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("min", 1, E(1, 0)));
	OUT_SHAPE(0, 1, 0);
	OK(CALL("max", 1, E(0, 3), E(0, 0), S(2)));
	OUT_SHAPE(0, 0, 1);
	OK(CALL("max", 1, S(3), E(0, 0)));    /* max(3, []) = [] */
	OUT_SHAPE(0, 0, 0);
	clear_outs();
}

static void min_max_two(void)
{
	OK(CALL("max", 1, A3, S(0)));
	OUT(0, 3, 3, 0, 1, 0, 3, 4, 5, 0, 7, 8, 9.5);
	OK(CALL("min", 1, V(1, 3, 1, NAN, 3), V(2, 1, 2, NAN)));
	OUT(0, 2, 3, 0, 1, 2, 2, 1, NAN, 3);
	OK(CALL("max", 1, V(1, 2, 1, NAN), V(1, 2, NAN, NAN)));
	OUT(0, 1, 2, 0, 1, NAN);
	OK(CALL("max", 1, V(2, 2, 1, 2, 3, 4), V(2, 1, 2, 0)));
	OUT(0, 2, 2, 0, 2, 2, 3, 4);
	OK(CALL("min", 1, S(NAN), S(1)));
	OUT(0, 1, 1, 0, 1);
	clear_outs();
}

static void min_max_errors(void)
{
	FAILS(CALL("max", 1, V(2, 2, 1, 2, 3, 4), V(1, 3, 2, 0, 1)), -1,
	      "max: nonconformant arguments (2×2 and 1×3)");
	FAILS(CALL("min", 2, V(1, 2, 1, 2), V(1, 2, 3, 4)), -1,
	      "min: a second output (the index) needs a single matrix, not two");
	FAILS(CALL("max", 1, E(2, 2), S(2), S(2)), 1,
	      "max: argument 2 must be [] when a dimension is given, found a 1×1 matrix");
	FAILS(CALL("max", 1, E(2, 2), E(0, 0), S(0)), 2,
	      "max: DIM must be a valid dimension");
	FAILS(CALL("max", 1, STR("ab")), 0, "max: argument 1 must be a matrix, found a string");
	FAILS(CALL("min", 1, S(1), STR("a")), 1, "min: argument 2 must be a matrix, found a string");
}

/* ---- Matrices --------------------------------------------------------------------- */

static void trace(void)
{
	OK(CALL("trace", 1, A3));
	OUT(0, 1, 1, 0, 15.5);
	OK(CALL("trace", 1, E(0, 0)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("trace", 1, S(4)));
	OUT(0, 1, 1, 0, 4);
	/* deviation: Octave 7.3 sums the diagonal of a non-square matrix */
	FAILS(CALL("trace", 1, E(2, 3)), 0, "trace: the matrix must be square, found 2×3");
	FAILS(CALL("trace", 1, V(1, 3, 1, 2, 3)), 0, "trace: the matrix must be square, found 1×3");
}

static void diag_vector(void)
{
	OK(CALL("diag", 1, V(1, 3, 1, 2, 3)));
	OUT(0, 3, 3, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3);
	OK(CALL("diag", 1, V(1, 3, 1, 2, 3), S(1)));
	OUT(0, 4, 4, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0);
	OK(CALL("diag", 1, V(2, 1, 1, 2), S(-1)));
	OUT(0, 3, 3, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0);
	OK(CALL("diag", 1, S(5), S(1)));
	OUT(0, 2, 2, 0, 0, 5, 0, 0);
	OK(CALL("diag", 1, V(1, 2, 1, 2), S(3), S(4)));
	OUT(0, 3, 4, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0);
	OK(CALL("diag", 1, V(1, 2, 1, 2), S(2), S(1)));
	OUT(0, 2, 1, 0, 1, 0);
	OK(CALL("diag", 1, E(0, 0)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("diag", 1, E(0, 0), S(1)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("diag", 1, E(1, 0), S(1)));   /* an empty vector on diagonal 1: 0 */
	OUT(0, 1, 1, 0, 0);
	OK(CALL("diag", 1, E(1, 0)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("diag", 1, E(0, 1)));
	OUT_SHAPE(0, 0, 0);
	clear_outs();
}

static void diag_matrix(void)
{
	OK(CALL("diag", 1, A3));
	OUT(0, 3, 1, 0, 1, 5, 9.5);
	OK(CALL("diag", 1, A3, S(1)));
	OUT(0, 2, 1, 0, -2, -6);
	OK(CALL("diag", 1, A3, S(-2)));
	OUT(0, 1, 1, 0, 7);
	OK(CALL("diag", 1, V(2, 3, 1, 2, 3, 4, 5, 6), S(1)));
	OUT(0, 2, 1, 0, 2, 6);
	OK(CALL("diag", 1, V(3, 2, 1, 4, 2, 5, 3, 6)));
	OUT(0, 2, 1, 0, 1, 5);
	OK(CALL("diag", 1, V(2, 2, 1, 2, 3, 4), S(5)));
	OUT_SHAPE(0, 0, 1);
	OK(CALL("diag", 1, V(2, 2, 1, 2, 3, 4), S(-1)));
	OUT(0, 1, 1, 0, 3);
	OK(CALL("diag", 1, E(0, 3)));
	OUT_SHAPE(0, 0, 1);
	clear_outs();
}

static void diag_errors(void)
{
	FAILS(CALL("diag", 1, V(2, 2, 1, 2, 3, 4), S(1.5)), 1,
	      "diag: argument 2 must be a whole number, found 1.5");
	FAILS(CALL("diag", 1, V(2, 2, 1, 2, 3, 4), S(2), S(2)), 0,
	      "diag: argument 1 must be a vector when a size is given, found a 2×2 matrix");
	FAILS(CALL("diag", 1, V(1, 2, 1, 2), S(-1), S(2)), 1,
	      "diag: size must not be negative, found -1");
	FAILS(CALL("diag", 1, STR("ab")), 0, "diag: argument 1 must be a matrix, found a string");
	FAILS(CALL("diag", 1, S(1), S(1e12)), 1,
	      "diag: diagonal 1e+12 would need a matrix over 1e+12×1e+12, over the limit of "
	      "100000000 elements (raise it with 'limit elements N')");
	FAILS(CALL("diag", 1, S(1), S(20000)), -1,
	      "diag: the result would be 20001×20001, over the limit of 100000000 elements"
	      " (raise it with 'limit elements N')");
}

static void reshape(void)
{
	OK(CALL("reshape", 1, V(2, 3, 1, 2, 3, 4, 5, 6), S(3), S(2)));
	OUT(0, 3, 2, 0, 1, 5, 4, 3, 2, 6);
	OK(CALL("reshape", 1, V(2, 3, 1, 2, 3, 4, 5, 6), S(1), S(6)));
	OUT(0, 1, 6, 0, 1, 4, 2, 5, 3, 6);
	OK(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), E(0, 0), S(2)));
	OUT(0, 3, 2, 0, 1, 4, 2, 5, 3, 6);
	OK(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), S(3), E(0, 0)));
	OUT(0, 3, 2, 0, 1, 4, 2, 5, 3, 6);
	OK(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), V(1, 2, 2, 3)));
	OUT(0, 2, 3, 0, 1, 3, 5, 2, 4, 6);
	OK(CALL("reshape", 1, E(0, 3), S(3), S(0)));
	OUT_SHAPE(0, 3, 0);
	clear_outs();
}

static void reshape_errors(void)
{
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), S(4), S(2)), -1,
	      "reshape: can't reshape 1×6 to 4×2 (6 elements, not 8)");
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), E(0, 0), S(4)), 2,
	      "reshape: 6 elements cannot be split evenly by 4");
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), E(0, 0), E(0, 0)), 2,
	      "reshape: only one size can be []");
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), S(-1), S(-6)), 1,
	      "reshape: size must be a nonnegative whole number, found -1");
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), S(2.5), S(2)), 1,
	      "reshape: size must be a nonnegative whole number, found 2.5");
	FAILS(CALL("reshape", 1, V(1, 6, 1, 2, 3, 4, 5, 6), S(6)), 1,
	      "reshape: expected [rows columns], found a 1×1 matrix");
	FAILS(CALL("reshape", 1, E(0, 3), S(1e300), S(0)), 1,
	      "reshape: size must be a nonnegative whole number, found 1e+300");
	FAILS(CALL("reshape", 1, E(2, 3), V(1, 2, 1, 2), S(3)), 1,
	      "reshape: argument 2 must be a size or [], found a 1×2 matrix");
}

static void inv(void)
{
	OK(CALL("inv", 1, A3));
	OUT(0, 3, 3, 1e-14, 0.38742393509127787, 0.17444219066937119, -0.012170385395537525,
	    -0.32454361054766734, -0.046653144016227194, 0.073022312373225151,
	    -0.012170385395537534, -0.089249492900608532, 0.052738336713995949);
	OK(CALL("inv", 1, E(0, 0)));
	OUT_SHAPE(0, 0, 0);
	clear_outs();
	/* Octave warns and returns Inf */
	OK(CALL("inv", 1, V(2, 2, 1, 2, 2, 4)));
	OUT(0, 2, 2, 0, INFINITY, INFINITY, INFINITY, INFINITY);
	CHECK(!strcmp(c.warning, "matrix singular to machine precision"));
	clear_outs();
	FAILS(CALL("inv", 1, V(1, 3, 1, 2, 3)), 0, "inv: the matrix must be square, found 1×3");
}

/* ---- Norms, rank, SVD ----------------------------------------------------------- */

static double norm_of(struct lr_value *a, struct lr_value *p)
{
	double r = -1;

	if ((p ? CALL("norm", 1, a, p) : CALL("norm", 1, a)) == 0)
		r = c.outs[0]->m->data[0];
	else
		fprintf(stderr, "norm failed: %s\n", c.msg);
	clear_outs();
	return r;
}

static void norm_vector(void)
{
	CHECK(norm_of(V(1, 2, 3, 4), NULL) == 5);
	CHECK(norm_of(V(1, 3, 1, -2, 3), S(1)) == 6);
	CHECK(norm_of(V(1, 3, 1, -2, 3), S(INFINITY)) == 3);
	CHECK(norm_of(V(1, 3, 1, -2, 3), S(-INFINITY)) == 1);
	CHECK(norm_of(V(1, 3, 1, -2, 3), STR("inf")) == 3);
	CHECK(norm_of(V(1, 3, 1, -2, 3), STR("-inf")) == 1);
	CHECK(norm_of(V(1, 3, 1, -2, 3), S(0)) == 3);
	CHECK_REL(norm_of(V(3, 1, 1, -2, 3), S(3)), 3.3019272488946267, 1e-15);
	CHECK_REL(norm_of(V(1, 3, 1, -2, 3), S(0.5)), 17.191508225450299, 1e-15);
	CHECK_REL(norm_of(V(1, 3, 1, -2, 3), STR("fro")), 3.7416573867739409, 1e-15);
	/* deviation: for p < 0 Octave 7.3 returns Inf; we compute (Σ|x|^p)^(1/p),
	 * whose value Octave gives as (sum(abs([1 2 3]).^-1))^-1 */
	CHECK_REL(norm_of(V(1, 3, 1, 2, 3), S(-1)), 0.54545454545454553, 1e-15);
	CHECK(norm_of(V(1, 3, 1, 0, 3), S(-1)) == 0);
	/* scaled: no overflow or underflow */
	CHECK_REL(norm_of(V(1, 2, 1e200, 1e200), NULL), 1.414213562373095e+200, 1e-15);
	CHECK_REL(norm_of(V(1, 2, 1e-200, 1e-200), NULL), 1.414213562373095e-200, 1e-15);
	CHECK(norm_of(S(-5), NULL) == 5);
	CHECK(norm_of(S(-5), S(1)) == 5);
	CHECK(norm_of(E(0, 0), NULL) == 0);
	CHECK(norm_of(E(0, 3), NULL) == 0);
}

static void norm_matrix(void)
{
	CHECK_REL(norm_of(A3, NULL), 14.34624713004369, 1e-14);
	CHECK_REL(norm_of(A3, S(2)), 14.34624713004369, 1e-14);
	CHECK(norm_of(A3, S(1)) == 18.5);
	CHECK(norm_of(A3, S(INFINITY)) == 24.5);
	CHECK(norm_of(A3, STR("Inf")) == 24.5);
	CHECK_REL(norm_of(A3, STR("fro")), 17.153716798408443, 1e-15);
	CHECK_REL(norm_of(V(2, 2, 1, -2, 3, 4), NULL), 5.1166727360169268, 1e-14);
	CHECK_REL(norm_of(V(2, 2, 1e200, 1e200, 1, 1), STR("fro")), 1.414213562373095e+200, 1e-15);
}

static void norm_nonfinite(void)
{
	CHECK(isnan(norm_of(V(2, 2, 1, NAN, 2, 3), NULL)));
	CHECK(isnan(norm_of(V(2, 2, 1, INFINITY, 2, 3), NULL)));   /* as Octave */
	CHECK(isnan(norm_of(V(1, 3, 1, 2, NAN), NULL)));
	CHECK(isinf(norm_of(V(1, 3, 1, 2, INFINITY), NULL)));
	CHECK(isinf(norm_of(V(2, 2, 1, INFINITY, 2, 3), S(1))));
	CHECK(isnan(norm_of(V(2, 2, 1, NAN, 2, 3), STR("fro"))));
	CHECK(isnan(norm_of(V(2, 2, 1, NAN, 2, 3), S(INFINITY))));
	/* deviation: Octave 7.3 gives 3 here, skipping the NaN column */
	CHECK(isnan(norm_of(V(2, 2, 1, NAN, 2, 3), S(1))));
	CHECK(isnan(norm_of(V(1, 2, 3, 4), S(NAN))));
}

static void norm_errors(void)
{
	FAILS(CALL("norm", 1, V(2, 2, 1, 2, 3, 4), S(3)), 1,
	      "norm: for a matrix, p must be 1, 2, Inf or 'fro', found 3");
	FAILS(CALL("norm", 1, V(2, 2, 1, 2, 3, 4), S(-INFINITY)), 1,
	      "norm: for a matrix, p must be 1, 2, Inf or 'fro', found -Inf");
	FAILS(CALL("norm", 1, V(1, 3, 1, 2, 3), STR("abc")), 1,
	      "norm: expected 'fro', 'inf' or a number as argument 2, found 'abc'");
	FAILS(CALL("norm", 1, STR("abc")), 0, "norm: argument 1 must be a matrix, found a string");
	FAILS(CALL("norm", 1, V(2, 2, 1, 2, 3, 4), V(1, 2, 1, 2)), 1,
	      "norm: argument 2 must be a number, found a 1×2 matrix");
}

static double rank_of(struct lr_value *a, struct lr_value *tol)
{
	double r = -1;

	if ((tol ? CALL("rank", 1, a, tol) : CALL("rank", 1, a)) == 0)
		r = c.outs[0]->m->data[0];
	else
		fprintf(stderr, "rank failed: %s\n", c.msg);
	clear_outs();
	return r;
}

static void rank(void)
{
	CHECK(rank_of(A3, NULL) == 3);
	CHECK(rank_of(V(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9), NULL) == 2);
	CHECK(rank_of(V(3, 2, 1, 2, 2, 4, 3, 6), NULL) == 1);
	CHECK(rank_of(E(3, 3), NULL) == 0);
	CHECK(rank_of(E(0, 0), NULL) == 0);
	CHECK(rank_of(S(0), NULL) == 0);
	CHECK(rank_of(V(2, 2, 1, 1, 1, 1 + 1e-15), NULL) == 1);   /* σ₂ ≈ 6e-16 < tol */
	CHECK(rank_of(V(2, 2, 1, 2, 3, 4), S(1)) == 1);
	CHECK(rank_of(V(2, 2, 1, 2, 3, 4), S(10)) == 0);
	CHECK(rank_of(V(2, 2, 1, 2, 3, 4), S(-1)) == 2);
	FAILS(CALL("rank", 1, V(2, 2, 1, NAN, 2, 4)), 0,
	      "rank: cannot take SVD of matrix containing Inf or NaN values");
}

static void svd_values(void)
{
	OK(CALL("svd", 1, A3));
	OUT(0, 3, 1, 1e-14, 14.34624713004369, 9.2173912964987981, 1.8641059441301597);
	OK(CALL("svd", 1, V(3, 2, 1, 2, 3, 4, 5, 6)));
	OUT(0, 2, 1, 1e-14, 9.5255180915651074, 0.51430058065864404);
	OK(CALL("svd", 1, V(2, 3, 1, 2, 3, 4, 5, 6)));
	OUT(0, 2, 1, 1e-14, 9.5080320006957244, 0.77286963567348432);
	OK(CALL("svd", 1, V(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
	OUT(0, 3, 1, 1e-14, 16.84810335261421, 1.0683695145547096, 0);
	OK(CALL("svd", 1, A3, STR("econ")));
	OUT_SHAPE(0, 3, 1);
	clear_outs();
}

/* Checks U (m×m or m×p), S, V against A: U S Vᵀ = A, orthonormal columns,
 * S diagonal with the expected values. */
static void check_usv(const double *a, size_t m, size_t n, size_t ucols, size_t vcols,
                      const double *sv)
{
	const struct lr_matrix *U = c.outs[0]->m, *S = c.outs[1]->m, *V = c.outs[2]->m;

	CHECK(U->rows == m && U->cols == ucols);
	CHECK(S->rows == ucols && S->cols == vcols);
	CHECK(V->rows == n && V->cols == vcols);
	if (check_failures)
		return;
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < n; j++) {
			double s = 0;
			for (size_t k = 0; k < ucols && k < vcols; k++)
				s += LR_AT(U, i, k) * LR_AT(S, k, k) * LR_AT(V, j, k);
			CHECK_NEAR(s, a[i * n + j], 1e-13);
		}
	for (size_t i = 0; i < ucols; i++)
		for (size_t j = 0; j < vcols; j++)
			CHECK_NEAR(LR_AT(S, i, j), i == j ? sv[i] : 0.0, 1e-13);
	for (size_t k = 0; k < ucols; k++)
		for (size_t l = 0; l < ucols; l++) {
			double d = 0;
			for (size_t i = 0; i < m; i++)
				d += LR_AT(U, i, k) * LR_AT(U, i, l);
			CHECK_NEAR(d, k == l, 1e-13);
		}
	for (size_t k = 0; k < vcols; k++)
		for (size_t l = 0; l < vcols; l++) {
			double d = 0;
			for (size_t i = 0; i < n; i++)
				d += LR_AT(V, i, k) * LR_AT(V, i, l);
			CHECK_NEAR(d, k == l, 1e-13);
		}
}

static void svd_full(void)
{
	static const double a[] = { 1, 2, 3, 4, 5, 6 };
	static const double sv[] = { 9.5255180915651092, 0.51430058065864415 };
	static const double b[] = { 1, 2, 3, 4, 5, 6 };
	static const double sb[] = { 9.5080320006957244, 0.77286963567348432 };

	/* [U, S, V] = svd([1 2; 3 4; 5 6]): U 3×3, S 3×2, V 2×2 */
	OK(CALL("svd", 3, V(3, 2, 1, 2, 3, 4, 5, 6)));
	check_usv(a, 3, 2, 3, 2, sv);
	/* Octave's third column of U, up to sign: [0.408; -0.816; 0.408] */
	CHECK_NEAR(fabs(LR_AT(c.outs[0]->m, 1, 2)), 0.81649658092772615, 1e-14);
	/* wide: U 2×2, S 2×3, V 3×3 */
	OK(CALL("svd", 3, V(2, 3, 1, 2, 3, 4, 5, 6)));
	check_usv(b, 2, 3, 2, 3, sb);
	/* [U, S] = svd(A) */
	OK(CALL("svd", 2, V(3, 2, 1, 2, 3, 4, 5, 6)));
	OUT_SHAPE(0, 3, 3);
	OUT(1, 3, 2, 1e-14, 9.5255180915651092, 0, 0, 0.51430058065864415, 0, 0);
	CHECK(c.outs[2] == NULL);
	clear_outs();
}

static void svd_econ(void)
{
	static const double a[] = { 1, 2, 3, 4, 5, 6 };
	static const double sv[] = { 9.5255180915651092, 0.51430058065864415 };
	static const double a3[] = { 1, -2, 3, 4, 5, -6, 7, 8, 9.5 };
	static const double s3[] = { 14.34624713004369, 9.2173912964987981, 1.8641059441301597 };

	OK(CALL("svd", 3, V(3, 2, 1, 2, 3, 4, 5, 6), STR("econ")));
	check_usv(a, 3, 2, 2, 2, sv);
	OK(CALL("svd", 3, V(3, 2, 1, 2, 3, 4, 5, 6), S(0)));
	check_usv(a, 3, 2, 2, 2, sv);
	/* svd(A, 0) of a wide A is the full SVD, as Octave 7; 'econ' is thin */
	OK(CALL("svd", 3, V(2, 3, 1, 2, 3, 4, 5, 6), S(0)));
	OUT_SHAPE(0, 2, 2);
	OUT_SHAPE(1, 2, 3);
	OUT_SHAPE(2, 3, 3);
	OK(CALL("svd", 3, V(2, 3, 1, 2, 3, 4, 5, 6), STR("econ")));
	OUT_SHAPE(0, 2, 2);
	OUT_SHAPE(1, 2, 2);
	OUT_SHAPE(2, 3, 2);
	OK(CALL("svd", 3, A3));
	check_usv(a3, 3, 3, 3, 3, s3);
	clear_outs();
}

static void svd_empty(void)
{
	OK(CALL("svd", 1, E(0, 3)));
	OUT_SHAPE(0, 0, 1);
	/* [U, S, V] = svd(zeros(0, 3)): U 0×0, S 0×3, V = eye(3) */
	OK(CALL("svd", 3, E(0, 3)));
	OUT_SHAPE(0, 0, 0);
	OUT_SHAPE(1, 0, 3);
	OUT(2, 3, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
	/* thin: U 0×0, S 0×0, V 3×0 */
	OK(CALL("svd", 3, E(0, 3), STR("econ")));
	OUT_SHAPE(0, 0, 0);
	OUT_SHAPE(1, 0, 0);
	OUT_SHAPE(2, 3, 0);
	/* svd(zeros(2, 3), 'econ'): U = eye(2), S = 0, V the first columns of eye */
	OK(CALL("svd", 3, E(2, 3), STR("econ")));
	OUT_SHAPE(0, 2, 2);
	OUT(1, 2, 2, 0, 0, 0, 0, 0);
	OUT_SHAPE(2, 3, 2);
	clear_outs();
}

static void svd_errors(void)
{
	FAILS(CALL("svd", 1, V(2, 2, 1, NAN, 2, 4)), 0,
	      "svd: cannot take SVD of matrix containing Inf or NaN values");
	FAILS(CALL("svd", 3, V(2, 2, 1, INFINITY, 2, 4)), 0,
	      "svd: cannot take SVD of matrix containing Inf or NaN values");
	FAILS(CALL("svd", 1, V(2, 2, 1, 2, 3, 4), STR("abc")), 1,
	      "svd: expected 'econ' or 0 as argument 2, found 'abc'");
	FAILS(CALL("svd", 1, V(2, 2, 1, 2, 3, 4), E(0, 0)), 1,
	      "svd: expected 'econ' or 0 as argument 2, found []");
	FAILS(CALL("svd", 1, STR("abc")), 0, "svd: argument 1 must be a matrix, found a string");
}

/* ---- Losses ------------------------------------------------------------------------ */

static void sse_mse(void)
{
	OK(CALL("sse", 1, V(2, 2, 1, 2, 3, 4), V(2, 2, 1, 0, 0, 4)));
	OUT(0, 1, 1, 0, 13);
	OK(CALL("mse", 1, V(2, 2, 1, 2, 3, 4), V(2, 2, 1, 0, 0, 4)));
	OUT(0, 1, 1, 0, 3.25);
	/* entries where either is NaN are skipped */
	OK(CALL("sse", 1, V(1, 3, 1, NAN, 3), V(1, 3, 2, 5, NAN)));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("mse", 1, V(1, 3, 1, NAN, 3), V(1, 3, 3, 5, NAN)));
	OUT(0, 1, 1, 0, 4);
	OK(CALL("mse", 1, V(1, 1, NAN), V(1, 1, 1)));
	OUT(0, 1, 1, 0, NAN);
	clear_outs();
	FAILS(CALL("sse", 1, E(3, 3), E(2, 3)), 1, "sse: argument 1 is 3×3 but argument 2 is 2×3");
	FAILS(CALL("mse", 1, E(3, 3), STR("x")), 1, "mse: argument 2 must be a matrix, found a string");
}

static void string_args(void)
{
	static const char *const one_matrix[] = {
		"abs", "sqrt", "exp", "log", "round", "floor", "ceil", "fix", "isnan", "isinf",
		"trace", "diag", "norm", "rank", "svd", "inv", "sum", "mean", "min", "max",
		"any", "all", "zeros",
	};
	char want[100];

	for (size_t i = 0; i < sizeof one_matrix / sizeof one_matrix[0]; i++) {
		snprintf(want, sizeof want, "%s: argument 1 must be a matrix, found a string",
		         one_matrix[i]);
		FAILS(CALL(one_matrix[i], 1, STR("x")), 0, want);
	}
}

/* ---- Logical values and strings (fn_logical.c, fn_string.c) ------------------ */

static void check_logical(const char *file, int line, int k, int want)
{
	if (!c.outs[k] || c.outs[k]->kind != LR_VAL_MAT || c.outs[k]->logical != want) {
		fprintf(stderr, "%s:%d: output %d is not %s\n", file, line, k,
		        want ? "logical" : "a double matrix");
		check_failures++;
	}
}
#define LOGICAL(k, want) check_logical(__FILE__, __LINE__, (k), (want))

static void check_str(const char *file, int line, const char *want)
{
	const struct lr_value *v = c.outs[0];

	if (!v || v->kind != LR_VAL_STR || v->slen != strlen(want) || memcmp(v->s, want, v->slen)) {
		fprintf(stderr, "%s:%d: output is '%s', expected '%s'\n", file, line,
		        v && v->kind == LR_VAL_STR ? v->s : "(not a string)", want);
		check_failures++;
	}
}
#define OUT_STR(want) check_str(__FILE__, __LINE__, (want))

static struct lr_value *bool_value(struct lr_value *v)
{
	if (v)
		v->logical = 1;
	return v;
}

static void logical_fns(void)
{
	OK(CALL("true", 1, S(2), S(3)));
	OUT(0, 2, 3, 0, 1, 1, 1, 1, 1, 1);
	LOGICAL(0, 1);
	OK(CALL0("false", 1));
	OUT(0, 1, 1, 0, 0);
	LOGICAL(0, 1);
	OK(CALL("false", 1, S(-1)));   /* a negative size is 0, as zeros */
	OUT_SHAPE(0, 0, 0);
	LOGICAL(0, 1);
	OK(CALL("logical", 1, V(1, 4, 1, 0, -2, 0.5)));
	OUT(0, 1, 4, 0, 1, 0, 1, 1);
	LOGICAL(0, 1);
	FAILS(CALL("logical", 1, V(1, 2, 1, NAN)), 0, "logical: invalid conversion from NaN to logical");
	FAILS(CALL("logical", 1, STR("a")), 0, "logical: expected a numeric matrix, found a string");
	OK(CALL("islogical", 1, bool_value(S(1))));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("islogical", 1, S(1)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("xor", 1, V(1, 3, 1, 0, 1), V(1, 3, 1, 1, 0)));
	OUT(0, 1, 3, 0, 0, 1, 1);
	LOGICAL(0, 1);
	FAILS(CALL("xor", 1, S(NAN), S(1)), 0, "xor: invalid conversion from NaN to logical");
	/* the functions whose results are logical in Octave */
	static const char *const gives[] = { "isnan", "isinf", "any", "all", "isempty" };
	for (size_t i = 0; i < sizeof gives / sizeof gives[0]; i++) {
		OK(CALL(gives[i], 1, V(1, 2, 1, 0)));
		LOGICAL(0, 1);
	}
	/* and those that keep the class of a logical argument */
	OK(CALL("reshape", 1, bool_value(V(2, 2, 1, 0, 0, 1)), S(1), S(4)));
	LOGICAL(0, 1);
	OK(CALL("max", 1, bool_value(V(1, 2, 1, 0))));
	LOGICAL(0, 1);
	OK(CALL("max", 1, bool_value(V(1, 2, 1, 0)), S(5)));
	LOGICAL(0, 0);
	OK(CALL("sum", 1, bool_value(V(1, 2, 1, 1))));
	OUT(0, 1, 1, 0, 2);
	LOGICAL(0, 0);
	/* find, shaped as Octave 7.3 shapes it */
	OK(CALL("find", 1, V(1, 4, 0, 3, 0, NAN)));
	OUT(0, 1, 2, 0, 2, 4);
	OK(CALL("find", 1, V(2, 2, 1, 0, 1, 1)));
	OUT(0, 3, 1, 0, 1, 2, 4);
	OK(CALL("find", 1, S(0)));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("find", 1, E(0, 3)));
	OUT_SHAPE(0, 0, 1);
	OK(CALL("find", 1, V(1, 4, 1, 0, 1, 1), S(2), STR("last")));
	OUT(0, 1, 2, 0, 3, 4);
	OK(CALL("find", 3, bool_value(V(2, 2, 0, 1, 1, 0))));
	OUT(0, 2, 1, 0, 2, 1);
	OUT(1, 2, 1, 0, 1, 2);
	OUT(2, 2, 1, 0, 1, 1);
	FAILS(CALL("find", 1, S(1), S(0.5)), 1, "find: N must be a non-negative integer");
}

static void string_fns(void)
{
	OK(CALL("char", 1, V(1, 3, 72, 105, 33.4)));
	OUT_STR("Hi!");
	FAILS(CALL("char", 1, S(256)), 0, "char: a character code must be from 0 to 255, found 256");
	FAILS(CALL("char", 1, S(NAN)), 0, "char: invalid conversion from NaN to character");
	OK(CALL("double", 1, STR("AZ")));
	OUT(0, 1, 2, 0, 65, 90);
	OK(CALL("double", 1, STR("")));
	OUT_SHAPE(0, 0, 0);
	OK(CALL("double", 1, bool_value(S(1))));
	LOGICAL(0, 0);
	OK(CALL("ischar", 1, STR("")));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("upper", 1, STR("abC1\xc3\xa9")));   /* bytes past ASCII stay */
	OUT_STR("ABC1\xc3\xa9");
	OK(CALL("lower", 1, STR("ABc")));
	OUT_STR("abc");
	OK(CALL("strcmp", 1, STR("abc"), STR("abc")));
	OUT(0, 1, 1, 0, 1);
	OK(CALL("strcmp", 1, STR("a"), S(97)));
	OUT(0, 1, 1, 0, 0);
	OK(CALL("strcat", 1, STR("a "), STR("b\t"), STR(" c")));
	OUT_STR("ab\t c");   /* only spaces go, as in Octave */
	FAILS(CALL("strcat", 1, STR("a"), S(1)), 1, "strcat: argument 2 must be a string (Octave "
	      "would make a cell array, which this language does not have)");
	/* num2str as Octave 7.3 prints */
	OK(CALL("num2str", 1, S(3.141592653589793)));
	OUT_STR("3.1416");
	OK(CALL("num2str", 1, V(1, 3, 1, -2, 3)));
	OUT_STR("1 -2  3");
	OK(CALL("num2str", 1, V(1, 3, 1.5, NAN, -INFINITY)));
	OUT_STR("1.5         NaN        -Inf");
	OK(CALL("num2str", 1, S(1e20)));
	OUT_STR("1e+20");
	OK(CALL("num2str", 1, S(3.141592653589793), S(8)));
	OUT_STR("3.1415927");
	OK(CALL("num2str", 1, V(1, 3, 1, 2, 3), STR("%d,")));
	OUT_STR("1,2,3,");
	OK(CALL("num2str", 1, bool_value(V(1, 2, 1, 0))));
	OUT_STR("1  0");
	FAILS(CALL("num2str", 1, V(2, 1, 1, 2)), -1, "num2str: the text has 2 rows, a char "
	      "matrix: only strings of one row are supported (give a row vector or a format with "
	      "one line)");
	OK(CALL("int2str", 1, V(1, 3, 2.5, -2.5, 1.2)));
	OUT_STR("3 -3  1");
	OK(CALL("mat2str", 1, V(2, 2, 1, 2, 3, 4.5)));
	OUT_STR("[1 2;3 4.5]");
	OK(CALL("mat2str", 1, V(1, 3, NAN, INFINITY, -0.0)));
	OUT_STR("[NaN Inf -0]");
	OK(CALL("mat2str", 1, S(3.141592653589793), S(4)));
	OUT_STR("3.142");
	OK(CALL("mat2str", 1, bool_value(V(1, 2, 1, 0)), STR("class")));
	OUT_STR("logical([true false])");
	OK(CALL("mat2str", 1, E(2, 0)));
	OUT_STR("[]");
	FAILS(CALL("mat2str", 1, STR("a")), 0, "mat2str: expected a numeric or logical matrix, "
	      "found a string");
}

/* Each allocation of a call fails in turn: the call must report
 * "name: out of memory" (or succeed), leave no output and, under ASan, leak
 * nothing. */
static void alloc_failures(void)
{
	static const char *const names[] = { "svd", "svd", "svd", "inv", "norm", "rank",
	                                     "max", "reshape", "linspace", "size", "sum" };
	static const int nouts[] = { 1, 3, 3, 1, 1, 1, 2, 1, 1, 2, 1 };

	for (size_t f = 0; f < sizeof names / sizeof names[0]; f++) {
		for (long n = 1; n < 200; n++) {
			struct lr_value *args[3] = {
				V(3, 2, 1, 2, 3, 4, 5, 6.5), f == 2 ? STR("econ") : S(2), S(3) };
			int nargin = f == 2 || f == 7 ? 2 + (f == 7) : 1;
			int rc;
			char want[64];

			if (!strcmp(names[f], "inv")) {
				lr_value_destroy(args[0]);
				args[0] = V(2, 2, 4, 7, 2, 6);
			}
			if (!strcmp(names[f], "linspace")) {
				lr_value_destroy(args[0]);
				args[0] = S(0);
				nargin = 3;
			}
			for (int i = nargin; i < 3; i++)
				lr_value_destroy(args[i]);
			lr_alloc_fail_after(n);
			rc = call_fn(names[f], nouts[f], nargin, args);
			lr_alloc_fail_after(-1);
			if (rc == 0)
				break;
			snprintf(want, sizeof want, "%s: out of memory", names[f]);
			if (strcmp(c.msg, want) != 0) {
				fprintf(stderr, "%s, allocation %ld: \"%s\"\n", names[f], n, c.msg);
				check_failures++;
			}
			for (int i = 0; i < LR_MAX_OUTS; i++)
				CHECK(c.outs[i] == NULL);
		}
		clear_outs();
	}
}

SUBTEST_MAIN(T(table_sorted), T(find), T(constructors), T(constructor_errors), T(random_fill),
             T(linspace), T(size), T(size_errors), T(measures), T(elementwise), T(sum_mean),
             T(sum_mean_empty), T(reduce_errors), T(any_all), T(min_max), T(min_max_nan),
             T(min_max_empty), T(min_max_two), T(min_max_errors), T(trace), T(diag_vector),
             T(diag_matrix), T(diag_errors), T(reshape), T(reshape_errors), T(inv),
             T(norm_vector), T(norm_matrix), T(norm_nonfinite), T(norm_errors), T(rank),
             T(svd_values), T(svd_full), T(svd_econ), T(svd_empty), T(svd_errors),
             T(sse_mse), T(string_args), T(logical_fns), T(string_fns),
             T(alloc_failures))
