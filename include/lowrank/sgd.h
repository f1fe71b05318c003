/* Factorisation A ≈ U Vᵀ (U m×k, V n×k) by the notebook's stochastic
 * gradient descent.
 *
 * Each epoch visits the observed entries (r, c), by default row by row and
 * column by column, and for each one:
 *     e     = A[r,c] − U[r]·V[c]
 *     U[r] += lr·e·V[c]
 *     V[c] += lr·e·U[r]        (sequential: the U[r] just updated)
 * The sequential update is what the notebook's PyTorch code computes, in its
 * masked version too, because `UOrigin = U[r]` is a view of U's storage.
 * The simultaneous variant uses the old U[r] in the V update: the textbook
 * gradient step. The shuffled order visits the observed entries in a fresh
 * seeded permutation every epoch.
 *
 * Reproducibility: one lr_rng seeded with `seed` first fills a random U
 * (row-major, m·k uniforms), then a random V (n·k uniforms); a given U0 or
 * V0 draws nothing. Then, in shuffled order, every epoch permutes the list
 * of observed entries (initially row by row) in place, continuing from the
 * previous epoch's order: for i = N−1 down to 1, swap i with
 * lr_rng_below(i + 1). */
#ifndef LOWRANK_SGD_H
#define LOWRANK_SGD_H

#include <stddef.h>
#include <stdint.h>
#include "lowrank/matrix.h"

enum lr_sgd_update { LR_SGD_SEQUENTIAL = 0, LR_SGD_SIMULTANEOUS };
enum lr_sgd_order { LR_SGD_ROWS = 0, LR_SGD_SHUFFLED };

struct lr_sgd_result;

/* Called after every epoch with the result so far (res->epochs_done epochs
 * recorded). Return nonzero to stop the training early; the factors and the
 * history of the epochs done are kept. */
typedef int (*lr_sgd_progress_fn)(void *ctx, const struct lr_sgd_result *res);

/* Polled inside an epoch, about every 2^20 / k updates or loss terms (a
 * millisecond or less of work), so that a stop asked for during a long
 * epoch is seen at once. Return nonzero to stop: the epoch under way is
 * abandoned and U and V are put back as they were when it began, so the
 * result is exactly that of a run asked for epochs_done epochs. A stop
 * during the first epoch leaves epochs_done 0 and the starting factors.
 * Epochs too short to be split are not polled inside (progress still sees
 * every one); a split epoch gives the same numbers as an unsplit one. */
typedef int (*lr_sgd_interrupt_fn)(void *ctx);

struct lr_sgd_options {
	size_t rank;                   /* k, 1 <= k <= min(m, n) */
	long epochs;                   /* > 0; default 1000 */
	double lr;                     /* > 0 and finite; default 0.01 */
	uint64_t seed;                 /* for the initial U, V and the shuffles */
	enum lr_sgd_update update;     /* default sequential */
	enum lr_sgd_order order;       /* default rows */
	const struct lr_matrix *U0;    /* borrowed; m×k start, or NULL for uniform [0,1) */
	const struct lr_matrix *V0;    /* borrowed; n×k start, or NULL for uniform [0,1) */
	lr_sgd_progress_fn progress;   /* may be NULL */
	lr_sgd_interrupt_fn interrupt; /* may be NULL */
	void *progress_ctx;            /* borrowed, handed to progress and interrupt */
};

struct lr_sgd_result {
	struct lr_matrix *U, *V;   /* owned: m×k and n×k */
	double *loss;              /* owned: loss[e] = SSE over observed entries after epoch e+1 */
	double *hidden;            /* owned or NULL: SSE over hidden entries whose true value is
	                              known (masked but finite in A), per epoch */
	size_t n_observed, n_hidden_known;
	long epochs_done;          /* epochs completed and recorded */
	long epochs_asked;
	int stopped;               /* 1 if progress or interrupt asked to stop early */
	long diverged_epoch;       /* 1-based epoch whose loss was non-finite, or 0 */
};

/* Defaults: rank 0 (must be set), 1000 epochs, lr 0.01, seed 42,
 * sequential, rows, no start, no progress. */
void lr_sgd_options_init(struct lr_sgd_options *o);

/* Runs the factorisation. On LR_OK or LR_ERR_DIVERGED *res holds the factors
 * and history (on divergence, up to and including the bad epoch) and the
 * caller must lr_sgd_result_finish it. On any other status *res is left
 * empty (zeroed). Errors, checked in this order: LR_ERR_RANK, LR_ERR_ARG
 * (epochs, lr, update or order out of range), LR_ERR_SHAPE (U0/V0 shapes),
 * LR_ERR_TOO_BIG (m or n above 2^32−1), LR_ERR_MASK (no observed entry),
 * LR_ERR_NONFINITE (an infinite observed entry), LR_ERR_NOMEM.
 * progress is not called for a diverged epoch. */
enum lr_status lr_sgd_run(const struct lr_matrix *A, const struct lr_sgd_options *o,
                          struct lr_sgd_result *res);

/* Frees what a result owns and zeroes it. Safe on a zeroed result. */
void lr_sgd_result_finish(struct lr_sgd_result *res);

#endif
