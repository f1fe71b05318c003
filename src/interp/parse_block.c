/* Blocks of statements: if, for, while, do ... until, switch, try, and
 * break, continue, return. A block is parsed whole into one statement whose
 * clauses hold the statements under it, so that a front end runs it as one
 * statement. Above each function is the rule it parses. */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "parser_impl.h"

const char *const lr_keywords[] = {
	"break", "case", "catch", "continue", "do", "else", "elseif", "end", "end_try_catch",
	"endfor", "endfunction", "endif", "endparfor", "endswitch", "endwhile", "for",
	"function", "if", "otherwise", "parfor", "return", "switch", "try", "until", "while",
	NULL
};

static int is_kw(const struct lr_token *t, const char *w)
{
	return t->kind == LR_TOK_IDENT && t->len == strlen(w) && !memcmp(t->text, w, t->len);
}

/* Keywords that end or divide a block: a body stops at them. */
static const char *const dividers[] = {
	"end", "endif", "endfor", "endparfor", "endwhile", "endswitch", "end_try_catch",
	"endfunction", "else", "elseif", "case", "otherwise", "catch", "until"
};

int lr_parse_at_divider(const struct lr_pctx *c)
{
	for (size_t i = 0; i < sizeof dividers / sizeof dividers[0]; i++)
		if (is_kw(&c->p->tok, dividers[i]))
			return 1;
	return 0;
}

static void skip_separators(struct lr_pctx *c)
{
	while (c->p->tok.kind == LR_TOK_NEWLINE || c->p->tok.kind == LR_TOK_SEMI ||
	       c->p->tok.kind == LR_TOK_COMMA)
		lr_parse_advance(c);
}

static int nomem(struct lr_pctx *c)
{
	lr_error_set(c->err, c->p->tok.pos, "out of memory");
	return -1;
}

/* A new clause at the end of st's, starting at pos with cond (taken). */
static struct lr_clause *add_clause(struct lr_pctx *c, struct lr_stmt *st, struct lr_pos pos,
                                    struct lr_node *cond)
{
	struct lr_clause *cl = lr_parse_grow(st->clauses, st->nclauses, sizeof *cl);

	if (!cl) {
		lr_node_destroy(cond);
		nomem(c);
		return NULL;
	}
	st->clauses = cl;
	cl = &st->clauses[st->nclauses++];
	memset(cl, 0, sizeof *cl);
	cl->pos = pos;
	cl->cond = cond;
	return cl;
}

/* The message for a block left open where its end should be. */
static int unclosed(struct lr_pctx *c, const struct lr_stmt *st, const char *ends)
{
	char what[160];
	static const char *const names[] = { "if", "for", "while", "do", "switch", "try" };
	const char *name = st->kind == LR_S_FUNCTION ? "function" : names[st->kind - LR_S_IF];

	snprintf(what, sizeof what, "%s to close the '%s' opened at %d:%d", ends,
	         st->kind == LR_S_FOR && c->p->lx.src[st->pos.offset] == 'p' ? "parfor" : name,
	         st->pos.line, st->pos.col);
	return lr_parse_expected(c, what);
}

/* 1 where a function of a function file without 'end' stops: the end of
 * the text or the next 'function'. */
static int file_function_ends(struct lr_pctx *c, const struct lr_stmt *st)
{
	return st->kind == LR_S_FUNCTION && c->p->fn_file &&
	       (c->p->tok.kind == LR_TOK_EOF || is_kw(&c->p->tok, "function"));
}

/* body := {stmt} up to a keyword that ends or divides the block */
static int body(struct lr_pctx *c, struct lr_stmt *st, struct lr_clause *cl, const char *ends)
{
	int rc;

	c->p->blocks++;
	rc = lr_parse_body(c, st, cl, ends);
	c->p->blocks--;
	return rc;
}

