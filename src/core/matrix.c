/* Dense row-major matrices with an optional observed-entry mask. */
#include "lowrank/matrix.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"
#include "lowrank/linalg.h"

size_t lr_mat_max_elems = 100000000;

/* rows*cols, or SIZE_MAX when the product overflows (always over the limit). */
static size_t elem_count(size_t rows, size_t cols)
{
	if (cols && rows > SIZE_MAX / cols)
		return SIZE_MAX;
	return rows * cols;
}

static size_t mat_size(const struct lr_matrix *m)
{
	return m->rows * m->cols;
}

struct lr_matrix *lr_mat_create(size_t rows, size_t cols)
{
	size_t n = elem_count(rows, cols);
	if (n > lr_mat_max_elems || n > SIZE_MAX / sizeof(double))
		return NULL;
	struct lr_matrix *m = lr_malloc(sizeof *m);
	if (!m)
		return NULL;
	m->rows = rows;
	m->cols = cols;
	m->data = NULL;
	m->mask = NULL;
	if (n) {
		m->data = lr_calloc(n, sizeof(double));
		if (!m->data) {
			lr_free(m);
			return NULL;
		}
	}
	return m;
}

void lr_mat_destroy(struct lr_matrix *m)
{
	if (!m)
		return;
	lr_free(m->data);
	lr_free(m->mask);
	lr_free(m);
}

struct lr_matrix *lr_mat_from(size_t rows, size_t cols, const double *data)
{
	struct lr_matrix *m = lr_mat_create(rows, cols);
	if (m && m->data)
		memcpy(m->data, data, mat_size(m) * sizeof(double));
	return m;
}

struct lr_matrix *lr_mat_copy(const struct lr_matrix *src)
{
	struct lr_matrix *m = lr_mat_from(src->rows, src->cols, src->data);
	if (!m || !src->mask)
		return m;
	m->mask = lr_malloc(mat_size(m));
	if (!m->mask) {
		lr_mat_destroy(m);
		return NULL;
	}
	memcpy(m->mask, src->mask, mat_size(m));
	return m;
}

struct lr_matrix *lr_mat_transpose(const struct lr_matrix *a)
{
	struct lr_matrix *t = lr_mat_create(a->cols, a->rows);
	if (!t)
		return NULL;
	if (a->mask && mat_size(a)) {
		t->mask = lr_malloc(mat_size(a));
		if (!t->mask) {
			lr_mat_destroy(t);
			return NULL;
		}
	}
	for (size_t i = 0; i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++) {
			LR_AT(t, j, i) = LR_AT(a, i, j);
			if (t->mask)
				t->mask[j * t->cols + i] = a->mask[i * a->cols + j];
		}
	return t;
}

enum lr_status lr_mat_mul(const struct lr_matrix *A, const struct lr_matrix *B,
                          struct lr_matrix **out)
{
	return lr_linalg_mul(A, B, NULL, out);
}

/* One dgemm with B transposed: no copy of Bᵀ is made. */
enum lr_status lr_mat_mul_bt(const struct lr_matrix *A, const struct lr_matrix *B,
                             struct lr_matrix **out)
{
	if (A->cols != B->cols)
		return LR_ERR_SHAPE;
	if (A->rows > INT_MAX || B->rows > INT_MAX || A->cols > INT_MAX)
		return LR_ERR_TOO_BIG;
	struct lr_matrix *C = lr_mat_create(A->rows, B->rows);
	if (!C)
		return elem_count(A->rows, B->rows) > lr_mat_max_elems ? LR_ERR_TOO_BIG
		                                                      : LR_ERR_NOMEM;
	/* With p = 0 every entry is the empty sum 0, already in C. */
	if (C->data && A->cols &&
	    lr_blas_dgemm('N', 'T', (int)A->rows, (int)B->rows, (int)A->cols, 1.0, A->data,
	                  (int)A->cols, B->data, (int)B->cols, 0.0, C->data, (int)C->cols)) {
		lr_mat_destroy(C);
		return LR_ERR_LAPACK;
	}
	if (A == B || (A->rows == B->rows && C->data &&
	               !memcmp(A->data, B->data, A->rows * A->cols * sizeof(double))))
		lr_linalg_mirror_upper(C);   /* A Aᵀ exactly symmetric, as lr_linalg_mul */
	*out = C;
	return LR_OK;
}

enum lr_status lr_mat_set_mask(struct lr_matrix *m, const struct lr_matrix *M)
{
	if (m->rows != M->rows || m->cols != M->cols)
		return LR_ERR_SHAPE;
	size_t n = mat_size(m);
	unsigned char *mask = NULL;
	if (n) {
		mask = lr_malloc(n);
		if (!mask)
			return LR_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			mask[i] = M->data[i] != 0.0;
	}
	lr_free(m->mask);
	m->mask = mask;
	return LR_OK;
}

void lr_mat_clear_mask(struct lr_matrix *m)
{
	lr_free(m->mask);
	m->mask = NULL;
}

int lr_mat_observed(const struct lr_matrix *m, size_t i, size_t j)
{
	size_t at = i * m->cols + j;
	return (!m->mask || m->mask[at]) && !isnan(m->data[at]);
}

size_t lr_mat_count_observed(const struct lr_matrix *m)
{
	size_t n = mat_size(m), count = 0;
	for (size_t i = 0; i < n; i++)
		count += (!m->mask || m->mask[i]) && !isnan(m->data[i]);
	return count;
}

int lr_mat_has_hidden(const struct lr_matrix *m)
{
	return lr_mat_count_observed(m) != mat_size(m);
}

int lr_mat_same(const struct lr_matrix *a, const struct lr_matrix *b)
{
	return a->rows == b->rows && a->cols == b->cols &&
	       (mat_size(a) == 0 || !memcmp(a->data, b->data, mat_size(a) * sizeof *a->data));
}

int lr_mat_all_finite(const struct lr_matrix *m)
{
	for (size_t i = 0; i < mat_size(m); i++)
		if (!isfinite(m->data[i]))
			return 0;
	return 1;
}

int lr_mat_has_nan(const struct lr_matrix *m)
{
	for (size_t i = 0; i < mat_size(m); i++)
		if (isnan(m->data[i]))
			return 1;
	return 0;
}

void lr_mat_add_outer(struct lr_matrix *A, double alpha, const struct lr_matrix *U, size_t ju,
                      const struct lr_matrix *V, size_t jv)
{
	if (U->rows != A->rows || V->rows != A->cols || ju >= U->cols || jv >= V->cols)
		return;
	for (size_t i = 0; i < A->rows; i++) {
		double a = alpha * LR_AT(U, i, ju);
		double *restrict row = A->data + i * A->cols;
		for (size_t j = 0; j < A->cols; j++)
			row[j] += a * LR_AT(V, j, jv);
	}
}
