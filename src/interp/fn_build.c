/* Functions that build matrices: magic squares, repetition, random whole
 * numbers and permutations, the generator's seed, special matrices
 * (hilb, vander, toeplitz), flips, shifts and turns, grids, ranges and
 * concatenation, with GNU Octave 7's shapes. Randomness comes from the
 * session's generator (xoshiro256**, not Octave's Mersenne twister), drawn
 * row by row as rand draws: one seed gives the same numbers on every
 * machine, not Octave's numbers. Only 2-D matrices exist here, so a third
 * dimension is refused. */
#include <math.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "fn_args.h"
#include "limit.h"
#include "range.h"

/* A new rows×cols matrix, NULL with the error set. */
static struct lr_matrix *mk(struct lr_call *c, const char *name, size_t rows, size_t cols)
{
	return lr_fn_mk(c, name, (double)rows, (double)cols);
}

/* ---- magic ------------------------------------------------------------------ */

/* The odd order: value t + 1 goes to row r, column q (Octave's magic.m). */
static void magic_odd(struct lr_matrix *m, size_t n)
{
	for (size_t t = 0; t < n * n; t++) {
		size_t shift = t / n;
		size_t q = (t + 1 + n * n - shift + (n - 3) / 2) % n;
		size_t r = (n * n - t + 2 * shift) % n;
		LR_AT(m, r, q) = (double)(t + 1);
	}
}

/* A doubly even order: 1..n² row by row, then the cells whose row and
 * column are both 1 or 0 mod 4 (counting from 1), and both 2 or 3, take
 * the value of the cell mirrored through the centre. */
static void magic_double_even(struct lr_matrix *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int ci = (i % 4 == 0 || i % 4 == 3), cj = (j % 4 == 0 || j % 4 == 3);
			size_t from = ci == cj ? (n - 1 - i) * n + (n - 1 - j) : i * n + j;
			LR_AT(m, i, j) = (double)(from + 1);
		}
}

static void swap_rows_in_col(struct lr_matrix *m, size_t r1, size_t r2, size_t col)
{
	double t = LR_AT(m, r1, col);
	LR_AT(m, r1, col) = LR_AT(m, r2, col);
	LR_AT(m, r2, col) = t;
}

/* A singly even order n = 2h (h odd): four magic squares of order h
 * shifted by 0, 2h², 3h², h², then Octave's exchanges between the top and
 * bottom halves. */
static void magic_single_even(struct lr_matrix *m, size_t n, const struct lr_matrix *q)
{
	size_t h = n / 2, k = (h - 1) / 2;
	static const double shift[2][2] = { { 0, 2 }, { 3, 1 } };

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			LR_AT(m, i, j) = LR_AT(q, i % h, j % h) + shift[i / h][j / h] * (double)(h * h);
	for (size_t j = 1; k > 1 && j < n; j++)
		if (j < k || j >= n - k + 1)
			for (size_t i = 0; i < h; i++)
				swap_rows_in_col(m, i, i + h, j);
	for (size_t i = 0; i < h; i++)
		if (i != k)
			swap_rows_in_col(m, i, i + h, 0);
	swap_rows_in_col(m, k, k + h, k);
}

/* magic(n) for n = fix(N) >= 0: Octave's squares (magic(2) included,
 * which is not magic). */
static struct lr_matrix *magic_of(struct lr_call *c, size_t n)
{
	struct lr_matrix *m = mk(c, "magic", n, n), *q = NULL;

	if (!m || n == 0)
		return m;
	if (n % 2)
		magic_odd(m, n);
	else if (n % 4 == 0)
		magic_double_even(m, n);
	else if ((q = magic_of(c, n / 2)) != NULL)
		magic_single_even(m, n, q);
	else {
		lr_mat_destroy(m);
		return NULL;
	}
	lr_mat_destroy(q);
	return m;
}

static int fn_magic(struct lr_call *c)
{
	double n;

	if (lr_fn_scalar(c, "magic", 0, &n) < 0)
		return -1;
	if (isnan(n) || n < 0)
		return lr_fn_fail(c, 0, "magic: N must be non-negative");
	if (!(n * n <= (double)lr_mat_max_elems))
		return lr_fn_put(c, "magic", 0, lr_fn_mk(c, "magic", n, n));
	return lr_fn_put(c, "magic", 0, magic_of(c, (size_t)n));
}

