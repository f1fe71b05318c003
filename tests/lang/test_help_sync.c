/* Help lives in three places: `help` (help.c and the entries' texts),
 * README.md and the man page (src/cli/lowrank.1). These tests read the
 * command tables, the builtin function tables and the printing functions,
 * and say exactly what is missing where:
 *   help    every command and function has a `help NAME` that names it;
 *   readme  README.md names each of them in `backticks`;
 *   man     the man page's COMMANDS and FUNCTIONS sections are the ones
 *           generated from the tables (LR_UPDATE_GOLDEN=1 rewrites them).
 * LOWRANK_README and LOWRANK_MAN (set by meson) name the files. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "read_whole.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "help.h"
#include "session_impl.h"
#include "session_open.h"

#define BEGIN_MARK ".\\\" BEGIN TABLES"
#define END_MARK ".\\\" END TABLES"

/* One name to check: a command or a function, its forms and one line. */
struct item {
	const char *name, *usage, *summary;
	const char *kind;       /* "command" or "function" */
};

static int by_item_name(const void *a, const void *b)
{
	return strcmp(((const struct item *)a)->name, ((const struct item *)b)->name);
}

/* The commands, then the functions (builtins and printers), each sorted. */
static size_t collect(struct item *out, size_t max, size_t *ncommands)
{
	const struct lr_builtin *b[LR_MAX_BUILTINS];
	size_t n = 0, nb = lr_builtin_sorted(b, LR_MAX_BUILTINS);

	for (size_t t = 0; lr_command_tables[t]; t++)
		for (const struct lr_command *c = lr_command_tables[t]; c->name && n < max; c++)
			out[n++] = (struct item){ c->name, c->synopsis, c->summary, "command" };
	qsort(out, n, sizeof *out, by_item_name);
	*ncommands = n;
	for (size_t i = 0; i < nb && i < LR_MAX_BUILTINS && n < max; i++)
		out[n++] = (struct item){ b[i]->name, b[i]->usage, b[i]->summary, "function" };
	for (size_t i = 0; lr_printers[i].name && n < max; i++)
		out[n++] = (struct item){ lr_printers[i].name, lr_printers[i].usage,
		                          lr_printers[i].summary, "function" };
	qsort(out + *ncommands, n - *ncommands, sizeof *out, by_item_name);
	return n;
}

/* 1 if word stands in text as a whole word (not inside a longer name). */
static int has_word(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; (p = strstr(p, word)) != NULL; p++) {
		int before = p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
		int after = isalnum((unsigned char)p[n]) || p[n] == '_';
		if (!before && !after)
			return 1;
	}
	return 0;
}

static const char *env_path(const char *var)
{
	const char *p = getenv(var);
	if (!p)
		fprintf(stderr, "%s is not set (meson sets it)\n", var);
	return p;
}

/* `help NAME` works for each, and its text names it. */
static void help(void)
{
	struct item it[LR_MAX_BUILTINS + 64];
	size_t nc, n = collect(it, sizeof it / sizeof it[0], &nc);

	CHECK(nc >= 20 && n > nc + 30);
	for (size_t i = 0; i < n; i++) {
		struct lr_buf b;
		lr_buf_init(&b);
		if (lr_help(&b, lr_command_tables, it[i].name) < 0 || !b.data) {
			fprintf(stderr, "help: 'help %s' finds nothing: the %s %s needs a help text "
			        "(its entry's help, or a topic in src/commands/help.c)\n", it[i].name,
			        it[i].kind, it[i].name);
			check_failures++;
		} else if (!has_word(b.data, it[i].name)) {
			fprintf(stderr, "help: the text of 'help %s' does not name %s\n", it[i].name,
			        it[i].name);
			check_failures++;
		}
		if (!it[i].usage || !has_word(it[i].usage, it[i].name) || !it[i].summary ||
		    !*it[i].summary) {
			fprintf(stderr, "help: the %s %s needs its forms (naming it) and a one-line "
			        "summary in its table entry\n", it[i].kind, it[i].name);
			check_failures++;
		}
		lr_buf_finish(&b);
	}
}

/* README.md names each in `backticks`. */
static void readme(void)
{
	const char *path = env_path("LOWRANK_README");
	char *text = path ? read_whole(path) : NULL;
	struct item it[LR_MAX_BUILTINS + 64];
	size_t nc, n = collect(it, sizeof it / sizeof it[0], &nc);
	struct lr_buf code;   /* every `span`, one per line */

	CHECK(text != NULL);
	if (!text)
		return;
	lr_buf_init(&code);
	for (char *p = strchr(text, '`'); p; p = strchr(p, '`')) {
		char *e = strchr(p + 1, '`');
		if (!e)
			break;
		lr_buf_add(&code, p + 1, (size_t)(e - p - 1));
		lr_buf_putc(&code, '\n');
		p = e + 1;
	}
	lr_buf_putc(&code, '\0');
	for (size_t i = 0; i < n; i++)
		if (!has_word(code.data, it[i].name)) {
			fprintf(stderr, "README.md: the %s %s is not named in `backticks`: add it to "
			        "the %s\n", it[i].kind, it[i].name, i < nc
			        ? "commands' sections (Factorisation commands, Other commands, Lessons)"
			        : "table under ### Functions");
			check_failures++;
		}
	lr_buf_finish(&code);
	lr_free(text);
}

