/* class(x) and isa(x, name): the type of a value, as Octave names it.
 * Values here are double matrices and char strings (see value.h). */
#include <stdio.h>
#include <string.h>
#include "builtins.h"

/* Octave's class of v. */
static const char *class_of(const struct lr_value *v)
{
	return v->kind == LR_VAL_STR ? "char" : v->logical ? "logical" : "double";
}

static int put_text(struct lr_call *c, const char *s)
{
	c->outs[0] = lr_value_str(s, strlen(s));
	if (!c->outs[0]) {
		snprintf(c->msg, sizeof c->msg, "out of memory");
		return -1;
	}
	return 0;
}

static int fn_class(struct lr_call *c)
{
	return put_text(c, class_of(c->args[0]));
}

/* isa: the class itself, or one of the groups it belongs to, as Octave's
 * isa: "numeric" and "float" hold double; "char" is neither. */
static int fn_isa(struct lr_call *c)
{
	const struct lr_value *want = c->args[1];
	const char *cls = class_of(c->args[0]);
	int yes;

	if (want->kind != LR_VAL_STR) {
		snprintf(c->msg, sizeof c->msg, "isa: the class name must be a string");
		c->bad_arg = 1;
		return -1;
	}
	yes = !strcmp(want->s, cls) ||
	      (!strcmp(cls, "double") && (!strcmp(want->s, "numeric") || !strcmp(want->s, "float")));
	c->outs[0] = lr_value_scalar(yes);
	if (!c->outs[0]) {
		snprintf(c->msg, sizeof c->msg, "out of memory");
		return -1;
	}
	return 0;
}

static const struct lr_builtin table[] = {
	{ "class", 1, 1, 1, fn_class, "class(x)", "the type of x: 'double', 'logical' or 'char'" },
	{ "isa", 2, 2, 1, fn_isa, "isa(x, 'double'), isa(x, 'numeric')",
	  "1 if x is of that class or group (numeric, float)" },
};

const struct lr_builtin_table lr_builtins_types = LR_BUILTIN_TABLE(table);