/* ---- repmat ----------------------------------------------------------------- */

/* One count of repmat: a whole number, negative meaning 0. */
static int rep_count(struct lr_call *c, int arg, double x, double *out)
{
	if (isnan(x) || (isfinite(x) && x != floor(x)))
		return lr_fn_fail(c, arg, "repmat: the counts must be whole numbers, found %s",
		                  lr_fn_num(x));
	*out = x < 0 ? 0 : x;
	return 0;
}

/* The counts of repmat(A, m), repmat(A, m, n), repmat(A, [m n]). */
static int rep_counts(struct lr_call *c, double *rm, double *rn)
{
	const struct lr_matrix *m = lr_fn_mat(c, "repmat", 1);
	double n;

	if (!m)
		return -1;
	if (c->nargin == 3) {
		if (lr_fn_numel(m) != 1 || lr_fn_scalar(c, "repmat", 2, &n) < 0)
			return lr_fn_numel(m) != 1
			       ? lr_fn_fail(c, 1, "repmat: M must be a number when N is given") : -1;
		return rep_count(c, 1, m->data[0], rm) < 0 ? -1 : rep_count(c, 2, n, rn);
	}
	if (lr_fn_numel(m) == 1)
		return rep_count(c, 1, m->data[0], rm) < 0 ? -1 : rep_count(c, 1, m->data[0], rn);
	if (lr_fn_numel(m) == 2 && lr_fn_is_vector(m))
		return rep_count(c, 1, m->data[0], rm) < 0 ? -1 : rep_count(c, 1, m->data[1], rn);
	for (size_t i = 2; lr_fn_is_vector(m) && i < lr_fn_numel(m); i++)
		if (m->data[i] != 1)
			return lr_fn_fail(c, 1, "repmat: only 2-D results are supported");
	if (!lr_fn_is_vector(m) || lr_fn_numel(m) < 2)
		return lr_fn_fail(c, 1, "repmat: invalid dimensions");
	return rep_count(c, 1, m->data[0], rm) < 0 ? -1 : rep_count(c, 1, m->data[1], rn);
}

/* repmat of a string: side by side only, there being no char matrices
 * ('-' repeated 20 times is a rule line; an empty string stays empty). */
static int repmat_string(struct lr_call *c, const struct lr_value *v, double rm, double rn)
{
	double n = rm * rn * (double)v->slen;
	char *t;

	if (n > 0 && rm != 1)
		return lr_fn_fail(c, 1, "repmat: a string repeated over %.0f rows would be a char "
		                  "matrix, which lowrank does not have", rm);
	if (!(n <= (double)lr_mat_max_elems)) {
		lr_limit_elems_msg(c->msg, sizeof c->msg, "repmat: the result would be 1×%.0f", n);
		c->bad_arg = -1;
		return -1;
	}
	if (!(t = lr_malloc((size_t)n + 1)))
		return lr_fn_nomem(c, "repmat");
	for (size_t k = 0; k < (size_t)n; k++)
		t[k] = v->s[k % v->slen];
	c->outs[0] = lr_value_str(t, (size_t)n);
	lr_free(t);
	return c->outs[0] ? 0 : lr_fn_nomem(c, "repmat");
}

static int fn_repmat(struct lr_call *c)
{
	const struct lr_matrix *a;
	struct lr_matrix *r;
	double rm, rn;

	if (c->args[0]->kind == LR_VAL_STR)
		return rep_counts(c, &rm, &rn) < 0 ? -1 : repmat_string(c, c->args[0], rm, rn);
	a = lr_fn_mat(c, "repmat", 0);
	if (!a || rep_counts(c, &rm, &rn) < 0)
		return -1;
	if (!(r = lr_fn_mk(c, "repmat", rm * (double)a->rows, rn * (double)a->cols)))
		return -1;
	for (size_t i = 0; i < r->rows; i++)
		for (size_t j = 0; j < r->cols; j++)
			LR_AT(r, i, j) = LR_AT(a, i % a->rows, j % a->cols);
	return lr_fn_put(c, "repmat", 0, r);
}

