/* Dense row-major matrices of doubles with an optional mask of observed
 * entries.
 *
 * Ownership: a struct lr_matrix owns its data and mask arrays; whoever
 * created the matrix owns the struct and frees it with lr_mat_destroy.
 * An entry is observed when it is not NaN and (if a mask is present) its
 * mask byte is 1. 0×n and m×0 matrices are valid and have data == NULL. */
#ifndef LOWRANK_MATRIX_H
#define LOWRANK_MATRIX_H

#include <stddef.h>
#include "lowrank/status.h"

struct lr_matrix {
	size_t rows, cols;
	double *data;          /* owned; rows*cols doubles, row-major; NULL if empty */
	unsigned char *mask;   /* owned; NULL = every non-NaN entry observed; else 1 observed, 0 hidden */
};

#define LR_AT(m, i, j) ((m)->data[(size_t)(i) * (m)->cols + (size_t)(j)])

/* Largest number of elements one matrix may hold (a limit the language can
 * lower or raise); lr_mat_create refuses more with NULL. */
extern size_t lr_mat_max_elems;

/* A zero-filled rows×cols matrix, or NULL when out of memory or over the
 * element limit. */
struct lr_matrix *lr_mat_create(size_t rows, size_t cols);
/* Frees m, its data and mask. NULL is a no-op. */
void lr_mat_destroy(struct lr_matrix *m);
/* A deep copy (data and mask), or NULL when out of memory. */
struct lr_matrix *lr_mat_copy(const struct lr_matrix *m);
/* A copy of a caller-owned row-major array. */
struct lr_matrix *lr_mat_from(size_t rows, size_t cols, const double *data);
/* The transpose (mask transposed too), or NULL. */
struct lr_matrix *lr_mat_transpose(const struct lr_matrix *m);
/* C = A * B through BLAS (masks ignored; lr_linalg_mul with no poll).
 * LR_ERR_SHAPE if A->cols != B->rows, LR_ERR_TOO_BIG if C would exceed
 * lr_mat_max_elems, LR_ERR_LAPACK if the BLAS cannot be loaded,
 * LR_ERR_NOMEM. *out is set only on LR_OK; the caller owns it. */
enum lr_status lr_mat_mul(const struct lr_matrix *A, const struct lr_matrix *B,
                          struct lr_matrix **out);
/* C = A * B^T, the reconstruction U V^T without forming V^T. LR_ERR_SHAPE if
 * A->cols != B->cols; otherwise as lr_mat_mul. */
enum lr_status lr_mat_mul_bt(const struct lr_matrix *A, const struct lr_matrix *B,
                             struct lr_matrix **out);

/* A += alpha · U(:, ju) · V(:, jv)ᵀ, the rank-one update that steps a
 * rank-k approximation to k ± 1 in m·n operations (no new product). Does
 * nothing unless U has A's rows, V A's columns and the columns exist. */
void lr_mat_add_outer(struct lr_matrix *A, double alpha, const struct lr_matrix *U, size_t ju,
                      const struct lr_matrix *V, size_t jv);

/* Sets the mask of m from M (same shape; nonzero = observed). Replaces any
 * mask m had. LR_ERR_SHAPE on a shape mismatch, LR_ERR_NOMEM. */
enum lr_status lr_mat_set_mask(struct lr_matrix *m, const struct lr_matrix *M);
/* Removes the mask (NaN entries stay unobserved). */
void lr_mat_clear_mask(struct lr_matrix *m);
/* 1 if entry (i, j) is observed: its mask byte is 1 (or there is no mask)
 * and its value is not NaN. */
int lr_mat_observed(const struct lr_matrix *m, size_t i, size_t j);
/* Number of observed entries. */
size_t lr_mat_count_observed(const struct lr_matrix *m);
/* 1 if m has any unobserved entry (by mask or NaN). */
int lr_mat_has_hidden(const struct lr_matrix *m);

/* The small checks every layer asks (one copy, here): */
/* 1 if a and b have the same shape and the same values bit for bit (a
 * kept result is "of this matrix"); masks are not compared. */
int lr_mat_same(const struct lr_matrix *a, const struct lr_matrix *b);
/* 1 if every element is finite (no NaN, no Inf); 1 for an empty m. */
int lr_mat_all_finite(const struct lr_matrix *m);
/* 1 if some element is NaN. */
int lr_mat_has_nan(const struct lr_matrix *m);

#endif
