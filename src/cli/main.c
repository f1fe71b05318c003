/* lowrank's entry point: chooses batch or interactive mode, as sqlite3 and
 * Octave do: interactive only when standard input and output are both
 * terminals and no script was named. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "batch.h"
#include "check.h"
#include "frontend.h"
#include "lesson.h"
#include "limit.h"
#include "workspace.h"

static volatile sig_atomic_t got_sigint;
/* Set by Ctrl-C or by a failed write of the output: the batch run stops at
 * the end of the statement (a long one stops early, as on Ctrl-C). */
static volatile sig_atomic_t stop_run;
/* The first error writing standard output (a full disk, a closed or broken
 * pipe), or 0: reported at the end, and the exit status is then 1, so
 * `lowrank script.lr > out.txt` on a full disk does not end in success. */
static int out_errno;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
	stop_run = 1;
}

/* SIGTERM or SIGHUP in batch mode: a save being written leaves no
 * temporary file behind; then the signal's own end (status 128 + sig). */
static void on_term(int sig)
{
	lr_save_abandon();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void out_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (out_errno)
		return;
	errno = 0;
	if (fwrite(s, 1, n, stdout) < n || ferror(stdout)) {
		out_errno = errno ? errno : EIO;
		stop_run = 1;
	}
}

/* Warnings go to standard error as Octave's do, after what was printed. */
static void out_warn(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	fflush(stdout);
	fwrite(s, 1, n, stderr);
}

static int out_interrupted(void *ctx)
{
	(void)ctx;
	return stop_run != 0;
}

/* Flushes standard output; on a write error (now or earlier) says so and
 * returns 1. */
static int out_finish(void)
{
	errno = 0;
	if ((fflush(stdout) != 0 || ferror(stdout)) && !out_errno)
		out_errno = errno ? errno : EIO;
	if (!out_errno)
		return 0;
	fprintf(stderr, "lowrank: cannot write the output: %s\n", strerror(out_errno));
	return 1;
}

/* A standard descriptor that is closed (lowrank >&-) is opened on /dev/null
 * read-only: a file the program opens then cannot take its number (and
 * receive what was meant for standard output), and a write to it still
 * fails, so the error is reported. */
static void hold_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		int nfd = open("/dev/null", O_RDONLY);
		if (nfd >= 0 && nfd != fd) {
			dup2(nfd, fd);
			close(nfd);
		}
	}
}

static void usage(FILE *f)
{
	fputs("usage: lowrank [OPTIONS] [FILE]\n"
	      "       lowrank -e 'STATEMENTS'\n"
	      "\n"
	      "A terminal REPL that teaches low-rank matrix factorisation: define a matrix,\n"
	      "factorise it by SGD ('sgd A 2') and by truncated SVD ('svd A 2'), and compare\n"
	      "them ('loss'). With no FILE and a terminal, it starts the interactive REPL;\n"
	      "otherwise it runs the script (FILE, -e, or standard input) in batch mode.\n"
	      "\n"
	      "options:\n"
	      "  -e STATEMENTS   run STATEMENTS and exit\n"
	      "  --keep-going    carry on after an error (the exit status is still 1)\n"
	      "  --echo          print each statement before its output (a transcript)\n"
	      "  --width N       output width in columns for batch mode (default 80)\n"
	      "  --ascii         draw plots with ASCII characters only\n"
	      "  --limit NAME=N  set a limit on one statement, as 'limit NAME N' does:\n"
	      "                  elements, updates, products, line or depth (see 'help limit')\n"
	      "  --lesson N      start lesson N (on a terminal, in the interactive REPL)\n"
	      "  --demo FILE     play FILE in the REPL one statement per key (b back, q stop;\n"
	      "                  a lesson's steps as captions, p: pauses before answers)\n"
	      "  --check FILE... play each lesson with its reference answers and its wrong\n"
	      "                  ones; fail if a check or claim does not hold or a wrong\n"
	      "                  answer passes\n"
	      "  -i              force the interactive REPL\n"
	      "  --plain         never start the interactive REPL\n"
	      "  -h, --help      this help\n"
	      "  --version       the version\n"
	      "\n"
	      "first things to type:\n"
	      "  A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; 2.9407 0.5301 2.2620]\n"
	      "  sgd A 2\n"
	      "  svd A 2\n"
	      "  loss\n"
	      "  help\n"
	      "\n"
	      "exit status: 0 success, 1 an error in the script, 2 a usage error,\n"
	      "130 interrupted; 'quit N' exits with N.\n", f);
}

struct args {
	const char *file, *expr, *lesson, *demo;
	int keep_going, echo, width, ascii, force_tui, plain;
	double limits[LR_LIMIT_COUNT];   /* --limit NAME=N, 0 where not given */
};

