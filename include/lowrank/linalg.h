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

/* (A Aᵀ and Aᵀ A, B being exactly Aᵀ, come out exactly symmetric, as
 * Octave's dsyrk makes them: dgemm's sums for (i, j) and (j, i) may differ
 * in the last bit, and eig(X' * X) must see a symmetric matrix.) */

/* Copies the upper triangle of square C onto the lower. */
void lr_linalg_mirror_upper(struct lr_matrix *C);

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

/* X = A \ B or B / A for square A as Octave's mldivide solves it: a
 * triangular A by substitution (dtrtrs), a symmetric one with a positive
 * diagonal by Cholesky (dpotrf, dpotrs) when it is positive definite, any
 * other by LU with partial pivoting (dgetrf, dgetrs). *singular (may be
 * NULL) is set when A is singular to machine precision, where Octave warns
 * "matrix singular to machine precision": the reciprocal condition number
 * (dtrcon, dpocon, dgecon) adds nothing to 1, or is NaN (A holds NaN or
 * Inf). An exact zero pivot or diagonal then gives the minimum-norm
 * least-squares solution (lr_linalg_lstsq), as Octave's fallback does; a
 * nonzero but tiny one the factorisation's own (huge) solution. */
enum lr_status lr_linalg_solve(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, int *singular);
/* The same, with the reciprocal condition number estimated on the way in
 * *rcond (0 for an exact zero pivot, NaN when A holds NaN or Inf; 1 for an
 * empty A): Octave's warning names it when it is positive. */
enum lr_status lr_linalg_solve_rcond(enum lr_side side, const struct lr_matrix *A,
                                     const struct lr_matrix *B, struct lr_matrix **X,
                                     int *singular, double *rcond);

/* The minimum-norm least-squares solution of A X = B (left) or X A = B
 * (right) through dgelsd (singular values below eps·σ₁ count as zero);
 * *rank (may be NULL) gets the rank found. A NaN or Inf anywhere gives an
 * all-NaN X (LAPACK's results there are not meaningful). */
enum lr_status lr_linalg_lstsq(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, size_t *rank);

/* The inverse of square A (dgetrf, dgecon, dgetri), as Octave's inv:
 * *singular (may be NULL) as for lr_linalg_solve; an exactly singular A
 * (a zero pivot, or NaN or Inf in A) gives a matrix of Inf. *rcond (may be
 * NULL) gets the reciprocal condition number (0 when exactly singular). */
enum lr_status lr_linalg_inv(const struct lr_matrix *A, struct lr_matrix **X, int *singular,
                             double *rcond);

/* The SVD A = U S Vᵀ, s the p = min(m, n) values descending (caller frees
 * with lr_free), computed on A itself as Octave does: full (U m×m, V n×n)
 * or econ (U m×p, V n×p). gesvd_first asks for Octave's driver, dgesvd
 * (and so Octave's signs), else dgesdd (several times faster on large
 * matrices); each falls back to the other when it does not converge.
 * LR_ERR_NONFINITE for NaN or Inf. An empty A gives identities. */
enum lr_status lr_linalg_svd(const struct lr_matrix *A, int econ, int gesvd_first,
                             struct lr_matrix **U, double **s, struct lr_matrix **V);
/* Up to this min(m, n) the language asks for dgesvd (Octave's signs); see
 * README's performance notes for its cost. */
#define LR_LINALG_GESVD_MAX 100

/* 1 if every entry of a is finite. */
int lr_linalg_all_finite(const struct lr_matrix *a);

#endif

/* ---- Factorisations (decomp.c), each as GNU Octave 7 computes it, so that
 * signs and orders agree where LAPACK fixes them. ------------------------- */

/* The determinant of square A from its LU factors (dgetrf): 1 for 0×0,
 * 0 for an exactly singular A, NaN flowing through. LR_ERR_SHAPE if A is
 * not square. */
enum lr_status lr_linalg_det(const struct lr_matrix *A, double *det);

