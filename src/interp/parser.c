/* A recursive-descent parser for the language, with GNU Octave's operator
 * precedence (lowest first): || && | & comparisons : + - * / .* ./
 * unary + - ! then ^ .^ and the postfix transpose. Above each function is
 * the rule it parses. */
#include "parser_impl.h"

#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "builtins.h"
#include "fn_handle.h"
#include "function.h"
#include "limit.h"
#include "ops.h"

void lr_error_set(struct lr_error *e, struct lr_pos pos, const char *fmt, ...)
{
	va_list ap;

	e->pos = pos;
	lr_error_clear_where(e);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

/* Frees along the first child in a loop: a long chain like 1+2+3+... leans
 * left as deep as it is long, and recursion there could exhaust the stack. */
void lr_node_destroy(struct lr_node *n)
{
	while (n) {
		struct lr_node *first = n->nkids ? n->kids[0] : NULL;
		for (size_t i = 1; i < n->nkids; i++)
			lr_node_destroy(n->kids[i]);
		lr_free(n->kids);
		lr_free(n->row_len);
		lr_free(n->str);
		lr_anon_release(n->anon);
		lr_free(n);
		n = first;
	}
}

void lr_stmt_destroy(struct lr_stmt *s)
{
	if (!s)
		return;
	lr_free(s->name);
	lr_node_destroy(s->index);
	lr_node_destroy(s->expr);
	lr_node_destroy(s->targets);
	for (size_t i = 0; i < s->nwords; i++)
		lr_free(s->words[i].text);
	lr_free(s->words);
	for (size_t i = 0; i < s->nclauses; i++) {
		lr_node_destroy(s->clauses[i].cond);
		for (size_t j = 0; j < s->clauses[i].nbody; j++)
			lr_stmt_destroy(s->clauses[i].body[j]);
		lr_free(s->clauses[i].body);
	}
	lr_free(s->clauses);
	lr_fndef_release(s->fn);
	lr_free(s);
}

void lr_parse_advance(struct lr_pctx *c)
{
	struct lr_parser *p = c->p;

	c->last_end = p->tok.pos.offset + p->tok.len;
	lr_free(p->tok.str);
	p->tok = lr_lex_next(&p->lx);
}

static void advance(struct lr_pctx *c)
{
	lr_parse_advance(c);
}

void lr_parser_init_at(struct lr_parser *p, const char *src, size_t len,
                       int (*is_command)(const char *name), int first_line, int max_depth)
{
	lr_lex_init_at(&p->lx, src, len, first_line, max_depth);
	p->depth = 0;
	p->in_index = 0;
	p->loops = 0;
	p->blocks = 0;
	p->fn_file = 0;
	p->max_depth = p->lx.max_nest;
	p->is_command = is_command;
	p->commands = NULL;
	p->tok = lr_lex_next(&p->lx);
}

void lr_parser_set_commands(struct lr_parser *p, const struct lr_command *const *tables)
{
	p->commands = tables;
}

static int is_command_word(const struct lr_parser *p, const char *name)
{
	if (p->is_command)
		return p->is_command(name);
	return lr_command_find(p->commands, name) != NULL;
}

void lr_parser_init(struct lr_parser *p, const char *src, size_t len,
                    int (*is_command)(const char *name))
{
	lr_parser_init_at(p, src, len, is_command, 1, LR_LIMIT_DEPTH_DEFAULT);
}

void lr_parser_finish(struct lr_parser *p)
{
	lr_free(p->tok.str);
	p->tok.str = NULL;
}

/* Describes the current token for "found X" in messages. */
static void describe(const struct lr_token *t, char *buf, size_t n)
{
	if (t->kind == LR_TOK_NUMBER || t->kind == LR_TOK_IDENT)
		snprintf(buf, n, "'%.*s'", (int)(t->len > 40 ? 40 : t->len), t->text);
	else if (t->kind == LR_TOK_STRING)
		snprintf(buf, n, "a string");
	else if (t->kind == LR_TOK_COMMA && t->len == 0)
		snprintf(buf, n, "another element");
	else
		snprintf(buf, n, "%s", lr_tok_name(t->kind));
}

/* Where the current token is, for "found X": the end of the input is shown
 * just past the last text before it, not on an empty line after it. */
static struct lr_pos found_pos(const struct lr_pctx *c)
{
	const struct lr_lexer *lx = &c->p->lx;
	struct lr_pos p = c->p->tok.pos;
	size_t off = p.offset, start;

	if (c->p->tok.kind != LR_TOK_EOF)
		return p;
	while (off > 0 && strchr(" \t\r\n\f\v", lx->src[off - 1]))
		off--;
	/* counted back from the end, so a text that starts at a later line of
	 * its script (a block read from a stream) keeps its numbering */
	for (size_t i = off; i < p.offset; i++)
		p.line -= lx->src[i] == '\n';
	p.offset = off;
	start = off;
	while (start > 0 && lx->src[start - 1] != '\n')
		start--;
	p.col = (int)(off - start) + 1;
	return p;
}

int lr_parse_expected(struct lr_pctx *c, const char *what)
{
	char found[64];

	if (c->p->tok.kind == LR_TOK_ERROR) {
		lr_error_set(c->err, c->p->lx.errpos, "%s", c->p->lx.err);
		return -1;
	}
	describe(&c->p->tok, found, sizeof found);
	lr_error_set(c->err, found_pos(c), "expected %s, found %s", what, found);
	return -1;
}

/* The array p of n elements with room for one more: the capacity doubles
 * (4, 8, 16, ...), so a literal of a million elements is not copied a
 * million times. NULL when out of memory (p is then still valid). */
void *lr_parse_grow(void *p, size_t n, size_t size)
{
	if ((n > 0 && n < 4) || (n > 4 && (n & (n - 1))))
		return p;
	return lr_realloc(p, (n ? 2 * n : 4) * size);
}

#define grow lr_parse_grow
#define fail_expected lr_parse_expected

static struct lr_node *new_node(struct lr_pctx *c, enum lr_node_kind k, struct lr_pos pos)
{
	struct lr_node *n = lr_calloc(1, sizeof *n);

	if (!n)
		lr_error_set(c->err, pos, "out of memory");
	else {
		n->kind = k;
		n->pos = pos;
	}
	return n;
}

static int add_kid(struct lr_pctx *c, struct lr_node *n, struct lr_node *kid)
{
	struct lr_node **k = grow(n->kids, n->nkids, sizeof *k);

	if (!k) {
		lr_node_destroy(kid);
		lr_error_set(c->err, n->pos, "out of memory");
		return -1;
	}
	n->kids = k;
	n->kids[n->nkids++] = kid;
	return 0;
}

static struct lr_node *binary(struct lr_pctx *c, enum lr_node_kind k, int op,
                              struct lr_pos oppos, struct lr_node *l, struct lr_node *r)
{
	struct lr_node *n = new_node(c, k, l->pos);

	if (n)
		n->oppos = oppos;

	if (!n || add_kid(c, n, l) < 0) {
		if (!n)
			lr_node_destroy(l);
		lr_node_destroy(n);
		lr_node_destroy(r);
		return NULL;
	}
	n->op = op;
	if (add_kid(c, n, r) < 0) {
		lr_node_destroy(n);
		return NULL;
	}
	n->end = r->end;
	return n;
}

static struct lr_node *unary(struct lr_pctx *c);


/* Sets the error for passing limit depth at the current token. Kept out of
 * line: its message buffer must not weigh on the frames of the recursive
 * parse functions, which sets how deep the stack lets the limit go. */
static __attribute__((noinline)) void too_deep(struct lr_pctx *c, const char *what, int limit)
{
	char msg[sizeof c->err->msg];

	lr_limit_msg(msg, sizeof msg, LR_LIMIT_DEPTH, limit, "%s", what);
	lr_error_set(c->err, c->p->tok.pos, "%s", msg);
}

/* Transposes and && / || in a row: each nests the tree one level, but
 * costs the evaluator less stack than a parenthesis costs the parser. */
static int chain_max(const struct lr_pctx *c)
{
	return c->p->max_depth * LR_LIMIT_CHAIN_FACTOR;
}

int lr_parse_enter(struct lr_pctx *c)
{
	if (++c->p->depth > c->p->max_depth) {
		too_deep(c, "expression is nested too deeply", c->p->max_depth);
		c->p->depth--;
		return -1;
	}
	return 0;
}

static int enter(struct lr_pctx *c)
{
	return lr_parse_enter(c);
}

/* 1 if the token after the current one has kind k (one token of lookahead). */
static int next_is(struct lr_pctx *c, enum lr_tok k1, enum lr_tok k2)
{
	struct lr_lexer save = c->p->lx;
	struct lr_token t = lr_lex_next(&c->p->lx);
	int r = t.kind == k1 || t.kind == k2;

	lr_free(t.str);
	c->p->lx = save;
	return r;
}

/* args := '(' [arg {',' arg}] ')' ; arg := ':' | expr
 * (or between braces, for an element of a cell array: c{i, j}) */
static int call_args(struct lr_pctx *c, struct lr_node *call)
{
	enum lr_tok close = c->p->tok.kind == LR_TOK_LBRACE ? LR_TOK_RBRACE : LR_TOK_RPAREN;
	const char *closer = close == LR_TOK_RBRACE ? "}" : ")";

	struct lr_pos open = c->p->tok.pos;

	advance(c);
	c->p->in_index++;
	if (c->p->tok.kind == close)
		goto close;
	for (;;) {
		struct lr_node *a;
		if (c->p->tok.kind == LR_TOK_COLON && next_is(c, LR_TOK_COMMA, close)) {
			a = new_node(c, LR_N_COLON, c->p->tok.pos);
			if (a)
				a->end = c->p->tok.pos.offset + 1;
			advance(c);
		} else {
			a = lr_parse_expr(c);
		}
		if (!a || add_kid(c, call, a) < 0)
			goto fail;
		if (c->p->tok.kind == LR_TOK_COMMA) {
			advance(c);
			continue;
		}
		if (c->p->tok.kind == close)
			break;
		if (c->p->tok.kind == LR_TOK_EOF || c->p->tok.kind == LR_TOK_NEWLINE) {
			char found[64];
			describe(&c->p->tok, found, sizeof found);
			lr_error_set(c->err, found_pos(c),
			             "expected '%s' to close the '%s' opened at %d:%d, found %s", closer,
			             close == LR_TOK_RBRACE ? "{" : "(", open.line, open.col, found);
			goto fail;
		}
		fail_expected(c, close == LR_TOK_RBRACE ? "',' or '}' in the index"
		                                        : "',' or ')' in the argument list");
		goto fail;
	}
close:
	c->p->in_index--;
	call->end = c->p->tok.pos.offset + 1;
	advance(c);
	return 0;
fail:
	c->p->in_index--;
	return -1;
}

static int close_matrix(struct lr_pctx *c, struct lr_pos open, int cell)
{
	char what[96];

	snprintf(what, sizeof what, "'%s' to close the %s opened at %d:%d", cell ? "}" : "]",
	         cell ? "cell array" : "matrix", open.line, open.col);
	return fail_expected(c, what);
}

static int push_row(struct lr_pctx *c, struct lr_node *m, size_t count)
{
	size_t *r;

	if (count == 0)
		return 0;
	r = grow(m->row_len, m->nrows, sizeof *r);
	if (!r) {
		lr_error_set(c->err, m->pos, "out of memory");
		return -1;
	}
	m->row_len = r;
	m->row_len[m->nrows++] = count;
	return 0;
}

/* matrix := '[' [row {';' row}] ']' ; row := [elem {',' elem}]
 * (newlines are ';' and blanks ',' here: the lexer has put them in) */
static struct lr_node *matrix(struct lr_pctx *c)
{
	struct lr_pos open = c->p->tok.pos;
	int cell = c->p->tok.kind == LR_TOK_LBRACE;
	enum lr_tok close = cell ? LR_TOK_RBRACE : LR_TOK_RBRACKET;
	struct lr_node *m = new_node(c, cell ? LR_N_CELL : LR_N_MATRIX, open);
	size_t in_row = 0;

	if (!m)
		return NULL;
	advance(c);
	for (;;) {
		enum lr_tok k = c->p->tok.kind;
		if (k == close)
			break;
		if (k == LR_TOK_COMMA) {
			advance(c);
			continue;
		}
		if (k == LR_TOK_SEMI) {
			if (push_row(c, m, in_row) < 0)
				goto fail;
			in_row = 0;
			advance(c);
			continue;
		}
		if (k == LR_TOK_EOF || k == LR_TOK_NEWLINE || k == LR_TOK_RPAREN || k == LR_TOK_ERROR ||
		    k == (cell ? LR_TOK_RBRACKET : LR_TOK_RBRACE)) {
			close_matrix(c, open, cell);
			goto fail;
		}
		struct lr_node *e;
		if (!cell && k == LR_TOK_NOT && next_is(c, LR_TOK_COMMA, LR_TOK_RBRACKET)) {
			e = new_node(c, LR_N_TILDE, c->p->tok.pos);
			advance(c);
		} else {
			e = lr_parse_expr(c);
		}
		if (!e || add_kid(c, m, e) < 0)
			goto fail;
		in_row++;
		k = c->p->tok.kind;
		if (k != LR_TOK_COMMA && k != LR_TOK_SEMI && k != close) {
			close_matrix(c, open, cell);
			goto fail;
		}
	}
	if (push_row(c, m, in_row) < 0)
		goto fail;
	m->end = c->p->tok.pos.offset + 1;
	advance(c);
	return m;
fail:
	lr_node_destroy(m);
	return NULL;
}

/* primary := NUMBER | STRING | NAME [args] | NAME '{' args '}' | 'end' | '(' expr ')'
 *          | matrix | cell | handle */
static struct lr_node *primary(struct lr_pctx *c)
{
	struct lr_token *t = &c->p->tok;
	struct lr_node *n;

	switch (t->kind) {
	case LR_TOK_NUMBER:
		n = new_node(c, t->imag ? LR_N_IMAG : LR_N_NUM, t->pos);
		if (n) {
			n->num = t->num;
			n->end = t->pos.offset + t->len;
			advance(c);
		}
		return n;
	case LR_TOK_STRING:
		n = new_node(c, LR_N_STR, t->pos);
		if (n) {
			n->op = t->text[0] == '"';
			n->str = t->str;
			n->strlen = t->strlen;
			t->str = NULL;
			n->end = t->pos.offset + t->len;
			advance(c);
		}
		return n;
	case LR_TOK_IDENT:
		if (c->p->in_index && t->len == 3 && memcmp(t->text, "end", 3) == 0) {
			n = new_node(c, LR_N_END, t->pos);
			if (n) {
				n->end = t->pos.offset + 3;
				advance(c);
			}
			return n;
		}
		n = new_node(c, LR_N_IDENT, t->pos);
		if (!n)
			return NULL;
		n->str = lr_strndup(t->text, t->len);
		n->strlen = t->len;
		n->end = t->pos.offset + t->len;
		if (!n->str) {
			lr_error_set(c->err, t->pos, "out of memory");
			lr_node_destroy(n);
			return NULL;
		}
		advance(c);
		if (c->p->tok.kind == LR_TOK_LBRACE && !c->p->tok.space_before) {
			n->kind = LR_N_BRACE;   /* c{k}: an element of a cell array */
			if (call_args(c, n) < 0) {
				lr_node_destroy(n);
				return NULL;
			}
		} else if (c->p->tok.kind == LR_TOK_LPAREN) {
			n->kind = LR_N_CALL;
			if (call_args(c, n) < 0) {
				lr_node_destroy(n);
				return NULL;
			}
		}
		return n;
	case LR_TOK_LPAREN: {
		struct lr_pos open = t->pos;
		int saved = c->p->in_index;
		advance(c);
		c->p->in_index = 0;   /* 'end' inside plain parentheses is not an index */
		c->p->in_index = saved;
		n = lr_parse_expr(c);
		if (!n)
			return NULL;
		if (c->p->tok.kind != LR_TOK_RPAREN) {
			char what[64];
			snprintf(what, sizeof what, "')' to close the '(' opened at %d:%d",
			         open.line, open.col);
			fail_expected(c, what);
			lr_node_destroy(n);
			return NULL;
		}
		n->pos = open;
		n->parens++;
		n->end = c->p->tok.pos.offset + 1;
		advance(c);
		return n;
	}
	case LR_TOK_LBRACKET:
	case LR_TOK_LBRACE:
		return matrix(c);
	case LR_TOK_AT:
		return lr_parse_handle(c);
	default:
		fail_expected(c, "a value");
		return NULL;
	}
}

/* index := call args {args}: an index of a call's or an index's value, as
 * in size(A)(1) or A(2,:)(3) (the '(' right after the ')', as Octave reads it) */
static struct lr_node *chained(struct lr_pctx *c, struct lr_node *n)
{
	while (n && (n->kind == LR_N_CALL || n->kind == LR_N_INDEX || n->kind == LR_N_BRACE) &&
	       c->p->tok.kind == LR_TOK_LPAREN && !c->p->tok.space_before) {
		struct lr_node *x = new_node(c, LR_N_INDEX, n->pos);
		if (!x || add_kid(c, x, n) < 0) {
			if (!x)
				lr_node_destroy(n);
			lr_node_destroy(x);
			return NULL;
		}
		if (enter(c) < 0) {
			lr_node_destroy(x);
			return NULL;
		}
		int rc = call_args(c, x);
		c->p->depth--;
		if (rc < 0) {
			lr_node_destroy(x);
			return NULL;
		}
		n = x;
	}
	return n;
}

/* The transposes that follow n: n {"'" | ".'"} */
static struct lr_node *transposes(struct lr_pctx *c, struct lr_node *n)
{
	int chain = 0;

	while (n && (c->p->tok.kind == LR_TOK_TRANSPOSE || c->p->tok.kind == LR_TOK_DOTTRANSPOSE)) {
		/* each transpose nests a node, evaluated by recursion: bound the run */
		if (++chain > chain_max(c)) {
			too_deep(c, "too many transposes in a row", chain_max(c));
			lr_node_destroy(n);
			return NULL;
		}
		struct lr_node *t = new_node(c, LR_N_UNOP, n->pos);
		if (!t || add_kid(c, t, n) < 0) {
			if (!t)
				lr_node_destroy(n);
			lr_node_destroy(t);
			return NULL;
		}
		t->op = c->p->tok.kind == LR_TOK_DOTTRANSPOSE ? LR_OP_DOTTRANSPOSE : LR_OP_TRANSPOSE;
		t->end = c->p->tok.pos.offset + c->p->tok.len;
		advance(c);
		n = t;
	}
	return n;
}

/* postfix := index {"'" | ".'"} */
static struct lr_node *postfix(struct lr_pctx *c)
{
	return transposes(c, chained(c, primary(c)));
}

/* power := postfix {('^' | '.^') power_operand {"'" | ".'"}}
 * power_operand := ('-' | '+' | '!') power_operand | index
 * Left-associative, and a transpose after a power applies to the power, as
 * in Octave's grammar (x.^2' is (x.^2)', not x.^(2')). */
static struct lr_node *power_operand(struct lr_pctx *c);

static struct lr_node *power(struct lr_pctx *c)
{
	struct lr_node *l = postfix(c);

	while (l && (c->p->tok.kind == LR_TOK_CARET || c->p->tok.kind == LR_TOK_DOTCARET)) {
		int op = c->p->tok.kind == LR_TOK_CARET ? LR_OP_POW : LR_OP_EPOW;
		struct lr_pos oppos = c->p->tok.pos;
		advance(c);
		struct lr_node *r = power_operand(c);
		if (!r) {
			lr_node_destroy(l);
			return NULL;
		}
		l = transposes(c, binary(c, LR_N_BINOP, op, oppos, l, r));
	}
	return l;
}

static struct lr_node *prefix(struct lr_pctx *c, struct lr_node *(*operand)(struct lr_pctx *))
{
	struct lr_pos pos = c->p->tok.pos;
	enum lr_tok k = c->p->tok.kind;
	struct lr_node *a, *n;

	if (enter(c) < 0)
		return NULL;
	advance(c);
	a = operand(c);
	c->p->depth--;
	if (!a)
		return NULL;
	if (k == LR_TOK_PLUS) {
		a->pos = pos;
		return a;
	}
	n = new_node(c, LR_N_UNOP, pos);
	if (!n || add_kid(c, n, a) < 0) {
		if (!n)
			lr_node_destroy(a);
		lr_node_destroy(n);
		return NULL;
	}
	n->op = k == LR_TOK_MINUS ? LR_OP_NEG : LR_OP_NOT;
	n->end = a->end;
	return n;
}

static int is_prefix(enum lr_tok k)
{
	return k == LR_TOK_MINUS || k == LR_TOK_PLUS || k == LR_TOK_NOT;
}

static struct lr_node *power_operand(struct lr_pctx *c)
{
	if (is_prefix(c->p->tok.kind))
		return prefix(c, power_operand);
	return chained(c, primary(c));
}

/* unary := ('-' | '+' | '!') unary | power */
static struct lr_node *unary(struct lr_pctx *c)
{
	if (is_prefix(c->p->tok.kind))
		return prefix(c, unary);
	return power(c);
}

struct binop_level {
	enum lr_tok tok[6];
	int op[6];
	enum lr_node_kind kind;
};

/* level := next {OP next} for one precedence level, left-associative. */
static struct lr_node *level(struct lr_pctx *c, const struct binop_level *lv,
                             struct lr_node *(*next)(struct lr_pctx *))
{
	struct lr_node *l = next(c);
	int chain = 0;

	while (l) {
		int i, found = -1;
		for (i = 0; i < 6 && lv->tok[i]; i++)
			if (c->p->tok.kind == lv->tok[i])
				found = i;
		if (found < 0)
			break;
		/* && and || are evaluated by recursion down the chain: bound it. */
		if (lv->kind != LR_N_BINOP && ++chain > chain_max(c)) {
			too_deep(c, "too many && or || in one expression", chain_max(c));
			lr_node_destroy(l);
			return NULL;
		}
		struct lr_pos oppos = c->p->tok.pos;
		advance(c);
		struct lr_node *r = next(c);
		if (!r) {
			lr_node_destroy(l);
			return NULL;
		}
		l = binary(c, lv->kind, lv->op[found], oppos, l, r);
	}
	return l;
}

static const struct binop_level mul_level = {
	{ LR_TOK_STAR, LR_TOK_SLASH, LR_TOK_DOTSTAR, LR_TOK_DOTSLASH, LR_TOK_BACKSLASH,
	  LR_TOK_DOTBACKSLASH },
	{ LR_OP_MUL, LR_OP_DIV, LR_OP_EMUL, LR_OP_EDIV, LR_OP_LDIV, LR_OP_ELDIV }, LR_N_BINOP };
static const struct binop_level add_level = {
	{ LR_TOK_PLUS, LR_TOK_MINUS }, { LR_OP_ADD, LR_OP_SUB }, LR_N_BINOP };
static const struct binop_level cmp_level = {
	{ LR_TOK_LT, LR_TOK_LE, LR_TOK_GT, LR_TOK_GE, LR_TOK_EQ, LR_TOK_NE },
	{ LR_OP_LT, LR_OP_LE, LR_OP_GT, LR_OP_GE, LR_OP_EQ, LR_OP_NE }, LR_N_BINOP };
static const struct binop_level and_level = { { LR_TOK_AND }, { LR_OP_AND }, LR_N_BINOP };
static const struct binop_level or_level = { { LR_TOK_OR }, { LR_OP_OR }, LR_N_BINOP };
static const struct binop_level andand_level = { { LR_TOK_ANDAND }, { 0 }, LR_N_ANDAND };
static const struct binop_level oror_level = { { LR_TOK_OROR }, { 0 }, LR_N_OROR };

/* mul := unary {('*' | '/' | '.*' | './' | '\\' | '.\\') unary} */
static struct lr_node *mul(struct lr_pctx *c) { return level(c, &mul_level, unary); }
/* add := mul {('+' | '-') mul} */
static struct lr_node *add(struct lr_pctx *c) { return level(c, &add_level, mul); }

/* range := add [':' add [':' add]] */
static struct lr_node *range(struct lr_pctx *c)
{
	struct lr_node *a = add(c), *r;

	if (!a || c->p->tok.kind != LR_TOK_COLON)
		return a;
	r = new_node(c, LR_N_RANGE, a->pos);
	if (!r || add_kid(c, r, a) < 0) {
		if (!r)
			lr_node_destroy(a);
		lr_node_destroy(r);
		return NULL;
	}
	for (int i = 0; i < 2 && c->p->tok.kind == LR_TOK_COLON; i++) {
		advance(c);
		struct lr_node *b = add(c);
		if (!b || add_kid(c, r, b) < 0) {
			lr_node_destroy(r);
			return NULL;
		}
		r->end = b->end;
	}
	return r;
}

/* cmp := range {('<' | '<=' | '>' | '>=' | '==' | '~=') range} */
static struct lr_node *cmp(struct lr_pctx *c) { return level(c, &cmp_level, range); }
/* and := cmp {'&' cmp} */
static struct lr_node *and_(struct lr_pctx *c) { return level(c, &and_level, cmp); }
/* or := and {'|' and} */
static struct lr_node *or_(struct lr_pctx *c) { return level(c, &or_level, and_); }
/* andand := or {'&&' or} */
static struct lr_node *andand(struct lr_pctx *c) { return level(c, &andand_level, or_); }

/* expr := andand {'||' andand} */
struct lr_node *lr_parse_expr(struct lr_pctx *c)
{
	struct lr_node *n;

	if (enter(c) < 0)
		return NULL;
	n = level(c, &oror_level, andand);
	c->p->depth--;
	return n;
}

/* ---- statements ---- */

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Whether s starts with a binary operator and a blank: Octave's sign that a
 * name before it is a value (loss + 1, plot / 2), not a command's word. */
static int binary_then_space(const char *s, size_t n)
{
	static const char *const ops[] = { "==", "~=", "!=", "<=", ">=", "&&", "||", ".*", "./",
	                                   ".\\", ".^", "+", "-", "*", "/", "\\", "^", "<", ">",
	                                   "&", "|", ":" };

	for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		size_t len = strlen(ops[k]);
		if (len < n && !strncmp(s, ops[k], len))
			return s[len] == ' ' || s[len] == '\t';
	}
	return 0;
}

