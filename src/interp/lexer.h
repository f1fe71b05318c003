/* The lexer of the matrix language. It works on a whole source text and
 * hands out tokens one at a time, each with its position. Inside square
 * brackets it applies Octave's rules for whitespace: `[1 -2]` has two
 * elements, `[1 - 2]` one, and a newline is a row break; it inserts the
 * separators so the parser never looks at whitespace. */
#ifndef LR_LEXER_H
#define LR_LEXER_H

#include <stddef.h>

struct lr_pos {
	int line, col;       /* 1-based; col counts bytes */
	size_t offset;       /* byte offset into the source */
};

enum lr_tok {
	LR_TOK_EOF, LR_TOK_NEWLINE, LR_TOK_NUMBER, LR_TOK_IDENT, LR_TOK_STRING,
	LR_TOK_LPAREN, LR_TOK_RPAREN, LR_TOK_LBRACKET, LR_TOK_RBRACKET,
	LR_TOK_COMMA, LR_TOK_SEMI, LR_TOK_ASSIGN, LR_TOK_COLON,
	LR_TOK_PLUS, LR_TOK_MINUS, LR_TOK_STAR, LR_TOK_SLASH, LR_TOK_DOTSTAR,
	LR_TOK_DOTSLASH, LR_TOK_CARET, LR_TOK_DOTCARET, LR_TOK_TRANSPOSE,
	LR_TOK_DOTTRANSPOSE, LR_TOK_EQ, LR_TOK_NE, LR_TOK_LT, LR_TOK_LE,
	LR_TOK_GT, LR_TOK_GE, LR_TOK_AND, LR_TOK_OR, LR_TOK_ANDAND, LR_TOK_OROR,
	LR_TOK_NOT, LR_TOK_BACKSLASH, LR_TOK_DOTBACKSLASH,
	LR_TOK_OPASSIGN,     /* += -= *= /=, and ++ -- (len 2, text[1] == text[0],
	                        no right side): text[0] is the operator */
	LR_TOK_AT,           /* '@': a function handle follows */
	LR_TOK_LBRACE, LR_TOK_RBRACE,   /* a cell array's braces */
	LR_TOK_ERROR
};

struct lr_token {
	enum lr_tok kind;
	struct lr_pos pos;
	const char *text;    /* borrowed: points into the source */
	size_t len;
	double num;          /* LR_TOK_NUMBER */
	char *str;           /* LR_TOK_STRING: owned by the lexer until taken (escapes decoded) */
	size_t strlen;
	int space_before;    /* whitespace preceded the token */
	int imag;            /* LR_TOK_NUMBER written with i, j, I or J: imaginary */
};

/* Room for the deepest nesting `limit depth` allows (LR_LIMIT_DEPTH_MAX). */
#define LR_LEX_MAX_NEST 500

struct lr_lexer {
	const char *src;     /* borrowed */
	size_t len, i;
	int line;
	size_t line_start;
	char nest[LR_LEX_MAX_NEST];  /* '(', '[' or '{' for each open bracket ('@' for the
	                                '(' of @(...)) */
	int depth;
	int max_nest;        /* brackets allowed open at once (limit depth) */
	int prev;            /* kind of the previous token, for transpose and separators */
	int params_closed;   /* the last ')' closed the parameters of @(...) */
	int pending_comma;   /* a separator to hand out before the next token */
	int comment_depth;   /* block comments open (%{ ... %}) when the text ran out */
	int blocks;          /* blocks (if, for, while, do, switch, try) opened and not yet
	                        closed, counted by keyword at the start of a statement: only
	                        for telling whether a text is complete (the parser matches them) */
	char err[256];       /* message of the last LR_TOK_ERROR */
	struct lr_pos errpos;
};

/* A lexer over src (borrowed), its first line numbered first_line, with at
 * most max_nest brackets open at once (capped at LR_LEX_MAX_NEST). */
void lr_lex_init(struct lr_lexer *lx, const char *src, size_t len);
void lr_lex_init_at(struct lr_lexer *lx, const char *src, size_t len, int first_line,
                    int max_nest);
/* The next token; LR_TOK_ERROR with lx->err set on bad input. A string
 * token's str must be freed by the caller (lr_free). */
struct lr_token lr_lex_next(struct lr_lexer *lx);
/* A printable name of a token kind, e.g. "']'". */
const char *lr_tok_name(enum lr_tok k);

/* How a keyword at the start of a statement acts on the nesting of blocks:
 * 1 opens one (if, for, while, do, switch, try), -1 closes one (end, endif,
 * endfor, endwhile, endswitch, end_try_catch, until), 0 otherwise. */
int lr_keyword_nesting(const char *name, size_t len);
/* 1 if t is a '{' or a '}' (a cell array, or a switch's list of cases). */
int lr_lex_brace(const struct lr_token *t);

/* 1 if src ends inside an open bracket, a block comment, a continuation "..." or a
 * block (for ... without its end), so an interactive front end should read another
 * line. */
int lr_lex_incomplete(const char *src, size_t len);

/* The same question asked of a text read line by line, in time linear in
 * its length: each call lexes only what was added since the last. A text
 * whose lexing fails is complete (its error is reported when it runs). */
struct lr_lex_scan {
	struct lr_lexer lx;
	int failed;
};
void lr_lex_scan_init(struct lr_lex_scan *sc, int max_nest);
/* src: the whole text so far, ending just after a newline (or at the end
 * of the input); it may have moved since the last call, but what was
 * scanned must be unchanged. Returns 1 if the statement goes on. */
int lr_lex_scan_more(struct lr_lex_scan *sc, const char *src, size_t len);

#endif
