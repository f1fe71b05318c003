/* The functions of strings, as Octave's for char row vectors: char, double,
 * ischar, upper, lower, strcmp, strcat, strtrim, num2str, int2str, mat2str. Only
 * strings of one row exist here, so a function whose Octave result would be
 * a char matrix of several rows (num2str of a matrix) says so. strsplit and
 * strjoin need cell arrays, which the language does not have. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "fn_args.h"
#include "lr_printf.h"

/* The refusal every fn_*.c writes, by builtins.c's short name. */
#define fail lr_fn_fail
#define nomem lr_fn_nomem

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
		unsigned char ch;
		char why[96];
		if (lr_char_code(m->data[i], 1, &ch, why, sizeof why) < 0) {
			lr_buf_finish(&b);
			return fail(c, 0, "char: %s", why);
		}
		lr_buf_putc(&b, (char)ch);
	}
	return put_buf(c, "char", &b);
}

/* double(x): a string's character codes, a logical's 0s and 1s as numbers. */
static int fn_double(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	struct lr_matrix *m;

	if (v->kind == LR_VAL_STR) {
		if (!(m = lr_mat_create(lr_value_str_rows(v), v->slen)))   /* '' is 0×0 */
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
	return lr_fn_put_bool(c, "ischar", c->args[0]->kind == LR_VAL_STR);
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

	return lr_fn_put_bool(c, "strcmp", a->kind == LR_VAL_STR && b->kind == LR_VAL_STR &&
	                a->slen == b->slen && !memcmp(a->s, b->s, a->slen));
}

/* strcat(s1, s2, ...): the strings joined, each without its trailing
 * spaces (Octave's strcat of char arrays; [s1 s2] keeps them). */
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
		while (n > 0 && v->s[n - 1] == ' ')   /* spaces only: Octave's cellstr keeps tabs */
			n--;
		lr_buf_add(&b, v->s, n);
	}
	if (put_buf(c, "strcat", &b) < 0)
		return -1;
	c->outs[0]->row = 1;   /* strcat('', '') is 1×0, as Octave's */
	return 0;
}

/* ---- Numbers as text: num2str int2str mat2str ---------------------------- */

/* Octave's strtrim of the printed rows: leading and trailing whitespace
 * off. The text of several rows would be a char matrix: refused. */
static int trimmed(struct lr_call *c, const char *name, struct lr_buf *text)
{
	const char *t = text->data ? text->data : "";
	size_t a = 0, b = text->len, rows = 0;
	struct lr_buf out;

	/* the rows are what lies between newlines, empty ones dropped */
	for (size_t i = 0; i < text->len; i++)
		if (t[i] != '\n' && (i == 0 || t[i - 1] == '\n'))
			rows++;
	if (rows > 1) {
		lr_buf_finish(text);
		return fail(c, -1, "%s: the text has %zu rows, a char matrix: only strings of one "
		            "row are supported (give a row vector or a format with one line)", name,
		            rows);
	}
	while (a < b && isspace((unsigned char)t[a]))
		a++;
	while (b > a && isspace((unsigned char)t[b - 1]))
		b--;
	lr_buf_init(&out);
	lr_buf_add(&out, t + a, b - a);
	lr_buf_finish(text);
	return put_buf(c, name, &out);
}

/* sprintf(fmt, x) as num2str and int2str do it: a format with one
 * conversion is repeated for each column, trailing blanks off, then a
 * newline; the text then trimmed. */
static int print_row(struct lr_call *c, const char *name, const char *fmt,
                     const struct lr_value *x)
{
	struct lr_buf f, text;
	size_t convs = 0, n = strlen(fmt);
	char msg[256];

	for (size_t i = 0; i < n; i++)
		if (fmt[i] == '%') {
			if (fmt[i + 1] == '%')
				i++;
			else
				convs++;
		}
	lr_buf_init(&f);
	if (convs > 1 || !strcmp(fmt, "%s") || !strcmp(fmt, "%c")) {
		lr_buf_puts(&f, fmt);
	} else {
		for (size_t j = 0; j < (x->m->cols ? x->m->cols : 1); j++)
			lr_buf_puts(&f, fmt);
		while (f.len > 0 && isspace((unsigned char)f.data[f.len - 1]))
			f.len--;
		lr_buf_putc(&f, '\n');
	}
	lr_buf_init(&text);
	msg[0] = '\0';
	if (f.failed || lr_format_printf_escapes(&text, f.data, f.len, 1, &x, 1, msg,
	                                         sizeof msg) < 0 || text.failed) {
		lr_buf_finish(&f);
		lr_buf_finish(&text);
		/* printf leaves msg empty when it ran out of memory */
		return msg[0] ? fail(c, 1, "%s: %s", name, msg) : nomem(c, name);
	}
	lr_buf_finish(&f);
	return trimmed(c, name, &text);
}

