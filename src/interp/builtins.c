/* The language's functions, with GNU Octave 7's semantics unless a comment
 * says otherwise; see builtins.h.
 *
 * Conventions: every function reads its arguments through the arg_*
 * helpers, which write the error sentence ("norm: argument 1 must be a
 * matrix, found a string") and the bad argument's index; results go out
 * through put(), which owns the matrix from then on. Masks of arguments are
 * ignored (only NaN counts as missing, in sse and mse); results carry none.
 * sqrt and log of a negative number give complex results through their
 * complex forms (fn_complex.c), which the evaluator calls instead. */
#include "builtins.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>



#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/loss.h"
#include "lowrank/svd.h"
#define LR_FN_SHORT_NAMES
#include "fn_args.h"
#include "limit.h"
#include "ops.h"

/* ---- Helpers: errors, arguments, results ---------------------------------- */


/* 1 if an r×k request passes the element limit (NaN, from Inf·0, does too);
 * sizes above 2^53 are refused even when the other one is 0, so that they
 * convert to size_t exactly. */
static int too_big(double r, double k)
{
	return !(r * k <= (double)lr_mat_max_elems) || r > 0x1p53 || k > 0x1p53;
}

static int nargout(const struct lr_call *c)
{
	return c->nargout > 1 ? c->nargout : 1;
}

static size_t numel(const struct lr_matrix *m)
{
	return m->rows * m->cols;
}

static int is_vector(const struct lr_matrix *m)
{
	return m->rows == 1 || m->cols == 1;
}

/* Output 0 of a call that succeeded (rc 0) is logical, as Octave's isnan,
 * any, ... give class logical (a mask for indexing). */
static int logical_out(struct lr_call *c, int rc)
{
	if (rc == 0)
		c->outs[0]->logical = 1;
	return rc;
}

/* Output 0 keeps the class logical when the data arguments (the first, or
 * the first two for min(A, B) and max(A, B)) are logical, as Octave's
 * reshape, diag, min and max do. */
static int keep_logical(struct lr_call *c, int rc, int two)
{
	if (rc == 0 && c->args[0]->logical && (!two || c->args[1]->logical))
		c->outs[0]->logical = 1;
	return rc;
}

/* Maps an lr_op_* failure to a message for function name. */
static int op_fail(struct lr_call *c, const char *name, enum lr_status st, const char *msg,
                   int arg)
{
	if (st == LR_ERR_NOMEM)
		return nomem(c, name);
	return fail(c, arg, "%s: %s", name, msg[0] ? msg : lr_status_str(st));
}

/* ---- Constructors: zeros ones eye rand randn ------------------------------ */

static const char *fmt_size(double x, char *buf, size_t n)
{
	if (isinf(x))
		return "Inf";
	snprintf(buf, n, "%.0f", x);
	return buf;
}

/* One size: a whole number, negative meaning 0 (as Octave). */
static int size_value(struct lr_call *c, const char *name, int arg, double *x)
{
	if (isnan(*x) || (isfinite(*x) && *x != floor(*x)))
		return fail(c, arg, "%s: size must be a whole number, found %s", name, num(*x));
	if (*x < 0.0)
		*x = 0.0;
	return 0;
}

/* The sizes of f(), f(n), f(m, n) and f([m n]). */
static int get_dims(struct lr_call *c, const char *name, size_t *rows, size_t *cols)
{
	double r = 1.0, k = 1.0;
	char b1[32], b2[64];

	if (c->nargin == 1) {
		const struct lr_matrix *m;
		if (!(m = arg_mat(c, name, 0)))
			return -1;
		if (numel(m) == 1) {
			r = k = m->data[0];
		} else if (numel(m) == 2 && is_vector(m)) {
			r = m->data[0];
			k = m->data[1];
		} else if (is_vector(m) && numel(m) > 2) {
			return fail(c, 0, "%s: only 2-D sizes are supported, found %zu dimensions",
			            name, numel(m));
		} else {
			return fail(c, 0, "%s: expected a size or [rows columns], found %s", name,
			            describe(c->args[0], b2, sizeof b2));
		}
		if (size_value(c, name, 0, &r) < 0 || size_value(c, name, 0, &k) < 0)
			return -1;
	} else if (c->nargin == 2) {
		if (arg_num(c, name, 0, &r) < 0 || size_value(c, name, 0, &r) < 0 ||
		    arg_num(c, name, 1, &k) < 0 || size_value(c, name, 1, &k) < 0)
			return -1;
	}
	if (too_big(r, k))
		return fail_big(c, -1, "%s: the result would be %s×%s", name,
		                fmt_size(r, b1, sizeof b1), fmt_size(k, b2, sizeof b2));
	*rows = (size_t)r;
	*cols = (size_t)k;
	return 0;
}

int lr_builtin_dims(struct lr_call *c, const char *name, size_t *rows, size_t *cols)
{
	return get_dims(c, name, rows, cols);
}

enum fill { FILL_ZEROS, FILL_ONES, FILL_EYE, FILL_RAND, FILL_RANDN, FILL_NAN, FILL_INF };

/* rand and randn draw row by row (row-major order), unlike Octave's column
 * order: our matrices are stored by rows, and what matters is that one seed
 * gives the same matrix on every platform. */
static int construct(struct lr_call *c, const char *name, enum fill how)
{
	size_t rows, cols;
	struct lr_matrix *m;

	if (get_dims(c, name, &rows, &cols) < 0 || !(m = mk(c, name, rows, cols)))
		return -1;
	for (size_t i = 0; i < numel(m); i++) {
		switch (how) {
		case FILL_ZEROS: break;
		case FILL_ONES: m->data[i] = 1.0; break;
		case FILL_EYE: m->data[i] = i / cols == i % cols; break;
		case FILL_RAND: m->data[i] = lr_rng_uniform(c->rng); break;
		case FILL_RANDN: m->data[i] = lr_rng_normal(c->rng); break;
		case FILL_NAN: m->data[i] = NAN; break;
		case FILL_INF: m->data[i] = INFINITY; break;
		}
	}
	return put(c, name, 0, m);
}

