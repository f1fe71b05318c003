/* Searching and editing text, as Octave's functions of char row vectors:
 * strrep, strfind, strcmpi, deblank, blanks, isspace. Students reach for
 * them when they build labels and tables in loops (tests/programs). The
 * cell-array forms of Octave (a cell of strings in, a cell out) do not
 * exist here. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "fn_args.h"

/* The refusals every fn_*.c writes, by short names. */
#define fail lr_fn_fail
#define nomem lr_fn_nomem

static int is_str(const struct lr_value *v)
{
	return v->kind == LR_VAL_STR;
}

/* Whether pattern p (np bytes) starts at s[i]. */
static int match_at(const char *s, size_t ns, size_t i, const char *p, size_t np)
{
	return np > 0 && i + np <= ns && !memcmp(s + i, p, np);
}

/* strrep(s, ptn, rep): every occurrence of ptn replaced. Occurrences may
 * overlap, and Octave then writes rep for each one while copying no text
 * twice: strrep('aaa', 'aa', 'b') is 'bb'. */
static int fn_strrep(struct lr_call *c)
{
	const struct lr_value *s = c->args[0], *p = c->args[1], *r = c->args[2];
	struct lr_buf b;
	size_t k = 0;

	for (int i = 0; i < 3; i++)
		if (!is_str(c->args[i]))
			return fail(c, i, "strrep: %s must be a string", i == 0 ? "S" : i == 1 ? "PTN" : "REP");
	lr_buf_init(&b);
	for (size_t j = 0; j < s->slen; j++) {
		if (!match_at(s->s, s->slen, j, p->s, p->slen))
			continue;
		if (j >= k)
			lr_buf_add(&b, s->s + k, j - k);
		lr_buf_add(&b, r->s, r->slen);
		k = j + p->slen;
	}
	if (k < s->slen)
		lr_buf_add(&b, s->s + k, s->slen - k);
	c->outs[0] = b.failed ? NULL : lr_value_str(b.data ? b.data : "", b.len);
	lr_buf_finish(&b);
	return c->outs[0] ? 0 : nomem(c, "strrep");
}

/* strfind(s, pattern): where each occurrence starts (overlapping ones too),
 * a row; none is Octave 7's [](0x0). */
static int fn_strfind(struct lr_call *c)
{
	const struct lr_value *s = c->args[0], *p = c->args[1];
	struct lr_matrix *m;
	size_t n = 0;

	if (!is_str(s))
		return fail(c, 0, "strfind: first argument must be a string");
	if (!is_str(p))
		return fail(c, 1, "strfind: PATTERN must be a string");
	for (size_t j = 0; j < s->slen; j++)
		n += match_at(s->s, s->slen, j, p->s, p->slen);
	m = lr_mat_create(n ? 1 : 0, n);
	if (!m)
		return nomem(c, "strfind");
	n = 0;
	for (size_t j = 0; j < s->slen; j++)
		if (match_at(s->s, s->slen, j, p->s, p->slen))
			m->data[n++] = (double)(j + 1);
	c->outs[0] = lr_value_mat(m);
	return c->outs[0] ? 0 : nomem(c, "strfind");
}


/* strcmpi(a, b): strcmp ignoring case; false for anything not a string. */
static int fn_strcmpi(struct lr_call *c)
{
	const struct lr_value *a = c->args[0], *b = c->args[1];
	int same = is_str(a) && is_str(b) && a->slen == b->slen;

	for (size_t i = 0; same && i < a->slen; i++)
		same = tolower((unsigned char)a->s[i]) == tolower((unsigned char)b->s[i]);
	return lr_fn_put_bool(c, "strcmpi", same);
}

/* deblank(s): s without trailing whitespace and NUL characters. */
static int fn_deblank(struct lr_call *c)
{
	const struct lr_value *s = c->args[0];
	size_t n;

	if (!is_str(s))
		return fail(c, 0, "deblank: S argument must be a string");
	n = s->slen;
	while (n > 0 && (isspace((unsigned char)s->s[n - 1]) || s->s[n - 1] == '\0'))
		n--;
	c->outs[0] = lr_value_str(s->s, n);
	return c->outs[0] ? 0 : nomem(c, "deblank");
}

/* blanks(n): a string of n spaces. */
static int fn_blanks(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	double n = v->kind == LR_VAL_MAT && !v->im && v->m->rows * v->m->cols == 1 ? v->m->data[0] : -1;
	char *sp;

	if (!(n >= 0 && n <= 1e9 && n == (double)(size_t)n))
		return fail(c, 0, "blanks: N must be a non-negative integer");
	sp = lr_malloc((size_t)n + 1);
	if (!sp)
		return nomem(c, "blanks");
	memset(sp, ' ', (size_t)n);
	c->outs[0] = lr_value_str(sp, (size_t)n);
	lr_free(sp);
	return c->outs[0] ? 0 : nomem(c, "blanks");
}

/* isspace(s): true at each whitespace character (space, \t, \n, \v, \f,
 * \r); a number is never one, so a matrix gives falses of its shape. */
static int fn_isspace(struct lr_call *c)
{
	const struct lr_value *v = c->args[0];
	size_t rows = is_str(v) ? (v->slen ? 1 : 0) : v->m->rows;
	size_t cols = is_str(v) ? v->slen : v->m->cols;
	struct lr_matrix *m = lr_mat_create(rows, cols);

	if (!m)
		return nomem(c, "isspace");
	for (size_t i = 0; i < rows * cols; i++)
		m->data[i] = is_str(v) && isspace((unsigned char)v->s[i]);
	c->outs[0] = lr_value_bool(m);
	return c->outs[0] ? 0 : nomem(c, "isspace");
}

static const struct lr_builtin entries[] = {
	{ "blanks", 1, 1, 1, fn_blanks, "blanks(n)", "a string of n spaces" },
	{ "deblank", 1, 1, 1, fn_deblank, "deblank(s)", "s without its trailing whitespace" },
	{ "isspace", 1, 1, 1, fn_isspace, "isspace(s)",
	  "true at each whitespace character of s (false for numbers)" },
	{ "strcmpi", 2, 2, 1, fn_strcmpi, "strcmpi(a, b)",
	  "true if a and b are the same string, ignoring case" },
	{ "strfind", 2, 2, 1, fn_strfind, "strfind(s, pattern)",
	  "where each occurrence of pattern in s starts" },
	{ "strrep", 3, 3, 1, fn_strrep, "strrep(s, ptn, rep)",
	  "s with every occurrence of ptn replaced by rep" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_text = LR_BUILTIN_GROUP(entries, "Searching and editing text");
