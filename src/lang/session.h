/* A session of the language: its variables, its random generator, the
 * results that `loss` and `plot` use, and its settings. The language never
 * knows whether it talks to a terminal: it writes text and reports events
 * through struct lr_output, which each front end implements. */
#ifndef LR_SESSION_H
#define LR_SESSION_H

#include <stddef.h>
#include "lowrank/buf.h"
#include "lowrank/sgd.h"
#include "lowrank/svd.h"
#include "ast.h"
#include "error.h"
#include "format.h"

enum lr_event_kind {
	LR_EV_SGD_START,     /* run: the training about to start (no epochs yet) */
	LR_EV_SGD_EPOCH,     /* run: an epoch finished (called after every epoch) */
	LR_EV_SGD_DONE,      /* run: the training finished, was stopped or diverged */
	LR_EV_SVD_DONE,      /* svd: a truncated SVD was computed */
	LR_EV_LOSS,          /* the comparison was shown */
	LR_EV_VIEW,          /* view: the panel view was asked for (name) */
	LR_EV_VARS,          /* variables changed */
	LR_EV_CLEAR,         /* clc: the output area is to be cleared */
	LR_EV_LESSON         /* lesson: a step was shown (name: the panel text), or the
	                        lesson ended (name NULL) */
};

struct lr_run;           /* an SGD run kept by the session (see session.c) */
struct lr_svd_run;

struct lr_event {
	enum lr_event_kind kind;
	const struct lr_run *run;          /* borrowed, for the SGD events */
	const struct lr_svd_run *svd;      /* borrowed, for LR_EV_SVD_DONE */
	const char *name;                  /* borrowed: LR_EV_VIEW the view, LR_EV_LESSON the
	                                      step's text for the panel (NULL: lesson over) */
};

struct lr_output {
	void *ctx;
	/* Text meant for standard output. */
	void (*write)(void *ctx, const char *s, size_t n);
	/* Progress and results, for a panel; may be NULL. */
	void (*event)(void *ctx, const struct lr_event *ev);
	/* Polled during long work; nonzero stops it (Ctrl-C, Esc). May be NULL. */
	int (*interrupted)(void *ctx);
	/* Text meant for standard error (warnings); may be NULL: then write. */
	void (*warn)(void *ctx, const char *s, size_t n);
};

/* A kept SGD run: what `loss` and `plot` show. Owned by the session. */
struct lr_run {
	char label[64];                 /* e.g. "A k=2 lr=0.01" */
	char matrix_name[32];
	struct lr_matrix *A;            /* owned copy of the matrix factorised (with its mask) */
	struct lr_sgd_options opts;     /* U0/V0/progress cleared */
	struct lr_sgd_result res;       /* owned */
	struct lr_session *owner;       /* borrowed: the session that ran it */
};

/* A kept truncated SVD. A large matrix may have only its leading singular
 * triplets computed (subspace iteration, svd.p < min(m, n)); everything that
 * shows one asks the helpers below rather than summing svd.s itself. */
struct lr_svd_run {
	char matrix_name[32];
	struct lr_matrix *A;            /* owned copy */
	size_t k;                       /* the rank asked for, 1..svd.p */
	struct lr_svd svd;              /* owned: the full thin SVD, or its leading
	                                   svd.p >= k triplets */
	double rest;                    /* Σ σᵢ² over the values not computed (i > svd.p),
	                                   measured as ‖A − A_p‖²_F; 0 for a full SVD */
	double energy;                  /* ‖A‖²_F = Σ σᵢ² over all i */
	int fell_back;                  /* subspace iteration was asked for but the
	                                   full SVD was computed instead */
};

/* How many singular values r holds (svd.p), and min(m, n), how many A has. */
size_t lr_svd_run_known(const struct lr_svd_run *r);
size_t lr_svd_run_rank_max(const struct lr_svd_run *r);
/* 1 when only the leading values were computed. */
int lr_svd_run_partial(const struct lr_svd_run *r);
/* Σ_{i>j} σᵢ², the error of the best rank-j approximation, for
 * j = 0..lr_svd_run_known(r) (exact even when partial: the measured rest
 * plus the known values above j); NAN for a larger j. */
double lr_svd_run_tail(const struct lr_svd_run *r, size_t j);
/* The share of ‖A‖²_F the best rank-k approximation keeps (Σ_{i≤k} σᵢ² over
 * Σ σᵢ², "energy kept") and its relative error ‖A − A_k‖_F / ‖A‖_F, both in
 * 0..1 (1 and 0 for a zero A). Summed in units of σ₁², so entries near
 * 1e308 (whose σᵢ² overflow) or 1e-300 (underflow) give the true shares. */