/* Octave's digits for the integer format: floor(log10(max |x|)) + 3 over
 * the finite entries (0 when there are none or all are 0), at least 5 when
 * some entry is NaN or Inf. */
static int int_digits(const struct lr_matrix *m, int *any_int_fail)
{
	double big = 0;
	int nonfinite = 0, d;

	*any_int_fail = 0;
	for (size_t i = 0; i < numel(m); i++) {
		double x = m->data[i];
		if (!isfinite(x)) {
			nonfinite = 1;
			continue;
		}
		if (fabs(x) > big)
			big = fabs(x);
		if (x != trunc(x))
			*any_int_fail = 1;
	}
	d = big > 0 ? (int)floor(log10(big)) : 0;
	if (d > 15)
		*any_int_fail = 1;
	if (*any_int_fail)
		return d;
	d += 3;
	return nonfinite && d < 5 ? 5 : d;
}

/* num2str(x), num2str(x, precision), num2str(x, format): Octave's num2str.m
 * for a row: integers as "%{d}.0f" (d from the largest), others "%{p+7}.{p}g"
 * with p significant digits (at least 5, at most 16), logicals "%3d". */
static int fn_num2str(struct lr_call *c)
{
	const struct lr_value *x = c->args[0];
	char fmt[64];
	int frac, d;

	if (x->kind == LR_VAL_STR)
		return (c->outs[0] = lr_value_copy(x)) ? 0 : nomem(c, "num2str");
	if (!numel(x->m))
		return (c->outs[0] = lr_value_str("", 0)) ? 0 : nomem(c, "num2str");
	if (c->nargin == 2) {
		const struct lr_value *a = c->args[1];
		if (a->kind == LR_VAL_STR) {
			if (memchr(a->s, '\0', a->slen))
				return fail(c, 1, "num2str: the format must not hold a NUL character");
			return print_row(c, "num2str", a->s, x);
		}
		if (!lr_value_is_scalar(a) || !(a->m->data[0] >= 0) || a->m->data[0] > 100 ||
		    a->m->data[0] != trunc(a->m->data[0]))
			return fail(c, 1, "num2str: PRECISION must be a scalar integer >= 0");
		if (x->logical)   /* not a float: "%{p}d", as num2str.m */
			snprintf(fmt, sizeof fmt, "%%%dd", (int)a->m->data[0]);
		else
			snprintf(fmt, sizeof fmt, "%%%d.%dg", (int)a->m->data[0] + 7, (int)a->m->data[0]);
	} else if (x->logical) {
		snprintf(fmt, sizeof fmt, "%%3d");
	} else {
		d = int_digits(x->m, &frac);
		if (frac) {
			d = d + 5 < 5 ? 5 : d + 5 > 16 ? 16 : d + 5;
			snprintf(fmt, sizeof fmt, "%%%d.%dg", d + 7, d);
		} else {
			snprintf(fmt, sizeof fmt, "%%%d.0f", d);
		}
	}
	return print_row(c, "num2str", fmt, x);
}

/* int2str(x): x rounded (halves away from zero), printed as num2str prints
 * integers. */
static int fn_int2str(struct lr_call *c)
{
	const struct lr_value *x = c->args[0];
	struct lr_value *r;
	char fmt[32];
	int frac, rc;

	if (x->kind == LR_VAL_STR)
		return (c->outs[0] = lr_value_copy(x)) ? 0 : nomem(c, "int2str");
	if (!numel(x->m))
		return (c->outs[0] = lr_value_str("", 0)) ? 0 : nomem(c, "int2str");
	if (!(r = lr_value_mat(lr_mat_copy(x->m))))
		return nomem(c, "int2str");
	for (size_t i = 0; i < numel(r->m); i++)
		r->m->data[i] = round(r->m->data[i]);
	int d = int_digits(r->m, &frac);
	if (frac)   /* past 1e15: Octave prints them whole all the same */
		d += 3;
	snprintf(fmt, sizeof fmt, "%%%d.0f", d);
	rc = print_row(c, "int2str", fmt, r);
	lr_value_destroy(r);
	return rc;
}

/* One element of mat2str: %.{prec}g, with NaN, Inf and -Inf as Octave
 * spells them; a logical as true or false. */
