/* The learning rate for a matrix's scale.
 *
 * SGD's step on U and V grows with the data: over an epoch the updates of
 * a column of V add up to a gradient step whose size is lr times about
 * σ1(A), so the lr that trains a 3×3 matrix of ones makes the 512×512
 * photograph (entries 0–255, σ1 4.6e4) diverge. A step of at most
 * 1/‖A‖_F (the Frobenius norm of the observed entries, never below σ1)
 * was measured stable on the lesson matrices, rand(300) and the
 * photograph (see README, "sgd's learning rate"). */
#ifndef LOWRANK_SGD_LR_H
#define LOWRANK_SGD_LR_H

#include "lowrank/matrix.h"

/* The learning rate sgd takes when none is given, on a small matrix. */
#define LR_SGD_LR 0.01

/* ‖A‖_F over the observed entries (not masked, not NaN): 0 for none,
 * Inf if one is infinite. */
double lr_sgd_norm(const struct lr_matrix *A);

/* x > 0 rounded down to one significant digit (0.0186 -> 0.01); 0 for
 * x <= 0, NaN or Inf. */
double lr_sgd_round_lr(double x);

/* 1/‖A‖_F rounded down to one significant digit (0.018 -> 0.01,
 * 1.95e-5 -> 1e-5); 0 when the norm is 0 or infinite. */
double lr_sgd_stable_lr(const struct lr_matrix *A);

/* The default learning rate: LR_SGD_LR, or lr_sgd_stable_lr(A) when that is
 * smaller (a matrix whose norm is above 100). */
double lr_sgd_default_lr(const struct lr_matrix *A);

#endif
