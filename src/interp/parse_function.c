/* Function definitions:
 *   function [a, b] = name(x, y) ... end
 * The definition becomes an lr_fndef (function.h) held by the statement;
 * running the statement defines the function. The definition keeps a copy
 * of the text it was parsed from, so that an error inside it, raised long
 * after the front end has let go of that text, can still quote its line. */
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "function.h"
#include "parser_impl.h"

static int is_kw(const struct lr_token *t, const char *w)
{
	return t->kind == LR_TOK_IDENT && t->len == strlen(w) && !memcmp(t->text, w, t->len);
}

static int nomem(struct lr_pctx *c)
{
	lr_error_set(c->err, c->p->tok.pos, "out of memory");
	return -1;
}

/* A name at the current token into the list *names (grown), then past it. */
static int take_name(struct lr_pctx *c, char ***names, size_t *n, const char *what)
{
	char **t, *name;

	if (c->p->tok.kind != LR_TOK_IDENT || lr_keyword_nesting(c->p->tok.text, c->p->tok.len))
		return lr_parse_expected(c, what);
	for (size_t i = 0; i < *n; i++)
		if (strlen((*names)[i]) == c->p->tok.len &&
		    !memcmp((*names)[i], c->p->tok.text, c->p->tok.len)) {
			lr_error_set(c->err, c->p->tok.pos, "'%s' is named twice", (*names)[i]);
			return -1;
		}
	t = lr_parse_grow(*names, *n, sizeof *t);
	if (!t)
		return nomem(c);
	*names = t;
	name = lr_strndup(c->p->tok.text, c->p->tok.len);
	if (!name)
		return nomem(c);
	(*names)[(*n)++] = name;
	lr_parse_advance(c);
	return 0;
}

/* outs := '[' [NAME {[','] NAME}] ']' */
static int out_list(struct lr_pctx *c, struct lr_fndef *f)
{
	lr_parse_advance(c);   /* '[' */
	while (c->p->tok.kind != LR_TOK_RBRACKET) {
		if (take_name(c, &f->outs, &f->nouts, "the name of an output or ']'") < 0)
			return -1;
		if (c->p->tok.kind == LR_TOK_COMMA)
			lr_parse_advance(c);
	}
	lr_parse_advance(c);
	if (c->p->tok.kind != LR_TOK_ASSIGN)
		return lr_parse_expected(c, "'=' after the outputs");
	lr_parse_advance(c);
	return 0;
}

/* params := '(' [NAME {',' NAME}] ')' */
static int param_list(struct lr_pctx *c, struct lr_fndef *f)
{
	lr_parse_advance(c);   /* '(' */
	if (c->p->tok.kind == LR_TOK_RPAREN) {
		lr_parse_advance(c);
		return 0;
	}
	for (;;) {
		if (take_name(c, &f->params, &f->nparams, "the name of an input") < 0)
			return -1;
		if (c->p->tok.kind == LR_TOK_RPAREN)
			break;
		if (c->p->tok.kind != LR_TOK_COMMA)
			return lr_parse_expected(c, "',' or ')' after an input");
		lr_parse_advance(c);
	}
	lr_parse_advance(c);
	return 0;
}

/* head := [outs | NAME '='] NAME [params] */
static int head(struct lr_pctx *c, struct lr_fndef *f)
{
	char **name = NULL;
	size_t n = 0;

	if (c->p->tok.kind == LR_TOK_LBRACKET && out_list(c, f) < 0)
		return -1;
	if (take_name(c, &name, &n, "the name of the function") < 0)
		return -1;
	if (!f->nouts && c->p->tok.kind == LR_TOK_ASSIGN) {   /* r = name */
		f->outs = name;
		f->nouts = 1;
		name = NULL;
		n = 0;
		lr_parse_advance(c);
		if (take_name(c, &name, &n, "the name of the function") < 0)
			return -1;
	}
	f->name = name[0];
	lr_free(name);
	if (c->p->tok.kind == LR_TOK_LPAREN)
		return param_list(c, f);
	return 0;
}

/* The comment block just under the function's first line (its help), its
 * '%' or '#' taken off each line. */
static char *help_text(const char *src, size_t len, size_t from)
{
	struct lr_buf b;
	char *text;

	while (from < len && src[from] != '\n')
		from++;
	lr_buf_init(&b);
	while (from < len) {
		size_t i = from + 1, e;
		while (i < len && (src[i] == ' ' || src[i] == '\t'))
			i++;
		if (i >= len || (src[i] != '%' && src[i] != '#'))
			break;
		while (i < len && (src[i] == '%' || src[i] == '#'))
			i++;   /* the blank after it stays, as Octave shows it */
		for (e = i; e < len && src[e] != '\n'; e++)
			;
		lr_buf_add(&b, src + i, e - i);
		lr_buf_putc(&b, '\n');
		from = e;
	}
	text = b.failed || !b.data ? NULL : lr_strndup(b.data, b.len);
	lr_buf_finish(&b);
	return text;
}

/* Moves the parsed body into f and keeps the text up to the end. */
static int finish(struct lr_pctx *c, struct lr_stmt *st, struct lr_fndef *f, size_t head_end)
{
	const char *src = c->p->lx.src;

	f->body = st->clauses[0].body;
	f->nbody = st->clauses[0].nbody;
	st->clauses[0].body = NULL;
	st->clauses[0].nbody = 0;
	f->srclen = c->last_end;
	f->src = lr_malloc(f->srclen + 1);   /* not strndup: the text may hold NUL bytes, and
	                                        an error's caret reads up to srclen */
	if (!f->src)
		return nomem(c);
	memcpy(f->src, src, f->srclen);
	f->src[f->srclen] = '\0';
	f->help = help_text(src, f->srclen, head_end);
	return 0;
}

/* function := 'function' head body ('end' | 'endfunction')
 * (in a function file the end may be the next 'function' or the text's) */
int lr_parse_function(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_fndef *f = lr_calloc(1, sizeof *f);
	struct lr_clause *cl;

	if (!f)
		return nomem(c);
	f->refs = 1;
	f->pos = c->p->tok.pos;
	st->kind = LR_S_FUNCTION;
	st->fn = f;
	if (c->p->blocks > 0) {
		lr_error_set(c->err, c->p->tok.pos, "a function cannot be defined inside a block "
		             "or another function");
		return -1;
	}
	lr_parse_advance(c);
	if (head(c, f) < 0)
		return -1;
	size_t head_end = c->last_end;
	cl = lr_parse_grow(NULL, 0, sizeof *cl);
	if (!cl)
		return nomem(c);
	memset(cl, 0, sizeof *cl);
	st->clauses = cl;
	st->nclauses = 1;
	c->p->blocks++;
	int rc = lr_parse_body(c, st, cl, "'end' or 'endfunction'");
	c->p->blocks--;
	if (rc < 0)
		return -1;
	if (is_kw(&c->p->tok, "end") || is_kw(&c->p->tok, "endfunction")) {
		lr_parse_advance(c);
		if (lr_parse_terminator(c, st) < 0)
			return -1;
	} else if (!(c->p->fn_file && (c->p->tok.kind == LR_TOK_EOF ||
	                               is_kw(&c->p->tok, "function")))) {
		return lr_parse_expected(c, "'end' or 'endfunction' to close the function");
	}
	return finish(c, st, f, head_end);
}
