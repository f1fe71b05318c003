/* The rule of lowrank/rounding.h: when a remainder is zero to rounding. */
#include <float.h>
#include <math.h>
#include "lowrank/rounding.h"

int lr_zero_to_rounding(double value, double scale, size_t n)
{
	double v = fabs(value);

	if (isnan(v) || !(scale > 0) || isinf(scale))
		return 0;
	/* v/scale underflows only for a value far below the bound, and
	 * overflows only far above it: the comparison stays right */
	return v / scale <= (double)n * DBL_EPSILON;
}

int lr_sumsq_zero_to_rounding(double sumsq, double scale_sq, size_t n)
{
	double t = (double)n * DBL_EPSILON;

	if (isnan(sumsq) || !(scale_sq > 0) || isinf(scale_sq))
		return 0;
	return fabs(sumsq) / scale_sq <= t * t;
}

double lr_rounding_scale(const struct lr_matrix *A)
{
	size_t n = A->rows * A->cols;
	double big = 0.0, s = 0.0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(A->data[i]))
			big = fmax(big, fabs(A->data[i]));
	if (big == 0.0 || isinf(big))
		return big;
	/* in units of the largest entry: no square overflows or underflows
	 * to zero unless it is negligible beside big² anyway */
	for (size_t i = 0; i < n; i++)
		if (!isnan(A->data[i]))
			s += (A->data[i] / big) * (A->data[i] / big);
	return big * sqrt(s);
}
