/* Functions of a matrix and the generalized eigenproblem, as GNU Octave 7
 * computes them: expm (Padé with scaling and squaring after balancing,
 * Octave's expm.m), sqrtm (a complex Schur form and the triangular square
 * root recurrence, Octave's sqrtm.cc) and eig(A, B) (dsygv or dggev, as
 * Octave's EIG), and logm (Octave's logm.m). LAPACK and BLAS do the factorisations, solves and
 * products. A matrix is given row-major; a complex one as two arrays, its
 * real and imaginary parts (NULL: zero), as in lowrank/zmatrix.h. Errors:
 * LR_ERR_SHAPE, LR_ERR_NOMEM, LR_ERR_TOO_BIG (a size LAPACK's integer cannot
 * index), LR_ERR_NONFINITE, LR_ERR_LAPACK (no convergence, or no library). */
#ifndef LOWRANK_MATFUN_H
#define LOWRANK_MATFUN_H

#include <stddef.h>
#include "lowrank/matrix.h"

/* R = e^A for real square A (a new matrix the caller owns, set on LR_OK):
 * the empty matrix as it is, a scalar's exp, a diagonal matrix's
 * exponentials on the diagonal, else Octave's expm.m step by step: -Inf
 * taken as -realmax, the trace shifted off when positive, balanced by
 * dgebal, scaled by a power of 2 below the ∞-norm, the (8, 8) Padé
 * approximant solved as Octave's mldivide solves it, squared back and
 * unbalanced. *singular (may be NULL) is set when the Padé denominator was
 * singular to machine precision (Octave warns there). LR_ERR_NONFINITE for
 * NaN or +Inf (Octave's dgebal refuses them). */
enum lr_status lr_matfun_expm(const struct lr_matrix *A, struct lr_matrix **R, int *singular);

/* The same for the complex n×n (ar, ai) into (xr, xi), column by column
 * as Octave's expm.m with complex arithmetic (zgebal, zgemm, zgesv; the
 * trace shifted off whenever its mean is above 0 in Octave 7's complex
 * order, by magnitude). LR_ERR_NONFINITE for NaN or Inf (not -Inf). */
enum lr_status lr_matfun_expm_complex(size_t n, const double *ar, const double *ai,
                                      double *xr, double *xi);

/* X = A^(1/2), the principal square root of the n×n (ar, ai), into the
 * n×n (xr, xi), both written; as Octave's sqrtm: a triangular A (nonzero
 * diagonal; Octave's matrix type) by the recurrence on A itself, in real
 * arithmetic when A is real with no negative diagonal entry; any other A
 * through its complex Schur form (zgees) T = Uᴴ A U, X = U T^(1/2) Uᴴ,
 * taken as real when the 1-norm of its imaginary part is below
 * 10·n·eps·‖A‖₁ (xi zero then). *singular is set when a diagonal entry of
 * the triangular factor is exactly zero (Octave's warning "matrix is
 * singular, may not have a square root"). A non-triangular A holding NaN
 * or Inf gives NaN in every part, as Octave's. */
enum lr_status lr_matfun_sqrtm(size_t n, const double *ar, const double *ai,
                               double *xr, double *xi, int *singular);

/* L = logm(A), the principal logarithm of the n×n (ar, ai), into the n×n
 * (xr, xi), as Octave's logm.m: the log of a scalar or of a diagonal
 * matrix's entries; else the complex Schur form (zgees) and, unless it is
 * diagonal to n·eps(max |λ|), inverse scaling and squaring (square roots
 * of the triangle until ‖T − I‖₁ ≤ 0.264, then a Padé approximant of
 * degree up to 7 in partial fractions at Gauss-Legendre nodes). The result
 * is real (xi zero) for a real A with no negative eigenvalue. *warn gets
 * LR_LOGM_NON_PRINCIPAL for a negative eigenvalue (Octave's warning
 * "principal matrix logarithm is not defined ...") and LR_LOGM_MAX_ROOTS
 * after 100 square roots. */
enum { LR_LOGM_NON_PRINCIPAL = 1, LR_LOGM_MAX_ROOTS = 2 };
enum lr_status lr_matfun_logm(size_t n, const double *ar, const double *ai,
                              double *xr, double *xi, int *warn);

/* The generalized eigenvalues of the real n×n pair (A, B), A v = λ B v,
 * as Octave's eig(A, B): when both are symmetric and B positive definite
 * (dpotrf succeeds) by dsygv, ascending, real, *symmetric set; otherwise by
 * dggev, in LAPACK's order, λ = α / β (Inf for β = 0), complex pairs
 * adjacent. wr, wi get n entries each; when vr is not NULL the n×n (vr, vi)
 * get the right eigenvectors in its columns as LAPACK normalises them
 * (dsygv: Vᵀ B V = I; dggev: largest |re| + |im| of each is 1).
 * LR_ERR_NONFINITE for NaN or Inf in A or B. */
enum lr_status lr_matfun_eig_pair(size_t n, const double *a, const double *b, double *wr,
                                  double *wi, double *vr, double *vi, int *symmetric);

#endif
