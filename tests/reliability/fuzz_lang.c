/* libFuzzer target: arbitrary bytes through the lexer, the parser and the
 * evaluator, statement by statement as the batch front end runs them, with
 * the limits turned down so that every input is fast. Built with
 * -fsanitize=fuzzer (tests/reliability/run_fuzz.sh), or without it and with
 * fuzz_replay.c, which replays the regression inputs as a normal test.
 *
 * Each input gets a new session (so leaks show), starts with
 *   limit elements 40000     (200×200: the least the subspace SVD takes)
 *   limit updates 1e6
 *   limit depth 50
 * and may run `limit` itself, but after each of its statements a limit
 * above those is put back. Files that `save` writes land in a scratch
 * directory (the target's working directory), emptied after each input,
 * folders and all; HOME and XDG_STATE_HOME point into it (lesson progress
 * is written there), and commands with a '/' in a word (a path elsewhere:
 * `save /etc/x`, `load /dev/stdin`) are skipped, as are statements naming
 * a function that writes a file (imwrite, csvwrite, dlmwrite, print(...):
 * their file names are expressions), so that nothing outside is read or
 * written (imread refuses what is not a regular file). The lesson commands read the source tree's lessons/. A
 * workspace (with \xHH escapes in a string), a CSV and MatrixMarket files
 * (coordinate and array) are put there first, so `load` has something to
 * read. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lowrank/buf.h"
#include "lowrank/matrix.h"
#include "limit.h"
#include "parser.h"
#include "script.h"
#include "session_open.h"

#define MAX_STATEMENTS 256

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char scratch[256];

static void discard(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	(void)s;
	(void)n;
}

/* An input's loops get a budget of interrupt polls (each some 32 loop
 * steps): `while true, end` is valid and must end like any other input,
 * stopped as Ctrl-C stops it. Reset for each input. */
#define POLL_BUDGET 2000
static int polls;

static int budget_spent(void *ctx)
{
	(void)ctx;
	return ++polls > POLL_BUDGET;
}

static const struct lr_output null_out = { NULL, discard, NULL, budget_spent, NULL };

static void put(const char *name, const char *text)
{
	write_file(name, text, strlen(text));
}

/* The files every input finds in its directory. */
#define SEED_FILES 4

static void seed_files(void)
{
	put("ws", "lowrank workspace 1\nmatrix W 2 2\n1 2\n3 nan\nmask\n1 1\n0 1\n"
	          "string t 5\n\"hi\\x09\\\\\\x22\"\nend\n");
	put("a.csv", "1,2,3\n4,,6\n");
	put("m.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 5\n3 2 -1\n");
	put("ma.mtx", "%%MatrixMarket matrix array real general\n% by columns\n2 3\n"
	              "1\n2\n3\n4\n5e-1\n-6\n");
}

static void cleanup(void)
{
	if (scratch[0])
		scratch_remove(scratch);
}

/* Each input runs in the scratch directory; libFuzzer's own paths (the
 * corpus, artifacts) are relative to where it was started. */
static int home_fd = -1;

static void enter_scratch(void)
{
	home_fd = open(".", O_RDONLY);
	if (home_fd < 0 || chdir(scratch) != 0) {
		perror("lowrank fuzz: chdir");
		abort();
	}
}

static void leave_scratch(void)
{
	if (fchdir(home_fd) != 0) {
		perror("lowrank fuzz: fchdir");
		abort();
	}
	close(home_fd);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	scratch_dir(scratch, sizeof scratch, "fuzz");
	setenv("HOME", scratch, 1);
	setenv("XDG_STATE_HOME", scratch, 1);
	setenv("XDG_DATA_HOME", scratch, 1);
	setenv("LOWRANK_LESSONS", LOWRANK_SOURCE_LESSONS, 1);
	atexit(cleanup);
	enter_scratch();
	seed_files();
	leave_scratch();
	return 0;
}