static int fn_zeros(struct lr_call *c) { return construct(c, "zeros", FILL_ZEROS); }
static int fn_ones(struct lr_call *c) { return construct(c, "ones", FILL_ONES); }
static int fn_eye(struct lr_call *c) { return construct(c, "eye", FILL_EYE); }
/* rand('seed', n) and friends reseed (fn_build.c). */
static int fn_rand(struct lr_call *c)
{
	if (c->nargin && c->args[0]->kind == LR_VAL_STR)
		return lr_fn_rand_seed(c, "rand");
	return construct(c, "rand", FILL_RAND);
}

static int fn_randn(struct lr_call *c)
{
	if (c->nargin && c->args[0]->kind == LR_VAL_STR)
		return lr_fn_rand_seed(c, "randn");
	return construct(c, "randn", FILL_RANDN);
}
/* NaN(n, 1) preallocates, as in Octave; the bare names are constants. */
static int fn_nan(struct lr_call *c) { return construct(c, "NaN", FILL_NAN); }
static int fn_inf(struct lr_call *c) { return construct(c, "Inf", FILL_INF); }

/* linspace(a, b), linspace(a, b, n): n points (default 100) built from both
 * ends towards the middle, as Octave 7 does, so the results agree to the
 * last bit and are symmetric. n below 1 (or NaN) gives 1×0; a fractional n
 * is rounded down, as Octave. */
static int fn_linspace(struct lr_call *c)
{
	double a, b, nd = 100.0, delta;
	size_t n;
	struct lr_matrix *m;

	if (arg_num(c, "linspace", 0, &a) < 0 || arg_num(c, "linspace", 1, &b) < 0)
		return -1;
	if (c->nargin > 2 && arg_num(c, "linspace", 2, &nd) < 0)
		return -1;
	nd = isnan(nd) || nd < 1.0 ? 0.0 : floor(nd);
	if (nd > (double)lr_mat_max_elems)
		return fail_big(c, 2, "linspace: the result would have %s points", num(nd));
	n = (size_t)nd;
	if (!(m = mk(c, "linspace", 1, n)))
		return -1;
	if (n) {
		m->data[0] = a;
		m->data[n - 1] = b;
	}
	delta = n > 1 ? (b - a) / (double)(n - 1) : 0.0;
	for (size_t i = 1; i < n / 2; i++) {
		m->data[i] = a + (double)i * delta;
		m->data[n - 1 - i] = b - (double)i * delta;
	}
	if (n > 1 && n % 2 == 1)
		m->data[n / 2] = a == -b ? 0.0 : (a + b) / 2.0;
	return put(c, "linspace", 0, m);
}

/* ---- Sizes: size rows columns numel length isempty ------------------------ */

/* The size of any value; a string is a row of characters, and an empty one
 * 0×0, as Octave's '', unless it came from sprintf or strcat (1×0). */
static void value_size(const struct lr_value *v, size_t *rows, size_t *cols)
{
	if (v->kind == LR_VAL_STR) {
		*rows = lr_value_str_rows(v);
		*cols = v->slen;
	} else {
		*rows = v->m->rows;
		*cols = v->m->cols;
	}
}

/* size(A) → [m n]; [r, c] = size(A) (further outputs are 1); size(A, d) for
 * a dimension d or a vector of them (d ≥ 3 gives 1). */
static int fn_size(struct lr_call *c)
{
	size_t dims[3] = { 0, 0, 1 };
	const struct lr_matrix *d;
	struct lr_matrix *r;

	value_size(c->args[0], &dims[0], &dims[1]);
	if (c->nargin == 1 && nargout(c) == 1) {
		if (!(r = mk(c, "size", 1, 2)))
			return -1;
		r->data[0] = (double)dims[0];
		r->data[1] = (double)dims[1];
		return put(c, "size", 0, r);
	}
	if (c->nargin == 1) {
		for (int i = 0; i < nargout(c); i++)
			if (put_num(c, "size", i, (double)dims[i < 2 ? i : 2]) < 0)
				return -1;
		return 0;
	}
	if (!(d = arg_mat(c, "size", 1)))
		return -1;
	for (size_t i = 0; i < numel(d); i++)
		if (!(d->data[i] >= 1.0) || d->data[i] != floor(d->data[i]))
			return fail(c, 1, "size: requested dimension DIM (= %s) out of range",
			            num(d->data[i]));
	if (!numel(d))
		return fail(c, 1, "size: expected a dimension, found []");
	if (nargout(c) > 1 && (size_t)nargout(c) != numel(d))
		return fail(c, -1, "size: %d outputs asked for but %zu dimensions given",
		            nargout(c), numel(d));
	if (nargout(c) > 1) {
		for (int i = 0; i < nargout(c); i++)
			if (put_num(c, "size", i, (double)dims[d->data[i] > 2 ? 2 : (int)d->data[i] - 1]) < 0)
				return -1;
		return 0;
	}
	if (!(r = mk(c, "size", 1, numel(d))))
		return -1;
	for (size_t i = 0; i < numel(d); i++)
		r->data[i] = (double)dims[d->data[i] > 2 ? 2 : (int)d->data[i] - 1];
	return put(c, "size", 0, r);
}

enum measure { M_ROWS, M_COLUMNS, M_NUMEL, M_LENGTH, M_ISEMPTY };

static int measure(struct lr_call *c, const char *name, enum measure what)
{
	size_t r, k;
	double x = 0.0;

	value_size(c->args[0], &r, &k);
	switch (what) {
	case M_ROWS: x = (double)r; break;
	case M_COLUMNS: x = (double)k; break;
	case M_NUMEL: x = (double)r * (double)k; break;
	case M_LENGTH: x = r && k ? (double)(r > k ? r : k) : 0.0; break;
	case M_ISEMPTY: x = !r || !k; break;
	}
	return put_num(c, name, 0, x);
}