/* Whether NAME at the start of a statement is used with command syntax:
 * it is a command word and is neither called `name(` nor assigned `name =`. */
static int command_syntax(struct lr_pctx *c)
{
	const struct lr_token *t = &c->p->tok;
	const char *s = c->p->lx.src;
	size_t i = t->pos.offset + t->len, n = c->p->lx.len;
	char name[32];

	if (t->kind != LR_TOK_IDENT || (!c->p->is_command && !c->p->commands) ||
	    t->len >= sizeof name)
		return 0;
	memcpy(name, t->text, t->len);
	name[t->len] = '\0';
	if (!is_command_word(c->p, name))
		return 0;
	if (i < n && !is_space(s[i]) && !strchr(";,\n%#", s[i]))
		return 0;   /* loss(2), loss', loss+1: an expression */
	while (i < n && is_space(s[i]))
		i++;
	if (i < n && s[i] == '=' && !(i + 1 < n && s[i + 1] == '='))
		return 0;
	return !binary_then_space(s + i, n - i);
}

static int push_word(struct lr_pctx *c, struct lr_stmt *st, size_t from, size_t to,
                     struct lr_pos pos)
{
	struct lr_word *w = grow(st->words, st->nwords, sizeof *w);

	if (!w) {
		lr_error_set(c->err, pos, "out of memory");
		return -1;
	}
	st->words = w;
	w[st->nwords].text = lr_strndup(c->p->lx.src + from, to - from);
	w[st->nwords].pos = pos;
	if (!w[st->nwords].text) {
		lr_error_set(c->err, pos, "out of memory");
		return -1;
	}
	st->nwords++;
	return 0;
}

