/* Parsing function handles: @name and @(params) expr, into LR_N_FHANDLE
 * and LR_N_ANON nodes (fn_handle.h holds what they make). */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "fn_handle.h"
#include "function.h"
#include "parser_impl.h"

static int add_name(char ***names, size_t *n, const char *name)
{
	char **t, *d;

	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*names)[i], name))
			return 0;
	t = lr_realloc(*names, (*n + 1) * sizeof *t);
	if (!t)
		return -1;
	*names = t;
	d = lr_strdup(name);
	if (!d)
		return -1;
	t[(*n)++] = d;
	return 0;
}

/* The free names of n into a: along the first kids in a loop (a long
 * chain of operators leans that way), the others by recursion. */
static int collect(struct lr_anon *a, const struct lr_node *n)
{
	for (; n; n = n->nkids ? n->kids[0] : NULL) {
		if ((n->kind == LR_N_IDENT || n->kind == LR_N_CALL || n->kind == LR_N_BRACE) &&
		    !lr_anon_param(a, n->str) &&
		    add_name(&a->names, &a->nnames, n->str) < 0)
			return -1;
		for (size_t i = 0; n->kind == LR_N_ANON && i < n->anon->nnames; i++)
			if (!lr_anon_param(a, n->anon->names[i]) &&
			    add_name(&a->names, &a->nnames, n->anon->names[i]) < 0)
				return -1;
		for (size_t i = 1; i < n->nkids; i++)
			if (collect(a, n->kids[i]) < 0)
				return -1;
	}
	return 0;
}

int lr_anon_collect(struct lr_anon *a)
{
	return collect(a, a->body);
}

/* params := '(' [NAME | '~' {',' NAME | '~'}] ')' */
static int params(struct lr_pctx *c, struct lr_anon *a)
{
	struct lr_token *t = &c->p->tok;

	lr_parse_advance(c);   /* the '(' */
	while (t->kind != LR_TOK_RPAREN) {
		char name[256];
		if (a->nparams > 0) {
			if (t->kind != LR_TOK_COMMA)
				return lr_parse_expected(c, "',' or ')' after a parameter");
			lr_parse_advance(c);
		}
		if (t->kind == LR_TOK_NOT) {
			snprintf(name, sizeof name, "~");
		} else if (t->kind == LR_TOK_IDENT && t->len < sizeof name) {
			snprintf(name, sizeof name, "%.*s", (int)t->len, t->text);
			if (!lr_fn_plain_name(name))
				return lr_parse_expected(c, "a parameter name");
			if (!strcmp(name, "varargin")) {
				lr_error_set(c->err, t->pos, "varargin needs cell arrays, which lowrank "
				             "does not have: name each parameter");
				return -1;
			}
			if (lr_anon_param(a, name)) {
				lr_error_set(c->err, t->pos, "parameter '%s' appears twice", name);
				return -1;
			}
		} else {
			return lr_parse_expected(c, "a parameter name");
		}
		char **p = lr_realloc(a->params, (a->nparams + 1) * sizeof *p);
		if (!p || !(p[a->nparams] = lr_strdup(name))) {
			if (p)
				a->params = p;
			lr_error_set(c->err, t->pos, "out of memory");
			return -1;
		}
		a->params = p;
		a->nparams++;
		lr_parse_advance(c);
	}
	lr_parse_advance(c);   /* the ')' */
	return 0;
}

/* Keeps the text the body's positions count in, to its line's end. */
static int keep_text(struct lr_pctx *c, struct lr_anon *a)
{
	const char *src = c->p->lx.src;
	size_t end = a->body->end, len = c->p->lx.len;

	while (end < len && src[end] != '\n')
		end++;
	a->text = lr_malloc(end + 1);
	if (!a->text)
		return -1;
	memcpy(a->text, src, end);
	a->text[end] = '\0';
	a->textlen = end;
	return 0;
}

static struct lr_node *anonymous(struct lr_pctx *c, struct lr_node *n)
{
	int saved = c->p->in_index;
	struct lr_anon *a = lr_calloc(1, sizeof *a);

	n->kind = LR_N_ANON;
	n->anon = a;
	if (!a) {
		lr_error_set(c->err, n->pos, "out of memory");
		goto fail;
	}
	a->refs = 1;
	if (params(c, a) < 0)
		goto fail;
	c->p->in_index = 0;   /* 'end' in the body belongs to the body's own indices */
	a->body = lr_parse_expr(c);
	c->p->in_index = saved;
	if (!a->body)
		goto fail;
	n->end = a->body->end;
	if (lr_anon_collect(a) < 0 || keep_text(c, a) < 0) {
		lr_error_set(c->err, n->pos, "out of memory");
		goto fail;
	}
	return n;
fail:
	lr_node_destroy(n);
	return NULL;
}

struct lr_node *lr_parse_handle(struct lr_pctx *c)
{
	struct lr_token *t = &c->p->tok;
	struct lr_node *n = lr_calloc(1, sizeof *n);

	if (!n) {
		lr_error_set(c->err, t->pos, "out of memory");
		return NULL;
	}
	n->pos = t->pos;
	lr_parse_advance(c);   /* the '@' */
	if (t->kind == LR_TOK_LPAREN)
		return anonymous(c, n);
	if (t->kind == LR_TOK_IDENT) {
		n->kind = LR_N_FHANDLE;
		n->str = lr_strndup(t->text, t->len);
		n->strlen = t->len;
		n->end = t->pos.offset + t->len;
		if (!n->str) {
			lr_error_set(c->err, t->pos, "out of memory");
		} else if (!lr_fn_plain_name(n->str)) {
			lr_error_set(c->err, t->pos, "expected a function's name after '@', found '%s'",
			             n->str);
		} else {
			lr_parse_advance(c);
			return n;
		}
		lr_node_destroy(n);
		return NULL;
	}
	if (t->kind == LR_TOK_EOF || t->kind == LR_TOK_NEWLINE)   /* nothing: point at '@' */
		lr_error_set(c->err, n->pos, "expected a function's name or '(' after '@'");
	else
		lr_parse_expected(c, "a function's name or '(' after '@'");
	lr_node_destroy(n);
	return NULL;
}
