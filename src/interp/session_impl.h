/* The inside of a session, shared by the interpreter and the layers built
 * on it (commands, lessons, the session a front end opens). Not for the
 * front ends. */
#ifndef LR_SESSION_IMPL_H
#define LR_SESSION_IMPL_H

#include "lowrank/rng.h"
#include "lowrank/buf.h"
#include "command.h"
#include "format.h"
#include "results.h"
#include "session.h"
#include "value.h"

#define LR_MAX_RUNS 8

struct lr_var {
	char *name;                /* owned */
	struct lr_value *v;        /* owned */
};

struct lr_lesson_state;

struct lr_shown_image;
/* Frees what the session keeps of pictures (imagefn.c); NULL is a no-op. */
void lr_shown_image_destroy(struct lr_shown_image *im);

/* Remembers which figure the event shows, for `print` (printcmd.c). */
void lr_figure_note(struct lr_session *s, const struct lr_event *ev);

struct lr_session {
	const struct lr_output *out;    /* borrowed */
	struct lr_var *vars;            /* owned, unsorted */
	size_t nvars, cap;
	unsigned long var_gen;          /* changes whenever a variable moves in vars (a
	                                   realloc, a removal, a sort), never the same in two
	                                   sessions: the caches in the trees check it. A call
	                                   frame that swaps in its own variables (functions)
	                                   calls lr_vars_moved on entry and on return */
	struct lr_rng rng;
	struct lr_fmt_opts fmt;
	int ascii;
	struct lr_run *runs[LR_MAX_RUNS];  /* owned, oldest first */
	size_t nruns;
	struct lr_svd_run *svd;         /* owned, newest SVD or NULL */
	struct lr_limits lim;
	struct lr_lesson_state *lesson; /* owned: the lesson being played (lesson.c), or NULL */
	int figure;                     /* what `print` writes: the figure the last event
	                                   showed (enum lr_figure, figure.h), 0 none */
	int figure_before_sgd;          /* figure when the newest sgd began, again if
	                                   that run is not kept */
	size_t figure_k;                /* the rank a front end shows for figure_svd (+ and
	                                   - in the terminal), 0 none */
	const struct lr_svd_run *figure_svd;   /* borrowed identity, compared only */
	struct lr_shown_image *shown;   /* owned: imshow's picture and imread's fingerprints
	                                   (imagefn.c), or NULL */
	/* Frees lesson: set by the code that made it, so that the session
	 * needs to know nothing of lessons. */
	void (*lesson_destroy)(struct lr_lesson_state *st);
	const struct lr_command *const *commands;  /* borrowed: the command tables
	                                              (command.h), or NULL for none */
	int sandbox;                    /* > 0 while a lesson's own statements run: no files */
	const char *data_dir;           /* borrowed: while a lesson's own statements run, the
	                                   folder of its file, from which imread reads a
	                                   relative name (lesson.c sets it), else NULL */
	int exit_status;
	int quit;
	/* While a statement runs: */
	const char *src;                /* borrowed source text */
	struct lr_error *err;           /* borrowed */
	double end_extent;              /* value of 'end' in the index being evaluated, or -1 */
	int ctl;                        /* enum lr_ctl: a break, continue or return under way */
	int poll;                       /* loop steps left before the next interrupt poll */
	double tic_us;                  /* tic's start (microseconds), or -1 before any tic */
	/* User functions (function.h): */
	struct lr_fndef **fns;          /* owned references: defined at the prompt or in scripts */
	size_t nfns;
	struct lr_fn_file *fn_files;    /* owned: function files read, with their times */
	size_t nfn_files;
	char **path;                    /* owned: addpath's folders, searched after the current
	                                   one, in order */
	size_t npath;
	struct lr_fndef *frame_fn;      /* borrowed: the function running, NULL at the top */
	int call_depth;                 /* calls of user functions under way */
	int fn_failed;                  /* 1 when lr_fn_find met a function file with an error
	                                   (the error is set) */
	unsigned long stmt_serial;      /* counts top-level statements: a function file is
	                                   checked for changes once per statement */
	const struct lr_anon *frame_anon;  /* borrowed: the anonymous function running, whose
	                                   parameters are its frame's names; NULL otherwise */
	struct lr_anon *err_anon;       /* one reference: the anonymous function whose text
	                                   the last error quotes (fn_handle.c), or NULL */
	char err_id[64];                /* identifier of the error being raised (error('id:x',
	                                   ...)), "" for none: err.identifier in a catch */
};

