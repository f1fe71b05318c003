/* Error measures between a target A and an approximation B of the same
 * shape. "Observed" follows A: an entry of A that is NaN or masked out is
 * hidden. The sum of squared errors is the notebook's
 * mse_loss(..., reduction='sum'). */
#ifndef LOWRANK_LOSS_H
#define LOWRANK_LOSS_H

#include <stddef.h>
#include "lowrank/matrix.h"

struct lr_loss {
	double sse_observed;   /* Σ (A−B)² over observed entries of A */
	double sse_hidden;     /* Σ (A−B)² over hidden entries whose true value is known
	                          (masked out but finite in A) */
	size_t n_observed;
	size_t n_hidden_known;
	size_t n_hidden;       /* all hidden entries, known or not */
};

/* Fills *out. LR_ERR_SHAPE if the shapes differ. B's NaN entries are skipped. */
enum lr_status lr_loss_compute(const struct lr_matrix *A, const struct lr_matrix *B,
                               struct lr_loss *out);

/* Σ (A−B)² over entries where both are numbers (not NaN); masks ignored.
 * LR_ERR_SHAPE if the shapes differ. */
enum lr_status lr_loss_sse(const struct lr_matrix *A, const struct lr_matrix *B, double *out);
/* Mean of the same over the entries counted (NaN if none). */
enum lr_status lr_loss_mse(const struct lr_matrix *A, const struct lr_matrix *B, double *out);
/* RMSE over observed / hidden-known entries: sqrt(sse / count), NaN if count is 0. */
double lr_loss_rmse(double sse, size_t count);
/* Frobenius norm of m (all entries; NaN propagates). */
double lr_mat_frobenius(const struct lr_matrix *m);

#endif
