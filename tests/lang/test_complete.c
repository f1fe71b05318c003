/* Tests of tab completion (lr_session_complete): which words are offered
 * where, given the line before the cursor. The lessons are the source
 * tree's (LOWRANK_LESSONS, set by meson). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "lowrank/buf.h"
#include "parser.h"
#include "complete.h"
#include "session_open.h"
#include "session_script.h"


/* Appends word to the list in b, once (svd is a function and a command),
 * as the front end keeps it. */
static void collect(void *ctx, const char *word)
{
	struct lr_buf *b = ctx;
	size_t n = strlen(word);
	for (const char *p = b->data; p && (p = strstr(p, word)) != NULL; p += n)
		if ((p == b->data || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return;
	if (b->len)
		lr_buf_putc(b, ' ');
	lr_buf_puts(b, word);
}

/* Runs src in s, on after an error; 0 when every statement ran. */
static int run(struct lr_session *s, const char *src)
{
	return script_run(s, src, 1, NULL);
}

/* The words offered for line, whose last word (after the last break
 * character, as readline splits it) is being completed. */
static int offers(struct lr_session *s, const char *line, const char *want)
{
	size_t start = strlen(line);
	struct lr_buf b;
	int ok;

	while (start > 0 && !strchr(" =;,(", line[start - 1]))
		start--;
	lr_buf_init(&b);
	lr_session_complete(s, line, start, line + start, collect, &b);
	ok = !strcmp(b.data ? b.data : "", want);
	if (!ok)
		fprintf(stderr, "'%s' offers '%s', expected '%s'\n", line, b.data ? b.data : "", want);
	lr_buf_finish(&b);
	return ok;
}

static void views(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(offers(s, "view lo", "loss"));
	CHECK(offers(s, "view ", "matrices loss spectrum compare image"));
	CHECK(offers(s, "  view s", "spectrum"));
	CHECK(offers(s, "A = 1; view c", "compare"));
	/* every name offered is one `view` takes */
	CHECK(run(s, "view matrices; view loss; view spectrum; view compare; view image") == 0);
	CHECK(offers(s, "format l", "long"));
	lr_session_destroy(s);
}

static void lessons(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(offers(s, "lesson ma", "matrices"));
	CHECK(offers(s, "lesson co", "completion compression"));
	CHECK(offers(s, "lesson s", "sgd svd"));
	lr_session_destroy(s);
}

static void option_values(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(offers(s, "sgd A 1 update=si", "simultaneous"));
	CHECK(offers(s, "sgd A 1 update=", "sequential simultaneous"));
	CHECK(offers(s, "sgd A 2 epochs=10 order=", "rows shuffled"));
	CHECK(offers(s, "svd A 2 method=s", "subspace"));
	CHECK(offers(s, "explore A method=f", "full"));
	/* the values are the command's own (its entry's options): explore has
	 * no update= */
	CHECK(offers(s, "explore A update=seq", ""));
	CHECK(offers(s, "sgd A 1 update=seq", "sequential"));
	lr_session_destroy(s);
}

static void options(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(run(s, "epsilon = 1; methane = 2") == 0);
	CHECK(offers(s, "sgd A 1 ep", "epsilon epochs="));
	CHECK(offers(s, "sgd A 1 up", "upper update="));   /* the function upper too */
	CHECK(offers(s, "svd A 2 meth", "methane method="));
	CHECK(offers(s, "explore A meth", "methane method="));
	/* not a command's argument: names only */
	CHECK(offers(s, "x = ep", "epsilon"));
	CHECK(offers(s, "meth", "methane"));
	CHECK(offers(s, "sv", "svd svds"));
	CHECK(offers(s, "x = sgd_", ""));
	lr_session_destroy(s);
}

/* The printing functions (the session's own, not builtins) and the lesson
 * commands are offered; `lesson reset` takes `all` or a lesson. */
static void commands(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(offers(s, "pri", "printf print"));
	CHECK(offers(s, "print", "printf print"));
	CHECK(offers(s, "print -", "-dsvg -dpng"));
	CHECK(offers(s, "x = sp", "sprintf"));
	CHECK(offers(s, "dis", "disp display"));
	CHECK(offers(s, "rev", "reveal"));
	CHECK(offers(s, "ba", "back"));
	CHECK(offers(s, "lesson r", "reset rank"));
	CHECK(offers(s, "lesson reset a", "all"));
	CHECK(offers(s, "lesson reset ma", "matrices"));
	/* only after `lesson reset`: elsewhere on the line "reset" is a name */
	CHECK(run(s, "alpha = 1; reset_count = 2") == 0);
	CHECK(offers(s, "x = reset_count; lesson 2 al", "alpha all"));
	lr_session_destroy(s);
}

/* The keywords of blocks, and error/warning, are offered with the names. */
static void keywords(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	CHECK(offers(s, "whi", "while"));
	CHECK(offers(s, "endw", "endwhile"));
	CHECK(offers(s, "for i = 1:3, s = i; en", "end end_try_catch endfor endfunction endif "
	                                          "endparfor "
	                                          "endswitch endwhile"));
	CHECK(run(s, "errors = 1") == 0);
	CHECK(offers(s, "err", "errors error"));
	CHECK(offers(s, "warn", "warning"));
	CHECK(offers(s, "oth", "otherwise"));
	CHECK(run(s, "function r = warmup(x)\n r = x;\nend") == 0);
	CHECK(offers(s, "warm", "warmup"));
	CHECK(offers(s, "endf", "endfor endfunction"));
	lr_session_destroy(s);
}

SUBTEST_MAIN(T(views), T(lessons), T(option_values), T(options), T(commands), T(keywords))