/* What a jump statement asks of the blocks around it (exec.c). */
enum lr_ctl { LR_CTL_NONE, LR_CTL_BREAK, LR_CTL_CONTINUE, LR_CTL_RETURN };

/* A value that is either borrowed (from a variable) or owned. */
struct lr_val {
	const struct lr_value *v;
	struct lr_value *own;           /* == v when owned, else NULL */
};

static inline void lr_val_drop(struct lr_val *x)
{
	lr_value_destroy(x->own);
	x->own = NULL;
	x->v = NULL;
}

/* Shows "warning: TEXT" as Octave does (on standard error in batch mode,
 * in the output in the REPL); the statement goes on. */
void lr_warn(struct lr_session *s, const char *text);

/* Sets the session's error and returns -1. */
int lr_fail(struct lr_session *s, struct lr_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

const struct lr_value *lr_var_get(const struct lr_session *s, const char *name);
/* Makes room for n more variables so that the binds after it cannot fail. */
int lr_var_reserve(struct lr_session *s, size_t n);
/* Binds name to v (taking v). Call lr_var_reserve first. */
void lr_var_set(struct lr_session *s, const char *name, struct lr_value *v);
/* Binds name to v (taking v) and says whether it could: -1 when out of
 * memory (v is then destroyed; the variables are as they were). */
int lr_var_put(struct lr_session *s, const char *name, struct lr_value *v);
/* Removes name; returns 1 if it existed. */
int lr_var_clear(struct lr_session *s, const char *name);

/* Evaluates an expression to one value. */
int lr_eval(struct lr_session *s, const struct lr_node *n, struct lr_val *out);
/* Evaluates an expression to a matrix (strings refused with a message
 * naming what). */
int lr_eval_matrix(struct lr_session *s, const struct lr_node *n, const char *what,
                   struct lr_val *out);
/* Evaluates a call with nargout outputs into outs (owned by the caller). */
int lr_eval_multi(struct lr_session *s, const struct lr_node *n, int nargout,
                  struct lr_value **outs);
/* Parses and evaluates a piece of text (a command word) as an expression. */
int lr_eval_text(struct lr_session *s, const char *text, struct lr_pos pos,
                 struct lr_val *out);

/* Whether name is one of the constants the evaluator knows (pi, e, Inf,
 * NaN, eps, true, false, i, j, ...), which Octave's exist calls functions. */
int lr_is_named_constant(const char *name);

/* Indexing (index.c). */
int lr_index_get(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *v, struct lr_val *out);
int lr_index_set(struct lr_session *s, const struct lr_node *call,
                 const struct lr_value *old, const struct lr_value *rhs,
                 struct lr_value **out);
/* name(args) = [] (a literal [] or ''): deletes elements, rows or columns
 * with Octave's rules and errors; *out is the new value. */
int lr_index_delete(struct lr_session *s, const struct lr_node *call,
                    const struct lr_value *old, struct lr_value **out);

/* Functions that print (printers.c): disp, printf, fprintf, sprintf.
 * Returns 1 if name is one of them (and it ran, with result 0 or -1 in
 * *rc). The function forms of commands are in the command table. */
int lr_session_function(struct lr_session *s, const struct lr_node *call, int nargout,
                        struct lr_value **outs, int *rc);
/* Those functions: name, forms and one line, ended by a NULL name (for
 * completion, help listings and the man page). */
struct lr_printer {
	const char *name, *usage, *summary;
};
extern const struct lr_printer lr_printers[];

/* Runs one statement of any kind, a block with all it holds (exec.c):
 * 0, or -1 with the error of the statement that failed. A break, continue
 * or return is left in s->ctl for the blocks around it; s->quit stops
 * everything. */
int lr_exec(struct lr_session *s, const struct lr_stmt *st);
/* Runs an expression, assignment or command statement (session.c). */
int lr_exec_simple(struct lr_session *s, const struct lr_stmt *st);
/* 1 when the front end asks to stop (Ctrl-C, Esc, SIGINT): polled by long work. */
int lr_interrupted(struct lr_session *s);

/* The scalar fast path (fast.c): evaluates n without allocating when it is
 * made of numbers, scalar variables, elements of matrices and the scalar
 * operators. Returns LR_FAST_NO when it is not such an expression or would
 * fail (the caller then evaluates it the general way, which reports the
 * error), else the kind of the result in *x. Never changes anything. */
enum { LR_FAST_NO, LR_FAST_DOUBLE, LR_FAST_LOGICAL };
int lr_fast_scalar(struct lr_session *s, const struct lr_node *n, double *x);
/* name = expr and name(i, j) = expr done in place when expr is a scalar
 * double and the variable's storage already fits: 1 if done (shown unless
 * quiet), 0 if the general way must run it. */
int lr_fast_assign(struct lr_session *s, const struct lr_stmt *st);
/* Where variable name's value is kept, or NULL (for changing it in place). */
struct lr_value **lr_var_slot(struct lr_session *s, const char *name);
/* The same, looking it up by name (filling *hint). */
struct lr_value **lr_var_search(struct lr_session *s, const char *name,
                                struct lr_var_cache *hint);
/* Says that the variables have moved (sorted in place): every cache is stale. */
void lr_vars_moved(struct lr_session *s);

/* lr_var_slot, first looking where *hint says the name was last time (a
 * loop looks up the same names again and again), and updating *hint. The
 * cache holds while the variables' layout has not changed since, so a hit
 * costs no comparison of names. In line: a tight loop does little else. */
static inline struct lr_value **lr_var_find(struct lr_session *s, const char *name,
                                            struct lr_var_cache *hint)
{
	if (hint->gen == s->var_gen)
		return &s->vars[hint->index].v;
	return lr_var_search(s, name, hint);
}

/* 1 if v is a real double (not logical, not complex) 1×1 matrix without a
 * mask, whose element may be overwritten in place by a double. */
static inline int lr_value_plain_scalar(const struct lr_value *v)
{
	return v && v->kind == LR_VAL_MAT && !v->logical && !v->im && v->m->rows == 1 &&
	       v->m->cols == 1 && !v->m->mask;
}

/* The start, step, end and count of a range node, as lr_eval builds it. */
int lr_eval_range_parts(struct lr_session *s, const struct lr_node *n, double *a,
                        double *step, double *b, size_t *count);
/* error(...) and warning(...) (flow_fns.c): 1 if n names one (it ran, with
 * 0 or -1 in *rc). */
int lr_flow_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc);
/* 1 if name is a function the session itself runs (disp, printf, error,
 * tic, toc, clc, exist, ...): called by name alone too, as `tic`. */
