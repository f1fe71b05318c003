/* The limits' names, defaults, maxima and refusals; see limit.h. The
 * `limit` command itself is in commands.c, the checks next to the work
 * they guard. */
#include "limit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/matrix.h"
#include "lexer.h"

_Static_assert(LR_LIMIT_DEPTH_MAX <= LR_LEX_MAX_NEST, "the lexer must have room for limit depth");

static const struct {
	const char *name, *unit;
	double def, max;
} limits[LR_LIMIT_COUNT] = {
	[LR_LIMIT_ELEMENTS] = { "elements", "elements", LR_LIMIT_ELEMENTS_DEFAULT,
	                        LR_LIMIT_ELEMENTS_MAX },
	[LR_LIMIT_UPDATES] = { "updates", "updates", LR_LIMIT_UPDATES_DEFAULT,
	                       LR_LIMIT_UPDATES_MAX },
	[LR_LIMIT_PRODUCTS] = { "products", "multiply-adds", LR_LIMIT_PRODUCTS_DEFAULT,
	                        LR_LIMIT_PRODUCTS_MAX },
	[LR_LIMIT_LINE] = { "line", "bytes", LR_LIMIT_LINE_DEFAULT, LR_LIMIT_LINE_MAX },
	[LR_LIMIT_DEPTH] = { "depth", "levels", LR_LIMIT_DEPTH_DEFAULT, LR_LIMIT_DEPTH_MAX },
	[LR_LIMIT_RECURSION] = { "recursion", "levels", LR_LIMIT_RECURSION_DEFAULT,
	                         LR_LIMIT_RECURSION_MAX },
};

const char *lr_limit_name(enum lr_limit_kind k) { return limits[k].name; }
const char *lr_limit_unit(enum lr_limit_kind k) { return limits[k].unit; }
double lr_limit_default(enum lr_limit_kind k) { return limits[k].def; }
double lr_limit_max(enum lr_limit_kind k) { return limits[k].max; }

enum lr_limit_kind lr_limit_find(const char *word)
{
	for (int k = 0; k < LR_LIMIT_COUNT; k++)
		if (!strcmp(word, limits[k].name))
			return (enum lr_limit_kind)k;
	return LR_LIMIT_COUNT;
}

static void vmsg(char *msg, size_t len, enum lr_limit_kind k, double limit, const char *fmt,
                 va_list ap)
{
	int n = vsnprintf(msg, len, fmt, ap);

	if (n < 0 || (size_t)n >= len)
		return;
	snprintf(msg + n, len - (size_t)n, ", over the limit of %.15g %s (raise it with "
	         "'limit %s N')", limit, limits[k].unit, limits[k].name);
}

void lr_limit_msg(char *msg, size_t len, enum lr_limit_kind k, double limit,
                  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(msg, len, k, limit, fmt, ap);
	va_end(ap);
}

void lr_limit_elems_msg(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(msg, len, LR_LIMIT_ELEMENTS, (double)lr_mat_max_elems, fmt, ap);
	va_end(ap);
}