/* --limit NAME=N: checked here, so that a bad one is a usage error before
 * anything runs. 2 with a message, or 0. */
static int limit_option(const char *o, struct args *a)
{
	const char *eq = strchr(o, '=');
	char name[32], *end;
	enum lr_limit_kind k = LR_LIMIT_COUNT;
	double x = 0;

	if (eq && (size_t)(eq - o) < sizeof name) {
		memcpy(name, o, (size_t)(eq - o));
		name[eq - o] = '\0';
		k = lr_limit_find(name);
	}
	if (k == LR_LIMIT_COUNT) {
		fprintf(stderr, "lowrank: --limit expects NAME=N with NAME elements, updates, "
		        "products, line or depth, found '%s'\n", o);
		return 2;
	}
	x = strtod(eq + 1, &end);
	if (end == eq + 1 || *end || !(x >= 1 && x <= lr_limit_max(k)) || x != floor(x)) {
		fprintf(stderr, "lowrank: --limit %s expects a whole number from 1 to %.15g, "
		        "found '%s'\n", name, lr_limit_max(k), eq + 1);
		return 2;
	}
	a->limits[k] = x;
	return 0;
}

/* An option that takes the next argument as its value; 0, or 2 with a
 * message. */
static int value_option(const char *o, const char *v, struct args *a)
{
	char *end;
	long w;

	if (!strcmp(o, "-e")) {
		if (a->expr) {             /* the first was silently dropped */
			fprintf(stderr, "lowrank: -e can be given once; put the statements in one "
			        "-e, separated by ';' or newlines\n");
			return 2;
		}
		a->expr = v;
	} else if (!strcmp(o, "--lesson")) {
		a->lesson = v;
	} else if (!strcmp(o, "--demo")) {
		a->demo = v;
	} else if (!strcmp(o, "--limit")) {
		return limit_option(v, a);
	} else {                           /* --width */
		w = strtol(v, &end, 10);
		if (*end || w < 20 || w > 1000) {
			fprintf(stderr, "lowrank: --width expects a number from 20 to 1000, found '%s'\n",
			        v);
			return 2;
		}
		a->width = (int)w;
	}
	return 0;
}

/* The options that take a value, which value_option reads, and the flags,
 * each setting one field of struct args to 1. */
static const char *const value_options[] = { "-e", "--lesson", "--demo", "--limit", "--width",
                                             NULL };
static const struct { const char *name; size_t field; } flags[] = {
	{ "--keep-going", offsetof(struct args, keep_going) },
	{ "--echo", offsetof(struct args, echo) },
	{ "--ascii", offsetof(struct args, ascii) },
	{ "-i", offsetof(struct args, force_tui) },
	{ "--plain", offsetof(struct args, plain) },
};

/* A flag: sets its field and returns 1; 0 if o is none. */
static int flag_option(const char *o, struct args *a)
{
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (!strcmp(o, flags[i].name)) {
			*(int *)((char *)a + flags[i].field) = 1;
			return 1;
		}
	return 0;
}

static int is_value_option(const char *o)
{
	for (size_t i = 0; value_options[i]; i++)
		if (!strcmp(o, value_options[i]))
			return 1;
	return 0;
}

/* The command line into *a: -1 to go on, or the exit status (0 after
 * --help and --version, 2 after a usage error, said). */
static int parse_args(int argc, char **argv, struct args *a)
{
	memset(a, 0, sizeof *a);
	a->width = 80;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		if (is_value_option(o)) {
			if (i + 1 >= argc) {
				fprintf(stderr, "lowrank: %s needs a value after it; see 'lowrank --help'\n",
				        o);
				return 2;
			}
			if (value_option(o, argv[++i], a) != 0)
				return 2;
		} else if (flag_option(o, a)) {
			continue;
		} else if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(o, "--version")) {
			puts("lowrank " LOWRANK_VERSION);
			return 0;
		} else if (o[0] == '-' && o[1]) {
			fprintf(stderr, "lowrank: unknown option '%s'; see 'lowrank --help'\n", o);
			return 2;
		} else if (!a->file) {
			a->file = o;
		} else {
			fprintf(stderr, "lowrank: only one script can be run at a time, found '%s' "
			        "after '%s'\n", o, a->file);
			return 2;
		}
	}
	if (a->file && a->expr) {
		fprintf(stderr, "lowrank: give either a FILE or -e, not both\n");
		return 2;
	}
	return -1;
}

