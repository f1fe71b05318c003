/* The leading k singular triplets of a matrix without the full SVD:
 * randomized block subspace iteration (Halko, Martinsson and Tropp, 2011,
 * algorithm 4.4) with oversampling, stopped on a residual test, and a
 * fallback to the full SVD (lr_svd_compute) when the spectrum decays too
 * slowly for the iteration to pay off. */
#ifndef LOWRANK_SVD_TRUNC_H
#define LOWRANK_SVD_TRUNC_H

#include <stddef.h>
#include "lowrank/svd.h"

/* The leading k singular triplets of A (mask ignored), or the whole thin
 * SVD when that is what was computed. With subspace iteration out->p = k:
 * s the k largest singular values (descending), U m×k and V n×k with
 * orthonormal columns, so lr_svd_reconstruct(out, k, ...) gives A_k but
 * lr_svd_tail is not meaningful (only k values are known; lr_svd_residual
 * measures the tail instead). When the full SVD was used instead (a small
 * matrix, k near min(m, n), or a spectrum too flat for the iteration to
 * converge soon) *out is the whole thin SVD, out->p = min(m, n) ≥ k, so a
 * caller that can use every singular value keeps them. The result agrees
 * with the first k triplets of lr_svd_compute to about 1e-12 relative to σ₁
 * (singular vectors up to sign, and only where σ_k > σ_{k+1}). The random
 * start is drawn from lr_rng seeded with a fixed seed, so the call is
 * deterministic. On LR_OK the caller owns *out (lr_svd_finish); on error
 * *out is zeroed. Errors: LR_ERR_RANK (k == 0 or k > min(m, n)), then those
 * of lr_svd_compute. If used_full is not NULL it is set to 1 when the full
 * SVD was used, else 0. */
enum lr_status lr_svd_leading(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                              int *used_full);

/* lr_svd_leading cut to exactly k triplets: out->p = k either way. */
enum lr_status lr_svd_truncated(const struct lr_matrix *A, size_t k, struct lr_svd *out,
                                int *used_full);

#endif
