/* Tab completion for the front ends: the words that may stand where the
 * cursor is, matched by prefix. The words before it choose the list: a
 * command's argument (view names after `view`, lesson names after
 * `lesson`), an option's values after `update=`, `order=`, `method=`, the
 * options of `sgd`, `svd` and `explore`, else names. Declared in session.h. */
#include <ctype.h>
#include <string.h>
#include "builtins.h"
#include "lesson.h"
#include "session_impl.h"

/* Command words, checked against lr_is_command so that a command added by
 * the lesson or workspace files appears here when it exists and a name
 * that is not (yet) a command never does. */
static const char *const command_words[] = {
	"clear", "exit", "explore", "format", "help", "limit", "loss", "mask", "plot", "quit",
	"seed", "sgd", "svd", "unmask", "view", "who",
	"lesson", "lessons", "hint", "next", "back", "skip", "reveal", "reset", "check", "answer",
	"save", "load", "diary"
};

/* The functions the session runs itself (statements that print), which the
 * builtin table does not hold. */
static const char *const printer_words[] = {
	"disp", "fprintf", "printf", "sprintf", "imread", "imwrite", "imshow", "image", "imagesc",
	NULL
};

/* A command's option words, completed with their '=' so the value follows. */
static const char *const sgd_options[] = {
	"epochs=", "lr=", "seed=", "update=", "order=", "U=", "V=", NULL
};
static const char *const svd_options[] = { "method=", NULL };

/* The words a command takes as its first argument (cmd_view's and
 * cmd_format's lists); `lesson` takes the lesson names, found on disk. */
static const char *const view_args[] = { "matrices", "loss", "spectrum", "compare", NULL };
static const char *const format_args[] = { "short", "long", NULL };

/* The values of the options that take one of a few words. */
static const struct { const char *option; const char *const values[4]; } option_values[] = {
	{ "update", { "sequential", "simultaneous", NULL } },
	{ "order", { "rows", "shuffled", NULL } },
	{ "method", { "auto", "full", "subspace", NULL } },
};

/* What the words before the cursor say about the one at it. */
struct where {
	char cmd[16];              /* the statement's command, or "" */
	size_t arg;                /* 0: the command word itself; 1: its first argument ... */
	char arg1[16];             /* the first argument when the cursor is past it, or "" */
	const char *const *values; /* after `option=` with known values, else NULL */
	int after_eq;              /* right after some `name=` */
};

static int starts(const char *word, const char *prefix, size_t n)
{
	return strncmp(word, prefix, n) == 0;
}

static void offer(const char *const *list, const char *prefix,
                  void (*fn)(void *ctx, const char *word), void *ctx)
{
	size_t n = strlen(prefix);

	for (size_t i = 0; list[i]; i++)
		if (starts(list[i], prefix, n))
			fn(ctx, list[i]);
}

/* Reads line[0..start) (a statement; an earlier one ends at ';' or ','). */
static void locate(const char *line, size_t start, struct where *w)
{
	size_t b = start, i, e;

	memset(w, 0, sizeof *w);
	for (i = start; i > 0 && line[i - 1] != ';' && line[i - 1] != ','; i--)
		;
	while (i < start && line[i] == ' ')
		i++;
	for (e = i; e < start && (isalnum((unsigned char)line[e]) || line[e] == '_'); e++)
		;
	if (e < start && line[e] == ' ' && e - i < sizeof w->cmd) {
		memcpy(w->cmd, line + i, e - i);
		w->cmd[e - i] = '\0';
		if (!lr_is_command(w->cmd))
			w->cmd[0] = '\0';
	}
	for (size_t j = e; j < start; j++) {         /* words after the command */
		if (line[j] != ' ' || j + 1 >= start || line[j + 1] == ' ')
			continue;
		w->arg++;
		size_t k = j + 1, len = 0;
		while (k + len < start && line[k + len] != ' ')
			len++;
		if (w->arg == 1 && k + len < start && len < sizeof w->arg1) {
			memcpy(w->arg1, line + k, len);
			w->arg1[len] = '\0';
		}
	}
	w->arg += w->cmd[0] && start > e && line[start - 1] == ' ';
	if (start == 0 || line[start - 1] != '=')
		return;
	w->after_eq = 1;
	while (b > 1 && (isalnum((unsigned char)line[b - 2]) || line[b - 2] == '_'))
		b--;
	for (size_t k = 0; k < sizeof option_values / sizeof option_values[0]; k++)
		if (start - 1 - (b - 1) == strlen(option_values[k].option) &&
		    starts(line + b - 1, option_values[k].option, start - b))
			w->values = option_values[k].values;
}