static int fn_rows(struct lr_call *c) { return measure(c, "rows", M_ROWS); }
static int fn_columns(struct lr_call *c) { return measure(c, "columns", M_COLUMNS); }
static int fn_numel(struct lr_call *c) { return measure(c, "numel", M_NUMEL); }
static int fn_length(struct lr_call *c) { return measure(c, "length", M_LENGTH); }
static int fn_isempty(struct lr_call *c)
{
	return logical_out(c, measure(c, "isempty", M_ISEMPTY));
}

/* ---- Elementwise functions ------------------------------------------------ */

/* 0 or 1: glibc's isinf gives -1 for -Inf. */
static double d_isnan(double x) { return isnan(x) ? 1.0 : 0.0; }
static double d_isinf(double x) { return isinf(x) ? 1.0 : 0.0; }

static int map1(struct lr_call *c, const char *name, double (*f)(double))
{
	const struct lr_matrix *a;
	struct lr_matrix *r;

	if (!(a = arg_mat(c, name, 0)) || !(r = mk(c, name, a->rows, a->cols)))
		return -1;
	for (size_t i = 0; i < numel(a); i++)
		r->data[i] = f(a->data[i]);
	return put(c, name, 0, r);
}

/* map1 for sqrt and log, whose result for a negative number would be
 * complex: refused (fn_args.h) rather than NaN. */
static int map1_real(struct lr_call *c, const char *name, double (*f)(double))
{
	const struct lr_matrix *a = arg_mat(c, name, 0);

	for (size_t i = 0; a && i < numel(a); i++)
		if (a->data[i] < 0)
			return lr_fn_complex(c, name, 0, a->data[i]);
	return a ? map1(c, name, f) : -1;
}

static int fn_abs(struct lr_call *c) { return map1(c, "abs", fabs); }
static int fn_sqrt(struct lr_call *c) { return map1_real(c, "sqrt", sqrt); }
static int fn_exp(struct lr_call *c) { return map1(c, "exp", exp); }
static int fn_log(struct lr_call *c) { return map1_real(c, "log", log); }
static int fn_round(struct lr_call *c) { return map1(c, "round", round); } /* halves away from 0 */
static int fn_floor(struct lr_call *c) { return map1(c, "floor", floor); }
static int fn_ceil(struct lr_call *c) { return map1(c, "ceil", ceil); }
static int fn_fix(struct lr_call *c) { return map1(c, "fix", trunc); }
static int fn_isnan(struct lr_call *c) { return logical_out(c, map1(c, "isnan", d_isnan)); }
static int fn_isinf(struct lr_call *c) { return logical_out(c, map1(c, "isinf", d_isinf)); }

/* ---- Reductions: sum mean any all ----------------------------------------- */

/* The default dimension of Octave's reductions: the first one whose length
 * is not 1. */
static int default_dim(const struct lr_matrix *a)
{
	return a->rows != 1 ? 1 : 2;
}

enum reduce { R_SUM, R_MEAN, R_ANY, R_ALL };

static double reduce_elem(enum reduce how, double acc, double x)
{
	switch (how) {
	case R_SUM:
	case R_MEAN: return acc + x;
	case R_ANY: return acc != 0.0 || (x != 0.0 && !isnan(x));   /* NaN ignored, as Octave */
	case R_ALL: return acc != 0.0 && x != 0.0;                  /* NaN counts as true */
	}
	return acc;
}

/* sum(A), sum(A, dim) and friends. A 0×0 argument is taken as 0×1, as
 * Octave does, so sum([]) is 0 and mean([]) NaN. mean of an empty slice is
 * NaN everywhere: mean(zeros(0, 3)) is NaN(1, 3) and mean(zeros(1, 0)) NaN,
 * where Octave 7.3's mean.m gives 0×1 and 1×0 (Octave 9 and MATLAB agree
 * with us, and it keeps mean(A) = sum(A)/rows(A)). */
static int reduce(struct lr_call *c, const char *name, enum reduce how)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	size_t rows, cols, n;
	int dim;

	if (!(a = arg_mat(c, name, 0)))
		return -1;
	rows = a->rows;
	cols = a->cols;
	if (!rows && !cols)
		cols = 1;
	dim = rows != 1 ? 1 : 2;
	if (c->nargin > 1 && lr_fn_dim(c, name, 1, &dim) < 0)
		return -1;
	if (!(r = mk(c, name, dim == 1 ? 1 : rows, dim == 2 ? 1 : cols)))
		return -1;
	n = dim == 1 ? rows : dim == 2 ? cols : 1;
	for (size_t i = 0; i < numel(r); i++) {
		double acc = how == R_ALL ? 1.0 : 0.0;
		for (size_t k = 0; k < n; k++) {
			/* entry k of slice i: down column i, along row i, or itself */
			size_t at = dim == 1 ? k * cols + i : dim == 2 ? i * cols + k : i;
			acc = reduce_elem(how, acc, a->data[at]);
		}
		r->data[i] = how == R_MEAN ? acc / (double)n : acc;
	}
	return put(c, name, 0, r);
}

static int fn_sum(struct lr_call *c) { return reduce(c, "sum", R_SUM); }
static int fn_mean(struct lr_call *c) { return reduce(c, "mean", R_MEAN); }
static int fn_any(struct lr_call *c) { return logical_out(c, reduce(c, "any", R_ANY)); }
static int fn_all(struct lr_call *c) { return logical_out(c, reduce(c, "all", R_ALL)); }

/* ---- min and max ------------------------------------------------------------ */

