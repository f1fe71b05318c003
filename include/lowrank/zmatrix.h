/* Complex linear algebra for the language's complex values. A complex
 * matrix is kept as two row-major arrays of doubles, its real and imaginary
 * parts (an imaginary part NULL means zero), so that a real matrix is a
 * complex one without copying. These routines interleave the parts for
 * BLAS and LAPACK (zgemm, zgesv, dgeevx, zgeevx) and split the results.
 * The caller owns every array; results are written into arrays of the
 * sizes given. Errors: LR_ERR_NOMEM, LR_ERR_LAPACK (failure to converge, or
 * the library is missing), LR_ERR_ARG (a singular matrix: an exact zero
 * pivot). */
#ifndef LOWRANK_ZMATRIX_H
#define LOWRANK_ZMATRIX_H

#include <stddef.h>
#include "lowrank/status.h"

/* C = A·B: A is m×k, B is k×n, C is m×n (cr and ci both written). */
enum lr_status lr_z_mul(size_t m, size_t k, size_t n,
                        const double *ar, const double *ai,
                        const double *br, const double *bi,
                        double *cr, double *ci);

/* X = A⁻¹·B by LU with partial pivoting (zgesv): A is n×n, B and X n×nrhs.
 * LR_ERR_ARG when A is exactly singular (a zero pivot). */
enum lr_status lr_z_solve(size_t n, size_t nrhs,
                          const double *ar, const double *ai,
                          const double *br, const double *bi,
                          double *xr, double *xi);

/* The eigenvalues w of a general n×n matrix A, in LAPACK's order (complex
 * conjugate pairs of a real A adjacent, positive imaginary part first), and,
 * when vr is not NULL, the right eigenvectors as columns of the n×n (vr, vi),
 * each of 2-norm 1 with its largest component real, as LAPACK gives them.
 * A real A (ai NULL) goes to dgeevx, a complex one to zgeevx, both with
 * balancing, and a Hermitian one to zheev (real eigenvalues ascending,
 * orthonormal vectors), as GNU Octave's eig does; LAPACK is given A
 * column-major, as Octave gives it, so that the rounding is Octave's. */
enum lr_status lr_z_eig(size_t n, const double *ar, const double *ai,
                        double *wr, double *wi, double *vr, double *vi);

#endif
