/* The SVD drivers with their workspace queries and fallback, shared by the
 * thin SVD (svd.c) and the full one (linalg.c); private to src/core. */
#ifndef LOWRANK_SVD_LAPACK_H
#define LOWRANK_SVD_LAPACK_H

#include <stddef.h>
#include "lowrank/status.h"

/* The SVD of the rows×cols column-major src, copied into the scratch a
 * (rows·cols doubles; both drivers overwrite their input). jobz 'N' gives
 * only the values s (min(rows, cols) of them); 'S' also the thin factors,
 * u rows×p and vt p×cols, column-major; 'A' the full ones, u rows×rows and
 * vt cols×cols. dgesdd runs first and dgesvd when it does not converge, or
 * the other way round with gesvd_first (Octave's default driver, whose signs
 * differ). LR_ERR_LAPACK when neither converges or the library is missing,
 * LR_ERR_TOO_BIG when a size or the workspace does not fit LAPACK's
 * integer, LR_ERR_NOMEM. */
enum lr_status lr_svd_lapack(char jobz, int gesvd_first, size_t rows, size_t cols,
                             const double *src, double *a, double *s, double *u, double *vt);

#endif