static double d_min(double x, double y) { return fmin(x, y); }   /* fmin skips NaN */
static double d_max(double x, double y) { return fmax(x, y); }

/* min(A) / min(A, [], dim) along a dimension, NaN skipped unless a whole
 * slice is NaN; the second output is the 1-based index of the first
 * extremum. A dimension of length 0 stays 0 (max(zeros(0, 3)) is 0×3), as
 * Octave. */
static int extreme_along(struct lr_call *c, const char *name, int want_max,
                         const struct lr_matrix *a, int dim)
{
	size_t rows = a->rows, cols = a->cols, n;
	struct lr_matrix *v, *ix = NULL;

	n = dim == 1 ? rows : dim == 2 ? cols : 1;
	if (dim == 1 && rows)
		rows = 1;
	if (dim == 2 && cols)
		cols = 1;
	if (!(v = mk(c, name, rows, cols)) ||
	    (nargout(c) > 1 && !(ix = mk(c, name, rows, cols)))) {
		lr_mat_destroy(v);
		return -1;
	}
	for (size_t i = 0; i < numel(v); i++) {
		double best = NAN;
		size_t where = 0;
		for (size_t k = 0; k < n; k++) {
			size_t at = dim == 1 ? k * a->cols + i : dim == 2 ? i * a->cols + k : i;
			double x = a->data[at];
			if (!isnan(x) && (isnan(best) || (want_max ? x > best : x < best))) {
				best = x;
				where = k;
			}
		}
		v->data[i] = best;
		if (ix)
			ix->data[i] = (double)where + 1.0;
	}
	if (put(c, name, 0, v) < 0) {
		lr_mat_destroy(ix);
		return -1;
	}
	return ix ? put(c, name, 1, ix) : 0;
}

/* min(A), [m, i] = min(A), min(A, [], dim), min(A, B). */
static int extreme(struct lr_call *c, const char *name, int want_max)
{
	const struct lr_matrix *a, *b;
	struct lr_matrix *r = NULL;
	char msg[160] = "", buf[64];
	enum lr_status st;
	int dim;

	if (!(a = arg_mat(c, name, 0)))
		return -1;
	if (c->nargin == 1)
		return extreme_along(c, name, want_max, a, default_dim(a));
	if (!(b = arg_mat(c, name, 1)))
		return -1;
	if (c->nargin == 3) {
		if (numel(b))
			return fail(c, 1, "%s: argument 2 must be [] when a dimension is given, found %s",
			            name, describe(c->args[1], buf, sizeof buf));
		if (lr_fn_dim(c, name, 2, &dim) < 0)
			return -1;
		return extreme_along(c, name, want_max, a, dim);
	}
	if (nargout(c) > 1)
		return fail(c, -1, "%s: a second output (the index) needs a single matrix, not two",
		            name);
	st = lr_op_broadcast(a, b, want_max ? d_max : d_min, &r, msg, sizeof msg);
	if (st != LR_OK)
		return op_fail(c, name, st, msg, -1);
	return put(c, name, 0, r);
}

static int fn_min(struct lr_call *c)
{
	return keep_logical(c, extreme(c, "min", 0), c->nargin == 2);
}

static int fn_max(struct lr_call *c)
{
	return keep_logical(c, extreme(c, "max", 1), c->nargin == 2);
}

/* ---- Matrices: trace diag reshape inv ---------------------------------------- */

/* trace(A) = Σ A(i,i) for square A; trace([]) = 0. Octave 7.3 also accepts a
 * non-square matrix (summing its diagonal); we refuse it, as MATLAB does,
 * because the trace of a non-square matrix is almost always a mistake. */
static int fn_trace(struct lr_call *c)
{
	const struct lr_matrix *a;
	double s = 0.0;

	if (!(a = arg_mat(c, "trace", 0)))
		return -1;
	if (a->rows != a->cols)
		return fail(c, 0, "trace: the matrix must be square, found %zu×%zu", a->rows,
		            a->cols);
	for (size_t i = 0; i < a->rows; i++)
		s += LR_AT(a, i, i);
	return put_num(c, "trace", 0, s);
}

/* diag(v, m, n): an m×n matrix with v on its main diagonal. */
static int diag_sized(struct lr_call *c, const struct lr_matrix *v)
{
	double m, n;
	struct lr_matrix *r;

	if (!is_vector(v))
		return fail(c, 0, "diag: argument 1 must be a vector when a size is given, found a %zu×%zu matrix",
		            v->rows, v->cols);
	if (arg_whole(c, "diag", 1, &m) < 0 || arg_whole(c, "diag", 2, &n) < 0)
		return -1;
	if (m < 0.0 || n < 0.0)
		return fail(c, m < 0.0 ? 1 : 2, "diag: size must not be negative, found %s",
		            num(m < 0.0 ? m : n));
	if (too_big(m, n))
		return fail_big(c, -1, "diag: the result would be %s×%s", num(m), num(n));
	if (!(r = mk(c, "diag", (size_t)m, (size_t)n)))
		return -1;
	for (size_t i = 0; i < numel(v) && i < r->rows && i < r->cols; i++)
		LR_AT(r, i, i) = v->data[i];
	return put(c, "diag", 0, r);
}

/* diag(v) / diag(v, k): a square matrix with the vector v on diagonal k
 * (k > 0 above the main one); diag(A) / diag(A, k): diagonal k of the
 * matrix A as a column (0×1 when k is outside A). */