/* ---- The generator: randi randperm rng rand('seed', n) ----------------------- */

/* The size arguments from argument first on: none (1×1), n (n×n), m, n or
 * [m n]; negative sizes mean 0, as rand's. */
static int sizes_from(struct lr_call *c, const char *name, int first, double *rows,
                      double *cols)
{
	const struct lr_matrix *m;
	double x;

	*rows = *cols = 1;
	if (c->nargin <= first)
		return 0;
	if (c->nargin > first + 2)
		return lr_fn_fail(c, first + 2, "%s: only 2-D sizes are supported", name);
	if (!(m = lr_fn_mat(c, name, first)))
		return -1;
	if (c->nargin == first + 1 && lr_fn_numel(m) == 2 && lr_fn_is_vector(m)) {
		*rows = m->data[0];
		*cols = m->data[1];
	} else {
		if (lr_fn_scalar(c, name, first, rows) < 0 ||
		    (c->nargin == first + 2 && lr_fn_scalar(c, name, first + 1, cols) < 0))
			return -1;
		if (c->nargin == first + 1)
			*cols = *rows;
	}
	for (int k = 0; k < 2; k++) {
		x = k ? *cols : *rows;
		if (isnan(x) || (isfinite(x) && x != floor(x)))
			return lr_fn_fail(c, first, "%s: size must be a whole number, found %s", name,
			                  lr_fn_num(x));
	}
	*rows = fmax(*rows, 0);
	*cols = fmax(*cols, 0);
	return 0;
}

/* randi(imax, ...), randi([imin imax], ...): whole numbers drawn uniformly,
 * row by row. */
static int fn_randi(struct lr_call *c)
{
	const struct lr_matrix *b = lr_fn_mat(c, "randi", 0);
	double lo = 1, hi, rows, cols;
	struct lr_matrix *r;

	if (!b)
		return -1;
	if (lr_fn_numel(b) != 1 && lr_fn_numel(b) != 2)
		return lr_fn_fail(c, 0, "randi: IMAX must be a number or [IMIN IMAX]");
	hi = b->data[lr_fn_numel(b) - 1];
	if (lr_fn_numel(b) == 2)
		lo = b->data[0];
	if (lo != floor(lo) || hi != floor(hi) || !isfinite(lo) || !isfinite(hi))
		return lr_fn_fail(c, 0, "randi: IMIN and IMAX must be integer bounds");
	if (lr_fn_numel(b) == 1 && hi < 1)
		return lr_fn_fail(c, 0, "randi: require IMAX >= 1");
	if (lo > hi)
		return lr_fn_fail(c, 0, "randi: require IMIN <= IMAX");
	if (hi - lo >= 0x1p53)
		return lr_fn_fail(c, 0, "randi: IMAX - IMIN must be below 2^53");
	if (sizes_from(c, "randi", 1, &rows, &cols) < 0 || !(r = lr_fn_mk(c, "randi", rows, cols)))
		return -1;
	for (size_t i = 0; i < lr_fn_numel(r); i++)
		r->data[i] = lo + (double)lr_rng_below(c->rng, (uint64_t)(hi - lo) + 1);
	return lr_fn_put(c, "randi", 0, r);
}

/* randperm(n), randperm(n, m): m distinct whole numbers from 1..n in a
 * random order (Fisher–Yates, stopped after m steps). */
static int fn_randperm(struct lr_call *c)
{
	double n, m;
	struct lr_matrix *r;
	double *p;

	if (lr_fn_scalar(c, "randperm", 0, &n) < 0)
		return -1;
	m = n;
	if (c->nargin > 1 && lr_fn_scalar(c, "randperm", 1, &m) < 0)
		return -1;
	if (!(n >= 0) || !(m >= 0) || isinf(n))
		return lr_fn_fail(c, !(n >= 0) || isinf(n) ? 0 : 1,
		                  "randperm: M and N must be non-negative");
	n = floor(n);
	m = floor(m);
	if (m > n)
		return lr_fn_fail(c, 1, "randperm: M must be less than or equal to N");
	if (!(r = lr_fn_mk(c, "randperm", 1, m)))
		return -1;
	if (n > (double)lr_mat_max_elems || !(p = lr_mallocarray((size_t)n + 1, sizeof *p))) {
		lr_mat_destroy(r);
		return n > (double)lr_mat_max_elems
		       ? (lr_fn_mk(c, "randperm", 1, n), -1) : lr_fn_nomem(c, "randperm");
	}
	for (size_t i = 0; i < (size_t)n; i++)
		p[i] = (double)i + 1;
	for (size_t i = 0; i < (size_t)m; i++) {
		size_t j = i + (size_t)lr_rng_below(c->rng, (uint64_t)((size_t)n - i));
		double t = p[i];
		p[i] = p[j];
		p[j] = t;
		r->data[i] = p[i];
	}
	lr_free(p);
	return lr_fn_put(c, "randperm", 0, r);
}