/* command := NAME {WORD}, where words are split at blanks outside brackets
 * and quotes, and the command ends at a newline, ';', ',' or a comment. The
 * text of the words is scanned here directly; each command interprets its
 * words itself. Returns the terminator's offset, or -1. */
static int command_words(struct lr_pctx *c, struct lr_stmt *st, size_t *stop)
{
	struct lr_lexer *lx = &c->p->lx;
	const char *s = lx->src;
	size_t i = lx->i, start = 0;
	int depth = 0, in_word = 0;
	struct lr_pos wpos = { 0, 0, 0 };

	for (;; i++) {
		char ch = i < lx->len ? s[i] : '\0';
		int end = i >= lx->len || (depth == 0 && (ch == '\n' || ch == ';' || ch == ',' ||
		                                         ch == '#' || ch == '%'));
		if (end || (depth == 0 && is_space(ch))) {
			if (in_word && push_word(c, st, start, i, wpos) < 0)
				return -1;
			in_word = 0;
			if (end)
				break;
			continue;
		}
		if (!in_word) {
			in_word = 1;
			start = i;
			wpos.line = lx->line;
			wpos.col = (int)(i - lx->line_start) + 1;
			wpos.offset = i;
		}
		if (ch == '[' || ch == '(')
			depth++;
		else if ((ch == ']' || ch == ')') && depth > 0)
			depth--;
		else if (ch == '\n') {   /* inside brackets: the word goes on */
			lx->line++;
			lx->line_start = i + 1;
		} else if ((ch == '\'' && (i == start || s[i - 1] == '[' || s[i - 1] == '(' ||
		                           s[i - 1] == ',' || is_space(s[i - 1]) || s[i - 1] == '='))
		           || ch == '"') {
			/* a quoted string inside a word: skip to its end */
			size_t j = i + 1;
			while (j < lx->len && s[j] != ch && s[j] != '\n')
				j++;
			if (j < lx->len && s[j] == ch)
				i = j;
		}
	}
	*stop = i;
	return 0;
}

