/* Elementwise functions: trigonometry, signs and remainders, logarithms,
 * gamma and counting, with GNU Octave 7's semantics. Where Octave's result
 * for a real argument would be complex (asin(2), log2(-1)) the call is
 * refused: complex numbers are not supported yet (README). Two-argument
 * forms broadcast as the elementwise operators do. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fn_args.h"
#include "ops.h"

/* ---- One argument ---------------------------------------------------------- */

/* out = f(A), or a refusal at the first element for which real(x) is 0 (its
 * result would be complex). */
static int map(struct lr_call *c, const char *name, double (*f)(double),
               int (*real)(double))
{
	const struct lr_matrix *a = lr_fn_mat(c, name, 0);
	struct lr_matrix *r;

	if (!a)
		return -1;
	for (size_t i = 0; real && i < lr_fn_numel(a); i++)
		if (!real(a->data[i]))
			return lr_fn_complex(c, name, 0, a->data[i]);
	if (!(r = lr_fn_mk(c, name, (double)a->rows, (double)a->cols)))
		return -1;
	for (size_t i = 0; i < lr_fn_numel(a); i++)
		r->data[i] = f(a->data[i]);
	return lr_fn_put(c, name, 0, r);
}

/* The domains whose image is real (NaN maps to NaN). */
static int in_unit(double x) { return !(fabs(x) > 1.0); }
static int not_negative(double x) { return !(x < 0.0); }
static int above_minus_one(double x) { return !(x < -1.0); }

static double d_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x; }

/* Octave's gamma: Inf at 0 (−Inf at −0) and at the negative whole numbers,
 * where C's tgamma gives NaN; Inf at −Inf. */
static double d_gamma(double x)
{
	if (x == 0.0)
		return signbit(x) ? -INFINITY : INFINITY;
	if ((x < 0.0 && x == floor(x)) || isinf(x))
		return INFINITY;
	return tgamma(x);
}

static int fn_sin(struct lr_call *c) { return map(c, "sin", sin, NULL); }
static int fn_cos(struct lr_call *c) { return map(c, "cos", cos, NULL); }
static int fn_tan(struct lr_call *c) { return map(c, "tan", tan, NULL); }
static int fn_asin(struct lr_call *c) { return map(c, "asin", asin, in_unit); }
static int fn_acos(struct lr_call *c) { return map(c, "acos", acos, in_unit); }
static int fn_atan(struct lr_call *c) { return map(c, "atan", atan, NULL); }
static int fn_sinh(struct lr_call *c) { return map(c, "sinh", sinh, NULL); }
static int fn_cosh(struct lr_call *c) { return map(c, "cosh", cosh, NULL); }
static int fn_tanh(struct lr_call *c) { return map(c, "tanh", tanh, NULL); }
static int fn_sign(struct lr_call *c) { return map(c, "sign", d_sign, NULL); }
static int fn_log10(struct lr_call *c) { return map(c, "log10", log10, not_negative); }
static int fn_log1p(struct lr_call *c) { return map(c, "log1p", log1p, above_minus_one); }
static int fn_expm1(struct lr_call *c) { return map(c, "expm1", expm1, NULL); }
static int fn_gamma(struct lr_call *c) { return map(c, "gamma", d_gamma, NULL); }

/* log2(x), or [f, e] = log2(x): x = f·2^e with 0.5 <= |f| < 1 (f = e = 0
 * for 0), which no value makes complex. */
static int fn_log2(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *f, *e;

	if (c->nargout < 2)
		return map(c, "log2", log2, not_negative);
	if (!(a = lr_fn_mat(c, "log2", 0)) ||
	    !(f = lr_fn_mk(c, "log2", (double)a->rows, (double)a->cols)))
		return -1;
	if (!(e = lr_fn_mk(c, "log2", (double)a->rows, (double)a->cols))) {
		lr_mat_destroy(f);
		return -1;
	}
	for (size_t i = 0; i < lr_fn_numel(a); i++) {
		int ex = 0;
		f->data[i] = isfinite(a->data[i]) ? frexp(a->data[i], &ex) : a->data[i];
		e->data[i] = ex;
	}
	return lr_fn_put_all(c, "log2", (struct lr_matrix *[]){ f, e }, 2);
}