static int diag_of(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	double kd = 0.0;
	size_t k, n, len, r0, c0;

	if (!(a = arg_mat(c, "diag", 0)))
		return -1;
	if (c->nargin == 3)
		return diag_sized(c, a);
	if (c->nargin == 2 && arg_whole(c, "diag", 1, &kd) < 0)
		return -1;
	if (!a->rows && !a->cols)   /* diag([]) and diag([], k) are [], as Octave */
		return put(c, "diag", 0, mk(c, "diag", 0, 0));
	k = (size_t)fabs(kd);
	r0 = kd < 0 ? k : 0;   /* where diagonal k starts */
	c0 = kd < 0 ? 0 : k;
	if (is_vector(a)) {
		n = numel(a);
		if (fabs(kd) > (double)lr_mat_max_elems)
			return fail_big(c, 1, "diag: diagonal %s would need a matrix over %s×%s",
			                num(kd), num(fabs(kd)), num(fabs(kd)));
		if (!(r = mk(c, "diag", n + k, n + k)))
			return -1;
		for (size_t i = 0; i < n; i++)
			LR_AT(r, r0 + i, c0 + i) = a->data[i];
		return put(c, "diag", 0, r);
	}
	len = 0;
	if (r0 < a->rows && c0 < a->cols)
		len = a->rows - r0 < a->cols - c0 ? a->rows - r0 : a->cols - c0;
	if (!(r = mk(c, "diag", len, 1)))
		return -1;
	for (size_t i = 0; i < len; i++)
		r->data[i] = LR_AT(a, r0 + i, c0 + i);
	return put(c, "diag", 0, r);
}

static int fn_diag(struct lr_call *c) { return keep_logical(c, diag_of(c), 0); }

/* One size of reshape: a nonnegative whole number, or [] (unknown, -1). */
static int reshape_size(struct lr_call *c, int arg, double x, double *out)
{
	if (!isfinite(x) || x != floor(x) || x < 0.0 || x > 0x1p53)
		return fail(c, arg, "reshape: size must be a nonnegative whole number, found %s", num(x));
	*out = x;
	return 0;
}

/* The target sizes of reshape(A, m, n), reshape(A, [m n]), with one [] to be
 * worked out from numel(A). */
static int reshape_dims(struct lr_call *c, size_t total, double *m, double *n)
{
	const struct lr_matrix *s, *t;
	char buf[64];

	if (!(s = arg_mat(c, "reshape", 1)))
		return -1;
	if (c->nargin == 2) {
		if (!is_vector(s) || numel(s) != 2)
			return fail(c, 1, "reshape: expected [rows columns], found %s",
			            describe(c->args[1], buf, sizeof buf));
		return reshape_size(c, 1, s->data[0], m) < 0 ? -1
		       : reshape_size(c, 1, s->data[1], n);
	}
	if (!(t = arg_mat(c, "reshape", 2)))
		return -1;
	*m = *n = -1.0;
	for (int i = 1; i <= 2; i++) {
		const struct lr_matrix *x = i == 1 ? s : t;
		if (!numel(x))
			continue;
		if (numel(x) != 1)
			return fail(c, i, "reshape: argument %d must be a size or [], found %s", i + 1,
			            describe(c->args[i], buf, sizeof buf));
		if (reshape_size(c, i, x->data[0], i == 1 ? m : n) < 0)
			return -1;
	}
	if (*m < 0.0 && *n < 0.0)
		return fail(c, 2, "reshape: only one size can be []");
	if (*m < 0.0 || *n < 0.0) {
		double known = *m < 0.0 ? *n : *m;
		if (known == 0.0 || fmod((double)total, known) != 0.0)
			return fail(c, *m < 0.0 ? 2 : 1, "reshape: %zu elements cannot be split evenly by %s",
			            total, num(known));
		*(*m < 0.0 ? m : n) = (double)total / known;
	}
	return 0;
}

/* reshape(A, m, n): the same elements in column-major order (as Octave),
 * m×n. */
static int reshape_of(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	double m, n;

	if (!(a = arg_mat(c, "reshape", 0)) || reshape_dims(c, numel(a), &m, &n) < 0)
		return -1;
	if (too_big(m, n) || m * n != (double)numel(a))
		return fail(c, -1, "reshape: can't reshape %zu×%zu to %s×%s (%zu elements, not %s)",
		            a->rows, a->cols, num(m), num(n), numel(a), num(m * n));
	if (!(r = mk(c, "reshape", (size_t)m, (size_t)n)))
		return -1;
	/* Element q in column order: A(q mod rows, q div rows) → R(q mod m, q div m). */
	for (size_t q = 0; q < numel(a); q++)
		LR_AT(r, q % r->rows, q / r->rows) = LR_AT(a, q % a->rows, q / a->rows);
	return put(c, "reshape", 0, r);
}

static int fn_reshape(struct lr_call *c) { return keep_logical(c, reshape_of(c), 0); }

/* inv(A): Octave warns and returns Inf for a singular matrix; we refuse it,
 * as the / operator does. */
static int fn_inv(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *r = NULL;
	char msg[160] = "";
	enum lr_status st;

	if (!(a = arg_mat(c, "inv", 0)))
		return -1;
	if (a->rows != a->cols)
		return fail(c, 0, "inv: the matrix must be square, found %zu×%zu", a->rows, a->cols);
	st = lr_op_inv(a, &r, msg, sizeof msg);
	if (st != LR_OK)
		return op_fail(c, "inv", st, msg, 0);
	if (msg[0])
		lr_fn_warn(c, msg);
	return put(c, "inv", 0, r);
}

/* ---- Norms ---------------------------------------------------------------- */

/* (Σ |x|^p)^(1/p) over n values with stride step, scaled by the largest
 * |x| so that neither 1e200 nor 1e-200 over- or underflows (as LAPACK's
 * dnrm2 and Octave do). For p < 0 a zero gives 0 and the scaling is skipped. */
static double pnorm(const double *x, size_t n, double p)
{
	double scale = 0.0, s = 0.0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			return NAN;
		if (fabs(x[i]) > scale)
			scale = fabs(x[i]);
	}
	if (p < 0.0) {
		for (size_t i = 0; i < n; i++)
			s += pow(fabs(x[i]), p);
		return pow(s, 1.0 / p);
	}
	if (scale == 0.0 || isinf(scale))
		return scale;
	for (size_t i = 0; i < n; i++)
		s += p == 2.0 ? (x[i] / scale) * (x[i] / scale) : pow(fabs(x[i]) / scale, p);
	return scale * (p == 2.0 ? sqrt(s) : pow(s, 1.0 / p));
}

