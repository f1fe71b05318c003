/* The factorisations as the language runs them (factor.c): shared by the
 * commands (`sgd A 2`) and the function forms (`[U, V] = sgd(A, 2)`). */
#ifndef LR_FACTOR_H
#define LR_FACTOR_H

#include "session_impl.h"

struct lr_sgd_request {
	const struct lr_matrix *A;      /* borrowed */
	char name[32];                  /* how A is named in messages */
	struct lr_sgd_options o;        /* U0/V0 borrowed */
	int have_seed;                  /* seed given; else drawn from the session */
	int have_lr;                    /* lr given; else lr_sgd_default_lr(A) */
	struct lr_pos pos, rank_pos, lr_pos;
};

void lr_sgd_request_init(struct lr_sgd_request *q);
/* Runs it (checking the limits); on success *out is a new run the caller
 * owns (usually handed to lr_session_keep_run). */
int lr_sgd_request_run(struct lr_session *s, struct lr_sgd_request *q, struct lr_run **out);
void lr_sgd_report(struct lr_session *s, const struct lr_run *run, int quiet);

/* How the SVD of `svd A k` is computed. Auto takes subspace iteration (only
 * the leading singular triplets) where it pays: min(m, n) >= 1000 and at
 * most min(m, n)/50 triplets wanted; full computes every singular value
 * (LAPACK); subspace asks for the iteration anywhere, though the core still
 * falls back to the full SVD for a small matrix or a flat spectrum. */
enum lr_svd_method { LR_SVD_AUTO, LR_SVD_FULL, LR_SVD_SUBSPACE };

/* "auto", "full" or "subspace" into *m; -1 for anything else. */
int lr_svd_method_parse(const char *word, enum lr_svd_method *m);
/* What an error for a bad method value says is expected. */
#define LR_SVD_METHODS "auto, full or subspace"
/* A method=VALUE word of `svd` or `explore` (VALUE bare or quoted) into *m;
 * -1 with an error at the word (or at its value) naming what was expected. */
int lr_svd_option_word(struct lr_session *s, const struct lr_word *w, const char *usage,
                       enum lr_svd_method *m);

/* The SVD of A (copied) for rank k, with at least nvals >= k leading
 * triplets computed (explore wants a table of ranks beyond k); on success
 * *out is a new run the caller owns (usually lr_session_keep_svd). */
int lr_svd_request_run(struct lr_session *s, const struct lr_matrix *A, const char *name,
                       size_t k, size_t nvals, enum lr_svd_method method, struct lr_pos pos,
                       struct lr_pos kpos, struct lr_svd_run **out);
int lr_svd_factors(const struct lr_svd_run *r, struct lr_matrix **U, struct lr_matrix **S,
                   struct lr_matrix **V);
void lr_svd_report(struct lr_session *s, const struct lr_svd_run *r, int quiet);
void lr_svd_spectrum_text(struct lr_buf *b, const struct lr_svd_run *r, enum lr_numfmt f);

struct lr_comparison {
	const struct lr_run *run;       /* borrowed from the session */
	const struct lr_svd_run *svd;   /* borrowed, or NULL (masked with unknown entries) */
	int masked;
	double sgd_loss, svd_loss, bound, hidden;
};

int lr_compare(struct lr_session *s, struct lr_pos pos, struct lr_comparison *c);
void lr_compare_text(struct lr_buf *b, const struct lr_comparison *c, enum lr_numfmt f);

/* Shared by the command and function forms (commands.c). */
int sgd_option_value(struct lr_session *s, struct lr_sgd_request *q, const char *key,
                     const struct lr_value *v, const struct lr_node *at, struct lr_value **keep);
int lr_fn_mask(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
               struct lr_value **outs);
/* The `plot` command (plotcmd.c) and `explore A [k]` (explore.c). */
int lr_cmd_plot(struct lr_session *s, const struct lr_stmt *st);
int lr_cmd_explore(struct lr_session *s, const struct lr_stmt *st);
/* The function forms of sgd, svd, mask, unmask, loss, quit and exit
 * (functions.c): the `call` of their entries in lr_base_commands. */
int lr_command_call(struct lr_session *s, const struct lr_node *n, int nargout,
                    struct lr_value **outs, int *rc);


#endif