/* factorial(n) = round(gamma(n + 1)), for whole n >= 0 (Inf included). */
static int fn_factorial(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "factorial", 0);
	struct lr_matrix *r;

	if (!a)
		return -1;
	for (size_t i = 0; i < lr_fn_numel(a); i++)
		if (!(a->data[i] >= 0.0) || a->data[i] != floor(a->data[i]))
			return lr_fn_fail(c, 0, "factorial: all N must be real non-negative integers");
	if (!(r = lr_fn_mk(c, "factorial", (double)a->rows, (double)a->cols)))
		return -1;
	for (size_t i = 0; i < lr_fn_numel(a); i++)
		r->data[i] = round(d_gamma(a->data[i] + 1.0));
	return lr_fn_put(c, "factorial", 0, r);
}

/* ---- Two or more arguments, broadcast ------------------------------------- */

/* Octave's mod and rem: x − y·floor(x/y) (trunc for rem), 0 when y is not
 * whole and x/y is within eps of a whole number (so mod(0.3, 0.1) is 0),
 * the sign of y (of x for rem); mod(x, 0) = x, rem(x, 0) = NaN. */
static double remainder_of(double x, double y, int floored)
{
	double r, q, n;
	volatile double t;

	if (y == 0.0)
		return floored ? x : NAN;
	q = x / y;
	n = isfinite(q) ? floor(q + 0.5) : q;
	if (floor(y + 0.5) != y && isfinite(y) && fabs((q - n) / n) < DBL_EPSILON) {
		r = 0.0;
	} else {
		t = y * (floored ? floor(q) : trunc(q));
		r = x - t;
	}
	if (x != y)
		r = copysign(r, floored ? y : x);
	return r;
}

static double d_mod(double x, double y) { return remainder_of(x, y, 1); }
static double d_rem(double x, double y) { return remainder_of(x, y, 0); }

/* Euclid on |x|, |y| (whole numbers, checked by the caller). */
static double d_gcd(double x, double y)
{
	x = fabs(x);
	y = fabs(y);
	while (y > 0.0) {
		double t = fmod(x, y);
		x = y;
		y = t;
	}
	return x;
}

/* x·y / gcd(x, y) with the sign of x·y, as Octave; 0 if either is 0. */
static double d_lcm(double x, double y)
{
	if (x == 0.0 || y == 0.0)
		return 0.0;
	return x * (y / d_gcd(x, y));
}

/* The first argument holding an element that is not a whole number, or -1. */
static int not_whole(const struct lr_call *c)
{
	for (int k = 0; k < c->nargin; k++) {
		const struct lr_matrix *m = c->args[k]->m;
		for (size_t i = 0; i < lr_fn_numel(m); i++)
			if (m->data[i] != floor(m->data[i]))
				return k;
	}
	return -1;
}

/* f folded over the arguments left to right, each step broadcast:
 * f(f(a, b), c)... Octave's nonconformant message names the operands. */
static int fold(struct lr_call *c, const char *name, lr_op_fn2 f)
{
	struct lr_matrix *acc = NULL;
	char msg[160];

	for (int k = 0; k < c->nargin; k++)
		if (!lr_fn_mat(c, name, k))
			return -1;
	for (int k = 1; k < c->nargin; k++) {
		const struct lr_matrix *a = acc ? acc : c->args[0]->m, *b = c->args[k]->m;
		struct lr_matrix *r = NULL;
		enum lr_status st = lr_op_broadcast(a, b, f, &r, msg, sizeof msg);
		if (st != LR_OK) {
			lr_mat_destroy(acc);
			if (st == LR_ERR_NOMEM)
				return lr_fn_nomem(c, name);
			if (st == LR_ERR_SHAPE)
				return lr_fn_fail(c, k, "%s: nonconformant arguments (op1 is %zux%zu, op2 is "
				                  "%zux%zu)", name, a->rows, a->cols, b->rows, b->cols);
			return lr_fn_fail(c, k, "%s: %s", name, msg);
		}
		lr_mat_destroy(acc);
		acc = r;
	}
	return lr_fn_put(c, name, 0, acc);
}