/* Reseeds from argument i: a whole number from 0 to 2^53. */
static int reseed(struct lr_call *c, const char *name, int i)
{
	double x;

	if (lr_fn_scalar(c, name, i, &x) < 0)
		return -1;
	if (!(x >= 0) || x != floor(x) || x > 0x1p53)
		return lr_fn_fail(c, i, "%s: the seed must be a whole number from 0 to 2^53, found %s",
		                  name, lr_fn_num(x));
	lr_rng_seed(c->rng, (uint64_t)x);
	return 0;
}

/* rng(seed), rng(seed, 'twister'), rng('default'): what `seed N` does, as
 * a function. The generator's name is accepted for scripts written for
 * Octave or MATLAB; the numbers are lowrank's generator's all the same. */
static int fn_rng(struct lr_call *c)
{
	const char *s = lr_fn_str(c, 0), *gen = lr_fn_str(c, 1);

	if (c->nargin > 1 && !gen)
		return lr_fn_fail(c, 1, "rng: expected a generator name as argument 2, found a number");
	if (gen && strcmp(gen, "twister"))
		return lr_fn_fail(c, 1, "rng: unknown random number generator \"%s\"; 'twister' is "
		                  "the one name accepted", gen);
	if (c->nargin > 1 && s)
		return lr_fn_fail(c, 0, "rng: expected a seed before the generator's name, found "
		                  "'%s'", s);
	if (c->nargout > 0)
		return lr_fn_fail(c, -1, "rng: the generator's state cannot be returned here (no "
		                  "structs); call rng(seed) to repeat a sequence");
	if (s && !strcmp(s, "default")) {
		lr_rng_seed(c->rng, LR_SEED_DEFAULT);
		return 0;
	}
	if (s && !strcmp(s, "shuffle"))
		return lr_fn_fail(c, 0, "rng: 'shuffle' is not supported: every run of lowrank is "
		                  "repeatable; give a seed");
	if (s)
		return lr_fn_fail(c, 0, "rng: expected a seed or 'default', found '%s'", s);
	return reseed(c, "rng", 0);
}

int lr_fn_rand_seed(struct lr_call *c, const char *name)
{
	const char *s = lr_fn_str(c, 0);

	if (strcmp(s, "seed") && strcmp(s, "state") && strcmp(s, "twister"))
		return lr_fn_fail(c, 0, "%s: unrecognized string argument", name);
	if (c->nargin != 2)
		return lr_fn_fail(c, -1, "%s: expected %s('%s', N) to set the seed", name, name, s);
	if (c->nargout > 0)
		return lr_fn_fail(c, -1, "%s('%s', N) gives no value", name, s);
	return reseed(c, name, 1);
}

/* ---- Special matrices: hilb vander toeplitz ------------------------------------ */

static int fn_hilb(struct lr_call *c)
{
	double n;
	struct lr_matrix *r;

	if (!lr_value_is_scalar(c->args[0]))
		return lr_fn_fail(c, 0, "hilb: N must be a scalar integer");
	n = c->args[0]->m->data[0];
	n = isnan(n) || n < 0 ? 0 : trunc(n);
	if (!(r = lr_fn_mk(c, "hilb", n, n)))
		return -1;
	for (size_t i = 0; i < r->rows; i++)
		for (size_t j = 0; j < r->cols; j++)
			LR_AT(r, i, j) = 1.0 / (double)(i + j + 1);
	return lr_fn_put(c, "hilb", 0, r);
}

