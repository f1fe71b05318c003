/* The inside of the parser, shared by parser.c (expressions and simple
 * statements) and parse_block.c (blocks: if, for, while, do, switch, try).
 * Not for other files. */
#ifndef LR_PARSER_IMPL_H
#define LR_PARSER_IMPL_H

#include "parser.h"

struct lr_pctx {
	struct lr_parser *p;
	struct lr_error *err;   /* borrowed: where a syntax error is described */
	size_t last_end;        /* offset just past the last token consumed */
};

/* Moves to the next token. */
void lr_parse_advance(struct lr_pctx *c);
/* expr := the whole expression grammar (parser.c); NULL on an error. */
struct lr_node *lr_parse_expr(struct lr_pctx *c);
/* Sets "expected WHAT, found X" at the current token; returns -1. */
int lr_parse_expected(struct lr_pctx *c, const char *what);
/* Counts one level of nesting against limit depth; -1 (error set) past it. */
int lr_parse_enter(struct lr_pctx *c);
/* The array p of n elements with room for one more (NULL when out of memory). */
void *lr_parse_grow(void *p, size_t n, size_t size);
/* simple := command | lhs '=' expr | lhs OP'=' expr | expr, then its end
 * (',' ';' a newline or the end of the text). st is filled. */
int lr_parse_simple(struct lr_pctx *c, struct lr_stmt *st);
/* Checks the end of a statement: ',' ';' (quiet) or a newline is taken, the
 * end of the text is left; anything else is an error (-1). */
int lr_parse_terminator(struct lr_pctx *c, struct lr_stmt *st);

/* stmt := block | simple (parse_block.c): the statement at the current
 * token, which is not a separator nor the end of the text. */
int lr_parse_stmt(struct lr_pctx *c, struct lr_stmt **out);
/* 1 if the current token is a keyword that only ends or divides a block
 * (end, else, case, catch, until, ...). */
int lr_parse_at_divider(const struct lr_pctx *c);

/* body := {stmt} up to a keyword that ends or divides the block st, into
 * cl; ends names what closes it (for the message when nothing does). */
int lr_parse_body(struct lr_pctx *c, struct lr_stmt *st, struct lr_clause *cl,
                  const char *ends);
/* handle := '@' NAME | '@' '(' [NAME {',' NAME}] ')' expr (parse_handle.c) */
struct lr_node *lr_parse_handle(struct lr_pctx *c);
/* function := 'function' ... (parse_function.c); st is filled. */
int lr_parse_function(struct lr_pctx *c, struct lr_stmt *st);

#endif
