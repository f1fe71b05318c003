/* Dense linear algebra through LAPACK and BLAS: the matrix product, LU,
 * solves, least squares, the inverse and the full SVD. The only other core
 * files that reach LAPACK are svd.c and matrix.c; nothing above the core
 * does.
 *
 * Every function takes row-major matrices (masks ignored) and returns new
 * ones the caller owns, set only on LR_OK. Errors: LR_ERR_SHAPE,
 * LR_ERR_NOMEM, LR_ERR_TOO_BIG (over lr_mat_max_elems, or a size that does
 * not fit LAPACK's integer), LR_ERR_LAPACK (no convergence, or the library
 * cannot be loaded), and those named below. */
#ifndef LOWRANK_LINALG_H
#define LOWRANK_LINALG_H

#include <stddef.h>
#include "lowrank/matrix.h"

/* Asked between the pieces of long work; nonzero stops it (Ctrl-C). */
struct lr_poll {
	int (*stop)(void *ctx);
	void *ctx;       /* borrowed, handed to stop */
};

/* C = A B through BLAS (dgemm; dgemv when B or A is a vector). A product
 * of more than LR_LINALG_TILE_FLOPS flops is computed in tiles of C (rows
 * and columns) with poll asked between tiles: LR_ERR_STOPPED then, and no
 * result. poll may be NULL. LR_ERR_SHAPE if A->cols != B->rows. */
enum lr_status lr_linalg_mul(const struct lr_matrix *A, const struct lr_matrix *B,
                             const struct lr_poll *poll, struct lr_matrix **out);

/* About 0.05 s of one core's dgemm: a tile's flops (2·rows·cols·k). */
#define LR_LINALG_TILE_FLOPS 2e9

/* The tile the product of an m×k and a k×n matrix is split into: *rows ×
 * *cols of C (the whole of C when it is small enough). */
void lr_linalg_mul_tile(size_t m, size_t n, size_t k, size_t *rows, size_t *cols);

/* C = A B in tiles of rows × cols given by the caller (the unit test's
 * way of comparing a split product with one call). */
enum lr_status lr_linalg_mul_tiled(const struct lr_matrix *A, const struct lr_matrix *B,
                                   size_t rows, size_t cols, const struct lr_poll *poll,
                                   struct lr_matrix **out);

/* Which side the unknown stands on: X = A \ B solves A X = B (left); X = B
 * / A solves X A = B (right). */
enum lr_side { LR_LEFT, LR_RIGHT };

/* X = A \ B or B / A for square A by LU with partial pivoting (dgetrf,
 * dgetrs); *rcond (may be NULL) gets LAPACK's estimate of the reciprocal
 * condition number in the 1-norm of the matrix factored (NaN when A holds
 * NaN or Inf, whose values then flow into X). LR_ERR_SINGULAR, with no X,
 * for an exact zero pivot or rcond below eps: Octave then warns and
 * solves by least squares (lr_linalg_lstsq). */
enum lr_status lr_linalg_solve(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, double *rcond);

/* The minimum-norm least-squares solution of A X = B (left) or X A = B
 * (right) through dgelsd (singular values below eps·σ₁ count as zero);
 * *rank (may be NULL) gets the rank found. A NaN or Inf anywhere gives an
 * all-NaN X (LAPACK's results there are not meaningful). */
enum lr_status lr_linalg_lstsq(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, size_t *rank);

/* The inverse of square A (dgetrf, dgecon, dgetri); *rcond as above.
 * LR_ERR_SINGULAR, with no result, as lr_linalg_solve. */
enum lr_status lr_linalg_inv(const struct lr_matrix *A, struct lr_matrix **X, double *rcond);

/* The full SVD A = U S Vᵀ: U m×m, V n×n, s the min(m, n) values
 * descending (caller frees with lr_free). gesvd_first asks for Octave's
 * driver (dgesvd) first, else dgesdd; each falls back to the other when it
 * does not converge. LR_ERR_NONFINITE for NaN or Inf. An empty A gives
 * identities. */
enum lr_status lr_linalg_svd_full(const struct lr_matrix *A, int gesvd_first,
                                  struct lr_matrix **U, double **s, struct lr_matrix **V);

/* 1 if every entry of a is finite. */
int lr_linalg_all_finite(const struct lr_matrix *a);

#endif
