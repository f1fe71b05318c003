/* The language's functions (zeros, ones, sum, norm, svd, ...). Each takes
 * evaluated arguments and fills its outputs; it never prints.
 *
 * Errors: the function writes a full sentence into msg (what was expected and
 * what was found, e.g. "norm: expected 'fro' or a number as argument 2, found
 * 'abc'") and sets bad_arg to the 0-based index of the argument at fault, or
 * -1 when the call as a whole is at fault; the evaluator adds the position. */
#ifndef LR_BUILTINS_H
#define LR_BUILTINS_H

#include "lowrank/rng.h"
#include "value.h"

#define LR_MAX_OUTS 4

/* The seed a session's generator starts from, which rng('default') restores. */
#define LR_SEED_DEFAULT 42

struct lr_call {
	struct lr_rng *rng;                   /* borrowed: the session's generator */
	int nargin;
	const struct lr_value *const *args;   /* borrowed */
	int nargout;                          /* outputs wanted (at least 1) */
	struct lr_value *outs[LR_MAX_OUTS];   /* filled by the function; the caller owns them */
	char msg[256];
	int bad_arg;
	char warning[128];                    /* set on success: shown as "warning: ..." */
};

/* Returns 0 on success (outs[0..max(nargout,1)-1] set), -1 on error. */
typedef int (*lr_builtin_fn)(struct lr_call *c);

struct lr_builtin {
	const char *name;
	int min_in, max_in;    /* argument counts accepted */
	int max_out;           /* outputs it can give */
	lr_builtin_fn fn;
	const char *usage;     /* "zeros(n), zeros(m, n)" */
	const char *summary;   /* one line for help */
};

/* One file's functions, as Lua's luaL_Reg arrays: a file of functions
 * (builtins.c, fn_NAME.c) keeps a static array of entries sorted by name and
 * exports it as
 *     const struct lr_builtin_table lr_builtins_NAME = LR_BUILTIN_TABLE(table);
 * then builtin_tables.c lists it (one line) and src/interp/meson.build's
 * builtin_src names the file. Each entry also needs a mention in README.md;
 * its man page line is generated (suite help_sync checks both:
 * tests/lang/test_help_sync.c). */
struct lr_builtin_table {
	const struct lr_builtin *entries;
	size_t n;
	const char *title;     /* the family, a heading of 'help functions' ("Elementwise") */
};
#define LR_BUILTIN_TABLE(array) { (array), sizeof (array) / sizeof (array)[0], NULL }
#define LR_BUILTIN_GROUP(array, title) { (array), sizeof (array) / sizeof (array)[0], (title) }

/* The most functions a listing holds (help, completion); a unit test
 * (lang_builtins table_sorted) fails before the count passes it. */
#define LR_MAX_BUILTINS 1024

/* Every table, ended by NULL (builtin_tables.c). */
extern const struct lr_builtin_table *const lr_builtin_tables[];

/* The sizes of f(), f(n), f(m, n) and f([m n]) as zeros takes them; -1 with
 * c's error set (naming function name) if they are not sizes. */
int lr_builtin_dims(struct lr_call *c, const char *name, size_t *rows, size_t *cols);

/* After function name ran: marks its outputs logical where Octave's are
 * (the is* predicates; the functions that rearrange their argument keep a
 * logical one logical, so fliplr(mask) stays a mask). fn_logical.c. */
void lr_logical_class(const char *name, struct lr_call *c);

/* The function called name, or NULL. */
const struct lr_builtin *lr_builtin_find(const char *name);
/* Every function sorted by name: fills list with at most max of them and
 * returns how many there are (which may be more than max). */
size_t lr_builtin_sorted(const struct lr_builtin **list, size_t max);

#endif
