/* What sqrtm.c lends logm.c; private to src/core. Matrices are n×n,
 * column-major, complex. */
#ifndef LOWRANK_MATFUN_IMPL_H
#define LOWRANK_MATFUN_IMPL_H

#include <complex.h>
#include <stddef.h>
#include "lowrank/status.h"

/* A (real parts ar, imaginary parts ai or NULL; n×n, row-major as the
 * language keeps matrices) into a, column-major complex for LAPACK; and the
 * result x back into xr, xi (xi all zero when real_only). */
void lr_matfun_in(size_t n, const double *ar, const double *ai, double complex *a);
void lr_matfun_out(size_t n, const double complex *x, double *xr, double *xi, int real_only);
/* The square root of the upper triangular t in place (Octave's
 * sqrtm_utri_inplace); 1 when a diagonal entry is exactly zero. */
int lr_matfun_utri_sqrt(size_t n, double complex *t);
/* c = a b, or a bᴴ when ctrans (zgemm). */
enum lr_status lr_matfun_zmul(size_t n, const double complex *a, const double complex *b,
                              int ctrans, double complex *c);
/* The complex Schur form a = u T uᴴ (zgees, no ordering), T written over a. */
enum lr_status lr_matfun_schur(size_t n, double complex *a, double complex *u);

#endif
