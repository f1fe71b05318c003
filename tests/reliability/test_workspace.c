/* save and load: bit-exact round trips of random workspaces and of the kept
 * results, refusal of truncated and corrupt files (loading nothing), writes
 * that fail half-way (the old file stays whole), CSV and MatrixMarket. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "check.h"
#include "script.h"
#include "lowrank/alloc.h"
#include "session_impl.h"

static struct capture out_text;
static const struct lr_output out = { &out_text, capture_write, NULL, NULL, NULL };
static char dir[256];
static struct lr_error err;

/* Each subtest starts in an empty scratch directory of its own. */
static void fresh_dir(void)
{
	if (dir[0])
		scratch_remove(dir);
	scratch_dir(dir, sizeof dir, "ws");
}


static struct lr_session *new_session(void)
{
	struct lr_session *s = lr_session_create(&out);
	if (!s)
		abort();
	return s;
}

/* Runs a script (printf-style) that must succeed. */
static void ok(struct lr_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ok(struct lr_session *s, const char *fmt, ...)
{
	char src[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(src, sizeof src, fmt, ap);
	va_end(ap);
	if (script_run(s, src, 0, &err) != 0) {
		fprintf(stderr, "script failed: %s\n  at %d:%d: %s\n", src, err.pos.line, err.pos.col,
		        err.msg);
		check_failures++;
	}
}

/* Runs a script that must fail; the message must contain want. */
static void fails(struct lr_session *s, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fails(struct lr_session *s, const char *want, const char *fmt, ...)
{
	char src[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(src, sizeof src, fmt, ap);
	va_end(ap);
	if (script_run(s, src, 0, &err) != -1) {
		fprintf(stderr, "script succeeded, expected an error: %s\n", src);
		check_failures++;
	} else if (!strstr(err.msg, want)) {
		fprintf(stderr, "script: %s\n  error: %s\n  expected it to contain: %s\n", src, err.msg,
		        want);
		check_failures++;
	}
}

static int same_matrix(const struct lr_matrix *a, const struct lr_matrix *b)
{
	size_t n = 0;

	if (!a || !b || a->rows != b->rows || a->cols != b->cols)
		return 0;
	n = a->rows * a->cols;
	if (n && memcmp(a->data, b->data, n * sizeof(double)))
		return 0;
	if (n && (!a->mask) != (!b->mask))
		return 0;
	return !n || !a->mask || !memcmp(a->mask, b->mask, n);
}

static int same_value(const struct lr_value *a, const struct lr_value *b)
{
	if (!a || !b || a->kind != b->kind)
		return 0;
	if (a->kind == LR_VAL_STR)
		return a->slen == b->slen && !memcmp(a->s, b->s, a->slen);
	return a->logical == b->logical && same_matrix(a->m, b->m);
}

/* Every variable of a is in b with the same bits, and the counts agree. */
static int same_vars(const struct lr_session *a, const struct lr_session *b)
{
	if (a->nvars != b->nvars)
		return 0;
	for (size_t i = 0; i < a->nvars; i++)
		if (!same_value(a->vars[i].v, lr_var_get(b, a->vars[i].name)))
			return 0;
	return 1;
}

static int same_doubles(const double *a, const double *b, size_t n)
{
	return (!a && !b) || (a && b && !memcmp(a, b, n * sizeof *a));
}

static int same_run(const struct lr_run *a, const struct lr_run *b)
{
	const struct lr_sgd_result *x = &a->res, *y = &b->res;

	return !strcmp(a->label, b->label) && !strcmp(a->matrix_name, b->matrix_name) &&
	       same_matrix(a->A, b->A) && a->opts.rank == b->opts.rank &&
	       a->opts.epochs == b->opts.epochs && !memcmp(&a->opts.lr, &b->opts.lr, sizeof(double)) &&
	       a->opts.seed == b->opts.seed && a->opts.update == b->opts.update &&
	       a->opts.order == b->opts.order && same_matrix(x->U, y->U) && same_matrix(x->V, y->V) &&
	       x->epochs_done == y->epochs_done && x->epochs_asked == y->epochs_asked &&
	       x->stopped == y->stopped && x->diverged_epoch == y->diverged_epoch &&
	       x->n_observed == y->n_observed && x->n_hidden_known == y->n_hidden_known &&
	       same_doubles(x->loss, y->loss, (size_t)x->epochs_done) &&
	       same_doubles(x->hidden, y->hidden, (size_t)x->epochs_done) && b->owner != NULL;
}

static int same_svd(const struct lr_svd_run *a, const struct lr_svd_run *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a->matrix_name, b->matrix_name) && a->k == b->k && same_matrix(a->A, b->A) &&
	       a->svd.m == b->svd.m && a->svd.n == b->svd.n && a->svd.p == b->svd.p &&
	       same_doubles(a->svd.s, b->svd.s, a->svd.p) && same_matrix(a->svd.U, b->svd.U) &&
	       same_matrix(a->svd.V, b->svd.V);
}

/* ---- random workspaces ---- */

static uint64_t rs = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

static double special(void)
{
	static const double pool[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, DBL_MIN, -DBL_MIN,
	                               DBL_TRUE_MIN, -DBL_TRUE_MIN, DBL_MAX, -DBL_MAX, 0.1, 1e-310,
	                               123456789012345678.0, 1.0 / 3.0 };
	uint64_t bits;
	double x;

	switch (rnd() % 5) {
	case 0:
		return pool[rnd() % (sizeof pool / sizeof pool[0])];
	case 1:
		return rnd() % 2 ? NAN : -NAN;
	case 2:                                   /* a subnormal */
		bits = rnd() & 0x800fffffffffffffu;
		memcpy(&x, &bits, sizeof x);
		return x;
	default:                                  /* any bits; a NaN becomes a plain one */
		bits = rnd();
		memcpy(&x, &bits, sizeof x);
		return isnan(x) ? (signbit(x) ? -NAN : NAN) : x;
	}
}

static struct lr_value *random_value(void)
{
	if (rnd() % 4 == 0) {
		char s[64];
		size_t n = rnd() % sizeof s;
		for (size_t i = 0; i < n; i++)
			s[i] = (char)(rnd() % 256);
		return lr_value_str(s, n);
	}
	struct lr_matrix *m = lr_mat_create(rnd() % 5, rnd() % 5);
	size_t n = m->rows * m->cols;
	for (size_t i = 0; i < n; i++)
		m->data[i] = special();
	if (n && rnd() % 2) {
		m->mask = lr_malloc(n);
		for (size_t i = 0; i < n; i++)
			m->mask[i] = (unsigned char)(rnd() % 2);
	}
	return lr_value_mat(m);
}

static void random_workspace(struct lr_session *s)
{
	size_t n = rnd() % 8;

	for (size_t i = 0; i < n; i++) {
		char name[16];
		snprintf(name, sizeof name, "%c%u", "aAz_"[rnd() % 4], (unsigned)(rnd() % 10));
		lr_var_reserve(s, 1);
		lr_var_set(s, name, random_value());
	}
}

static void roundtrip_random(void)
{
	fresh_dir();
	for (int iter = 0; iter < 300; iter++) {
		struct lr_session *a = new_session(), *b = new_session();
		char *f1, *f2;
		size_t n1 = 0, n2 = 0;
		random_workspace(a);
		lr_var_reserve(b, 1);
		lr_var_set(b, "zz_old", lr_value_scalar(7));
		ok(a, "save %s/ws", dir);
		ok(b, "load %s/ws", dir);
		lr_var_clear(b, "zz_old");
		CHECK(same_vars(a, b));
		f1 = slurp_file(strcat(strcpy((char[300]){ 0 }, dir), "/ws"), &n1);
		ok(b, "save %s/ws2", dir);   /* the loaded workspace writes the same bytes */
		f2 = slurp_file(strcat(strcpy((char[300]){ 0 }, dir), "/ws2"), &n2);
		CHECK(f1 && f2 && n1 == n2 && !memcmp(f1, f2, n1));
		free(f1);
		free(f2);
		lr_session_destroy(a);
		lr_session_destroy(b);
		if (check_failures)
			break;
	}
	CHECK(dir_entries(dir) == 2);
}

/* Empty matrices of every shape, a lone mask, the strings that need
 * escapes: the edge cases by name. */
static void roundtrip_edges(void)
{
	struct lr_session *a = new_session(), *b = new_session();
	static const char bytes[] = "a\"b\\c\n\t\x01\x7f\xff\0z";

	fresh_dir();
	ok(a, "E = zeros(0, 3); F = zeros(3, 0); G = []; s = ''; t = 'it''s'; n = -0;"
	      "u = [1e-320 -4.9406564584124654e-324 2.2250738585072014e-308];"
	      "v = [NaN -NaN Inf -Inf]; M = reshape(1:16, 4, 4); mask M (M > 5);"
	      "L = [1 2; 3 4] > 2; Z = true(0, 2); T = true");
	lr_var_reserve(a, 1);
	lr_var_set(a, "bin", lr_value_str(bytes, sizeof bytes - 1));
	ok(a, "save %s/edges; load %s/edges", dir, dir);
	ok(b, "load %s/edges", dir);
	CHECK(same_vars(a, b));
	CHECK(signbit(lr_var_get(b, "n")->m->data[0]));
	CHECK(lr_var_get(b, "E")->m->rows == 0 && lr_var_get(b, "E")->m->cols == 3);
	CHECK(lr_var_get(b, "F")->m->rows == 3 && lr_var_get(b, "F")->m->cols == 0);
	CHECK(lr_var_get(b, "bin")->slen == sizeof bytes - 1);
	CHECK(lr_var_get(b, "M")->m->mask != NULL);
	CHECK(lr_var_get(b, "L")->logical && lr_var_get(b, "Z")->logical);   /* a mask stays one */
	CHECK(lr_var_get(b, "T")->logical && !lr_var_get(b, "n")->logical);
	lr_session_destroy(a);
	lr_session_destroy(b);
}

static const char results_script[] =
	"A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; 2.9407 0.5301 2.2620];\n"
	"M = A; mask M [1 0 1; 1 1 0; 0 1 1];\n"
	"sgd A 2 epochs=60;\n"
	"sgd M 2 epochs=40 lr=0.02 update=simultaneous order=shuffled seed=7;\n"
	"sgd A 1 epochs=30;\n"
	"svd A 1;\n";

/* The kept results: loss and plot say the same after a load. */
static void roundtrip_results(void)
{
	struct lr_session *a = new_session(), *b = new_session();
	char *want;

	fresh_dir();
	ok(a, "%s", results_script);
	ok(a, "save %s/res", dir);
	capture_reset(&out_text);
	ok(a, "loss\nplot\nplot all\n");
	want = strdup(out_text.data);
	ok(b, "load %s/res", dir);
	CHECK(b->nruns == a->nruns && a->nruns == 3);
	for (size_t i = 0; i < a->nruns && i < b->nruns; i++)
		CHECK(same_run(a->runs[i], b->runs[i]));
	CHECK(same_svd(a->svd, b->svd));
	CHECK(same_vars(a, b));
	capture_reset(&out_text);
	ok(b, "loss\nplot\nplot all\n");
	CHECK(!strcmp(want, out_text.data));
	if (strcmp(want, out_text.data))
		fprintf(stderr, "before:\n%s\nafter:\n%s\n", want, out_text.data);
	free(want);
	/* The masked run's hidden history survives too. */
	CHECK(b->runs[1]->res.hidden != NULL);
	lr_session_destroy(a);
	lr_session_destroy(b);
}

/* save FILE A B writes only those (no results); load keeps the others. */
static void some_variables(void)
{
	struct lr_session *a = new_session(), *b = new_session();

	fresh_dir();
	ok(a, "A = 1; B = 'two'; C = [3 4]; sgd [1 2; 3 4] 1 epochs=5;");
	ok(a, "save %s/some A B A", dir);
	ok(b, "C = 5; A = 0; svd [1 2; 3 4] 1;");
	ok(b, "load %s/some", dir);
	CHECK(lr_var_get(b, "A")->m->data[0] == 1);
	CHECK(lr_var_get(b, "B")->kind == LR_VAL_STR);
	CHECK(lr_var_get(b, "C")->m->data[0] == 5);
	CHECK(b->nruns == 0 && b->svd != NULL);      /* results untouched */
	fails(a, "unknown variable 'Z'", "save %s/bad A Z", dir);
	fails(a, "expected a variable name", "save %s/bad A 1x", dir);
	fails(a, "expected a file name", "save");
	fails(a, "usage: load FILE", "load");
	fails(a, "unexpected word", "load A %s/x.csv more", dir);
	fails(a, "cannot open", "load %s/does-not-exist", dir);
	fails(a, "expected a variable name", "load 1A %s/some", dir);
	CHECK(dir_entries(dir) == 1);
	lr_session_destroy(a);
	lr_session_destroy(b);
}

/* A snapshot of a session to check that a failed load changed nothing. */
static int untouched(const struct lr_session *s, const struct lr_session *ref)
{
	if (!same_vars(s, ref) || s->nruns != ref->nruns || !same_svd(s->svd, ref->svd))
		return 0;
	for (size_t i = 0; i < s->nruns; i++)
		if (!same_run(s->runs[i], ref->runs[i]))
			return 0;
	return 1;
}

static void expect_refused(struct lr_session *s, struct lr_session *ref, const char *path,
                           const char *what)
{
	char src[400], want[320];

	snprintf(src, sizeof src, "load %s", path);
	snprintf(want, sizeof want, "%s:", path);
	/* says what was expected, or which limit it passes (and how to raise it) */
	if (script_run(s, src, 0, &err) != -1 || !strstr(err.msg, want) ||
	    (!strstr(err.msg, "expected") && !strstr(err.msg, "(raise it with 'limit "))) {
		fprintf(stderr, "%s: load gave '%s'\n", what, err.msg);
		check_failures++;
	}
	if (!untouched(s, ref)) {
		fprintf(stderr, "%s: the failed load changed the session\n", what);
		check_failures++;
	}
}

/* Every truncation of a workspace file is refused and loads nothing, except
 * the whole file less its final newline. */
static void truncated(void)
{
	struct lr_session *a = new_session(), *s = new_session(), *ref = new_session();
	char path[300], cut[300];
	char *text;
	size_t n = 0;

	fresh_dir();
	ok(a, "A = [1 2; 3 4]; s = 'x'; sgd A 1 epochs=3; svd A 1; M = A; mask M [1 0; 1 1]");
	ok(a, "save %s/full", dir);
	snprintf(path, sizeof path, "%s/full", dir);
	snprintf(cut, sizeof cut, "%s/cut", dir);
	text = slurp_file(path, &n);
	ok(s, "A = 42; sgd [1 2; 3 4] 1 epochs=2; svd [5 6; 7 8] 1");
	ok(ref, "A = 42; sgd [1 2; 3 4] 1 epochs=2; svd [5 6; 7 8] 1");
	for (size_t len = 0; len + 1 < n; len++) {
		char what[64];
		write_file(cut, text, len);
		snprintf(what, sizeof what, "truncated to %zu of %zu bytes", len, n);
		expect_refused(s, ref, cut, what);
		if (check_failures > 5)
			break;
	}
	write_file(cut, text, n - 1);
	ok(s, "load %s", cut);
	CHECK(untouched(s, a));
	free(text);
	lr_session_destroy(a);
	lr_session_destroy(s);
	lr_session_destroy(ref);
}

/* Damaged files: named lines refused with the line number; random byte
 * changes never crash and either load whole or load nothing. */
static void corrupt(void)
{
	struct lr_session *a = new_session(), *s = new_session(), *ref = new_session();
	char path[300];
	static const struct { const char *text, *want; } cases[] = {
		{ "", ":1: expected the header" },
		{ "A,B\n1,2\n", ":1: expected the header" },
		{ "lowrank workspace 1\nmatrix A 2 2\n1 2\n3\nend\n", ":4: expected 2 numbers in row 2" },
		{ "lowrank workspace 1\nmatrix A 1 2\n1 x\nend\n", ":3: expected 2 numbers" },
		/* what strtod takes but save never writes */
		{ "lowrank workspace 1\nmatrix A 1 1\n1e999\nend\n", ":3: expected 1 numbers" },
		{ "lowrank workspace 1\nmatrix A 1 1\n1e-999\nend\n", ":3: expected 1 numbers" },
		{ "lowrank workspace 1\nmatrix A 1 1\n0x10\nend\n", ":3: expected 1 numbers" },
		{ "lowrank workspace 1\nmatrix A 1 1\n+1\nend\n", ":3: expected 1 numbers" },
		{ "lowrank workspace 1\nmatrix A 1 1\ninfinity\nend\n", ":3: expected 1 numbers" },
		{ "lowrank workspace 1\nmatrix A 1 1\n1 2\nend\n", ":3: expected the end of the line" },
		{ "lowrank workspace 1\nmatrix 2A 1 1\n1\nend\n", ":2: expected a variable name" },
		{ "lowrank workspace 1\nmatrix A 1 1\n1\nmatrix A 1 1\n2\nend\n", ":4: expected each variable once" },
		{ "lowrank workspace 1\nmatrix A 1 -1\nend\n", ":2: expected the number of columns" },
		{ "lowrank workspace 1\nmatrix A 100000 100000\nend\n", ":2: the matrix is 100000×100000, over the limit of 100000000 elements (raise it with 'limit elements N')" },
		{ "lowrank workspace 1\nmatrix A 1 2\n1 2\nmask\n1 2\nend\n", ":5: expected 2 mask entries" },
		{ "lowrank workspace 1\nlogical L 2 2\n1 0\n0 2\nend\n", ":4: expected 0 or 1 in a logical matrix, found 2" },
		{ "lowrank workspace 1\nstring s 3\n\"ab\"\nend\n", ":3: expected a string of 3 bytes" },
		{ "lowrank workspace 1\nstring s 2\n\"a\\q\"\nend\n", ":3: expected an escape" },
		{ "lowrank workspace 1\nstring s 2\n\"ab\nend\n", ":3: expected the string to end" },
		{ "lowrank workspace 1\nmatrix A 1 1\n1\n", ":4: expected matrix, logical, string, run, svd or end, found the end" },
		{ "lowrank workspace 1\nend\nmatrix A 1 1\n", ":3: expected nothing after 'end'" },
		{ "lowrank workspace 1\nbogus\nend\n", ":2: expected matrix, logical, string, run, svd or end" },
		{ "lowrank workspace 1\nsvd \"A\" 3\nmatrix A 2 2\n1 2\n3 4\nend\n", ":2: expected a rank from 1 to 2" },
		{ "lowrank workspace 1\nrun \"A\" \"l\"\noptions 5 10 0.01 1 sequential rows\n"
		  "result 10 10 0 0 4 0\nmatrix A 2 2\n1 2\n3 4\n", ":3: expected a rank of at most 2" },
		{ "lowrank workspace 1\nrun \"A\" \"l\"\noptions 1 10 0.01 1 sideways rows\n", ":3: expected sequential or simultaneous" },
		{ "lowrank workspace 1\nrun \"A\" \"l\"\noptions 1 10 0.01 1 sequential rows\n"
		  "result 0 10 0 0 4 0\n", ":4: expected at least 1 epoch done" },
		{ "lowrank workspace 2\nend\n", ":1: expected the header" },
	};

	fresh_dir();
	snprintf(path, sizeof path, "%s/bad", dir);
	ok(s, "A = 42; B = 'b'; sgd [1 2; 3 4] 1 epochs=2");
	ok(ref, "A = 42; B = 'b'; sgd [1 2; 3 4] 1 epochs=2");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_file(path, cases[i].text, strlen(cases[i].text));
		expect_refused(s, ref, path, cases[i].want);
		if (!strstr(err.msg, cases[i].want)) {
			fprintf(stderr, "case %zu: '%s' lacks '%s'\n", i, err.msg, cases[i].want);
			check_failures++;
		}
	}
	/* Random damage to a real file with every kind of block. */
	ok(a, "%s", results_script);
	ok(a, "str = 'hello'; E = zeros(0, 2); save %s/good", dir);
	{
		char good[300];
		size_t n = 0;
		char *text;
		snprintf(good, sizeof good, "%s/good", dir);
		text = slurp_file(good, &n);
		for (int iter = 0; iter < 3000; iter++) {
			char *copy = malloc(n);
			int edits = 1 + (int)(rnd() % 3);
			memcpy(copy, text, n);
			for (int e = 0; e < edits; e++)
				copy[rnd() % n] = "0123456789 -\n.exnamtriu\"\\"[rnd() % 26];
			write_file(path, copy, n);
			free(copy);
			struct lr_session *t = new_session();
			ok(t, "A = 42");
			char src[400];
			snprintf(src, sizeof src, "load %s", path);
			if (script_run(t, src, 0, &err) != 0) {
				CHECK(strstr(err.msg, path) != NULL);
				CHECK(lr_var_get(t, "A")->m->data[0] == 42 && t->nvars == 1 && t->nruns == 0);
			} else {
				capture_reset(&out_text);
				script_run(t, "loss\nplot all\nwho", 1, &err);   /* must not crash */
			}
			lr_session_destroy(t);
		}
		free(text);
	}
	lr_session_destroy(a);
	lr_session_destroy(s);
	lr_session_destroy(ref);
}

/* A write that fails half-way (the file size limit stands in for a full
 * disk) leaves the old file whole and no temporary file behind. */
static void interrupted_write(void)
{
	struct lr_session *s = new_session();
	struct rlimit old, small;
	char path[300], *before, *after;
	size_t n1 = 0, n2 = 0;

	fresh_dir();
	snprintf(path, sizeof path, "%s/keep", dir);
	ok(s, "x = 1; save %s/keep", dir);
	before = slurp_file(path, &n1);
	ok(s, "B = rand(60, 60);");
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	CHECK(setrlimit(RLIMIT_FSIZE, &small) == 0);
	fails(s, "the old file is left as it was", "save %s/keep", dir);
	CHECK(strstr(err.msg, "File too large") != NULL);
	fails(s, "no file was written", "save %s/new", dir);
	setrlimit(RLIMIT_FSIZE, &old);
	after = slurp_file(path, &n2);
	CHECK(before && after && n1 == n2 && !memcmp(before, after, n1));
	CHECK(dir_entries(dir) == 1);
	/* Other failures: no such directory, a directory in the way. */
	fails(s, "cannot create a file next to", "save %s/no/such/dir/ws", dir);
	ok(s, "save %s/keep", dir);   /* now it fits: replaced */
	free(after);
	after = slurp_file(path, &n2);
	CHECK(n2 > n1);
	{
		char sub[320];
		snprintf(sub, sizeof sub, "%s/sub", dir);
		mkdir(sub, 0755);
		fails(s, "cannot write", "save %s", sub);
		CHECK(dir_entries(dir) == 2 && dir_entries(sub) == 0);
	}
	free(before);
	free(after);
	lr_session_destroy(s);
}

/* save through a symbolic link replaces the file it points to and keeps the
 * link; a path that is not a regular file (a FIFO here; /dev/full or
 * /dev/stdout alike) is refused and left as it was, where renaming the
 * temporary over it would have replaced the node itself. */
static void not_regular(void)
{
	struct lr_session *s = new_session();
	char path[300], link[300], fifo[300], *text;
	struct stat sb;
	size_t n = 0;

	fresh_dir();
	snprintf(path, sizeof path, "%s/real", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	ok(s, "x = 1; save %s", path);
	CHECK(symlink("real", link) == 0);
	ok(s, "x = [1 2 3]; save %s", link);
	CHECK(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
	text = slurp_file(path, &n);
	CHECK(text && strstr(text, "matrix x 1 3\n") != NULL);
	free(text);

	CHECK(mkfifo(fifo, 0600) == 0);
	fails(s, "is not a regular file", "save %s", fifo);
	CHECK(lstat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode));
	CHECK(unlink(link) == 0 && symlink("fifo", link) == 0);
	fails(s, "is not a regular file", "save %s", link);
	CHECK(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
	CHECK(unlink(link) == 0 && symlink("no/such/file", link) == 0);
	fails(s, "cannot follow the link", "save %s", link);
	CHECK(dir_entries(dir) == 3);          /* real, link, fifo: no temporary left */
	lr_session_destroy(s);
}

/* ---- CSV and MatrixMarket ---- */

static void load_text(const char *name, const char *text)
{
	char path[300];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_file(path, text, strlen(text));
}

static void csv(void)
{
	struct lr_session *s = new_session();
	const struct lr_matrix *m;

	fresh_dir();
	load_text("a.csv", "\xef\xbb\xbf# a comment\n1,2,3\r\n4,,nan\n\n\"5\", -inf ,1e-320\n");
	ok(s, "load X %s/a.csv", dir);
	m = lr_var_get(s, "X")->m;
	CHECK(m->rows == 3 && m->cols == 3);
	CHECK(LR_AT(m, 0, 2) == 3 && isnan(LR_AT(m, 1, 1)) && isnan(LR_AT(m, 1, 2)));
	CHECK(LR_AT(m, 2, 0) == 5 && LR_AT(m, 2, 1) == -INFINITY && LR_AT(m, 2, 2) == 1e-320);
	CHECK(strstr(out_text.data, "X: 3×3 from") && strstr(out_text.data, "2 NaN"));
	load_text("b.txt", "1 2\n3 4\n");
	ok(s, "load Y '%s/b.txt'", dir);
	CHECK(lr_var_get(s, "Y")->m->rows == 2 && LR_AT(lr_var_get(s, "Y")->m, 1, 1) == 4);
	load_text("c.csv", "1,2,3\n4,5\n");
	fails(s, "c.csv:2: expected 3 fields as on line 1, found 2", "load X %s/c.csv", dir);
	load_text("d.csv", "1,2\n3,abc\n");
	fails(s, "d.csv:2: expected a number or an empty field in column 2, found 'abc'",
	      "load X %s/d.csv", dir);
	CHECK(lr_var_get(s, "X")->m->rows == 3);   /* unchanged by the failures */
	load_text("e.csv", "");
	ok(s, "load Z %s/e.csv", dir);
	CHECK(lr_var_get(s, "Z")->m->rows == 0);
	ok(s, "limit elements 10");
	load_text("f.csv", "1,2,3,4\n1,2,3,4\n1,2,3,4\n");
	fails(s, "f.csv:3: the matrix would be at least 3×4, over the limit of 10 elements (raise it with 'limit elements N')", "load X %s/f.csv", dir);
	ok(s, "limit elements 1e8");
	lr_session_destroy(s);
}

static void mtx(void)
{
	struct lr_session *s = new_session();
	const struct lr_matrix *m;

	fresh_dir();
	load_text("g.mtx", "%%MatrixMarket matrix coordinate real general\n% comment\n"
	                      "3 4 3\n1 1 1.5\n3 4 -2\n2 3 1e300\n");
	ok(s, "load G %s/g.mtx", dir);
	m = lr_var_get(s, "G")->m;
	CHECK(m->rows == 3 && m->cols == 4 && LR_AT(m, 0, 0) == 1.5 && LR_AT(m, 2, 3) == -2 &&
	      LR_AT(m, 1, 2) == 1e300 && LR_AT(m, 0, 1) == 0);
	load_text("s.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n2 2 2\n1 1 4\n2 1 7\n");
	ok(s, "load S %s/s.mtx", dir);
	m = lr_var_get(s, "S")->m;
	CHECK(LR_AT(m, 0, 1) == 7 && LR_AT(m, 1, 0) == 7 && LR_AT(m, 0, 0) == 4);
	load_text("a.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n");
	ok(s, "load R %s/a.mtx", dir);
	m = lr_var_get(s, "R")->m;
	CHECK(LR_AT(m, 1, 0) == 2 && LR_AT(m, 0, 1) == 3);
	load_text("h.dat", "%%MatrixMarket matrix array real general\n1 1\n9\n");
	ok(s, "load H %s/h.dat", dir);    /* known by its header */
	CHECK(lr_var_get(s, "H")->m->data[0] == 9);

	load_text("e1.mtx", "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n");
	fails(s, "e1.mtx:1: expected real or integer", "load X %s/e1.mtx", dir);
	load_text("e2.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1\n");
	fails(s, "e2.mtx:3: expected a row index from 1 to 2, found '3'", "load X %s/e2.mtx", dir);
	load_text("e3.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 2 1\n");
	fails(s, "e3.mtx:5: expected entry 3 of 3, found the end", "load X %s/e3.mtx", dir);
	load_text("e4.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n1 1 2\n");
	fails(s, "e4.mtx:4: expected each entry once", "load X %s/e4.mtx", dir);
	load_text("e5.mtx", "%%MatrixMarket matrix array real general\n1 1\n1\n2\n");
	fails(s, "e5.mtx:4: expected the end of the file", "load X %s/e5.mtx", dir);
	load_text("e6.mtx", "%%MatrixMarket matrix coordinate real general\n99999 99999 0\n");
	fails(s, "e6.mtx:2: the matrix is 99999×99999, over the limit of 100000000 elements", "load X %s/e6.mtx", dir);
	load_text("e7.mtx", "not a header\n");
	fails(s, "e7.mtx:1: expected the header '%%MatrixMarket", "load X %s/e7.mtx", dir);
	CHECK(!lr_var_get(s, "X"));
	lr_session_destroy(s);
}

/* The command words and what is left after failures under the allocator's
 * failure injection are covered by test_alloc_fail.c. */
static void is_command(void)
{
	struct lr_session *s = new_session();

	fresh_dir();
	CHECK(lr_is_command("save") && lr_is_command("load"));
	ok(s, "save = 3; load = save + 1");     /* assigned, they are variables */
	CHECK(lr_var_get(s, "load")->m->data[0] == 4);
	lr_session_destroy(s);
}

static void teardown(void) __attribute__((destructor));
static void teardown(void)
{
	if (dir[0])
		scratch_remove(dir);
	free(out_text.data);
}

SUBTEST_MAIN(T(roundtrip_random), T(roundtrip_edges), T(roundtrip_results), T(some_variables),
             T(truncated), T(corrupt), T(interrupted_write), T(not_regular), T(csv), T(mtx), T(is_command))
