/* Every allocation of a representative session fails in turn: the n-th
 * allocation from the session's creation and all after it (n = 1, 2, ...)
 * until the session runs to its end without meeting the failure. Each run
 * must end in an error message, never a crash, and after the failure the
 * session must still work and hold its variables. Leaks are found by
 * LeakSanitizer (the ASan build) or valgrind. */
#include "check.h"
#include "script.h"
#include "lowrank/alloc.h"
#include "session_impl.h"

static struct capture out_text;
static const struct lr_output out = { &out_text, capture_write, NULL, NULL, NULL };
static char dir[256];

/* The session: definitions, arithmetic, indexing (logical masks, deletion,
 * strings), both factorisations, the comparison, masks, saving and loading, the plot,
 * complex values, function handles, cell arrays. @D stands for the
 * scratch directory. */
static const char script_fmt[] =
	"A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; 2.9407 0.5301 2.2620]\n"
	"B = A' * A + 1; C = B(2:3, [1 end]); B(1, :) = [7 8 9]; D = inv(B) * [1; 2; 3];\n"
	"s = 'hello'; n = numel(A(:)) + sum(A(:, 1))\n"
	"L = A > 1; v = A(L); A2 = A; A2(A2 < 1) = 0; A2(:, 2) = []; A2(logical([1 0 1])) = [];\n"
	"t = [s(end:-1:1) ' ' num2str(pi) mat2str(L) int2str(2.5)]; t(t == 'l') = []; q = t == 'o';\n"
	"t = 0; for i = 1:3, t += i; v(i) = t; end, for c = A(:, 1:2), t = t + c(1); end\n"
	"k = 0; while k < 2, k += 1; if k == 1, continue, end, end\n"
	"switch 'b', case {'a', 'b'}, w = size(A)(1); otherwise, w = 0; end\n"
	"try, error('my:id', 'x %d', 1); catch err, m = err.message; end, warning('w')\n"
	"M = A; mask M [1 0 1; 1 1 0; 0 1 1]\n"
	"sgd A 2 epochs=15\n"
	"sgd M 2 epochs=10 order=shuffled\n"
	"[U, V] = sgd(A, 1, 'epochs', 5);\n"
	"svd A 2\n"
	"loss\n"
	"plot\n"
	"save @D/ws\n"
	"save @D/some A s\n"
	"clear\n"
	"load @D/ws\n"
	"loss\n"
	"plot all\n"
	"load X @D/x.csv\n"
	"load Y @D/y.mtx\n"
	"who\n"
	"c = zeros(1, 3); c(2)++; [mm(2), ii(2)] = max([3 9 1]); [g, h] = deal(1, 'x');\n"
	"u = strrep('aaa', 'aa', 'b'); ff = strfind('abab', 'b'); bb = [blanks(2) deblank('a  ')];\n"
	"sp = isspace('a b'); rr = repmat('-', 1, 3); fl = fliplr('ab'); cw = ['a' 66];\n"
	"[ri, ci] = ind2sub([2 3], 5); li = sub2ind([2 3], 2, 3); tp = (1:3).^2'; [so, si] = sort('hello');\n"
	"printf('%d %s\\n', 3, s)\n"
	"z = [1+2i 3; -1i 4]; w = z * z' + 2i; r = roots([1 0 1]); e = eig([0 -1; 1 0]);\n"
	"z(2, 1) = 5i; z(1) = []; p = poly(r); y = [z 1i] / 2; k = sqrt(-4); u = [2 1i; 1 3] \\ [1; 1]\n"
	"disp(w), x = sum(y), f = find(y)\n"
	"X = expm(A / 4); S = sqrtm([1 2; 3 4]); G = logm([4 1; 2 3]); [GV, GD] = eig(B, B + 1);\n"
	"ge = eig([1 2; 3 4], [2 0; 0 1]); [s2, i2] = sort('hello'); c3 = cross(A, A, 2);\n"
	"fa = 2; h = @(x) fa * x + 1; g = @(x) h(x) - 1; hv = h(3) + feval(@max, 1, 2);\n"
	"af = arrayfun(g, [1 2; 3 4]); hs = func2str(g); qq = str2func('@(t) t * 2'); qv = qq(2)\n"
	"disp(g), sz = @size; [r1, c1] = sz(af), h(1:2) + 1\n"
	"ce = {1, 'ab'; [1 2], {3}}; ce{3, 3} = 4; ce(2, :) = []; e1 = ce{1, 2}; cs = ce(1, :)\n"
	"ws = strsplit('a b  c'); wj = strjoin(ws, '-'); cn = cellfun(@numel, ws);\n"
	"cu = cellfun(@(t) [t '!'], ws, 'UniformOutput', false), nc = num2cell([1 2; 3 4])\n";