/* vander(c), vander(c, n): V(i, j) = c(i)^(n − j), n = numel(c) unless given. */
static int fn_vander(struct lr_call *c)
{
	const struct lr_matrix *v = lr_fn_mat(c, "vander", 0);
	double n;
	struct lr_matrix *r;

	if (!v)
		return -1;
	if (!lr_fn_is_vector(v))   /* [] (0×0) is not one, 1×0 and 0×1 are: Octave's isvector */
		return lr_fn_fail(c, 0, "vander: polynomial C must be a vector");
	n = (double)lr_fn_numel(v);
	if (c->nargin > 1 && lr_fn_whole(c, "vander", 1, &n) < 0)
		return -1;
	if (!(r = lr_fn_mk(c, "vander", (double)lr_fn_numel(v), fmax(n, 0))))
		return -1;
	for (size_t i = 0; i < r->rows; i++) {
		double p = 1.0;
		for (size_t j = r->cols; j-- > 0; p *= v->data[i])
			LR_AT(r, i, j) = p;
	}
	return lr_fn_put(c, "vander", 0, r);
}

/* toeplitz(c), toeplitz(c, r): constant along each diagonal, the first
 * column c and first row r (r = c when not given); where c(1) and r(1)
 * differ the column wins, as Octave's (which also warns). */
static int fn_toeplitz(struct lr_call *c)
{
	const struct lr_matrix *col = lr_fn_mat(c, "toeplitz", 0);
	const struct lr_matrix *row = c->nargin > 1 ? lr_fn_mat(c, "toeplitz", 1) : col;
	struct lr_matrix *t;

	if (!col || !row)
		return -1;
	if (!lr_fn_is_vector(col) || !lr_fn_is_vector(row) || !lr_fn_numel(col) || !lr_fn_numel(row))
		return lr_fn_fail(c, lr_fn_is_vector(col) && lr_fn_numel(col) ? 1 : 0,
		                  c->nargin > 1 ? "toeplitz: C and R must be vectors"
		                                : "toeplitz: C must be a vector");
	if (!(t = mk(c, "toeplitz", lr_fn_numel(col), lr_fn_numel(row))))
		return -1;
	for (size_t i = 0; i < t->rows; i++)
		for (size_t j = 0; j < t->cols; j++)
			LR_AT(t, i, j) = i >= j ? col->data[i - j] : row->data[j - i];
	return lr_fn_put(c, "toeplitz", 0, t);
}

/* ---- Flips, shifts and turns ---------------------------------------------------- */

/* r(i, j) = a(f(i), g(j)) for the flips and shifts: row i of the result
 * comes from row (i·rs + ro) mod rows, column likewise. */
static int remap(struct lr_call *c, const char *name, const struct lr_matrix *a, size_t rs,
                 size_t ro, size_t cs, size_t co)
{
	struct lr_matrix *r = mk(c, name, a->rows, a->cols);

	if (!r)
		return -1;
	for (size_t i = 0; i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++)
			LR_AT(r, i, j) = LR_AT(a, (i * rs + ro) % a->rows, (j * cs + co) % a->cols);
	return lr_fn_put(c, name, 0, r);
}

/* Flipping an index: i ↦ n − 1 − i is i·(n − 1) + (n − 1) mod n. */
static int fn_fliplr(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	const struct lr_matrix *a;
	size_t n;

	if (v->kind == LR_VAL_STR) {   /* a string, one row: reversed, as Octave */
		c->outs[0] = lr_value_copy(v);
		for (size_t i = 0; c->outs[0] && i < v->slen; i++)
			c->outs[0]->s[i] = v->s[v->slen - 1 - i];
		return c->outs[0] ? 0 : lr_fn_fail(c, -1, "fliplr: out of memory");
	}
	a = lr_fn_mat(c, "fliplr", 0);
	if (!a)
		return -1;
	n = a->cols ? a->cols : 1;
	return remap(c, "fliplr", a, 1, 0, n - 1, n - 1);
}

static int fn_flipud(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "flipud", 0);
	size_t n;

	if (!a)
		return -1;
	n = a->rows ? a->rows : 1;
	return remap(c, "flipud", a, n - 1, n - 1, 1, 0);
}