double lr_svd_run_kept(const struct lr_svd_run *r, size_t k);
double lr_svd_run_rel_error(const struct lr_svd_run *r, size_t k);

struct lr_session;

/* Limits on what one statement may ask for (limit.h); each can be changed
 * with the `limit` command. */
struct lr_limits {
	double max_elems;       /* elements of one matrix */
	double max_updates;     /* epochs × observed entries for one sgd */
	double max_line;        /* bytes of one statement's text (the front ends
	                           check it as they read) */
	int max_depth;          /* nesting of one expression (the parser checks it) */
};

/* A new session writing to out (borrowed; must outlive the session), with
 * every command (lr_command_tables), or NULL when out of memory
 * (session_open.c). */
struct lr_session *lr_session_create(const struct lr_output *out);
/* The same with no commands (session.c): the interpreter alone, for the
 * layer that registers them (command.h). */
struct lr_session *lr_session_create_bare(const struct lr_output *out);
void lr_session_destroy(struct lr_session *s);

/* Output width in columns for wrapping and plots (80 by default). */
void lr_session_set_width(struct lr_session *s, int width);
void lr_session_set_ascii(struct lr_session *s, int ascii);

/* The limits now in force, for a front end reading statements: max_line
 * for its reader, max_depth for lr_parser_init_at. */
const struct lr_limits *lr_session_limits(const struct lr_session *s);
/* Sets limit kind (enum lr_limit_kind, limit.h) to x, as `limit NAME x`
 * does; -1 (nothing changed) unless x is a whole number from 1 to the
 * limit's maximum. */
int lr_session_set_limit(struct lr_session *s, int kind, double x);
/* The value of limit kind. */
double lr_session_limit(const struct lr_session *s, int kind);

/* Runs one statement (a block is one, with all it holds). src is the text
 * it was parsed from (borrowed for the call, used to quote operands in
 * messages). Returns 0, -1 on an error (err filled at the statement that
 * failed; a simple statement changes no variable, a block keeps what its
 * statements did before), 1 when the statement asked to quit (see
 * lr_session_exit_status), or 2 when a `return` ended the script (a front
 * end stops running the text it was given, as Octave does). */
int lr_session_exec(struct lr_session *s, const struct lr_stmt *st,
                    const char *src, struct lr_error *err);

int lr_session_exit_status(const struct lr_session *s);

/* 1 if name is a command word (sgd, svd, loss, help, ...) of
 * lr_command_tables: what a front end gives the parser (session_open.c). */
int lr_is_command(const char *name);
/* Every command table, NULL-terminated (command.h). */
struct lr_command;
extern const struct lr_command *const lr_command_tables[];

/* The kept results, for a panel: the newest SGD run, all runs, the newest SVD. */
const struct lr_run *lr_session_last_run(const struct lr_session *s);
size_t lr_session_runs(const struct lr_session *s, const struct lr_run *const **runs);
const struct lr_svd_run *lr_session_last_svd(const struct lr_session *s);

/* Tab completion of the word at byte start of line, of which prefix has been
 * typed: calls fn for each word that may stand there and starts with prefix.
 * After `view` the view names, after `lesson` the lesson names, after
 * `format` short and long; after `update=`, `order=`, `method=` their
 * values; else variables, functions and commands, and the options (with
 * their '=') of `sgd` from its third word on, of `svd` and `explore` too. */
void lr_session_complete(const struct lr_session *s, const char *line, size_t start,
                         const char *prefix, void (*fn)(void *ctx, const char *word),
                         void *ctx);

/* Draws the loss curves of n kept runs into g, with the Eckart–Young floor
 * when every run is of the same unmasked matrix and rank (plotcmd.c). */
struct lr_grid;
void lr_loss_plot(struct lr_grid *g, const struct lr_run *const *runs, size_t n, int ascii);
/* The same with the floor given (NAN for none): for redrawing while training,
 * where an SVD per frame would cost more than the training. */
void lr_loss_plot_floor(struct lr_grid *g, const struct lr_run *const *runs, size_t n,
                        int ascii, double floor);
/* Σ_{i>k} σᵢ² when every run is of the same unmasked matrix and rank, and
 * the matrix has at most 1e6 entries; NAN otherwise. */
double lr_runs_floor(const struct lr_run *const *runs, size_t n);

/* Removes the temporary file a `save` is writing (FILE.tmpPID.N), if one
 * is: for a handler of a signal that ends the program (SIGTERM, SIGHUP),
 * which calls it before dying. Async-signal-safe. */
void lr_save_abandon(void);

/* Appends "FILE:LINE:COL: error: MSG", the source line and a caret line. */
void lr_error_format(struct lr_buf *out, const char *file, const char *src, size_t len,
                     const struct lr_error *err);

#endif