static int parse_command(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_token *t = &c->p->tok;
	size_t stop;

	st->kind = LR_S_COMMAND;
	st->name = lr_strndup(t->text, t->len);
	st->name_pos = t->pos;
	if (!st->name) {
		lr_error_set(c->err, t->pos, "out of memory");
		return -1;
	}
	c->p->lx.i = t->pos.offset + t->len;
	if (command_words(c, st, &stop) < 0)
		return -1;
	/* Hand the rest of the text back to the lexer at the terminator. */
	c->p->lx.i = stop;
	c->p->lx.depth = 0;
	c->p->lx.prev = LR_TOK_NEWLINE;
	lr_free(t->str);
	c->p->tok = lr_lex_next(&c->p->lx);
	return 0;
}

/* Checks that an assignment's left side is NAME, NAME(args) or [names]. */
static int assign_target(struct lr_pctx *c, struct lr_stmt *st, struct lr_node *lhs)
{
	if ((lhs->kind == LR_N_IDENT || lhs->kind == LR_N_CALL || lhs->kind == LR_N_BRACE) &&
	    strchr(lhs->str, '.')) {
		lr_error_set(c->err, lhs->pos, "cannot assign to '%s': structures are not supported "
		             "(only the fields of a caught error can be read)", lhs->str);
		lr_node_destroy(lhs);
		return -1;
	}
	if (lhs->kind == LR_N_IDENT) {
		st->kind = LR_S_ASSIGN;
		st->name = lhs->str;
		st->name_pos = lhs->pos;
		lhs->str = NULL;
		lr_node_destroy(lhs);
	} else if (lhs->kind == LR_N_CALL || lhs->kind == LR_N_BRACE) {
		st->kind = LR_S_INDEX_ASSIGN;
		st->name = lr_strdup(lhs->str);
		st->name_pos = lhs->pos;
		st->index = lhs;
		if (!st->name) {
			lr_error_set(c->err, lhs->pos, "out of memory");
			return -1;
		}
	} else if (lhs->kind == LR_N_MATRIX && lhs->nrows == 1) {
		for (size_t i = 0; i < lhs->nkids; i++) {
			const struct lr_node *k = lhs->kids[i];
			if ((k->kind != LR_N_IDENT && k->kind != LR_N_TILDE && k->kind != LR_N_CALL) ||
			    (k->kind != LR_N_TILDE && strchr(k->str, '.'))) {
				lr_error_set(c->err, k->pos, "expected a variable name, an indexed "
				             "variable or '~' on the left of '='");
				lr_node_destroy(lhs);
				return -1;
			}
		}
		st->kind = LR_S_MULTI;
		st->targets = lhs;
	} else {
		lr_error_set(c->err, lhs->pos,
		             "cannot assign to this expression; expected a variable name on the left of '='");
		lr_node_destroy(lhs);
		return -1;
	}
	return 0;
}