struct stats {
	long runs, failed_create, errors, not_oom;
};

/* One run with the n-th allocation failing. Returns 1 when the script got
 * to its end with no injected failure met. */
static int one_run(long n, const char *script, struct stats *st)
{
	struct lr_session *s;
	struct lr_error err;
	long before;
	int rc;

	capture_reset(&out_text);
	before = lr_alloc_count();
	lr_alloc_fail_after(n);
	s = lr_session_create(&out);
	if (!s) {
		lr_alloc_fail_after(-1);
		st->failed_create++;
		return 0;
	}
	memset(&err, 0, sizeof err);
	rc = script_run(s, script, 0, &err);
	lr_alloc_fail_after(-1);
	st->runs++;
	if (rc < 0) {
		st->errors++;
		if (!err.msg[0]) {
			fprintf(stderr, "n=%ld: an error without a message at %d:%d\n", n, err.pos.line,
			        err.pos.col);
			check_failures++;
		} else if (!strstr(err.msg, "memory")) {
			st->not_oom++;
			if (st->not_oom <= 10)
				fprintf(stderr, "n=%ld: not an out-of-memory message: %d:%d: %s\n", n,
				        err.pos.line, err.pos.col, err.msg);
		}
		/* The session survives: it still runs statements and has A if it had it. */
		size_t nvars = s->nvars;
		if (script_run(s, "zz_check = 1 + 1;", 0, &err) != 0) {
			fprintf(stderr, "n=%ld: the session no longer works: %s\n", n, err.msg);
			check_failures++;
		}
		CHECK(s->nvars == nvars + 1);
	}
	lr_session_destroy(s);
	/* Reached the end without meeting the failure point? */
	return rc == 0 && lr_alloc_count() - before < n;
}

static void every_allocation(void)
{
	char script[4096] = "", path[300];
	struct stats st = { 0, 0, 0, 0 };
	size_t len = 0;
	long n;

	scratch_dir(dir, sizeof dir, "alloc");
	snprintf(path, sizeof path, "%s/x.csv", dir);
	write_file(path, "1,2\n,4\n", 7);
	snprintf(path, sizeof path, "%s/y.mtx", dir);
	write_file(path, "%%MatrixMarket matrix coordinate real general\n2 2 1\n2 2 5\n", 57);
	for (const char *p = script_fmt; *p && len + strlen(dir) + 2 < sizeof script; p++)
		if (p[0] == '@' && p[1] == 'D') {
			memcpy(script + len, dir, strlen(dir) + 1);
			len += strlen(dir);
			p++;
		} else {
			script[len++] = *p;
			script[len] = '\0';
		}
	/* The script must work without injected failures first. */
	{
		struct lr_session *s = lr_session_create(&out);
		struct lr_error err;
		int rc = script_run(s, script, 0, &err);
		if (rc != 0)
			fprintf(stderr, "the script fails on its own: %d:%d: %s\n", err.pos.line,
			        err.pos.col, err.msg);
		CHECK(rc == 0);
		CHECK(strstr(out_text.data, "loaded 22 variables, 3 runs and an SVD") != NULL);
		if (!strstr(out_text.data, "loaded 22 variables"))
			fprintf(stderr, "%s", out_text.data);
		lr_session_destroy(s);
		if (rc != 0)
			return;
	}
	for (n = 1; n < 10000000; n++)
		if (one_run(n, script, &st))
			break;
	fprintf(stderr, "%ld allocations failed in turn: %ld runs ended in an error, "
	        "%ld sessions could not be created, %ld messages other than out of memory\n",
	        n - 1, st.errors, st.failed_create, st.not_oom);
	CHECK(st.errors > 0);
	CHECK(st.not_oom == 0);     /* each failure says what happened: out of memory */
	scratch_remove(dir);
	free(out_text.data);
}

SUBTEST_MAIN(T(every_allocation))