static int run_batch(const struct args *a, struct lr_session *s)
{
	const char *name = a->expr ? "<-e>" : a->file ? a->file : "<stdin>";
	struct lr_batch_opts o = { a->keep_going, a->echo, (volatile int *)&stop_run };
	enum lr_run_result r;
	int fd = 0, rc = 0;

	if (a->expr) {
		r = lr_batch_run(s, name, a->expr, strlen(a->expr), &o);
	} else {
		if (a->file && (fd = open(a->file, O_RDONLY)) < 0) {
			fprintf(stderr, "lowrank: cannot open '%s': %s\n", a->file, strerror(errno));
			return 2;
		}
		rc = lr_batch_run_fd(s, name, fd, &o, &r);
		if (rc < 0) {
			int e = errno;
			fflush(stdout);
			fprintf(stderr, "lowrank: cannot read %s: %s\n", name, strerror(e));
		}
		if (a->file)
			close(fd);
		if (rc < 0) {
			out_finish();
			return 2;
		}
	}
	if (out_finish() != 0)
		return 1;
	switch (r) {
	case LR_RUN_OK: return 0;
	case LR_RUN_QUIT: return lr_session_exit_status(s);
	case LR_RUN_INTERRUPTED:
		fprintf(stderr, "lowrank: interrupted\n");
		return 130;
	default: return 1;
	}
}

/* lowrank --check FILE...: plays each lesson with its reference answers;
 * the exit status. */
static int check_lessons(int nfiles, char **files)
{
	int rc = 0;

	if (nfiles == 0) {
		fputs("lowrank: --check expects lesson files, e.g. lessons/*.lr\n", stderr);
		return 2;
	}
	for (int i = 0; i < nfiles; i++)
		rc |= lr_check_lesson_file(files[i], stdout, stderr, lr_command_tables);
	return rc;
}

/* The session of batch mode, as the options set it: the width, the
 * characters and the --limit values; Ctrl-C, SIGTERM and SIGHUP caught.
 * NULL (said) when out of memory. */
static struct lr_session *batch_session(const struct args *a, const struct lr_output *out)
{
	struct lr_session *s;

	signal(SIGINT, on_sigint);
	/* (left ignored when they are, as under nohup) */
	if (signal(SIGTERM, on_term) == SIG_IGN)
		signal(SIGTERM, SIG_IGN);
	if (signal(SIGHUP, on_term) == SIG_IGN)
		signal(SIGHUP, SIG_IGN);
	s = lr_session_create(out);
	if (!s) {
		fputs("lowrank: out of memory\n", stderr);
		return NULL;
	}
	lr_session_set_width(s, a->width);
	lr_session_set_ascii(s, a->ascii);
	for (int i = 0; i < LR_LIMIT_COUNT; i++)
		if (a->limits[i] > 0)
			lr_session_set_limit(s, i, a->limits[i]);
	return s;
}

int main(int argc, char **argv)
{
	struct args a;
	struct lr_output out = { NULL, out_write, NULL, out_interrupted, out_warn };
	struct lr_session *s;
	int rc, tui;

	hold_std_fds();
	if (argc >= 2 && !strcmp(argv[1], "--check"))
		return check_lessons(argc - 2, argv + 2);
	rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	tui = a.force_tui || (!a.plain && !a.file && !a.expr && isatty(0) && isatty(1));
	if (a.demo && (!tui || a.file || a.expr)) {
		fputs(a.file || a.expr ? "lowrank: --demo plays its own FILE: give no other script\n"
		                       : "lowrank: --demo needs a terminal\n", stderr);
		return 2;
	}
	if (tui) {
		/* --lesson N on a terminal: the REPL with the lesson started */
		char cmd[300];
		int n = a.lesson ? snprintf(cmd, sizeof cmd, "lesson %s", a.lesson) : 0;
		if (n < 0 || (size_t)n >= sizeof cmd) {
			fputs("lowrank: --lesson: the name is too long\n", stderr);
			return 2;
		}
		return lr_frontend_interactive(a.ascii, a.lesson ? cmd : NULL, a.demo, a.limits);
	}
	if (!(s = batch_session(&a, &out)))
		return 1;
	if (a.lesson) {
		/* --lesson N: start the lesson, then read the student's statements */
		char cmd[300];
		int n = snprintf(cmd, sizeof cmd, "lesson %s\n", a.lesson);
		struct lr_batch_opts lo = { 0, 0, NULL };
		if (n < 0 || (size_t)n >= sizeof cmd ||
		    lr_batch_run(s, "--lesson", cmd, (size_t)n, &lo) != LR_RUN_OK) {
			lr_session_destroy(s);
			return 1;
		}
	}
	rc = run_batch(&a, s);
	lr_session_destroy(s);
	return rc;
}
