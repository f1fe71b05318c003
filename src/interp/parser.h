/* The parser: reads one statement at a time from a source text, so a front
 * end can run each statement before the next is read and carry on past an
 * error (--keep-going) with lr_parser_recover. */
#ifndef LR_PARSER_H
#define LR_PARSER_H

#include "ast.h"
#include "command.h"
#include "lr_error.h"
#include "lexer.h"

struct lr_parser {
	struct lr_lexer lx;
	struct lr_token tok;    /* current token (its str owned by the parser) */
	int depth;              /* recursion depth of the expression being parsed */
	int max_depth;          /* the most it may reach (limit depth) */
	int in_index;           /* > 0 inside an index, where ':' and 'end' mean something */
	int loops;              /* loops open around the statement being parsed (break) */
	int blocks;             /* blocks open around it (a function may not be inside one) */
	int fn_file;            /* 1 for a function file: a function may end at the next
	                           'function' or the end of the text, without 'end' */
	int (*is_command)(const char *name);  /* command words, or NULL for none */
	const struct lr_command *const *commands;  /* or those of these tables
	                                              (borrowed, command.h) */
};

/* A parser over src (borrowed), with the default depth limit. */
void lr_parser_init(struct lr_parser *p, const char *src, size_t len,
                    int (*is_command)(const char *name));
/* The same for a piece of a longer text whose first line is numbered
 * first_line (positions count from there), nesting at most max_depth
 * levels (a session's limit depth, lr_session_limits). */
void lr_parser_init_at(struct lr_parser *p, const char *src, size_t len,
                       int (*is_command)(const char *name), int first_line, int max_depth);
void lr_parser_finish(struct lr_parser *p);
/* Takes the command words from tables (a session's, command.h) instead of
 * a predicate: for a layer that knows its session but not the front end's
 * lr_is_command. */
void lr_parser_set_commands(struct lr_parser *p, const struct lr_command *const *tables);

/* Parses the next statement. Returns 1 with *out set (caller owns it), 0 at
 * the end of the text, -1 on a syntax error with err filled. */
int lr_parse_next(struct lr_parser *p, struct lr_stmt **out, struct lr_error *err);

/* The keywords of blocks and jumps (if, for, end, break, ...), NULL-ended:
 * for Tab completion and help. */
extern const char *const lr_keywords[];

/* After an error: skips to the start of the next line outside brackets. */
void lr_parser_recover(struct lr_parser *p);

#endif
