/* The functions of strings, as Octave's for char row vectors: char, double,
 * ischar, upper, lower, strcmp, strcat, num2str, int2str, mat2str. Only
 * strings of one row exist here, so a function whose Octave result would be
 * a char matrix of several rows (num2str of a matrix) says so. strsplit and
 * strjoin need cell arrays, which the language does not have. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "printf.h"

static int fail(struct lr_call *c, int arg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct lr_call *c, int arg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	c->bad_arg = arg;
	return -1;
}

static int nomem(struct lr_call *c, const char *name)
{
	return fail(c, -1, "%s: out of memory", name);
}

static size_t numel(const struct lr_matrix *m)
{
	return m->rows * m->cols;
}

/* Output 0 is the text in b (b is finished here). */
static int put_buf(struct lr_call *c, const char *name, struct lr_buf *b)
{
	c->outs[0] = b->failed ? NULL : lr_value_str(b->data ? b->data : "", b->len);
	lr_buf_finish(b);
	return c->outs[0] ? 0 : nomem(c, name);
}

static int put_bool(struct lr_call *c, const char *name, int t)
{
	struct lr_matrix *m = lr_mat_create(1, 1);

	if (!m)
		return nomem(c, name);
	m->data[0] = t != 0;
	c->outs[0] = lr_value_bool(m);
	return c->outs[0] ? 0 : nomem(c, name);
}

/* Argument i as a matrix (a string is refused, naming what was wanted). */
static const struct lr_matrix *arg_numeric(struct lr_call *c, const char *name, int i)
{
	if (c->args[i]->kind != LR_VAL_MAT) {
		fail(c, i, "%s: expected a numeric or logical matrix, found a string", name);
		return NULL;
	}
	return c->args[i]->m;
}

/* ---- Conversions: char double ischar ----------------------------------------- */

/* char(x): the characters of the codes x (rounded, as Octave's char), a
 * row; char of a string is the string. */
static int fn_char(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	const struct lr_matrix *m = v->m;
	struct lr_buf b;

	if (v->kind == LR_VAL_STR) {
		c->outs[0] = lr_value_copy(v);
		return c->outs[0] ? 0 : nomem(c, "char");
	}
	if (m->rows > 1 && m->cols > 0)
		return fail(c, 0, "char: a %zu×%zu matrix would make a char matrix of several rows; "
		            "only strings of one row are supported", m->rows, m->cols);
	lr_buf_init(&b);
	for (size_t i = 0; i < numel(m); i++) {
		double x = m->data[i];
		if (isnan(x)) {
			lr_buf_finish(&b);
			return fail(c, 0, "char: invalid conversion from NaN to character");
		}
		x = round(x);
		if (!(x >= 0 && x <= 255)) {
			lr_buf_finish(&b);
			return fail(c, 0, "char: a character code must be from 0 to 255, found %.15g",
			            m->data[i]);
		}
		lr_buf_putc(&b, (char)(unsigned char)x);
	}
	return put_buf(c, "char", &b);
}

/* double(x): a string's character codes, a logical's 0s and 1s as numbers. */
static int fn_double(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	struct lr_matrix *m;

	if (v->kind == LR_VAL_STR) {
		if (!(m = lr_mat_create(1, v->slen)))
			return nomem(c, "double");
		for (size_t i = 0; i < v->slen; i++)
			m->data[i] = (unsigned char)v->s[i];
	} else if (!(m = lr_mat_copy(v->m))) {
		return nomem(c, "double");
	}
	c->outs[0] = lr_value_mat(m);
	return c->outs[0] ? 0 : nomem(c, "double");
}

static int fn_ischar(struct lr_call *c)
{
	return put_bool(c, "ischar", c->args[0]->kind == LR_VAL_STR);
}

/* ---- Case, comparison, joining ------------------------------------------------ */

/* upper/lower change ASCII letters; a matrix comes back as it was. */
static int change_case(struct lr_call *c, const char *name, int (*f)(int))
{
	const struct lr_value *v = c->args[0];

	c->outs[0] = lr_value_copy(v);
	if (!c->outs[0])
		return nomem(c, name);
	for (size_t i = 0; v->kind == LR_VAL_STR && i < v->slen; i++) {
		unsigned char ch = (unsigned char)v->s[i];
		if (ch < 128)
			c->outs[0]->s[i] = (char)f(ch);
	}
	return 0;
}

static int fn_upper(struct lr_call *c) { return change_case(c, "upper", toupper); }
static int fn_lower(struct lr_call *c) { return change_case(c, "lower", tolower); }

/* strcmp(a, b): true if both are strings with the same characters; false
 * for anything else, as Octave's (no error for a number). */
static int fn_strcmp(struct lr_call *c)
{
	const struct lr_value *a = c->args[0], *b = c->args[1];

	return put_bool(c, "strcmp", a->kind == LR_VAL_STR && b->kind == LR_VAL_STR &&
	                a->slen == b->slen && !memcmp(a->s, b->s, a->slen));
}

/* strcat(s1, s2, ...): the strings joined, each without its trailing
 * whitespace (Octave's strcat of char arrays; [s1 s2] keeps it). */
static int fn_strcat(struct lr_call *c)
{
	struct lr_buf b;

	for (int i = 0; i < c->nargin; i++)
		if (c->args[i]->kind != LR_VAL_STR)
			return fail(c, i, "strcat: argument %d must be a string (Octave would make a "
			            "cell array, which this language does not have)", i + 1);
	lr_buf_init(&b);
	for (int i = 0; i < c->nargin; i++) {
		const struct lr_value *v = c->args[i];
		size_t n = v->slen;
		while (n > 0 && (isspace((unsigned char)v->s[n - 1]) || v->s[n - 1] == '\0'))
			n--;
		lr_buf_add(&b, v->s, n);
	}
	return put_buf(c, "strcat", &b);
}

static const struct lr_builtin entries[] = {
	{ "char", 1, 1, 1, fn_char, "char(x)",
	  "the string of character codes x (rounded), as char(72) is 'H'" },
	{ "double", 1, 1, 1, fn_double, "double(x)",
	  "x as numbers: a string's character codes, a logical's 0 and 1" },
	{ "ischar", 1, 1, 1, fn_ischar, "ischar(x)", "true if x is a string" },
	{ "lower", 1, 1, 1, fn_lower, "lower(s)", "s with its letters in lower case" },
	{ "strcat", 1, 64, 1, fn_strcat, "strcat(s1, s2, ...)",
	  "the strings joined, each without trailing whitespace" },
	{ "strcmp", 2, 2, 1, fn_strcmp, "strcmp(a, b)",
	  "true if a and b are the same string (false for anything not a string)" },
	{ "upper", 1, 1, 1, fn_upper, "upper(s)", "s with its letters in upper case" },
};

const struct lr_builtin_table lr_fn_string_table = {
	entries, sizeof entries / sizeof entries[0]
};