int lr_parse_body(struct lr_pctx *c, struct lr_stmt *st, struct lr_clause *cl,
                  const char *ends)
{
	for (;;) {
		struct lr_stmt *k, **b;
		skip_separators(c);
		if (file_function_ends(c, st))
			return 0;
		if (c->p->tok.kind == LR_TOK_EOF || lr_parse_at_divider(c))
			return c->p->tok.kind == LR_TOK_EOF ? unclosed(c, st, ends) : 0;
		if (lr_parse_stmt(c, &k) < 0)
			return -1;
		b = lr_parse_grow(cl->body, cl->nbody, sizeof *b);
		if (!b) {
			lr_stmt_destroy(k);
			return nomem(c);
		}
		cl->body = b;
		cl->body[cl->nbody++] = k;
	}
}

/* end := 'end' | own, then the end of the statement */
static int close_block(struct lr_pctx *c, struct lr_stmt *st, const char *own)
{
	char ends[64];

	snprintf(ends, sizeof ends, "'end' or '%s'", own);
	if (!is_kw(&c->p->tok, "end") && !is_kw(&c->p->tok, own))
		return unclosed(c, st, ends);
	lr_parse_advance(c);
	return lr_parse_terminator(c, st);
}

/* A condition after a keyword, which may be followed by a separator. */
static struct lr_node *condition(struct lr_pctx *c)
{
	struct lr_node *e;

	lr_parse_advance(c);   /* the keyword */
	if (c->p->tok.kind == LR_TOK_NEWLINE || c->p->tok.kind == LR_TOK_EOF ||
	    c->p->tok.kind == LR_TOK_SEMI || c->p->tok.kind == LR_TOK_COMMA) {
		lr_parse_expected(c, "a condition");
		return NULL;
	}
	e = lr_parse_expr(c);
	return e;
}

/* if := 'if' expr body {'elseif' expr body} ['else' body] ('end' | 'endif') */
static int parse_if(struct lr_pctx *c, struct lr_stmt *st)
{
	st->kind = LR_S_IF;
	for (;;) {
		struct lr_pos pos = c->p->tok.pos;
		int is_else = is_kw(&c->p->tok, "else");
		struct lr_node *cond = is_else ? NULL : condition(c);
		struct lr_clause *cl;
		if (!is_else && !cond)
			return -1;
		if (is_else)
			lr_parse_advance(c);
		cl = add_clause(c, st, pos, cond);
		if (!cl || body(c, st, cl, "'end' or 'endif'") < 0)
			return -1;
		if (is_else || !(is_kw(&c->p->tok, "elseif") || is_kw(&c->p->tok, "else")))
			return close_block(c, st, "endif");
	}
}

/* A loop's body, with break and continue allowed in it. */
static int loop_body(struct lr_pctx *c, struct lr_stmt *st, struct lr_clause *cl,
                     const char *ends)
{
	int rc;

	c->p->loops++;
	rc = body(c, st, cl, ends);
	c->p->loops--;
	return rc;
}

/* for := ('for' | 'parfor') (NAME '=' expr | '(' NAME '=' expr ')') body
 *        ('end' | 'endfor') */
static int parse_for(struct lr_pctx *c, struct lr_stmt *st)
{
	int paren, par = c->p->tok.text[0] == 'p';
	struct lr_clause *cl;

	st->kind = LR_S_FOR;
	lr_parse_advance(c);
	paren = c->p->tok.kind == LR_TOK_LPAREN;
	if (paren)
		lr_parse_advance(c);
	if (c->p->tok.kind != LR_TOK_IDENT || lr_keyword_nesting(c->p->tok.text, c->p->tok.len))
		return lr_parse_expected(c, "the name of the loop variable");
	st->name = lr_strndup(c->p->tok.text, c->p->tok.len);
	st->name_pos = c->p->tok.pos;
	if (!st->name)
		return nomem(c);
	lr_parse_advance(c);
	if (c->p->tok.kind != LR_TOK_ASSIGN)
		return lr_parse_expected(c, "'=' after the loop variable");
	lr_parse_advance(c);
	st->expr = lr_parse_expr(c);
	if (!st->expr)
		return -1;
	if (paren) {
		if (c->p->tok.kind != LR_TOK_RPAREN)
			return lr_parse_expected(c, "')' after the loop's values");
		lr_parse_advance(c);
	}
	cl = add_clause(c, st, st->pos, NULL);
	if (!cl || loop_body(c, st, cl, par ? "'end' or 'endparfor'" : "'end' or 'endfor'") < 0)
		return -1;
	return close_block(c, st, par ? "endparfor" : "endfor");
}