/* The offset of a shift by s along a dimension of length n, so that
 * element i of the result is element (i + offset) mod n. */
static size_t shift_offset(double s, size_t n)
{
	double m;

	if (n == 0)
		return 0;
	m = fmod(-s, (double)n);
	return (size_t)(m < 0 ? m + (double)n : m);
}

/* circshift(A, n), circshift(A, n, dim), circshift(A, [r c]). */
static int fn_circshift(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "circshift", 0), *s = lr_fn_mat(c, "circshift", 1);
	double sr = 0, sc = 0;
	int dim;

	if (!a || !s)
		return -1;
	for (size_t i = 0; i < lr_fn_numel(s); i++)
		if (s->data[i] != floor(s->data[i]) || !isfinite(s->data[i]))
			return lr_fn_fail(c, 1, "circshift: all values of N must be integers");
	if (c->nargin > 2) {
		if (lr_fn_numel(s) != 1)
			return lr_fn_fail(c, 1, "circshift: N must be a number when DIM is given");
		if (lr_fn_dim(c, "circshift", 2, &dim) < 0)
			return -1;
		sr = dim == 1 ? s->data[0] : 0;
		sc = dim == 2 ? s->data[0] : 0;
	} else if (lr_fn_numel(s) == 1) {
		dim = lr_fn_default_dim(a);
		sr = dim == 1 ? s->data[0] : 0;
		sc = dim == 2 ? s->data[0] : 0;
	} else if (lr_fn_numel(s) >= 1) {
		sr = s->data[0];
		sc = s->data[1];
	}
	return remap(c, "circshift", a, 1, shift_offset(sr, a->rows), 1, shift_offset(sc, a->cols));
}

/* rot90(A), rot90(A, k): A turned k times a quarter turn anticlockwise. */
static int fn_rot90(struct lr_call *c)
{
	const struct lr_matrix *a = lr_fn_mat(c, "rot90", 0);
	double k = 1;
	struct lr_matrix *r;
	int q;

	if (!a)
		return -1;
	if (c->nargin > 1 && lr_value_is_scalar(c->args[1]))
		k = c->args[1]->m->data[0];
	if (c->nargin > 1 && (!lr_value_is_scalar(c->args[1]) || k != floor(k) || !isfinite(k)))
		return lr_fn_fail(c, 1, "rot90: K must be a single real integer");
	q = (int)fmod(fmod(k, 4) + 4, 4);
	if (!(r = q % 2 ? mk(c, "rot90", a->cols, a->rows) : mk(c, "rot90", a->rows, a->cols)))
		return -1;
	for (size_t i = 0; i < r->rows; i++)
		for (size_t j = 0; j < r->cols; j++)
			LR_AT(r, i, j) = q == 0 ? LR_AT(a, i, j)
			                 : q == 1 ? LR_AT(a, j, a->cols - 1 - i)
			                 : q == 2 ? LR_AT(a, a->rows - 1 - i, a->cols - 1 - j)
			                          : LR_AT(a, a->rows - 1 - j, i);
	return lr_fn_put(c, "rot90", 0, r);
}

/* ---- Grids and ranges -------------------------------------------------------------- */

/* [X, Y] = meshgrid(x, y), meshgrid(x): X repeats x as rows, Y repeats y as
 * columns, both numel(y)×numel(x). */
static int fn_meshgrid(struct lr_call *c)
{
	const struct lr_matrix *x = lr_fn_mat(c, "meshgrid", 0);
	const struct lr_matrix *y = c->nargin > 1 ? lr_fn_mat(c, "meshgrid", 1) : x;
	struct lr_matrix *X, *Y = NULL;

	if (!x || !y)
		return -1;
	if (!lr_fn_is_vector(x) || !lr_fn_is_vector(y))
		return lr_fn_fail(c, lr_fn_is_vector(x) ? 1 : 0, "meshgrid: X and Y must be vectors");
	if (!(X = mk(c, "meshgrid", lr_fn_numel(y), lr_fn_numel(x))) ||
	    (c->nargout > 1 && !(Y = mk(c, "meshgrid", lr_fn_numel(y), lr_fn_numel(x))))) {
		lr_mat_destroy(X);
		return -1;
	}
	for (size_t i = 0; i < X->rows; i++)
		for (size_t j = 0; j < X->cols; j++) {
			LR_AT(X, i, j) = x->data[j];
			if (Y)
				LR_AT(Y, i, j) = y->data[i];
		}
	return lr_fn_put_all(c, "meshgrid", (struct lr_matrix *[]){ X, Y }, Y ? 2 : 1);
}

