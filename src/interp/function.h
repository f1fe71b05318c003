/* User functions: `function [a, b] = f(x, y) ... end` typed at the prompt,
 * defined in a script or read from a function file NAME.m / NAME.lr, and
 * calling them in a frame of their own (function.c, function_file.c). */
#ifndef LR_FUNCTION_H
#define LR_FUNCTION_H

#include <stddef.h>
#include "ast.h"

struct lr_session;
struct lr_value;

/* One definition. Shared by counting references: the statement that
 * defined it, the session's table and a call running it each hold one. */
struct lr_fndef {
	int refs;
	char *name;                   /* owned */
	struct lr_pos pos;            /* the keyword 'function' */
	char **params;                /* owned: the input names */
	size_t nparams;
	char **outs;                  /* owned: the output names */
	size_t nouts;
	struct lr_stmt **body;        /* owned */
	size_t nbody;
	char *help;                   /* owned: the comment block under the first line, or NULL */
	char *src;                    /* owned: the text positions count in (from its start) */
	size_t srclen;
	char *file;                   /* owned: the function file it came from, or NULL */
	struct lr_fndef **subs;       /* owned references: a function file's other functions */
	size_t nsubs;
	const struct lr_fndef *parent;  /* borrowed: the file's first function, for a
	                                   subfunction; NULL otherwise */
};

struct lr_fndef *lr_fndef_ref(struct lr_fndef *f);
/* Drops one reference; the last frees it. NULL is a no-op. */
void lr_fndef_release(struct lr_fndef *f);

/* Defines f in the session (taking a new reference), replacing a function
 * of that name, as Octave does at its prompt. -1 when out of memory. */
int lr_fn_define(struct lr_session *s, struct lr_fndef *f);
/* The function name calls from here: a subfunction of the running
 * function's file, one defined at the prompt or in a script, or a function
 * file on the search path (function_file.c); NULL if none. */
struct lr_fndef *lr_fn_find(struct lr_session *s, const char *name);
/* Calls f with the arguments of call (evaluated in the caller's frame) and
 * nargout outputs into outs. 0, or -1 with the error set (its place inside
 * f, and the "called from" lines). */
int lr_fn_call(struct lr_session *s, struct lr_fndef *f, const struct lr_node *call,
               int nargout, struct lr_value **outs);
/* The same with values already made (feval, a handle): args borrowed. */
int lr_fn_call_values(struct lr_session *s, struct lr_fndef *f, const struct lr_node *call,
                      const struct lr_value *const *args, size_t nargs, int nargout,
                      struct lr_value **outs);
/* 1 if name is an input or output of the running function (its use before
 * a value is Octave's "'x' undefined"). */
int lr_fn_local_name(const struct lr_session *s, const char *name);
/* help NAME for a user function (one defined at the prompt or in a
 * script; with files, a function file too): its comment block into out
 * (1), 0 when name is not one, -1 with the error set when it has no help. */
struct lr_buf;
int lr_fn_help(struct lr_session *s, const char *name, struct lr_pos at, int files,
               struct lr_buf *out);
/* Frees the session's functions (session destroy). */
void lr_fn_table_finish(struct lr_session *s);
/* Names of the session's functions, for completion: the i-th, or NULL. */
const char *lr_fn_name_at(const struct lr_session *s, size_t i);

/* Function files (function_file.c): the file NAME.m or NAME.lr in the
 * current folder or a folder of the path, read (again when it changed).
 * NULL if none; when the file has an error, NULL with the session's error
 * set and s->fn_failed 1. */
struct lr_fndef *lr_fn_file_find(struct lr_session *s, const char *name);
/* Parses text as a function file (its first function the entry, the
 * others its subfunctions): the entry, or NULL with err set. */
/* 1 if w is a name a function may have: letters, digits and _, not first
 * a digit, at most 200 bytes. */
int lr_fn_plain_name(const char *w);
/* Frees what function_file.c keeps (lr_fn_table_finish calls it). */
void lr_fn_files_finish(struct lr_session *s);
struct lr_error;
struct lr_fndef *lr_fn_file_parse(struct lr_session *s, const char *path, char *text,
                                  size_t len, struct lr_error *err);

#endif