/* One line of man page text: '-' and '\' escaped, no control line. */
static void roff_line(struct lr_buf *b, const char *s)
{
	if (*s == '.' || *s == '\'')
		lr_buf_puts(b, "\\&");
	for (; *s; s++) {
		if (*s == '-')
			lr_buf_puts(b, "\\-");
		else if (*s == '\\')
			lr_buf_puts(b, "\\e");
		else
			lr_buf_putc(b, *s);
	}
}

static void man_entry(struct lr_buf *b, const struct item *it)
{
	lr_buf_puts(b, ".TP\n\\fB");
	roff_line(b, it->usage);
	lr_buf_puts(b, "\\fR\n");
	roff_line(b, it->summary);
	lr_buf_putc(b, '\n');
}

/* The man page's generated part, from BEGIN_MARK to END_MARK's line. */
static void man_tables(struct lr_buf *b)
{
	struct item it[LR_MAX_BUILTINS + 64];
	size_t nc, n = collect(it, sizeof it / sizeof it[0], &nc);

	lr_buf_puts(b, BEGIN_MARK ": generated from the command and function tables\n"
	               ".\\\" (tests/lang/test_help_sync.c); LR_UPDATE_GOLDEN=1 meson test -C build\n"
	               ".\\\" --suite help_sync rewrites it.\n"
	               ".SH COMMANDS\n"
	               "A command is a word and the words after it; \\fBhelp\\fR \\fINAME\\fR "
	               "says more.\n");
	for (size_t i = 0; i < nc; i++)
		man_entry(b, &it[i]);
	lr_buf_puts(b, ".SH FUNCTIONS\n"
	               "Functions are called as in GNU Octave; \\fBhelp functions\\fR lists them "
	               "and \\fBhelp\\fR \\fINAME\\fR says more.\n");
	for (size_t i = nc; i < n; i++)
		man_entry(b, &it[i]);
	lr_buf_puts(b, END_MARK "\n");
}

static void man(void)
{
	const char *path = env_path("LOWRANK_MAN");
	char *text = path ? read_whole(path) : NULL;
	char *from, *to;
	struct lr_buf want;

	CHECK(text != NULL);
	if (!text)
		return;
	from = strstr(text, BEGIN_MARK);
	to = from ? strstr(from, END_MARK) : NULL;
	if (!from || !to) {
		fprintf(stderr, "%s: no lines '%s' and '%s' around the COMMANDS and FUNCTIONS "
		        "sections\n", path, BEGIN_MARK, END_MARK);
		check_failures++;
		lr_free(text);
		return;
	}
	to += strlen(END_MARK) + (to[strlen(END_MARK)] == '\n');
	lr_buf_init(&want);
	man_tables(&want);
	if (getenv("LR_UPDATE_GOLDEN") && !strcmp(getenv("LR_UPDATE_GOLDEN"), "1")) {
		FILE *f = fopen(path, "wb");
		CHECK(f != NULL);
		if (f) {
			fwrite(text, 1, (size_t)(from - text), f);
			fwrite(want.data, 1, want.len, f);
			fputs(to, f);
			CHECK(fclose(f) == 0);
		}
	} else if ((size_t)(to - from) != want.len || memcmp(from, want.data, want.len)) {
		struct item it[LR_MAX_BUILTINS + 64];
		size_t nc, n = collect(it, sizeof it / sizeof it[0], &nc);
		char saved = *to;
		*to = '\0';
		for (size_t i = 0; i < n; i++) {
			struct lr_buf one;
			lr_buf_init(&one);
			man_entry(&one, &it[i]);
			lr_buf_putc(&one, '\0');
			if (!strstr(from, one.data))
				fprintf(stderr, "%s: the %s %s is missing or differs (%s: %s)\n", path,
				        it[i].kind, it[i].name, it[i].usage, it[i].summary);
			lr_buf_finish(&one);
		}
		*to = saved;
		fprintf(stderr, "%s: the COMMANDS and FUNCTIONS sections are not the ones the tables "
		        "give; LR_UPDATE_GOLDEN=1 meson test -C build --suite help_sync rewrites "
		        "them (then read the diff)\n", path);
		check_failures++;
	}
	lr_buf_finish(&want);
	lr_free(text);
}

SUBTEST_MAIN(T(help), T(readme), T(man))