/* colon(a, b), colon(a, step, b): a:b and a:step:b. */
static int fn_colon(struct lr_call *c)
{
	double v[3] = { 0, 1, 0 }, count;
	struct lr_matrix *r;

	for (int i = 0; i < c->nargin; i++)
		if (lr_fn_scalar(c, "colon", i, &v[i]) < 0)
			return -1;
	if (c->nargin == 2) {
		v[2] = v[1];
		v[1] = 1;
	}
	count = lr_range_count(v[0], v[1], v[2]);
	if (isinf(count))
		return lr_fn_fail(c, -1, "colon: the range from %s to %s has infinitely many "
		                  "elements", lr_fn_num(v[0]), lr_fn_num(v[2]));
	if (!(count <= (double)lr_mat_max_elems))
		return lr_fn_put(c, "colon", 0, lr_fn_mk(c, "colon", 1, count));
	if (lr_range_make(v[0], v[1], v[2], count, &r) != LR_OK)
		return lr_fn_nomem(c, "colon");
	return lr_fn_put(c, "colon", 0, r);
}

/* ---- Concatenation ------------------------------------------------------------------ */

/* The arguments from first on side by side (dim 2) or stacked (dim 1). As
 * [A, B] and [A; B]: a 0×0 part is skipped; the others must agree in the
 * other dimension ("cat: dimension mismatch", Octave's words). */
static int concat(struct lr_call *c, const char *name, int dim, int first)
{
	size_t along = 0, across = 0;
	int have = 0;
	struct lr_matrix *r;

	for (int k = first; k < c->nargin; k++) {
		const struct lr_matrix *m = lr_fn_mat(c, name, k);
		size_t a, x;
		if (!m)
			return -1;
		if (!m->rows && !m->cols)
			continue;
		a = dim == 1 ? m->rows : m->cols;
		x = dim == 1 ? m->cols : m->rows;
		if (have && x != across)
			return lr_fn_fail(c, k, "%s: dimension mismatch (%zu×%zu after parts of %zu %s%s)",
			                  name, m->rows, m->cols, across, dim == 1 ? "column" : "row",
			                  across == 1 ? "" : "s");
		across = x;
		have = 1;
		along += a;
	}
	if (!(r = dim == 1 ? mk(c, name, along, across) : mk(c, name, across, along)))
		return -1;
	for (int k = first, at = 0; k < c->nargin; k++) {
		const struct lr_matrix *m = c->args[k]->m;
		for (size_t i = 0; m->rows && m->cols && i < m->rows; i++)
			for (size_t j = 0; j < m->cols; j++)
				LR_AT(r, dim == 1 ? (size_t)at + i : i, dim == 1 ? j : (size_t)at + j) =
					LR_AT(m, i, j);
		at += (int)(dim == 1 ? m->rows : m->cols);
	}
	return lr_fn_put(c, name, 0, r);
}

static int fn_horzcat(struct lr_call *c) { return concat(c, "horzcat", 2, 0); }
static int fn_vertcat(struct lr_call *c) { return concat(c, "vertcat", 1, 0); }

/* cat(dim, A, B, ...): dim 1 or 2 (a third dimension is not supported). */
static int fn_cat(struct lr_call *c)
{
	double d;

	if (lr_fn_scalar(c, "cat", 0, &d) < 0)
		return -1;
	if (!(d >= 1) || d != floor(d))
		return lr_fn_fail(c, 0, "cat: DIM must be a valid dimension");
	if (d > 2)
		return lr_fn_fail(c, 0, "cat: only dimensions 1 and 2 are supported (2-D matrices), "
		                  "found %s", lr_fn_num(d));
	return concat(c, "cat", (int)d, 1);
}

