/* Unit tests of the files of functions (src/lang/fn_*.c) that goldens
 * cannot reach: every allocation of a call failing in turn, and the
 * generator's seed. Values and error texts are in the goldens fn_*.lr
 * (compared with GNU Octave 7) and tests/errors/fn_*. */
#include "check.h"

#include "builtins.h"
#include "lowrank/alloc.h"
#include "lowrank/rng.h"

#define MAT(r, c, ...) lr_mat_from((r), (c), (const double[]){ __VA_ARGS__ })
#define V(r, c, ...) lr_value_mat(MAT((r), (c), __VA_ARGS__))
#define S(x) lr_value_scalar(x)
#define STR(s) lr_value_str((s), strlen(s))

static struct lr_rng rng;

/* A call: the function, its outputs wanted and up to three arguments. */
struct fcall {
	const char *name;
	int nargout;
	int nargin;
	struct lr_value *args[3];
};

static void drop(struct lr_call *c, struct fcall *f)
{
	for (int i = 0; i < LR_MAX_OUTS; i++)
		lr_value_destroy(c->outs[i]);
	for (int i = 0; i < f->nargin; i++)
		lr_value_destroy(f->args[i]);
}

/* Runs f with the n-th allocation from now failing (n < 1: none fails).
 * Returns the function's result; c keeps the message and outputs. */
static int run(struct fcall *f, long n, struct lr_call *c)
{
	const struct lr_builtin *b = lr_builtin_find(f->name);
	int rc;

	memset(c, 0, sizeof *c);
	if (!rng.s[0] && !rng.s[1] && !rng.s[2] && !rng.s[3])
		lr_rng_seed(&rng, 1);   /* an all-zero state would give zeros for ever */
	c->rng = &rng;
	c->nargin = f->nargin;
	c->args = (const struct lr_value *const *)f->args;
	c->nargout = f->nargout;
	c->bad_arg = -1;
	CHECK(b != NULL);
	if (!b)
		return -2;
	lr_alloc_fail_after(n);
	rc = b->fn(c);
	lr_alloc_fail_after(-1);
	return rc;
}

/* An argument by letter: M a 3×2 matrix, R the row [1 2 3 4], a digit
 * that number. */
static struct lr_value *arg_of(char k)
{
	if (k == 'M')
		return V(3, 2, 3, 1, 0, 2, 2, 5);
	if (k == 'R')
		return V(1, 4, 1, 2, 3, 4);
	return S(k - '0');
}

/* Each call with its first, second, ... allocation failing until it gets
 * through: every failure says "NAME: out of memory" (no crash, and under
 * the sanitizers no leak), and the call that gets through gives its
 * outputs. */
static void alloc_failures(void)
{
	static const struct { const char *name; int nargout; const char *args; } calls[] = {
		{ "sin", 1, "M" }, { "log2", 2, "M" }, { "mod", 1, "M2" }, { "gcd", 1, "M23" },
		{ "nchoosek", 1, "R2" }, { "factorial", 1, "M" }, { "prod", 1, "M" },
		{ "cumsum", 1, "M2" }, { "diff", 1, "M2" }, { "diff", 1, "M5" }, { "std", 1, "M" },
		{ "median", 1, "M" }, { "mode", 2, "M" }, { "sort", 2, "M2" }, { "unique", 3, "M" },
		{ "find", 3, "M" }, { "nnz", 1, "M" }, { "magic", 1, "6" }, { "repmat", 1, "M23" },
		{ "randi", 1, "923" }, { "randperm", 1, "5" }, { "toeplitz", 1, "RR" },
		{ "vander", 1, "R" }, { "hilb", 1, "3" }, { "fliplr", 1, "M" },
		{ "circshift", 1, "M2" }, { "rot90", 1, "M" }, { "meshgrid", 2, "RR" },
		{ "colon", 1, "15" }, { "cat", 1, "1MM" }, { "vertcat", 1, "MM" },
		{ "blkdiag", 1, "MR" }, { "isequal", 1, "MM" }, { "issymmetric", 1, "M" },
	};

	for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++) {
		long n;
		for (n = 1; n < 100; n++) {
			struct fcall f = { calls[k].name, calls[k].nargout, (int)strlen(calls[k].args),
			                   { 0 } };
			struct lr_call c;
			char want[64];
			int rc;
			for (int i = 0; i < f.nargin; i++)
				f.args[i] = arg_of(calls[k].args[i]);
			rc = run(&f, n, &c);
			snprintf(want, sizeof want, "%s: out of memory", f.name);
			if (rc == 0) {
				for (int i = 0; i < (f.nargout > 1 ? f.nargout : 1); i++)
					CHECK(c.outs[i] != NULL);
				drop(&c, &f);
				break;
			}
			if (strcmp(c.msg, want) != 0) {
				fprintf(stderr, "%s, allocation %ld: \"%s\"\n", f.name, n, c.msg);
				check_failures++;
			}
			drop(&c, &f);
		}
		if (!(n < 100))
			fprintf(stderr, "%s never got through\n", calls[k].name);
		CHECK(n < 100);
	}
}

/* rng(seed) makes rand, randi and randperm repeat; rng('default') is the
 * session's first seed (42); rand('seed', n) is rng(n). */
static void seeds(void)
{
	struct lr_call c;
	struct lr_rng fresh;
	double first[3];
	struct fcall seed = { "rng", 0, 1, { 0 } }, draw = { "randi", 1, 3, { 0 } };

	for (int round = 0; round < 3; round++) {
		seed.args[0] = round == 1 ? STR("default") : S(42);
		if (round == 2) {   /* rand('seed', 42) */
			seed.name = "rand";
			seed.nargin = 2;
			lr_value_destroy(seed.args[0]);
			seed.args[0] = STR("seed");
			seed.args[1] = S(42);
		}
		CHECK(run(&seed, 0, &c) == 0 && c.outs[0] == NULL);
		drop(&c, &seed);
		draw.args[0] = S(1e9), draw.args[1] = S(1), draw.args[2] = S(3);
		CHECK(run(&draw, 0, &c) == 0);
		for (int i = 0; i < 3 && c.outs[0]; i++) {
			if (round == 0)
				first[i] = c.outs[0]->m->data[i];
			CHECK(c.outs[0]->m->data[i] == first[i]);
		}
		drop(&c, &draw);
	}
	/* the same numbers as the generator seeded with 42 itself gives */
	lr_rng_seed(&fresh, 42);
	CHECK(first[0] == 1.0 + (double)lr_rng_below(&fresh, 1000000000));
}

SUBTEST_MAIN(T(alloc_failures), T(seeds))
