/* What linalg.c and decomp.c share; private to src/core. */
#ifndef LOWRANK_LINALG_IMPL_H
#define LOWRANK_LINALG_IMPL_H

#include <stddef.h>
#include "lowrank/matrix.h"

/* A zero rows×cols matrix, or NULL with *st LR_ERR_TOO_BIG (over the
 * element limit) or LR_ERR_NOMEM. */
struct lr_matrix *lr_la_create(size_t rows, size_t cols, enum lr_status *st);
/* A's entries in column-major order (lr_free it): the matrix as LAPACK
 * sees it. NULL when out of memory. */
double *lr_la_column_major(const struct lr_matrix *a);
/* Fills the row-major x from the column-major t (leading dimension ld). */
void lr_la_from_column_major(struct lr_matrix *x, const double *t, size_t ld);
/* Octave's test of a reciprocal condition number for "singular to machine
 * precision": it adds nothing to 1, or is NaN. */
int lr_la_negligible(double rcond);

#endif