int lr_session_fn_name(const char *name);
/* tic, toc, clc, exist (misc_fns.c), the same way. */
int lr_misc_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc);

/* addpath and rmpath (path_fns.c), the same way. */
int lr_path_function(struct lr_session *s, const struct lr_node *n, int nargout, int *rc);

/* feval('name', args...) (feval_fn.c), the same way. */
int lr_feval_function(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc);

/* Writes text to the output. */
void lr_write(struct lr_session *s, const char *text, size_t n);
void lr_write_buf(struct lr_session *s, struct lr_buf *b);
/* Shows name = value as the display rules say. */
void lr_show(struct lr_session *s, const char *name, const struct lr_value *v);
void lr_emit(struct lr_session *s, const struct lr_event *ev);

/* Keeping results (the session takes r; the oldest run is dropped past
 * LR_MAX_RUNS). */
void lr_session_keep_run(struct lr_session *s, struct lr_run *r);
void lr_session_keep_svd(struct lr_session *s, struct lr_svd_run *r);

/* 1 if w is a variable name: a letter or _, then letters, digits, _. */
int lr_is_name(const char *w);
/* The same, or names joined by dots: the variables that `catch err` makes
 * (err.message, err.identifier), which a workspace file holds too. */
int lr_is_field_name(const char *w);

/* "3×3" into buf. */
const char *lr_shape(const struct lr_matrix *m, char *buf, size_t n);

#endif