/* Vector norms: p = Inf max |x|, -Inf min |x|, 0 the count of nonzeros,
 * otherwise (Σ |x|^p)^(1/p). NaN anywhere gives NaN. For p < 0 we compute
 * that formula (a sum of reciprocal powers); Octave 7.3 returns Inf there. */
static double vector_norm(const struct lr_matrix *v, double p)
{
	size_t n = numel(v);
	double r;

	if (isnan(p))
		return NAN;
	if (p != 0.0 && isfinite(p))
		return pnorm(v->data, n, p);
	r = isinf(p) && p < 0 ? INFINITY : 0.0;
	for (size_t i = 0; i < n; i++) {
		double x = fabs(v->data[i]);
		if (isnan(x))
			return NAN;
		if (p == 0.0)
			r += x != 0.0;
		else if (p > 0 ? x > r : x < r)
			r = x;
	}
	return n ? r : 0.0;
}

/* The largest singular value; NaN when an entry is NaN or Inf, as Octave. */
static int matrix_2norm(struct lr_call *c, const struct lr_matrix *a, double *out)
{
	size_t p = a->rows < a->cols ? a->rows : a->cols;
	double *s;
	enum lr_status st;

	if (!lr_mat_all_finite(a)) {
		*out = NAN;
		return 0;
	}
	if (!(s = lr_mallocarray(p, sizeof *s)))
		return nomem(c, "norm");
	st = lr_svd_values(a, s);
	*out = s[0];
	lr_free(s);
	if (st != LR_OK)
		return st == LR_ERR_NOMEM ? nomem(c, "norm")
		       : fail(c, 0, "norm: the SVD failed: %s", lr_status_str(st));
	return 0;
}

/* Matrix norms: 1 (largest column sum of |a|), Inf (largest row sum), 2,
 * 'fro'. Any NaN gives NaN (Octave 7.3 lets the 1-norm skip a NaN column
 * but not the Inf-norm; we treat both alike). */
static int matrix_norm(struct lr_call *c, const struct lr_matrix *a, double p, int fro,
                       double *out)
{
	int by_col = p == 1.0;
	size_t outer = by_col ? a->cols : a->rows, inner = by_col ? a->rows : a->cols;
	double best = 0.0;

	if (fro) {
		*out = pnorm(a->data, numel(a), 2.0);
		return 0;
	}
	if (p == 2.0)
		return matrix_2norm(c, a, out);
	if (p != 1.0 && !(isinf(p) && p > 0))
		return fail(c, 1, "norm: for a matrix, p must be 1, 2, Inf or 'fro', found %s", num(p));
	for (size_t i = 0; i < outer; i++) {
		double s = 0.0;
		for (size_t k = 0; k < inner; k++)
			s += fabs(by_col ? LR_AT(a, k, i) : LR_AT(a, i, k));
		if (isnan(s)) {
			*out = NAN;
			return 0;
		}
		if (s > best)
			best = s;
	}
	*out = best;
	return 0;
}

/* The second argument of norm: a number, 'fro', 'inf' or '-inf'. */
static int norm_kind(struct lr_call *c, double *p, int *fro)
{
	const struct lr_value *v = c->args[1];

	*p = 2.0;
	*fro = 0;
	if (v->kind == LR_VAL_STR) {
		if (!strcmp(v->s, "fro"))
			*fro = 1;
		else if (!strcmp(v->s, "inf") || !strcmp(v->s, "Inf"))
			*p = INFINITY;
		else if (!strcmp(v->s, "-inf") || !strcmp(v->s, "-Inf"))
			*p = -INFINITY;
		else
			return fail(c, 1, "norm: expected 'fro', 'inf' or a number as argument 2, found '%s'",
			            v->s);
		return 0;
	}
	return arg_num(c, "norm", 1, p);
}

/* norm(A), norm(A, p), norm(A, 'fro'); vectors get vector norms, the empty
 * matrix 0. */
static int fn_norm(struct lr_call *c)
{
	const struct lr_matrix *a;
	double p = 2.0, r = 0.0;
	int fro = 0;

	if (!(a = arg_mat(c, "norm", 0)))
		return -1;
	if (c->nargin > 1 && norm_kind(c, &p, &fro) < 0)
		return -1;
	if (!numel(a))
		r = 0.0;
	else if (is_vector(a))
		r = vector_norm(a, fro ? 2.0 : p);
	else if (matrix_norm(c, a, p, fro, &r) < 0)
		return -1;
	return put_num(c, "norm", 0, r);
}

/* ---- SVD and rank ------------------------------------------------------------- */

/* The singular values of a (descending, p = min(m, n) of them) in *s, owned
 * by the caller. Refuses NaN and Inf with Octave's message. */
static int singular_values(struct lr_call *c, const char *name, const struct lr_matrix *a,
                           double **s)
{
	size_t p = a->rows < a->cols ? a->rows : a->cols;
	enum lr_status st;

	if (!lr_mat_all_finite(a))
		return fail(c, 0, "%s: cannot take SVD of matrix containing Inf or NaN values", name);
	*s = lr_mallocarray(p ? p : 1, sizeof **s);
	if (!*s)
		return nomem(c, name);
	st = p ? lr_svd_values(a, *s) : LR_OK;
	if (st != LR_OK) {
		lr_free(*s);
		*s = NULL;
		return st == LR_ERR_NOMEM ? nomem(c, name)
		       : fail(c, 0, "%s: the SVD failed: %s", name, lr_status_str(st));
	}
	return 0;
}