/* A = Pᵀ L U (dgetrf with partial pivoting), A m×n, p = min(m, n): L m×p
 * unit lower triangular, U p×n upper triangular, perm (m entries, caller
 * frees with lr_free) the rows of A in the order of P A: row i of P A is
 * row perm[i] of A. Any of L, U, perm may be NULL when not wanted. Y (may
 * be NULL) gets LAPACK's packed factor m×n (U on and above the diagonal,
 * L's multipliers below), Octave's y = lu(A). */
enum lr_status lr_linalg_lu(const struct lr_matrix *A, struct lr_matrix **L,
                            struct lr_matrix **U, size_t **perm, struct lr_matrix **Y);

/* The Cholesky factor R (upper, Rᵀ R = A) from A's upper triangle
 * (dpotrf). When A is not positive definite *minor (1-based) gets the order
 * of the leading minor that is not, and R the factor of the minor before it
 * ((minor - 1) square; Octave's [R, p] = chol(A)); *minor = 0 otherwise.
 * LR_ERR_SHAPE if A is not square. */
enum lr_status lr_linalg_chol(const struct lr_matrix *A, struct lr_matrix **R, size_t *minor);

/* A P = Q R by Householder reflections (dgeqrf, or dgeqp3 with column
 * pivoting when perm is not NULL; dorgqr forms Q). econ: Q m×p and R p×n
 * (p = min(m, n)), else Q m×m and R m×n. perm (n entries, caller frees)
 * names the columns of A in the order of A P. Q may be NULL (only R); X
 * (may be NULL) gets LAPACK's packed m×n factor with each reflector's vector
 * scaled by its τ, Octave's X = qr(A) (R = triu(X)). */
enum lr_status lr_linalg_qr(const struct lr_matrix *A, int econ, struct lr_matrix **Q,
                            struct lr_matrix **R, size_t **perm, struct lr_matrix **X);

/* 1 if A is square and exactly symmetric (Octave's test for eig). */
int lr_linalg_is_symmetric(const struct lr_matrix *A);

/* The eigenvalues of symmetric A ascending (w, n of them, caller frees)
 * and, when V is not NULL, orthonormal eigenvectors in V's columns: dsyev
 * (Octave's driver, and its signs) up to LR_LINALG_SYEV_MAX, dsyevd (the
 * divide-and-conquer driver NumPy uses, several times faster) above.
 * LR_ERR_NONFINITE for NaN or Inf. */
enum lr_status lr_linalg_eig_sym(const struct lr_matrix *A, double **w, struct lr_matrix **V);
#define LR_LINALG_SYEV_MAX 200

/* The eigenvalues of a general square A (dgeevx with balancing, as Octave)
 * in LAPACK's order: real parts wr, imaginary parts wi (n each, caller
 * frees both), and when V is not NULL the right eigenvectors (unit 2-norm)
 * of real eigenvalues in its columns. *is_complex is set when some wi is not
 * 0 (V is then not formed). LR_ERR_NONFINITE for NaN or Inf. */
enum lr_status lr_linalg_eig(const struct lr_matrix *A, double **wr, double **wi,
                             struct lr_matrix **V, int *is_complex);

/* The reciprocal condition number in the 1-norm as Octave's rcond
 * estimates it (dtrcon, dpocon or dgecon by the structure of A; 0 when
 * exactly singular or A holds Inf, NaN when it holds NaN). */
enum lr_status lr_linalg_rcond(const struct lr_matrix *A, double *rcond);

/* The reduced row echelon form of A by Gauss-Jordan elimination with
 * partial pivoting, as Octave's rref.m (entries at most tol count as zero;
 * tol < 0 means Octave's default eps·max(m, n)·‖A‖∞). *pivots (caller frees;
 * may be NULL) gets the 0-based pivot columns, *npivots their count. */
enum lr_status lr_linalg_rref(const struct lr_matrix *A, double tol, struct lr_matrix **R,
                              size_t **pivots, size_t *npivots);

/* Σ x[i·incx] y[i·incy] over n terms through BLAS ddot. */
enum lr_status lr_linalg_dot(size_t n, const double *x, size_t incx, const double *y,
                             size_t incy, double *out);
