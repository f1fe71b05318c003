/* A command is a row in a table: its word, what runs it, how Tab completes
 * its words and what `help` says of it (as tmux's cmd_entry, Lua's
 * luaL_Reg). The interpreter knows only that a statement is in command
 * syntax (a word and words after it); which commands exist is the list of
 * tables the session was given (lr_session_set_commands), so the layers
 * that hold commands sit above the interpreter and none below knows them. */
#ifndef LR_COMMAND_H
#define LR_COMMAND_H

#include <stddef.h>

struct lr_session;
struct lr_stmt;
struct lr_node;
struct lr_value;

/* Called for each completion word; the same shape as lr_session_complete's. */
typedef void (*lr_word_fn)(void *ctx, const char *word);

/* An option word `name=value` of a command, and the few values it takes
 * (NULL-terminated), or NULL when any expression will do. */
struct lr_option {
	const char *name;
	const char *const *values;
};

struct lr_command {
	const char *name;
	/* Runs `name words...`: 0, or -1 with the session's error set (lr_fail). */
	int (*run)(struct lr_session *s, const struct lr_stmt *st);
	/* The function form (`x = loss()`, `[U, V] = sgd(A, 2)`), or NULL when
	 * the word is only a command. Returns 1 when it ran (result 0 or -1 in
	 * *rc) and 0 when the call is not its own (svd(A) is the builtin's). */
	int (*call)(struct lr_session *s, const struct lr_node *n, int nargout,
	            struct lr_value **outs, int *rc);
	/* Tab completion of the first word after the command (NULL-terminated;
	 * only these are offered there), or NULL. */
	const char *const *args;
	/* Its name=value options, ended by a NULL name, or NULL: Tab offers
	 * "name=" from word first_option on (next to the names), and after
	 * "name=" the option's values when it has a list. */
	const struct lr_option *options;
	size_t first_option;
	/* Completion that needs more than a list (lesson names): offers words
	 * for argument arg (1 = the first) and returns 1 when only they may
	 * stand there, 0 to offer the names as well. arg1 is the first word when
	 * the cursor is past it. NULL for none. */
	int (*complete)(size_t arg, const char *arg1, const char *prefix, lr_word_fn fn,
	                void *ctx);
	/* Its forms in one line, for the man page (generated from the tables)
	 * and the command list: "sgd A k [options]". */
	const char *synopsis;
	/* What it does, in one line: "factorise A ~ U*V' ... by SGD". */
	const char *summary;
	/* The text `help NAME` prints (several commands may share one). */
	const char *help;
};

/* The command called name among those the session was given, or NULL. */
const struct lr_command *lr_session_command(const struct lr_session *s, const char *name);

/* Gives s its commands: tables, a NULL-terminated list of tables each ended
 * by an entry whose name is NULL (borrowed; static in practice). */
void lr_session_set_commands(struct lr_session *s, const struct lr_command *const *tables);

/* The command called name in tables (as above), or NULL. */
const struct lr_command *lr_command_find(const struct lr_command *const *tables,
                                         const char *name);

#endif