/* blkdiag(A, B, ...): the arguments down the diagonal of a zero matrix. */
static int fn_blkdiag(struct lr_call *c)
{
	size_t rows = 0, cols = 0;
	struct lr_matrix *r;

	for (int k = 0; k < c->nargin; k++) {
		if (c->args[k]->kind != LR_VAL_MAT)
			return lr_fn_fail(c, k, "blkdiag: all arguments must be numeric");
		rows += c->args[k]->m->rows;
		cols += c->args[k]->m->cols;
	}
	if (!(r = mk(c, "blkdiag", rows, cols)))
		return -1;
	rows = cols = 0;
	for (int k = 0; k < c->nargin; k++) {
		const struct lr_matrix *m = c->args[k]->m;
		for (size_t i = 0; i < m->rows; i++)
			for (size_t j = 0; j < m->cols; j++)
				LR_AT(r, rows + i, cols + j) = LR_AT(m, i, j);
		rows += m->rows;
		cols += m->cols;
	}
	return lr_fn_put(c, "blkdiag", 0, r);
}

/* ---- The table ---------------------------------------------------------------------- */

/* Sorted by name (strcmp order) for the binary search; a unit test checks. */
static const struct lr_builtin table[] = {
	{ "blkdiag", 1, 64, 1, fn_blkdiag, "blkdiag(A, B, ...)",
	  "the matrices down the diagonal of a zero matrix" },
	{ "cat", 1, 64, 1, fn_cat, "cat(dim, A, B, ...)",
	  "stack (dim 1) or put side by side (dim 2), as [A; B] and [A, B]" },
	{ "circshift", 2, 3, 1, fn_circshift, "circshift(A, n), circshift(A, n, dim), circshift(A, [r c])",
	  "shift the rows (or columns) circularly by n" },
	{ "colon", 2, 3, 1, fn_colon, "colon(a, b), colon(a, step, b)", "the range a:b or a:step:b" },
	{ "fliplr", 1, 1, 1, fn_fliplr, "fliplr(A)", "the columns in reverse order" },
	{ "flipud", 1, 1, 1, fn_flipud, "flipud(A)", "the rows in reverse order" },
	{ "hilb", 1, 1, 1, fn_hilb, "hilb(n)", "the n×n Hilbert matrix, H(i,j) = 1/(i+j-1)" },
	{ "horzcat", 0, 64, 1, fn_horzcat, "horzcat(A, B, ...)", "side by side, as [A, B, ...]" },
	{ "magic", 1, 1, 1, fn_magic, "magic(n)",
	  "n×n magic square: every row, column and diagonal has the same sum (n ~= 2)" },
	{ "meshgrid", 1, 2, 2, fn_meshgrid, "[X, Y] = meshgrid(x, y), [X, Y] = meshgrid(x)",
	  "grids: X repeats x in every row, Y repeats y in every column" },
	{ "randi", 1, 3, 1, fn_randi,
	  "randi(imax), randi(imax, n), randi(imax, m, n), randi([imin imax], m, n)",
	  "random whole numbers from 1 (or imin) to imax, from the session's seed" },
	{ "randperm", 1, 2, 1, fn_randperm, "randperm(n), randperm(n, m)",
	  "a random order of 1..n (its first m), from the session's seed" },
	{ "repmat", 2, 3, 1, fn_repmat, "repmat(A, m), repmat(A, m, n), repmat(A, [m n])",
	  "A repeated m times down and n times across" },
	{ "rng", 1, 2, 1, fn_rng, "rng(seed), rng(seed, 'twister'), rng('default')",
	  "reseed the session's generator (rand, randn, randi, randperm, sgd)" },
	{ "rot90", 1, 2, 1, fn_rot90, "rot90(A), rot90(A, k)",
	  "A turned k quarter turns anticlockwise" },
	{ "toeplitz", 1, 2, 1, fn_toeplitz, "toeplitz(c), toeplitz(c, r)",
	  "matrix constant along each diagonal, first column c and first row r" },
	{ "vander", 1, 2, 1, fn_vander, "vander(c), vander(c, n)",
	  "Vandermonde matrix: V(i,j) = c(i)^(n-j)" },
	{ "vertcat", 0, 64, 1, fn_vertcat, "vertcat(A, B, ...)", "stacked, as [A; B; ...]" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_build = LR_BUILTIN_GROUP(table, "Building matrices");
