/* Dense row-major matrices with an optional observed-entry mask. */
#include "lowrank/matrix.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lowrank/alloc.h"

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

/* i-k-j order: the innermost loop walks a row of B and a row of C, both
 * contiguous, so the compiler can vectorise it and the cache stays warm. */
enum lr_status lr_mat_mul(const struct lr_matrix *A, const struct lr_matrix *B,
                          struct lr_matrix **out)
{
	if (A->cols != B->rows)
		return LR_ERR_SHAPE;
	struct lr_matrix *C = lr_mat_create(A->rows, B->cols);
	if (!C)
		return elem_count(A->rows, B->cols) > lr_mat_max_elems ? LR_ERR_TOO_BIG
		                                                      : LR_ERR_NOMEM;
	size_t n = B->cols, p = A->cols;
	/* An empty operand leaves C zero; skipping also avoids offsetting NULL. */
	for (size_t i = 0; C->data && p && i < A->rows; i++) {
		double *restrict c = C->data + i * n;
		for (size_t k = 0; k < p; k++) {
			double a = A->data[i * p + k];
			const double *restrict b = B->data + k * n;
			for (size_t j = 0; j < n; j++)
				c[j] += a * b[j];
		}
	}
	*out = C;
	return LR_OK;
}

/* C[i][j] is the dot product of row i of A and row j of B: both rows are
 * contiguous, so no transpose is needed. */
enum lr_status lr_mat_mul_bt(const struct lr_matrix *A, const struct lr_matrix *B,
                             struct lr_matrix **out)
{
	if (A->cols != B->cols)
		return LR_ERR_SHAPE;
	struct lr_matrix *C = lr_mat_create(A->rows, B->rows);
	if (!C)
		return elem_count(A->rows, B->rows) > lr_mat_max_elems ? LR_ERR_TOO_BIG
		                                                      : LR_ERR_NOMEM;
	size_t p = A->cols;
	/* With p = 0 every entry is the empty sum 0, already in C. */
	for (size_t i = 0; C->data && p && i < A->rows; i++) {
		const double *restrict a = A->data + i * p;
		for (size_t j = 0; j < B->rows; j++) {
			const double *restrict b = B->data + j * p;
			double s = 0.0;
			for (size_t k = 0; k < p; k++)
				s += a[k] * b[k];
			LR_AT(C, i, j) = s;
		}
	}
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
