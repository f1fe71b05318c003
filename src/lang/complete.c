/* Tab completion for the front ends: the words a statement may start with or
 * contain, matched by prefix. Declared in session.h. */
#include <string.h>
#include "builtins.h"
#include "session_impl.h"

/* Command words, checked against lr_is_command so that a command added by
 * the lesson or workspace files appears here when it exists and a name
 * that is not (yet) a command never does. */
static const char *const command_words[] = {
	"clear", "exit", "explore", "format", "help", "limit", "loss", "mask", "plot", "quit",
	"seed", "sgd", "svd", "unmask", "view", "who",
	"lesson", "lessons", "hint", "next", "skip", "reset", "check", "answer",
	"save", "load", "diary"
};

/* The option words of `sgd`, completed with their '=' so the value follows. */
static const char *const sgd_options[] = {
	"epochs=", "lr=", "seed=", "update=", "order=", "U=", "V="
};

static int starts(const char *word, const char *prefix, size_t n)
{
	return strncmp(word, prefix, n) == 0;
}

void lr_session_complete(const struct lr_session *s, const char *prefix,
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
	for (size_t i = 0; i < sizeof command_words / sizeof command_words[0]; i++)
		if (starts(command_words[i], prefix, n) && lr_is_command(command_words[i]))
			fn(ctx, command_words[i]);
	for (size_t i = 0; i < sizeof sgd_options / sizeof sgd_options[0]; i++)
		if (starts(sgd_options[i], prefix, n))
			fn(ctx, sgd_options[i]);
}