static void mat2str_elem(struct lr_buf *b, double x, int prec, int logical)
{
	if (logical)
		lr_buf_puts(b, x != 0 ? "true" : "false");
	else if (isnan(x))
		lr_buf_puts(b, "NaN");
	else if (isinf(x))
		lr_buf_puts(b, x < 0 ? "-Inf" : "Inf");
	else
		lr_buf_printf(b, "%.*g", prec, x);
}

/* mat2str(x), mat2str(x, n), mat2str(x, 'class'), mat2str(x, n, 'class'):
 * the text that, evaluated, gives x back: [1 2;3 4]; n significant digits
 * (15 by default). */
static int fn_mat2str(struct lr_call *c)
{
	const struct lr_matrix *m = arg_numeric(c, "mat2str", 0);
	int prec = 15, cls = 0;
	struct lr_buf b;

	if (!m)
		return -1;
	for (int i = 1; i < c->nargin; i++) {
		const struct lr_value *a = c->args[i];
		if (a->kind == LR_VAL_STR && a->slen == 5 && !memcmp(a->s, "class", 5)) {
			cls = 1;
		} else if (i == 1 && lr_value_is_scalar(a) && a->m->data[0] >= 1 &&
		           a->m->data[0] <= 100) {
			prec = (int)a->m->data[0];
		} else {
			return fail(c, i, "mat2str: expected a precision from 1 to 100 or 'class' as "
			            "argument %d", i + 1);
		}
	}
	lr_buf_init(&b);
	if (cls)
		lr_buf_puts(&b, c->args[0]->logical ? "logical(" : "double(");
	if (numel(m) != 1)
		lr_buf_putc(&b, '[');
	for (size_t i = 0; i < m->rows && m->cols; i++)
		for (size_t j = 0; j < m->cols; j++) {
			if (i + j > 0)
				lr_buf_putc(&b, j ? ' ' : ';');
			mat2str_elem(&b, LR_AT(m, i, j), prec, c->args[0]->logical);
		}
	if (numel(m) != 1)
		lr_buf_putc(&b, ']');
	if (cls)
		lr_buf_putc(&b, ')');
	return put_buf(c, "mat2str", &b);
}

/* strtrim(s): s without leading and trailing whitespace (Octave's isspace:
 * space, \t, \n, \v, \f, \r). */
static int fn_strtrim(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	size_t a = 0, b;

	if (v->kind != LR_VAL_STR)
		return fail(c, 0, "strtrim: S argument must be a string");
	b = v->slen;
	while (a < b && isspace((unsigned char)v->s[a]))
		a++;
	while (b > a && isspace((unsigned char)v->s[b - 1]))
		b--;
	c->outs[0] = lr_value_str(v->s + a, b - a);
	if (c->outs[0])
		c->outs[0]->dq = v->dq;
	return c->outs[0] ? 0 : nomem(c, "strtrim");
}

static const struct lr_builtin entries[] = {
	{ "char", 1, 1, 1, fn_char, "char(x)",
	  "the string of character codes x (rounded), as char(72) is 'H'" },
	{ "double", 1, 1, 1, fn_double, "double(x)",
	  "x as numbers: a string's character codes, a logical's 0 and 1" },
	{ "int2str", 1, 1, 1, fn_int2str, "int2str(x)",
	  "x rounded, as text: int2str(2.5) is '3'" },
	{ "ischar", 1, 1, 1, fn_ischar, "ischar(x)", "true if x is a string" },
	{ "lower", 1, 1, 1, fn_lower, "lower(s)", "s with its letters in lower case" },
	{ "mat2str", 1, 3, 1, fn_mat2str, "mat2str(x), mat2str(x, n), mat2str(x, 'class')",
	  "the text of x as a literal, [1 2;3 4], with n significant digits (15)" },
	{ "num2str", 1, 2, 1, fn_num2str, "num2str(x), num2str(x, prec), num2str(x, format)",
	  "a number or row as text, as Octave formats it: num2str(pi) is '3.1416'" },
	{ "strcat", 1, 64, 1, fn_strcat, "strcat(s1, s2, ...)",
	  "the strings joined, each without its trailing spaces" },
	{ "strcmp", 2, 2, 1, fn_strcmp, "strcmp(a, b)",
	  "true if a and b are the same string (false for anything not a string)" },
	{ "strtrim", 1, 1, 1, fn_strtrim, "strtrim(s)",
	  "s without leading and trailing whitespace" },
	{ "tolower", 1, 1, 1, fn_lower, "tolower(s)", "as lower(s)" },
	{ "toupper", 1, 1, 1, fn_upper, "toupper(s)", "as upper(s)" },
	{ "upper", 1, 1, 1, fn_upper, "upper(s)", "s with its letters in upper case" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_string = LR_BUILTIN_TABLE(entries);