static int fn_atan2(struct lr_call *c) { return fold(c, "atan2", atan2); }
static int fn_hypot(struct lr_call *c) { return fold(c, "hypot", hypot); }
static int fn_mod(struct lr_call *c) { return fold(c, "mod", d_mod); }
static int fn_rem(struct lr_call *c) { return fold(c, "rem", d_rem); }

static int integer_fold(struct lr_call *c, const char *name, lr_op_fn2 f)
{
	for (int k = 0; k < c->nargin; k++)
		if (!lr_fn_mat(c, name, k))
			return -1;
	if (not_whole(c) >= 0)
		return lr_fn_fail(c, not_whole(c), "%s: all values must be integers", name);
	return fold(c, name, f);
}

static int fn_gcd(struct lr_call *c) { return integer_fold(c, "gcd", d_gcd); }

/* lcm, unlike gcd, does not broadcast in Octave: its arguments have one
 * size, or are scalars. */
static int fn_lcm(struct lr_call *c)
{
	const struct lr_matrix *shape = NULL;

	for (int k = 0; k < c->nargin; k++) {
		const struct lr_matrix *m = lr_fn_mat(c, "lcm", k);
		if (!m)
			return -1;
		if (lr_fn_numel(m) == 1)
			continue;
		if (shape && (m->rows != shape->rows || m->cols != shape->cols))
			return lr_fn_fail(c, k, "lcm: all args must be the same size or scalar");
		shape = m;
	}
	return integer_fold(c, "lcm", d_lcm);
}

/* ---- nchoosek -------------------------------------------------------------- */

/* The binomial coefficient, exact while it stays below 2^53: each step
 * multiplies by (n − k + i)/i after cancelling their common factor with
 * the running product, so no step rounds an integer that fits. */
static double binomial(double n, double k)
{
	double r = 1.0;

	if (k > n - k)
		k = n - k;
	for (double i = 1.0; i <= k; i++) {
		double g = d_gcd(r, i);
		r = (r / g) * ((n - k + i) / (i / g));
	}
	return r;
}

/* The rows of nchoosek(v, k): every choice of k elements of v, in the
 * order of their positions (lexicographic), as Octave lists them. */
static int combinations(struct lr_call *c, const struct lr_matrix *v, size_t k)
{
	size_t n = lr_fn_numel(v), pos[64];
	double count = k > n ? 0.0 : binomial((double)n, (double)k);
	struct lr_matrix *r;

	if (k > 64)
		return lr_fn_fail(c, 1, "nchoosek: K must be at most 64 for a set, found %zu", k);
	if (!(r = lr_fn_mk(c, "nchoosek", k == 0 ? 1.0 : count, (double)k)))
		return -1;
	for (size_t j = 0; j < k; j++)
		pos[j] = j;
	for (size_t row = 0; k && row < r->rows; row++) {
		size_t j = k;
		for (size_t t = 0; t < k; t++)
			r->data[row * k + t] = v->data[pos[t]];
		while (j > 0 && pos[j - 1] == n - k + j - 1)
			j--;
		if (j == 0)
			break;
		pos[j - 1]++;
		for (size_t t = j; t < k; t++)
			pos[t] = pos[t - 1] + 1;
	}
	return lr_fn_put(c, "nchoosek", 0, r);
}

/* nchoosek(n, k): the binomial coefficient; nchoosek(set, k): the rows of
 * combinations. */
