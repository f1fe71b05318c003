/* The list of builtin function tables: the one place a new file of
 * functions is registered (see builtins.h). */
#include <string.h>
#include "builtins.h"

extern const struct lr_builtin_table lr_builtins_base;
extern const struct lr_builtin_table lr_builtins_linalg;
extern const struct lr_builtin_table lr_builtins_matfun;
extern const struct lr_builtin_table lr_builtins_elem;
extern const struct lr_builtin_table lr_builtins_reduce;
extern const struct lr_builtin_table lr_builtins_stats;
extern const struct lr_builtin_table lr_builtins_build;
extern const struct lr_builtin_table lr_builtins_pred;
extern const struct lr_builtin_table lr_builtins_logical, lr_builtins_string;
extern const struct lr_builtin_table lr_builtins_text, lr_builtins_subscripts;
extern const struct lr_builtin_table lr_builtins_deal;
extern const struct lr_builtin_table lr_builtins_complex;
extern const struct lr_builtin_table lr_builtins_types;

/* In the order 'help functions' shows the families. */
const struct lr_builtin_table *const lr_builtin_tables[] = {
	&lr_builtins_base,
	&lr_builtins_linalg,
	&lr_builtins_matfun,
	&lr_builtins_elem,
	&lr_builtins_reduce,
	&lr_builtins_stats,
	&lr_builtins_build,
	&lr_builtins_pred,
	&lr_builtins_logical,
	&lr_builtins_string,
	&lr_builtins_text,
	&lr_builtins_subscripts,
	&lr_builtins_deal,
	&lr_builtins_complex,
	&lr_builtins_types,
	NULL
};

static const struct lr_builtin *find_in(const struct lr_builtin_table *t, const char *name)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, t->entries[mid].name);
		if (!cmp)
			return &t->entries[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct lr_builtin *lr_builtin_find(const char *name)
{
	for (size_t i = 0; lr_builtin_tables[i]; i++) {
		const struct lr_builtin *b = find_in(lr_builtin_tables[i], name);
		if (b)
			return b;
	}
	return NULL;
}

/* A merge of the sorted tables: each step takes the smallest head. */
size_t lr_builtin_sorted(const struct lr_builtin **list, size_t max)
{
	size_t at[16] = { 0 }, count = 0;

	for (;;) {
		const struct lr_builtin *best = NULL;
		size_t bt = 0;
		for (size_t i = 0; lr_builtin_tables[i] && i < 16; i++) {
			const struct lr_builtin_table *t = lr_builtin_tables[i];
			if (at[i] < t->n && (!best || strcmp(t->entries[at[i]].name, best->name) < 0)) {
				best = &t->entries[at[i]];
				bt = i;
			}
		}
		if (!best)
			return count;
		at[bt]++;
		if (count < max)
			list[count] = best;
		count++;
	}
}