/* while := 'while' expr body ('end' | 'endwhile') */
static int parse_while(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_node *cond;
	struct lr_clause *cl;

	st->kind = LR_S_WHILE;
	cond = condition(c);
	if (!cond)
		return -1;
	cl = add_clause(c, st, st->pos, cond);
	if (!cl || loop_body(c, st, cl, "'end' or 'endwhile'") < 0)
		return -1;
	return close_block(c, st, "endwhile");
}

/* do := 'do' body 'until' expr */
static int parse_do(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_clause *cl;

	st->kind = LR_S_DO;
	lr_parse_advance(c);
	cl = add_clause(c, st, st->pos, NULL);
	if (!cl || loop_body(c, st, cl, "'until'") < 0)
		return -1;
	if (!is_kw(&c->p->tok, "until"))
		return unclosed(c, st, "'until'");
	cl->pos = c->p->tok.pos;
	cl->cond = condition(c);
	if (!cl->cond)
		return -1;
	return lr_parse_terminator(c, st);
}

/* label := expr | '{' expr {',' expr} '}'   (a list: any of them matches) */
static struct lr_node *case_label(struct lr_pctx *c)
{
	struct lr_node *list;

	if (!lr_lex_brace(&c->p->tok) || c->p->tok.text[0] != '{')
		return lr_parse_expr(c);
	list = lr_calloc(1, sizeof *list);
	if (!list) {
		nomem(c);
		return NULL;
	}
	list->kind = LR_N_MATRIX;
	list->op = 1;   /* a list of labels, not a matrix */
	list->pos = c->p->tok.pos;
	lr_parse_advance(c);
	for (;;) {
		struct lr_node *e = lr_parse_expr(c), **k;
		if (!e)
			goto fail;
		k = lr_parse_grow(list->kids, list->nkids, sizeof *k);
		if (!k) {
			lr_node_destroy(e);
			nomem(c);
			goto fail;
		}
		list->kids = k;
		list->kids[list->nkids++] = e;
		if (c->p->tok.kind == LR_TOK_COMMA) {
			lr_parse_advance(c);
			continue;
		}
		if (lr_lex_brace(&c->p->tok) && c->p->tok.text[0] == '}')
			break;
		if (c->p->tok.kind == LR_TOK_SEMI && c->p->tok.text[0] == '\n')   /* in braces */
			lr_error_set(c->err, c->p->tok.pos, "expected ',' or '}' in the list of cases, "
			             "found the end of the line");
		else
			lr_parse_expected(c, "',' or '}' in the list of cases");
		goto fail;
	}
	list->end = c->p->tok.pos.offset + 1;
	lr_parse_advance(c);
	return list;
fail:
	lr_node_destroy(list);
	return NULL;
}

/* switch := 'switch' expr {'case' label body} ['otherwise' body]
 *           ('end' | 'endswitch') */
static int parse_switch(struct lr_pctx *c, struct lr_stmt *st)
{
	int other = 0;

	st->kind = LR_S_SWITCH;
	st->expr = condition(c);
	if (!st->expr)
		return -1;
	for (;;) {
		struct lr_pos pos = c->p->tok.pos;
		struct lr_node *label = NULL;
		struct lr_clause *cl;
		skip_separators(c);
		pos = c->p->tok.pos;
		if (is_kw(&c->p->tok, "case") && !other) {
			lr_parse_advance(c);
			label = case_label(c);
			if (!label)
				return -1;
		} else if (is_kw(&c->p->tok, "otherwise") && !other) {
			lr_parse_advance(c);
			other = 1;
		} else if (is_kw(&c->p->tok, "end") || is_kw(&c->p->tok, "endswitch")) {
			return close_block(c, st, "endswitch");
		} else {
			return unclosed(c, st, other ? "'end' or 'endswitch'"
			                             : "'case', 'otherwise' or 'end'");
		}
		cl = add_clause(c, st, pos, label);
		if (!cl || body(c, st, cl, "'end' or 'endswitch'") < 0)
			return -1;
	}
}

