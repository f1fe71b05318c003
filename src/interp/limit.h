/* Limits on what one statement may ask for, so that `zeros(1e9, 1e9)`, an
 * sgd of 1e12 epochs, 100,000 nested parentheses or an endless line are
 * refused at once instead of exhausting the machine. Each is shown and
 * changed with the `limit` command (`limit elements 1e9`); every refusal
 * ends with the same words, made here, saying how to raise it. */
#ifndef LR_LIMIT_H
#define LR_LIMIT_H

#include <stddef.h>

enum lr_limit_kind {
	LR_LIMIT_ELEMENTS,   /* elements of one matrix */
	LR_LIMIT_UPDATES,    /* epochs × observed entries × rank of one sgd */
	LR_LIMIT_PRODUCTS,   /* multiply-adds (m·k·n) of one matrix product */
	LR_LIMIT_LINE,       /* bytes of one statement's text, its continuation lines included */
	LR_LIMIT_DEPTH,      /* nesting of one expression: brackets, parentheses, prefix operators */
	LR_LIMIT_RECURSION,  /* user function calls nested in one another (Octave's
	                        max_recursion_depth) */
	LR_LIMIT_COUNT
};

/* The defaults. A statement may be 8 MiB long: parsing and evaluating one
 * takes up to about 140 bytes of memory a byte of text (measured: 10 MB of
 * "[1 1 1 ..." peaks at 1.4 GB, 10 MB of "1+1+..." at 1.5 GB), so the
 * worst stays near the 800 MB of the largest matrix; a 1000×1000 literal
 * with four decimals (7 MB) fits. 200 levels of nesting is far beyond
 * anything written by hand. */
#define LR_LIMIT_ELEMENTS_DEFAULT 1e8
#define LR_LIMIT_UPDATES_DEFAULT 1e10
/* rand(1e4) * rand(1e4) is 1e12 multiply-adds, about a minute here. */
#define LR_LIMIT_PRODUCTS_DEFAULT 1e12
#define LR_LIMIT_LINE_DEFAULT 8388608.0
#define LR_LIMIT_DEPTH_DEFAULT 200
#define LR_LIMIT_RECURSION_DEFAULT 256

/* The largest values `limit` accepts: sizes stay exact in a double; a
 * statement's columns fit an int (positions count them). Parsing and
 * evaluating an expression recurses once per level of nesting; measured
 * with ulimit -s, 1000 parentheses need 2 MB of stack (4 MB built with
 * AddressSanitizer) and 5000 transposes or && in a row 1.5-2 MB (8 MB):
 * half of that stays well inside the usual 8 MB. */
#define LR_LIMIT_ELEMENTS_MAX 1e15
#define LR_LIMIT_UPDATES_MAX 1e18
#define LR_LIMIT_PRODUCTS_MAX 1e18
#define LR_LIMIT_LINE_MAX 1073741824.0
#define LR_LIMIT_DEPTH_MAX 500
/* A call of a user function nests the evaluator a few levels deep in C:
 * measured, about 1.9 KB of stack a level (a recursive call inside an if,
 * a 2 MB stack overflows between 1000 and 1200 levels), so 1000 levels take
 * 2 MB, and stay inside 8 MB built with AddressSanitizer too. */
#define LR_LIMIT_RECURSION_MAX 1000

/* Transposes and && / || in a row nest the tree too (each evaluated by
 * recursion), but cost less stack a level: they may run this many times
 * the depth limit. */
#define LR_LIMIT_CHAIN_FACTOR 5

/* The word naming a limit in `limit WORD N` ("elements"), and its unit
 * ("elements", "updates", "bytes", "levels"). */
const char *lr_limit_name(enum lr_limit_kind k);
const char *lr_limit_unit(enum lr_limit_kind k);
/* The kind named by word, or LR_LIMIT_COUNT. */
enum lr_limit_kind lr_limit_find(const char *word);
double lr_limit_default(enum lr_limit_kind k);
double lr_limit_max(enum lr_limit_kind k);

/* Writes the refusal "WHAT, over the limit of L UNITS (raise it with
 * 'limit NAME N')" into msg (len bytes), WHAT being fmt and its
 * arguments: the one sentence every limit's refusal is made with. */
void lr_limit_msg(char *msg, size_t len, enum lr_limit_kind k, double limit,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same for the element limit now in force (lr_mat_max_elems). */
void lr_limit_elems_msg(char *msg, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