/* What every input starts with, and the most it may raise each limit to. */
static const char setup[] = "limit elements 40000\nlimit updates 1e6\nlimit depth 50\n";
static const struct {
	int kind;
	double most;
} caps[] = {
	{ LR_LIMIT_ELEMENTS, 40000 }, { LR_LIMIT_UPDATES, 1e6 }, { LR_LIMIT_DEPTH, 50 },
};

/* Puts back any limit the input raised above its cap. */
static void clamp_limits(struct lr_session *s)
{
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
		if (!(lr_session_limit(s, caps[i].kind) <= caps[i].most))
			lr_session_set_limit(s, caps[i].kind, caps[i].most);
}

/* 1 if text[from, to) holds word as a whole name (print, not printf). */
static int mentions(const char *text, size_t from, size_t to, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = from; i + n <= to; i++) {
		char after = i + n < to ? text[i + n] : ' ';
		char before = i > from ? text[i - 1] : ' ';
		if (!memcmp(text + i, word, n) && !isalnum((unsigned char)after) && after != '_' &&
		    !isalnum((unsigned char)before) && before != '_')
			return 1;
	}
	return 0;
}

static int skipped(const struct lr_stmt *st, const char *src, size_t end)
{
	static const char *const writers[] = { "imwrite", "csvwrite", "dlmwrite", "print" };

	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (end > st->pos.offset && mentions(src, st->pos.offset, end, writers[i]))
			return 1;
	if (st->kind != LR_S_COMMAND)
		return 0;
	for (size_t i = 0; i < st->nwords; i++)
		if (strchr(st->words[i].text, '/'))
			return 1;
	return 0;
}

/* Runs src (NUL-terminated, len bytes) in s as lr_batch_run does with
 * --keep-going, nesting at most the session's depth limit; with filter,
 * skipping paths and clamping the limits. */
static void run(struct lr_session *s, const char *src, size_t len, int filter)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	struct lr_buf b;
	int count = 0;

	lr_buf_init(&b);
	lr_parser_init_at(&p, src, len, lr_is_command, 1,
	                  (int)lr_session_limit(s, LR_LIMIT_DEPTH));
	while (count++ < MAX_STATEMENTS) {
		int rc = lr_parse_next(&p, &st, &err);
		if (rc == 0)
			break;
		if (rc > 0) {
			size_t end = p.tok.pos.offset > len ? len : p.tok.pos.offset;
			if (filter && skipped(st, src, end))
				rc = 0;
			else
				rc = lr_session_exec(s, st, src, &err);
			lr_stmt_destroy(st);
			if (filter)
				clamp_limits(s);
			if (rc > 0)
				break;        /* quit or return */
			if (polls > POLL_BUDGET)
				break;        /* interrupted, as batch mode stops */
			if (rc == 0)
				continue;
		} else {
			lr_parser_recover(&p);
		}
		lr_buf_reset(&b);
		lr_error_format(&b, "<fuzz>", src, len, &err);
	}
	lr_parser_finish(&p);
	lr_buf_finish(&b);
}

/* Empties the scratch directory (called in it) when the input left
 * anything there, folders included (`lesson reset all` writes
 * lowrank/progress), and puts the seeded files back, as an input may have
 * overwritten them: every input starts from the same files. */
static void tidy(void)
{
	if (dir_entries(".") != SEED_FILES)
		scratch_empty(".");
	seed_files();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lr_session *s = lr_session_create(&null_out);
	char *src;

	if (!s)
		return 0;
	src = malloc(size + 1);
	if (!src)
		abort();
	memcpy(src, data, size);
	src[size] = '\0';   /* the language sees size bytes; the NUL is a guard */
	polls = 0;
	enter_scratch();
	run(s, setup, sizeof setup - 1, 0);
	run(s, src, size, 1);
	lr_session_destroy(s);
	free(src);
	lr_mat_max_elems = 100000000;   /* limit elements sets the global too */
	tidy();
	leave_scratch();
	return 0;
}