/* try := 'try' body ['catch' [NAME] body] ('end' | 'end_try_catch')
 * (the name only on the line of 'catch', as Octave reads it) */
static int parse_try(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_clause *cl;

	st->kind = LR_S_TRY;
	lr_parse_advance(c);
	cl = add_clause(c, st, st->pos, NULL);
	if (!cl || body(c, st, cl, "'catch' or 'end'") < 0)
		return -1;
	if (is_kw(&c->p->tok, "catch")) {
		struct lr_pos pos = c->p->tok.pos;
		lr_parse_advance(c);
		if (c->p->tok.kind == LR_TOK_IDENT && c->p->tok.pos.line == pos.line &&
		    !lr_parse_at_divider(c)) {
			st->name = lr_strndup(c->p->tok.text, c->p->tok.len);
			st->name_pos = c->p->tok.pos;
			if (!st->name)
				return nomem(c);
			lr_parse_advance(c);
		}
		cl = add_clause(c, st, pos, NULL);
		if (!cl || body(c, st, cl, "'end' or 'end_try_catch'") < 0)
			return -1;
	}
	return close_block(c, st, "end_try_catch");
}

/* jump := 'break' | 'continue' | 'return' */
static int parse_jump(struct lr_pctx *c, struct lr_stmt *st)
{
	const struct lr_token *t = &c->p->tok;

	st->kind = t->text[0] == 'b' ? LR_S_BREAK : t->text[0] == 'c' ? LR_S_CONTINUE
	                                                                : LR_S_RETURN;
	if (st->kind != LR_S_RETURN && c->p->loops == 0) {
		lr_error_set(c->err, t->pos, "%.*s must appear within a loop", (int)t->len, t->text);
		return -1;
	}
	lr_parse_advance(c);
	return lr_parse_terminator(c, st);
}

/* A keyword out of place: 'end' with no block open, 'else' outside an if, ... */
static int misplaced(struct lr_pctx *c)
{
	const struct lr_token *t = &c->p->tok;

	if (is_kw(t, "else") || is_kw(t, "elseif"))
		lr_error_set(c->err, t->pos, "'%.*s' outside an if block", (int)t->len, t->text);
	else if (is_kw(t, "case") || is_kw(t, "otherwise"))
		lr_error_set(c->err, t->pos, "'%.*s' outside a switch block", (int)t->len, t->text);
	else if (is_kw(t, "catch"))
		lr_error_set(c->err, t->pos, "'catch' outside a try block");
	else if (is_kw(t, "until"))
		lr_error_set(c->err, t->pos, "'until' outside a do block");
	else
		lr_error_set(c->err, t->pos, "'%.*s' without a block to close (if, for, while, "
		             "switch, try)", (int)t->len, t->text);
	return -1;
}

int lr_parse_stmt(struct lr_pctx *c, struct lr_stmt **out)
{
	static const struct {
		const char *kw;
		int (*parse)(struct lr_pctx *, struct lr_stmt *);
	} blocks[] = {
		{ "if", parse_if }, { "for", parse_for }, { "parfor", parse_for },
		{ "while", parse_while }, { "do", parse_do }, { "switch", parse_switch },
		{ "try", parse_try }, { "break", parse_jump }, { "continue", parse_jump },
		{ "return", parse_jump }, { "function", lr_parse_function },
	};
	struct lr_stmt *st;
	int rc = 1;

	*out = NULL;
	if (lr_parse_at_divider(c))
		return misplaced(c);
	st = lr_calloc(1, sizeof *st);
	if (!st)
		return nomem(c);
	st->pos = c->p->tok.pos;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (is_kw(&c->p->tok, blocks[i].kw)) {
			rc = lr_parse_enter(c) < 0 ? -1 : blocks[i].parse(c, st);
			c->p->depth -= rc >= 0;
			break;
		}
	if (rc == 1)
		rc = lr_parse_simple(c, st);
	if (rc < 0) {
		lr_stmt_destroy(st);
		return -1;
	}
	*out = st;
	return 0;
}
