/* Tab completion for the front ends: the words that may stand where the
 * cursor is, matched by prefix. The words before it choose the list: a
 * command's own words (its entry's args, options and complete: view names
 * after `view`, lesson names after `lesson`), an option's values after
 * `update=`, `order=`, `method=`, else names. Declared in session.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "builtins.h"
#include "function.h"
#include "parser.h"
#include "session_impl.h"

/* What the words before the cursor say about the one at it. */
struct where {
	char cmd[16];              /* the statement's command, or "" */
	size_t arg;                /* 0: the command word itself; 1: its first argument ... */
	char arg1[16];             /* the first argument when the cursor is past it, or "" */
	char option[16];           /* the name of that `name=` when the cursor follows it */
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
static void locate(const struct lr_session *s, const char *line, size_t start,
                   struct where *w)
{
	size_t b, i, e;

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
		if (!s || !lr_session_command(s, w->cmd))
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
	b = start - 1;
	while (b > 0 && (isalnum((unsigned char)line[b - 1]) || line[b - 1] == '_'))
		b--;
	if (start - 1 - b < sizeof w->option) {
		memcpy(w->option, line + b, start - 1 - b);
		w->option[start - 1 - b] = '\0';
	}
}

/* The option of c called name, or NULL. */
static const struct lr_option *option_of(const struct lr_command *c, const char *name)
{
	for (size_t i = 0; c && c->options && c->options[i].name; i++)
		if (!strcmp(c->options[i].name, name))
			return &c->options[i];
	return NULL;
}

/* The options of c as "name=", for the word at the cursor. */
static void offer_options(const struct lr_command *c, const char *prefix,
                          void (*fn)(void *ctx, const char *word), void *ctx)
{
	size_t n = strlen(prefix);

	for (size_t i = 0; c->options[i].name; i++) {
		char word[32];
		snprintf(word, sizeof word, "%s=", c->options[i].name);
		if (starts(word, prefix, n))
			fn(ctx, word);
	}
}

/* Variables, functions and commands. */
static void offer_names(const struct lr_session *s, const char *prefix,
                        void (*fn)(void *ctx, const char *word), void *ctx)
{
	size_t n = strlen(prefix);
	const struct lr_builtin *b[LR_MAX_BUILTINS];
	size_t nb = lr_builtin_sorted(b, LR_MAX_BUILTINS);

	for (size_t i = 0; s && i < s->nvars; i++)
		if (starts(s->vars[i].name, prefix, n))
			fn(ctx, s->vars[i].name);
	for (size_t i = 0; s && lr_fn_name_at(s, i); i++)   /* the user's functions */
		if (starts(lr_fn_name_at(s, i), prefix, n))
			fn(ctx, lr_fn_name_at(s, i));
	for (size_t i = 0; i < nb && i < LR_MAX_BUILTINS; i++)
		if (starts(b[i]->name, prefix, n))
			fn(ctx, b[i]->name);
	for (size_t i = 0; lr_printers[i].name; i++)   /* printf, disp, ...: not builtins */
		if (starts(lr_printers[i].name, prefix, n))
			fn(ctx, lr_printers[i].name);
	offer(lr_keywords, prefix, fn, ctx);
	for (size_t t = 0; s && s->commands && s->commands[t]; t++)
		for (const struct lr_command *c = s->commands[t]; c->name; c++)
			if (starts(c->name, prefix, n))
				fn(ctx, c->name);
}

void lr_session_complete(const struct lr_session *s, const char *line, size_t start,
                         const char *prefix, void (*fn)(void *ctx, const char *word),
                         void *ctx)
{
	struct where w;
	const struct lr_command *c;

	const struct lr_option *o;

	locate(s, line, start, &w);
	c = w.cmd[0] ? lr_session_command(s, w.cmd) : NULL;
	o = w.after_eq ? option_of(c, w.option) : NULL;
	if (o && o->values) {
		offer(o->values, prefix, fn, ctx);
		return;
	}
	if (c && !w.after_eq) {
		if (w.arg == 1 && c->args) {
			offer(c->args, prefix, fn, ctx);
			return;
		}
		if (c->complete && c->complete(w.arg, w.arg1, prefix, fn, ctx))
			return;
	}
	offer_names(s, prefix, fn, ctx);
	if (c && c->options && !w.after_eq && w.arg >= c->first_option)
		offer_options(c, prefix, fn, ctx);
}
