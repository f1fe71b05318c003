/* What a session keeps of its commands' work: SGD runs and the newest
 * truncated SVD, which `loss`, `plot`, the panel and `save` read. Data and
 * their measures only (results.c); the commands that make them are above. */
#ifndef LR_RESULTS_H
#define LR_RESULTS_H

#include <stddef.h>
#include "lowrank/sgd.h"
#include "lowrank/svd.h"

struct lr_session;

/* A kept SGD run: what `loss` and `plot` show. Owned by the session. */
struct lr_run {
	char label[64];                 /* e.g. "A k=2 lr=0.01" */
	char matrix_name[32];
	struct lr_matrix *A;            /* owned copy of the matrix factorised (with its mask) */
	struct lr_sgd_options opts;     /* U0/V0/progress cleared */
	struct lr_sgd_result res;       /* owned */
	struct lr_session *owner;       /* borrowed: the session that ran it */
	double scale;                   /* ‖A‖_F over A's known entries: what its
	                                   losses are zero to rounding against */
};

/* 1 when a sum of squares on run's matrix is zero to rounding
 * (lowrank/rounding.h): lr_run_svd_zero for what a backward-stable
 * computation left (the SVD's loss, Σ_{i>k} σᵢ²), against ‖A‖_F;
 * lr_run_sgd_zero for what SGD left (its loss, the gap to the SVD's),
 * against ‖A‖_F / lr, as SGD stops moving once a step lr·e·v is below
 * half an ulp of U's entries, so its loss floor is 1/lr times higher. */
int lr_run_svd_zero(const struct lr_run *run, double sumsq);
int lr_run_sgd_zero(const struct lr_run *run, double sumsq);

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
/* The rounding rule (lowrank/rounding.h) for what shows r: 1 when the
 * error Σ_{i>k} σᵢ² (k <= lr_svd_run_known) is zero to rounding against
 * ‖A‖²_F (never for k = min(m, n): nothing is left out, the 0 is exact),
 * and when σ_{i+1} (i < lr_svd_run_known, from 0) is against σ₁. */
int lr_svd_run_tail_zero(const struct lr_svd_run *r, size_t k);
int lr_svd_run_value_zero(const struct lr_svd_run *r, size_t i);

/* Fills r->rest and r->energy from r->A and r->svd (a run being built, in
 * factor.c, or read back from a workspace). LR_ERR_NOMEM, or LR_ERR_SHAPE /
 * LR_ERR_RANK if svd does not fit A. */
enum lr_status lr_svd_run_measure(struct lr_svd_run *r);

/* Free a run; NULL is a no-op. */
void lr_run_destroy(struct lr_run *r);
void lr_svd_run_destroy(struct lr_svd_run *r);

/* The kept results, for a panel: the newest SGD run, all runs, the newest SVD. */
const struct lr_run *lr_session_last_run(const struct lr_session *s);
size_t lr_session_runs(const struct lr_session *s, const struct lr_run *const **runs);
const struct lr_svd_run *lr_session_last_svd(const struct lr_session *s);

/* The picture imshow (image, imagesc) last showed, or NULL: its values
 * *lo..*hi are drawn black to white; *name names it ("I", "the picture").
 * Borrowed: valid until the next statement runs (imagefn.c). */
const struct lr_matrix *lr_session_image(const struct lr_session *s, double *lo, double *hi,
                                         const char **name);

/* 1 if m holds exactly what one of the session's last imread calls gave
 * (explore and the terminal's panel then show it as a picture). */
int lr_image_loaded(const struct lr_session *s, const struct lr_matrix *m);

/* A front end says it shows the newest SVD at rank k (+ and - in the
 * terminal), so that `print` writes what is on the screen (figure.c). */
void lr_session_show_rank(struct lr_session *s, size_t k);

#endif
