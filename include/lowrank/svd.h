/* Singular value decomposition through LAPACKE (dgesdd, falling back to
 * dgesvd when it fails to converge), the rank-k truncation and the
 * Eckart–Young–Mirsky bound. */
#ifndef LOWRANK_SVD_H
#define LOWRANK_SVD_H

#include <stddef.h>
#include "lowrank/matrix.h"

/* The thin SVD A = U diag(s) Vᵀ, p = min(m, n). */
struct lr_svd {
	size_t m, n, p;
	double *s;               /* owned: p singular values, descending, >= 0 */
	struct lr_matrix *U;     /* owned: m×p, orthonormal columns */
	struct lr_matrix *V;     /* owned: n×p, orthonormal columns */
};

/* Computes the thin SVD of A (mask ignored; every entry must be finite, else
 * LR_ERR_NONFINITE). Empty A gives p = 0. On LR_OK the caller owns *out and
 * frees it with lr_svd_finish; on error *out is zeroed. LR_ERR_LAPACK if
 * neither driver converges, LR_ERR_NOMEM, LR_ERR_TOO_BIG if a dimension or
 * the workspace does not fit LAPACK's integer. */
enum lr_status lr_svd_compute(const struct lr_matrix *A, struct lr_svd *out);

/* The singular values only (cheaper: no vectors). s must hold min(m,n).
 * Same errors as lr_svd_compute. */
enum lr_status lr_svd_values(const struct lr_matrix *A, double *s);

/* Σ_{i>k} σᵢ² (1-based σ₁ ≥ σ₂ ≥ …, i.e. s[k] .. s[p−1] of the array): the
 * squared Frobenius error of the best rank-k approximation
 * (Eckart–Young–Mirsky). k may be 0..p; k >= p gives 0. */
double lr_svd_tail(const struct lr_svd *svd, size_t k);

/* A_k = U_k diag(s_k) V_kᵀ, m×n. LR_ERR_RANK if k > p. */
enum lr_status lr_svd_reconstruct(const struct lr_svd *svd, size_t k,
                                  struct lr_matrix **out);

/* ‖A − A_k‖²_F measured entry by entry, A_k = U_k diag(s_k) V_kᵀ from svd
 * (k = 0..svd->p). For an exact SVD this is Σ_{i>k} σᵢ² again, but it needs
 * only the leading k triplets (a truncated SVD), and it stays accurate when
 * the tail is tiny next to ‖A‖². *out is NAN on error. Errors: LR_ERR_SHAPE
 * (svd is not of A's shape), LR_ERR_RANK (k > svd->p), LR_ERR_NOMEM. */
enum lr_status lr_svd_residual(const struct lr_matrix *A, const struct lr_svd *svd, size_t k,
                               double *out);

/* Frees what svd owns and zeroes it. Safe on a zeroed struct. */
void lr_svd_finish(struct lr_svd *svd);

#endif
