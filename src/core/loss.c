/* Error measures between a target and its approximation. */
#include "lowrank/loss.h"

#include <float.h>
#include <math.h>

static int same_shape(const struct lr_matrix *A, const struct lr_matrix *B)
{
	return A->rows == B->rows && A->cols == B->cols;
}

/* A hidden entry counts as "known" only when finite: a hidden Inf would make
 * the hidden error infinite for every approximation and say nothing. The
 * SGD history uses the same rule, so the two agree. */
enum lr_status lr_loss_compute(const struct lr_matrix *A, const struct lr_matrix *B,
                               struct lr_loss *out)
{
	if (!same_shape(A, B))
		return LR_ERR_SHAPE;
	struct lr_loss l = { 0 };
	size_t n = A->rows * A->cols;
	for (size_t i = 0; i < n; i++) {
		double a = A->data[i], b = B->data[i], d = a - b;
		int observed = (!A->mask || A->mask[i]) && !isnan(a);
		if (!observed)
			l.n_hidden++;
		if (isnan(b))
			continue;
		if (observed) {
			l.sse_observed += d * d;
			l.n_observed++;
		} else if (isfinite(a)) {
			l.sse_hidden += d * d;
			l.n_hidden_known++;
		}
	}
	*out = l;
	return LR_OK;
}

/* Sum and count of squared differences over entries where both are numbers. */
static void sse_count(const struct lr_matrix *A, const struct lr_matrix *B,
                      double *sse, size_t *count)
{
	size_t n = A->rows * A->cols, c = 0;
	double s = 0.0;
	for (size_t i = 0; i < n; i++) {
		double a = A->data[i], b = B->data[i], d = a - b;
		if (isnan(a) || isnan(b))
			continue;
		s += d * d;
		c++;
	}
	*sse = s;
	*count = c;
}

enum lr_status lr_loss_sse(const struct lr_matrix *A, const struct lr_matrix *B, double *out)
{
	if (!same_shape(A, B))
		return LR_ERR_SHAPE;
	size_t count;
	sse_count(A, B, out, &count);
	return LR_OK;
}

enum lr_status lr_loss_mse(const struct lr_matrix *A, const struct lr_matrix *B, double *out)
{
	if (!same_shape(A, B))
		return LR_ERR_SHAPE;
	double sse;
	size_t count;
	sse_count(A, B, &sse, &count);
	*out = count ? sse / (double)count : NAN;
	return LR_OK;
}

double lr_loss_rmse(double sse, size_t count)
{
	return count ? sqrt(sse / (double)count) : NAN;
}

/* The plain sum of squares is exact enough and matches a naive computation
 * bit for bit; only when it overflows or underflows do we rescale by the
 * largest magnitude (as LAPACK's dnrm2 does) to get the true norm. */
double lr_mat_frobenius(const struct lr_matrix *m)
{
	size_t n = m->rows * m->cols;
	double s = 0.0, big = 0.0;
	for (size_t i = 0; i < n; i++)
		s += m->data[i] * m->data[i];
	if (isnan(s) || (s >= DBL_MIN && s <= DBL_MAX))
		return sqrt(s);
	for (size_t i = 0; i < n; i++)
		big = fmax(big, fabs(m->data[i]));
	if (isinf(big) || big == 0.0)
		return big;
	s = 0.0;
	for (size_t i = 0; i < n; i++) {
		double x = m->data[i] / big;
		s += x * x;
	}
	return big * sqrt(s);
}