/* rank(A), rank(A, tol): the number of singular values above tol, by default
 * max(m, n)·σ₁·eps, as Octave. */
static int fn_rank(struct lr_call *c)
{
	const struct lr_matrix *a;
	double *s = NULL, tol = -1.0;
	size_t p, r = 0;

	if (!(a = arg_mat(c, "rank", 0)))
		return -1;
	if (c->nargin > 1 && arg_num(c, "rank", 1, &tol) < 0)
		return -1;
	if (singular_values(c, "rank", a, &s) < 0)
		return -1;
	p = a->rows < a->cols ? a->rows : a->cols;
	if (c->nargin < 2 && p)
		tol = (double)(a->rows > a->cols ? a->rows : a->cols) * s[0] * DBL_EPSILON;
	while (r < p && s[r] > tol)
		r++;
	lr_free(s);
	return put_num(c, "rank", 0, (double)r);
}

/* S: rows×cols with s[0..p-1] on the diagonal. */
static struct lr_matrix *sigma_matrix(struct lr_call *c, size_t rows, size_t cols,
                                      const double *s, size_t p)
{
	struct lr_matrix *S = mk(c, "svd", rows, cols);

	for (size_t i = 0; S && i < p; i++)
		LR_AT(S, i, i) = s[i];
	return S;
}

/* Outputs U, S, V (as many as asked), taking ownership of all three; a
 * NULL one means its error is already set. */
static int put_usv(struct lr_call *c, struct lr_matrix *U, struct lr_matrix *S,
                   struct lr_matrix *V)
{
	if (!U || !S || !V) {
		lr_mat_destroy(U);
		lr_mat_destroy(S);
		lr_mat_destroy(V);
		return -1;
	}
	if (put(c, "svd", 0, U) < 0) {   /* put frees what it cannot wrap */
		lr_mat_destroy(S);
		lr_mat_destroy(V);
		return -1;
	}
	if (put(c, "svd", 1, S) < 0) {
		lr_mat_destroy(V);
		return -1;
	}
	if (nargout(c) > 2)
		return put(c, "svd", 2, V);
	lr_mat_destroy(V);
	return 0;
}

/* [U, S, V] with Octave's shapes: econ gives U m×p, S p×p, V n×p, else
 * U m×m, S m×n, V n×n. Octave's driver (dgesvd, and so its signs) up to
 * LR_LINALG_GESVD_MAX, dgesdd (several times faster) above. */
static int svd_factors(struct lr_call *c, const struct lr_matrix *a, int econ)
{
	size_t m = a->rows, n = a->cols, p = m < n ? m : n;
	struct lr_matrix *U, *V;
	double *s;
	enum lr_status st = lr_linalg_svd(a, econ, p <= LR_LINALG_GESVD_MAX, &U, &s, &V);
	int rc;

	if (st == LR_ERR_NOMEM)
		return nomem(c, "svd");
	if (st == LR_ERR_TOO_BIG)
		return fail(c, 0, "svd: the matrix is too large for LAPACK");
	if (st != LR_OK)
		return fail(c, 0, "svd: LAPACK did not converge");
	rc = put_usv(c, U, sigma_matrix(c, econ ? p : m, econ ? p : n, s, p), V);
	lr_free(s);
	return rc;
}

/* svd(A) → the singular values as a column; [U, S, V] = svd(A) full;
 * svd(A, 'econ') thin; svd(A, 0) (any number, as Octave 7) thin only for a
 * tall A (m > n), full otherwise. */
static int fn_svd(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	double *s = NULL;
	size_t p;
	int econ = 0;

	if (!(a = arg_mat(c, "svd", 0)))
		return -1;
	if (c->nargin > 1) {
		const struct lr_value *v = c->args[1];
		char buf[64];
		if (v->kind == LR_VAL_STR && strcmp(v->s, "econ") != 0)
			return fail(c, 1, "svd: expected 'econ' or 0 as argument 2, found '%s'", v->s);
		if (v->kind == LR_VAL_MAT && !lr_value_is_scalar(v))
			return fail(c, 1, "svd: expected 'econ' or 0 as argument 2, found %s",
			            describe(v, buf, sizeof buf));
		econ = v->kind == LR_VAL_STR || a->rows > a->cols;
	}
	if (nargout(c) > 1) {
		if (!lr_mat_all_finite(a))
			return fail(c, 0, "svd: cannot take SVD of matrix containing Inf or NaN values");
		return svd_factors(c, a, econ);
	}
	if (singular_values(c, "svd", a, &s) < 0)
		return -1;
	p = a->rows < a->cols ? a->rows : a->cols;
	if ((r = mk(c, "svd", p, 1)) != NULL && p)
		memcpy(r->data, s, p * sizeof *s);
	lr_free(s);
	return put(c, "svd", 0, r);
}

/* ---- Losses: sse mse --------------------------------------------------------- */

static int loss(struct lr_call *c, const char *name, int mean)
{
	const struct lr_matrix *a, *b;
	double r = 0.0;
	enum lr_status st;

	if (!(a = arg_mat(c, name, 0)) || !(b = arg_mat(c, name, 1)))
		return -1;
	if (a->rows != b->rows || a->cols != b->cols)
		return fail(c, 1, "%s: argument 1 is %zu×%zu but argument 2 is %zu×%zu", name,
		            a->rows, a->cols, b->rows, b->cols);
	st = mean ? lr_loss_mse(a, b, &r) : lr_loss_sse(a, b, &r);
	if (st != LR_OK)
		return st == LR_ERR_NOMEM ? nomem(c, name)
		       : fail(c, -1, "%s: %s", name, lr_status_str(st));
	return put_num(c, name, 0, r);
}

static int fn_sse(struct lr_call *c) { return loss(c, "sse", 0); }
static int fn_mse(struct lr_call *c) { return loss(c, "mse", 1); }

