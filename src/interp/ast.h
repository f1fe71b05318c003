/* Syntax trees of the language. Every node and statement carries the
 * position of its first character (and the node the offset just past its
 * last), so that every error can point at the place. One owner: a statement
 * owns its nodes, a node its children; lr_stmt_destroy frees the lot. */
#ifndef LR_AST_H
#define LR_AST_H

#include <stddef.h>
#include "lexer.h"

/* Where a name's variable was found last time: its index among a session's
 * variables while their layout stays that of generation gen (0: never). */
struct lr_var_cache {
	size_t index;
	unsigned long gen;
};

enum lr_node_kind {
	LR_N_NUM, LR_N_STR, LR_N_IDENT,
	LR_N_COLON,     /* a lone ':' in an index */
	LR_N_END,       /* 'end' in an index */
	LR_N_TILDE,     /* '~' placeholder in [~, i] = ... */
	LR_N_BINOP,     /* op is an enum lr_binop */
	LR_N_UNOP,      /* op is an enum lr_unop */
	LR_N_ANDAND, LR_N_OROR,
	LR_N_RANGE,     /* kids: start, [step,] stop (nkids 2 or 3) */
	LR_N_MATRIX,    /* kids: elements row by row; row_len[r] elements in row r */
	LR_N_CALL,      /* name(kids...): a function call or an index */
	LR_N_IMAG,      /* an imaginary literal, 4i: num is its imaginary part */
	LR_N_INDEX,     /* kids[0](kids[1...]): an index of a value that is not a name,
	                   as in size(A)(1) or A(2,:)(3) */
	LR_N_ANON,      /* @(params) body: anon holds the definition (fn_handle.h) */
	LR_N_FHANDLE,   /* @name: str the name */
	LR_N_CELL,      /* {a, b; c, d}: kids and row_len as LR_N_MATRIX */
	LR_N_BRACE,     /* name{kids...}: an element of a cell array */
	LR_N_VALUE      /* a value made already (a handle's arguments): val, borrowed;
	                   never made by the parser */
};

struct lr_anon;
struct lr_value;

struct lr_node {
	enum lr_node_kind kind;
	struct lr_pos pos;
	size_t end;            /* byte offset just past the node's text */
	struct lr_pos oppos;   /* LR_N_BINOP and friends: where the operator is */
	int op;                /* LR_N_STR: 1 for a double-quoted literal */
	double num;
	char *str;             /* owned: LR_N_STR text, LR_N_IDENT/LR_N_CALL name */
	size_t strlen;
	struct lr_node **kids; /* owned */
	size_t nkids;
	size_t *row_len;       /* owned, LR_N_MATRIX */
	size_t nrows;
	struct lr_var_cache hint;  /* LR_N_IDENT, LR_N_CALL: where the variable was last
	                              found (lr_var_find), a cache running a statement updates */
	struct lr_anon *anon;  /* LR_N_ANON: one reference (lr_anon_release) */
	const struct lr_value *val;  /* LR_N_VALUE: borrowed */
	int parens;            /* how many parentheses enclosed it in the text, which an
	                          anonymous function's text shows again (func2str) */
};

struct lr_word {
	char *text;            /* owned */
	struct lr_pos pos;
};

enum lr_stmt_kind {
	LR_S_EXPR,             /* expr: shows and binds ans (unless a call gives nothing) */
	LR_S_ASSIGN,           /* name = expr */
	LR_S_INDEX_ASSIGN,     /* name(args) = expr; index holds the LR_N_CALL */
	LR_S_MULTI,            /* [a, ~, c] = call */
	LR_S_COMMAND,          /* word word word ... (command syntax) */
	/* Blocks (exec.c): each is one statement holding its bodies. */
	LR_S_IF,               /* clauses: if/elseif with cond, else with cond NULL */
	LR_S_FOR,              /* name = expr; clauses[0] the body */
	LR_S_WHILE,            /* clauses[0]: cond and body */
	LR_S_DO,               /* clauses[0]: the body, cond the until condition */
	LR_S_SWITCH,           /* expr the subject; clauses: case with cond, otherwise NULL */
	LR_S_TRY,              /* clauses[0] try body, clauses[1] catch body; name the catch
	                          variable or NULL */
	LR_S_BREAK, LR_S_CONTINUE, LR_S_RETURN,
	LR_S_FUNCTION          /* function definition; fn holds it (function.h) */
};

struct lr_stmt;
struct lr_fndef;

/* One arm of a block: a condition (or case label) and the statements under it. */
struct lr_clause {
	struct lr_pos pos;     /* the keyword that starts it */
	struct lr_node *cond;  /* owned, or NULL (else, otherwise, a loop body) */
	struct lr_stmt **body; /* owned */
	size_t nbody;
};

struct lr_stmt {
	enum lr_stmt_kind kind;
	struct lr_pos pos;
	int quiet;             /* ended with ';' */
	char *name;            /* owned: assignment target or command word */
	struct lr_pos name_pos;
	struct lr_node *index; /* owned: LR_S_INDEX_ASSIGN target */
	struct lr_node *expr;  /* owned: the value */
	struct lr_node *targets; /* owned: LR_S_MULTI, an LR_N_MATRIX of names and tildes */
	struct lr_word *words; /* owned: LR_S_COMMAND arguments */
	size_t nwords;
	struct lr_var_cache hint;  /* where the variable name was last found (lr_var_find) */
	struct lr_clause *clauses; /* owned: the arms of a block */
	size_t nclauses;
	size_t end;            /* byte offset just past the statement's text */
	struct lr_fndef *fn;   /* one reference (lr_fndef_release): LR_S_FUNCTION */
};

void lr_node_destroy(struct lr_node *n);
void lr_stmt_destroy(struct lr_stmt *s);

#endif
