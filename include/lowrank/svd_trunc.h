/* The leading k singular triplets of a matrix without the full SVD:
 * randomized block subspace iteration (Halko, Martinsson and Tropp, 2011,
 * algorithm 4.4) with oversampling, stopped on a residual test, and a
 * fallback to the full SVD (lr_svd_compute) when the spectrum decays too
 * slowly for the iteration to pay off. */
#ifndef LOWRANK_SVD_TRUNC_H
#define LOWRANK_SVD_TRUNC_H

#include <stddef.h>
#include "lowrank/svd.h"

/* Fills *out with the rank-k truncated SVD of A (mask ignored): out->p = k,
 * s the k largest singular values (descending), U m×k and V n×k with
 * orthonormal columns, so lr_svd_reconstruct(out, k, ...) gives A_k and
 * lr_svd_tail is not meaningful (only k values are known). The result
 * agrees with the first k triplets of lr_svd_compute to about 1e-12
 * relative to σ₁ (singular vectors up to sign, and only where σ_k > σ_{k+1}).
 * The random start is drawn from lr_rng seeded with a fixed seed, so the
 * call is deterministic. On LR_OK the caller owns *out (lr_svd_finish);
 * on error *out is zeroed. Errors: LR_ERR_RANK (k == 0 or k > min(m, n)),
 * then those of lr_svd_compute. If used_full is not NULL it is set to 1
 * when the full SVD was used (small matrix, or slow convergence), else 0. */
enum lr_status lr_svd_truncated(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                                int *used_full);

#endif