static int assignment(struct lr_pctx *c, struct lr_stmt *st, struct lr_node *lhs)
{
	advance(c);   /* '=' */
	if (assign_target(c, st, lhs) < 0)
		return -1;
	st->expr = lr_parse_expr(c);
	return st->expr ? 0 : -1;
}

/* The right side of x++ and x--: the number 1 (the lexer sends `++` only
 * where the statement ends after it). */
static int increment(struct lr_pctx *c, struct lr_stmt *st, struct lr_node *lhs)
{
	struct lr_pos pos = c->p->tok.pos;

	advance(c);   /* '++' or '--' */
	if (assign_target(c, st, lhs) < 0)
		return -1;
	st->expr = new_node(c, LR_N_NUM, pos);
	if (!st->expr)
		return -1;
	st->expr->num = 1;
	st->expr->end = pos.offset + 2;
	return 0;
}

/* A statement that reads like a command, `name word`: a lone name followed
 * by a blank and another value. Command words were taken as commands before
 * this, so the name is not one. */
static int looks_like_command(const struct lr_parser *p, const struct lr_stmt *st)
{
	enum lr_tok k = p->tok.kind;

	return (p->is_command || p->commands) && st->kind == LR_S_EXPR && st->expr->kind == LR_N_IDENT &&
	       p->tok.space_before && (k == LR_TOK_IDENT || k == LR_TOK_NUMBER ||
	                               k == LR_TOK_STRING || k == LR_TOK_LBRACKET);
}