/* ---- The table ---------------------------------------------------------------- */

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "Inf", 0, 2, 1, fn_inf, "Inf(n), Inf(m, n), Inf([m n])", "matrix of Inf (also inf)" },
	{ "NaN", 0, 2, 1, fn_nan, "NaN(n), NaN(m, n), NaN([m n])", "matrix of NaN (also nan)" },
	{ "abs", 1, 1, 1, fn_abs, "abs(A)", "absolute value of each element" },
	{ "all", 1, 2, 1, fn_all, "all(A), all(A, dim)",
	  "1 where every element down each column (or along dim) is nonzero" },
	{ "any", 1, 2, 1, fn_any, "any(A), any(A, dim)",
	  "1 where some element down each column (or along dim) is nonzero" },
	{ "ceil", 1, 1, 1, fn_ceil, "ceil(A)", "round each element up" },
	{ "columns", 1, 1, 1, fn_columns, "columns(A)", "number of columns" },
	{ "diag", 1, 3, 1, fn_diag, "diag(v), diag(v, k), diag(v, m, n), diag(A), diag(A, k)",
	  "diagonal matrix from a vector, or a diagonal of a matrix as a column" },
	{ "exp", 1, 1, 1, fn_exp, "exp(A)", "e to the power of each element" },
	{ "eye", 0, 2, 1, fn_eye, "eye(n), eye(m, n), eye([m n])", "identity matrix" },
	{ "fix", 1, 1, 1, fn_fix, "fix(A)", "round each element towards zero" },
	{ "floor", 1, 1, 1, fn_floor, "floor(A)", "round each element down" },
	{ "inf", 0, 2, 1, fn_inf, "inf(m, n)", "as Inf(m, n)" },
	{ "inv", 1, 1, 1, fn_inv, "inv(A)", "inverse of a square matrix" },
	{ "isempty", 1, 1, 1, fn_isempty, "isempty(A)", "1 if A has no elements" },
	{ "isinf", 1, 1, 1, fn_isinf, "isinf(A)", "1 where an element is Inf or -Inf" },
	{ "isnan", 1, 1, 1, fn_isnan, "isnan(A)", "1 where an element is NaN" },
	{ "length", 1, 1, 1, fn_length, "length(A)", "the larger dimension (0 if empty)" },
	{ "linspace", 2, 3, 1, fn_linspace, "linspace(a, b), linspace(a, b, n)",
	  "row of n (default 100) evenly spaced points from a to b" },
	{ "log", 1, 1, 1, fn_log, "log(A)", "natural logarithm of each element (A >= 0)" },
	{ "max", 1, 3, 2, fn_max, "max(A), [m, i] = max(A), max(A, [], dim), max(A, B)",
	  "largest element down each column, or of A and B elementwise; NaN ignored" },
	{ "mean", 1, 2, 1, fn_mean, "mean(A), mean(A, dim)",
	  "mean down each column (or along dim)" },
	{ "min", 1, 3, 2, fn_min, "min(A), [m, i] = min(A), min(A, [], dim), min(A, B)",
	  "smallest element down each column, or of A and B elementwise; NaN ignored" },
	{ "mse", 2, 2, 1, fn_mse, "mse(A, B)",
	  "mean of (A - B).^2 over the entries where both are numbers" },
	{ "nan", 0, 2, 1, fn_nan, "nan(m, n)", "as NaN(m, n)" },
	{ "norm", 1, 2, 1, fn_norm, "norm(A), norm(A, p), norm(A, 'fro')",
	  "2-norm (largest singular value); 1, Inf, 'fro'; any p for vectors" },
	{ "numel", 1, 1, 1, fn_numel, "numel(A)", "number of elements" },
	{ "ones", 0, 2, 1, fn_ones, "ones(n), ones(m, n), ones([m n])", "matrix of ones" },
	{ "rand", 0, 2, 1, fn_rand, "rand(n), rand(m, n), rand([m n]), rand('seed', n)",
	  "uniform random numbers in [0, 1), drawn row by row from the session's seed" },
	{ "randn", 0, 2, 1, fn_randn, "randn(n), randn(m, n), randn([m n]), randn('seed', n)",
	  "standard normal random numbers, drawn row by row from the session's seed" },
	{ "rank", 1, 2, 1, fn_rank, "rank(A), rank(A, tol)",
	  "number of singular values above max(m, n)·σ₁·eps (or tol)" },
	{ "reshape", 2, 3, 1, fn_reshape, "reshape(A, m, n), reshape(A, [m n]), reshape(A, [], n)",
	  "the same elements, taken column by column, as an m×n matrix" },
	{ "round", 1, 1, 1, fn_round, "round(A)", "round each element to the nearest whole number" },
	{ "rows", 1, 1, 1, fn_rows, "rows(A)", "number of rows" },
	{ "size", 1, 2, 4, fn_size, "size(A), [m, n] = size(A), size(A, dim)",
	  "the dimensions of A" },
	{ "sqrt", 1, 1, 1, fn_sqrt, "sqrt(A)", "square root of each element (A >= 0)" },
	{ "sse", 2, 2, 1, fn_sse, "sse(A, B)",
	  "sum of (A - B).^2 over the entries where both are numbers" },
	{ "sum", 1, 2, 1, fn_sum, "sum(A), sum(A, dim)", "sum down each column (or along dim)" },
	{ "svd", 1, 2, 3, fn_svd, "s = svd(A), [U, S, V] = svd(A), [U, S, V] = svd(A, 'econ')",
	  "singular value decomposition A = U·S·V'" },
	{ "trace", 1, 1, 1, fn_trace, "trace(A)", "sum of the diagonal of a square matrix" },
	{ "zeros", 0, 2, 1, fn_zeros, "zeros(n), zeros(m, n), zeros([m n])", "matrix of zeros" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_base = LR_BUILTIN_GROUP(table, "Basics");
