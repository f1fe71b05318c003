/* The learning rate that suits a matrix's scale (see sgd_lr.h). */
#include "lowrank/sgd_lr.h"

#include <float.h>
#include <math.h>

/* Observed: what sgd learns from (not masked, not NaN). */
static int observed(const struct lr_matrix *A, size_t i)
{
	return (!A->mask || A->mask[i]) && !isnan(A->data[i]);
}

/* Scaled by the largest magnitude first, so that entries near DBL_MAX do
 * not overflow the sum of squares; a plain loop, so the sum is taken in
 * one order on every machine. */
double lr_sgd_norm(const struct lr_matrix *A)
{
	size_t n = A->rows * A->cols;
	double big = 0, sum = 0;

	for (size_t i = 0; i < n; i++)
		if (observed(A, i) && fabs(A->data[i]) > big)
			big = fabs(A->data[i]);
	if (big == 0 || !(big <= DBL_MAX))
		return big;
	for (size_t i = 0; i < n; i++)
		if (observed(A, i)) {
			double t = A->data[i] / big;
			sum += t * t;
		}
	return big * sqrt(sum);
}

double lr_sgd_round_lr(double x)
{
	double p, d;

	if (!(x > 0) || !(x <= DBL_MAX))
		return 0;
	p = pow(10, floor(log10(x)));
	/* the digit is 1 to 9 unless log10 and pow round across a power of
	 * ten, which the clamp absorbs */
	d = floor(x / p);
	return (d < 1 ? 1 : d > 9 ? 9 : d) * p;
}

double lr_sgd_stable_lr(const struct lr_matrix *A)
{
	double norm = lr_sgd_norm(A);

	return norm > 0 && norm <= DBL_MAX ? lr_sgd_round_lr(1 / norm) : 0;
}

double lr_sgd_default_lr(const struct lr_matrix *A)
{
	double s = lr_sgd_stable_lr(A);

	return s > 0 && s < LR_SGD_LR ? s : LR_SGD_LR;
}