/* The lesson names ("matrices" of 01-matrices.lr), as `lesson` accepts them. */
static void offer_lessons(const char *prefix, void (*fn)(void *ctx, const char *word), void *ctx)
{
	size_t n = 0, pl = strlen(prefix);
	char **list = lr_lesson_list(lr_lesson_dir(), &n);

	for (size_t i = 0; i < n; i++) {
		char *b = strrchr(list[i], '/'), *name = b ? strchr(b, '-') : NULL;
		size_t len = name ? strlen(name + 1) : 0;
		if (len > 3 && !strcmp(name + 1 + len - 3, ".lr")) {
			name[1 + len - 3] = '\0';
			if (starts(name + 1, prefix, pl))
				fn(ctx, name + 1);
		}
	}
	lr_lesson_free_list(list, n);
}

/* Variables, functions and commands. */
static void offer_names(const struct lr_session *s, const char *prefix,
                        void (*fn)(void *ctx, const char *word), void *ctx)
{
	size_t n = strlen(prefix), nb = 0;
	const struct lr_builtin *b = lr_builtin_all(&nb);

	for (size_t i = 0; s && i < s->nvars; i++)
		if (starts(s->vars[i].name, prefix, n))
			fn(ctx, s->vars[i].name);
	for (size_t i = 0; b && i < nb; i++)
		if (starts(b[i].name, prefix, n))
			fn(ctx, b[i].name);
	offer(printer_words, prefix, fn, ctx);
	for (size_t i = 0; i < sizeof command_words / sizeof command_words[0]; i++)
		if (starts(command_words[i], prefix, n) && lr_is_command(command_words[i]))
			fn(ctx, command_words[i]);
}

void lr_session_complete(const struct lr_session *s, const char *line, size_t start,
                         const char *prefix, void (*fn)(void *ctx, const char *word),
                         void *ctx)
{
	struct where w;

	locate(line, start, &w);
	if (w.values) {
		offer(w.values, prefix, fn, ctx);
		return;
	}
	if (w.arg == 1 && !w.after_eq) {
		if (!strcmp(w.cmd, "view")) {
			offer(view_args, prefix, fn, ctx);
			return;
		}
		if (!strcmp(w.cmd, "format")) {
			offer(format_args, prefix, fn, ctx);
			return;
		}
		if (!strcmp(w.cmd, "lesson")) {
			static const char *const reset[] = { "reset", NULL };
			offer(reset, prefix, fn, ctx);
			offer_lessons(prefix, fn, ctx);
			return;
		}
	}
	if (w.arg == 2 && !w.after_eq && !strcmp(w.cmd, "lesson") &&
	    !strcmp(w.arg1, "reset")) {          /* lesson reset N|all */
		static const char *const all[] = { "all", NULL };
		offer(all, prefix, fn, ctx);
		offer_lessons(prefix, fn, ctx);
		return;
	}
	offer_names(s, prefix, fn, ctx);
	if (w.arg >= 2 && !w.after_eq && !strcmp(w.cmd, "sgd"))
		offer(sgd_options, prefix, fn, ctx);
	if (w.arg >= 2 && !w.after_eq && (!strcmp(w.cmd, "svd") || !strcmp(w.cmd, "explore")))
		offer(svd_options, prefix, fn, ctx);
}
