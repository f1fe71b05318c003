/* Function handles, as GNU Octave 7 has them: @name names a function (a
 * builtin, a user function or a function file), @(x, y) expr is an
 * anonymous function that captures, when it is made, the values of the
 * variables its body names. A handle never changes once made, so a value
 * holding one shares it by counting references (value.c). */
#ifndef LR_FN_HANDLE_H
#define LR_FN_HANDLE_H

#include <stddef.h>
#include "ast.h"

struct lr_session;
struct lr_val;
struct lr_value;
struct lr_fndef;
struct lr_buf;

/* An anonymous function's definition as the parser read it, shared by the
 * syntax tree and every handle made from it (a handle outlives the
 * statement that made it). */
struct lr_anon {
	int refs;
	char **params;          /* owned: the parameter names ("~" for one ignored) */
	size_t nparams;
	struct lr_node *body;   /* owned: the expression */
	char **names;           /* owned: the names the body reads that are not its
	                           parameters, the variables a handle may capture */
	size_t nnames;
	char *text;             /* owned: the source text up to the end of the line the
	                           definition ends on, which the body's positions count in */
	size_t textlen;
};

/* One handle. */
struct lr_fnh {
	int refs;
	void (*destroy)(struct lr_fnh *h);  /* frees it when the last reference goes (set
	                                       by fn_handle.c: value.c needs no more) */
	char *name;             /* owned: @name's function, or NULL for an anonymous one */
	struct lr_anon *anon;   /* one reference: the definition, or NULL for @name */
	char **cap_names;       /* owned: the captured variables, by name ... */
	struct lr_value **cap_vals;  /* ... and their values (owned) as they were */
	size_t ncap;
	struct lr_fndef *scope; /* one reference: the function whose frame made the handle
	                           (its subfunctions stay callable), or NULL at the top */
};

struct lr_anon *lr_anon_ref(struct lr_anon *a);
/* Drops a reference; the last frees it. NULL is a no-op. */
void lr_anon_release(struct lr_anon *a);
/* 1 if name is one of a's parameters. */
int lr_anon_param(const struct lr_anon *a, const char *name);
/* Fills a->names from a->body (parse_handle.c): -1 when out of memory. */
int lr_anon_collect(struct lr_anon *a);

struct lr_fnh *lr_fnh_ref(struct lr_fnh *h);
void lr_fnh_release(struct lr_fnh *h);
/* A value holding h (taking the reference); NULL when out of memory (h is
 * then released). */
struct lr_value *lr_value_fn(struct lr_fnh *h);

/* Evaluates an LR_N_ANON node (capturing the variables its body names
 * that exist now) or an LR_N_FHANDLE node into a new handle value. */
int lr_fnh_make(struct lr_session *s, const struct lr_node *n, struct lr_val *out);
/* The handle for text: "@(x) ..." or a function's name (str2func); -1 with
 * the error at pos. */
int lr_fnh_from_text(struct lr_session *s, const char *text, struct lr_pos pos,
                     struct lr_value **out);

/* Calls h with args (borrowed) and nargout outputs into outs. at is the
 * call's node, whose position errors name (and, when it has as many kids
 * as args, each argument's place). 0, or -1 with the error set. */
int lr_fnh_call(struct lr_session *s, struct lr_fnh *h, const struct lr_node *at,
                const struct lr_value *const *args, size_t nargs, int nargout,
                struct lr_value **outs);
/* call's arguments evaluated in the caller's frame, then lr_fnh_call. */
int lr_fnh_call_node(struct lr_session *s, struct lr_fnh *h, const struct lr_node *call,
                     int nargout, struct lr_value **outs);
/* f(args) as an expression: one value into out, an error when the call
 * gives none. */
int lr_fnh_index(struct lr_session *s, const struct lr_node *call, const struct lr_value *v,
                 struct lr_val *out);

/* The text Octave shows for h (func2str, display): "@(x) A * x", and for
 * @name "sin" when bare, "@sin" otherwise. */
void lr_fnh_text(const struct lr_fnh *h, int bare, struct lr_buf *out);
/* Shows name = h as Octave does: "f = @sin" on one line, an anonymous
 * function's text on a line of its own between blank lines. */
void lr_fnh_show(struct lr_buf *out, const char *name, const struct lr_fnh *h);
/* Expression n as Octave prints it again (unparse.c): operators spaced,
 * a call as "f (x)", the parentheses of the text kept; numbers as written
 * in src (which the positions count in). */
void lr_unparse(const struct lr_node *n, const char *src, size_t srclen, struct lr_buf *out);

/* A builtin given a handle or a cell array among its arguments (eval.c):
 * class, isa, size, numel, length, isempty and the is* predicates answer
 * as Octave; any other refuses, naming the argument. 1 when it handled the
 * call (*rc set), 0 when no argument is a handle or a cell. */
struct lr_builtin;
int lr_fnh_builtin(struct lr_session *s, const struct lr_builtin *b, const struct lr_node *n,
                   const struct lr_value *const *argv, int nargout, struct lr_value **outs,
                   int *rc);

/* Where a handle or a cell cannot go (a condition, a for, a case, a
 * matrix): when v holds one, drops it and fails with "WHAT cannot be a
 * function handle" (or "a cell array") at pos (-1); else 0. */
int lr_fnh_refuse(struct lr_session *s, struct lr_pos pos, struct lr_val *v, const char *what);

/* feval, func2str, str2func, is_function_handle, arrayfun (handle_fns.c):
 * 1 if n names one (it ran, with 0 or -1 in *rc). */
int lr_handle_function(struct lr_session *s, const struct lr_node *n, int nargout,
                       struct lr_value **outs, int *rc);

#endif