static void not_a_command(struct lr_error *err, const struct lr_node *name)
{
	static const char *const printers[] = { "disp", "display", "printf", "fprintf", "sprintf" };
	int fn = lr_builtin_find(name->str) != NULL;

	for (size_t i = 0; i < sizeof printers / sizeof printers[0]; i++)
		fn |= !strcmp(printers[i], name->str);
	if (fn)
		lr_error_set(err, name->pos, "%s is a function, not a command: call it as %s(...)",
		             name->str, name->str);
	else
		lr_error_set(err, name->pos,
		             "unknown command '%s'; 'help commands' lists the commands", name->str);
}

/* A copy of the tree n (for x(i) += e, which reads x(i) and assigns it). */
static struct lr_node *clone(struct lr_pctx *c, const struct lr_node *n)
{
	struct lr_node *k = new_node(c, n->kind, n->pos);

	if (!k)
		return NULL;
	*k = *n;
	k->anon = lr_anon_ref(n->anon);   /* the copy holds its own reference */
	k->kids = NULL;
	k->nkids = 0;
	k->str = n->str ? lr_strndup(n->str, n->strlen) : NULL;
	k->row_len = NULL;
	k->nrows = 0;
	if (n->row_len) {
		k->row_len = lr_mallocarray(n->nrows + 1, sizeof *k->row_len);
		if (k->row_len) {
			memcpy(k->row_len, n->row_len, n->nrows * sizeof *k->row_len);
			k->nrows = n->nrows;
		}
	}
	if ((n->str && !k->str) || (n->row_len && !k->row_len)) {
		lr_node_destroy(k);
		lr_error_set(c->err, n->pos, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n->nkids; i++) {
		struct lr_node *kid = clone(c, n->kids[i]);
		if (!kid || add_kid(c, k, kid) < 0) {
			lr_node_destroy(k);
			return NULL;
		}
	}
	return k;
}

/* lhs OP'=' expr, as Octave reads it: lhs = lhs OP (expr); lhs '++' and
 * lhs '--' as lhs += 1 and lhs -= 1. */
static int op_assignment(struct lr_pctx *c, struct lr_stmt *st, struct lr_node *lhs)
{
	static const char ops[] = "+-*/";
	static const int codes[] = { LR_OP_ADD, LR_OP_SUB, LR_OP_MUL, LR_OP_DIV };
	struct lr_pos oppos = c->p->tok.pos;
	int op = codes[strchr(ops, c->p->tok.text[0]) - ops];
	struct lr_node *left, *r;

	if (lhs->kind != LR_N_IDENT && lhs->kind != LR_N_CALL) {
		lr_error_set(c->err, lhs->pos, "cannot assign to this expression; expected a "
		             "variable name on the left of '%.2s'", c->p->tok.text);
		lr_node_destroy(lhs);
		return -1;
	}
	left = clone(c, lhs);
	if (!left) {   /* out of memory: lhs is still ours */
		lr_node_destroy(lhs);
		return -1;
	}
	int incr = c->p->tok.len == 2 && c->p->tok.text[1] == c->p->tok.text[0];
	if ((incr ? increment(c, st, lhs)
	                   : assignment(c, st, lhs)) < 0) {   /* takes lhs, reads the right side */
		lr_node_destroy(left);
		return -1;
	}
	r = binary(c, LR_N_BINOP, op, oppos, left, st->expr);
	st->expr = r;
	return r ? 0 : -1;
}

int lr_parse_simple(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_parser *p = c->p;

	st->pos = p->tok.pos;
	if (command_syntax(c)) {
		if (parse_command(c, st) < 0)
			return -1;
	} else {
		struct lr_node *e = lr_parse_expr(c);
		if (!e)
			return -1;
		if (p->tok.kind == LR_TOK_ASSIGN) {
			if (assignment(c, st, e) < 0)
				return -1;
		} else if (p->tok.kind == LR_TOK_OPASSIGN) {
			if (op_assignment(c, st, e) < 0)
				return -1;
		} else {
			st->kind = LR_S_EXPR;
			st->expr = e;
		}
	}
	return lr_parse_terminator(c, st);
}

int lr_parse_terminator(struct lr_pctx *c, struct lr_stmt *st)
{
	struct lr_parser *p = c->p;
	enum lr_tok k = p->tok.kind;

	st->end = c->last_end;
	if (k == LR_TOK_SEMI)
		st->quiet = 1;
	if (k == LR_TOK_SEMI || k == LR_TOK_COMMA || k == LR_TOK_NEWLINE)
		advance(c);
	else if (k != LR_TOK_EOF) {
		if (st->kind == LR_S_EXPR && looks_like_command(p, st)) {
			not_a_command(c->err, st->expr);
		} else if (k == LR_TOK_RPAREN || k == LR_TOK_RBRACKET || k == LR_TOK_RBRACE) {
			char found[64];
			describe(&p->tok, found, sizeof found);
			lr_error_set(c->err, p->tok.pos, "unmatched %s", found);
		} else {
			fail_expected(c, "an operator or the end of the statement");
		}
		return -1;
	}
	return 0;
}

/* program := {stmt}: one statement (a block is one) at a time */
int lr_parse_next(struct lr_parser *p, struct lr_stmt **out, struct lr_error *err)
{
	struct lr_pctx c = { p, err, 0 };

	*out = NULL;
	while (p->tok.kind == LR_TOK_NEWLINE || p->tok.kind == LR_TOK_SEMI ||
	       p->tok.kind == LR_TOK_COMMA)
		advance(&c);
	if (p->tok.kind == LR_TOK_EOF)
		return 0;
	p->depth = 0;
	p->in_index = 0;
	p->loops = 0;
	p->blocks = 0;
	return lr_parse_stmt(&c, out) < 0 ? -1 : 1;
}

void lr_parser_recover(struct lr_parser *p)
{
	struct lr_lexer *lx = &p->lx;

	/* Drop everything up to the end of the line where the error is (unless
	 * the parser already stands at that line's end). */
	if (p->tok.kind != LR_TOK_NEWLINE && p->tok.kind != LR_TOK_EOF)
		while (lx->i < lx->len && lx->src[lx->i] != '\n')
			lx->i++;
	lx->depth = 0;
	lx->prev = LR_TOK_NEWLINE;
	lr_free(p->tok.str);
	p->tok = lr_lex_next(lx);
	/* Inside a block, the rest of the block goes too, up to the end of the
	 * line of its 'end': its statements were never meant to run alone. */
	if (lx->blocks == 0)
		return;
	while (lx->blocks > 0 && p->tok.kind != LR_TOK_EOF) {
		lr_free(p->tok.str);
		p->tok = lr_lex_next(lx);
	}
	while (p->tok.kind != LR_TOK_NEWLINE && p->tok.kind != LR_TOK_EOF) {
		lr_free(p->tok.str);
		p->tok = lr_lex_next(lx);
	}
}