static int fn_nchoosek(struct lr_call *c)
{
	const struct lr_matrix *v = lr_fn_mat(c, "nchoosek", 0);
	double n, k;

	if (!v || lr_fn_scalar(c, "nchoosek", 1, &k) < 0)
		return -1;
	if (!(k >= 0.0) || k != floor(k) || isinf(k))
		return lr_fn_fail(c, 1, "nchoosek: K must be an integer >= 0");
	if (lr_fn_numel(v) != 1) {
		if (!lr_fn_is_vector(v) && lr_fn_numel(v))
			return lr_fn_fail(c, 0, "nchoosek: SET must be a vector, found a %zu×%zu matrix",
			                  v->rows, v->cols);
		return combinations(c, v, (size_t)k);
	}
	n = v->data[0];
	if (!(n >= k) || n != floor(n) || isinf(n))
		return lr_fn_fail(c, 0, "nchoosek: N must be a non-negative integer >= K");
	return lr_fn_put_num(c, "nchoosek", 0, binomial(n, k));
}

/* ---- The table ------------------------------------------------------------- */

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "acos", 1, 1, 1, fn_acos, "acos(X)", "inverse cosine, in radians (|X| <= 1)" },
	{ "asin", 1, 1, 1, fn_asin, "asin(X)", "inverse sine, in radians (|X| <= 1)" },
	{ "atan", 1, 1, 1, fn_atan, "atan(X)", "inverse tangent, in radians" },
	{ "atan2", 2, 2, 1, fn_atan2, "atan2(Y, X)",
	  "angle of the point (X, Y) from the x axis, in (-pi, pi]" },
	{ "cos", 1, 1, 1, fn_cos, "cos(X)", "cosine of each element (radians)" },
	{ "cosh", 1, 1, 1, fn_cosh, "cosh(X)", "hyperbolic cosine" },
	{ "expm1", 1, 1, 1, fn_expm1, "expm1(X)", "exp(X) - 1, accurate for small X" },
	{ "factorial", 1, 1, 1, fn_factorial, "factorial(N)",
	  "N! for whole N >= 0 (round(gamma(N+1)); Inf above 170)" },
	{ "gamma", 1, 1, 1, fn_gamma, "gamma(X)",
	  "the gamma function (Inf at 0 and the negative whole numbers)" },
	{ "gcd", 2, 16, 1, fn_gcd, "gcd(A, B), gcd(A, B, C, ...)",
	  "greatest common divisor of whole numbers, elementwise" },
	{ "hypot", 2, 16, 1, fn_hypot, "hypot(X, Y), hypot(X, Y, Z, ...)",
	  "sqrt(X.^2 + Y.^2) without overflow" },
	{ "lcm", 2, 16, 1, fn_lcm, "lcm(A, B), lcm(A, B, C, ...)",
	  "least common multiple of whole numbers, elementwise" },
	{ "log10", 1, 1, 1, fn_log10, "log10(X)", "base-10 logarithm (X >= 0)" },
	{ "log1p", 1, 1, 1, fn_log1p, "log1p(X)", "log(1 + X), accurate for small X (X >= -1)" },
	{ "log2", 1, 1, 2, fn_log2, "log2(X), [F, E] = log2(X)",
	  "base-2 logarithm (X >= 0); or X = F.*2.^E with 0.5 <= |F| < 1" },
	{ "mod", 2, 2, 1, fn_mod, "mod(X, Y)",
	  "remainder of X./Y with the sign of Y (X - floor(X./Y).*Y); mod(X, 0) = X" },
	{ "nchoosek", 2, 2, 1, fn_nchoosek, "nchoosek(N, K), nchoosek(SET, K)",
	  "binomial coefficient, or the rows of all K-element combinations of SET" },
	{ "rem", 2, 2, 1, fn_rem, "rem(X, Y)",
	  "remainder of X./Y with the sign of X (X - fix(X./Y).*Y); rem(X, 0) = NaN" },
	{ "sign", 1, 1, 1, fn_sign, "sign(X)", "-1, 0 or 1 for each element" },
	{ "sin", 1, 1, 1, fn_sin, "sin(X)", "sine of each element (radians)" },
	{ "sinh", 1, 1, 1, fn_sinh, "sinh(X)", "hyperbolic sine" },
	{ "tan", 1, 1, 1, fn_tan, "tan(X)", "tangent of each element (radians)" },
	{ "tanh", 1, 1, 1, fn_tanh, "tanh(X)", "hyperbolic tangent" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_elem = LR_BUILTIN_GROUP(table, "Elementwise");
