/* Ranges, see range.h. */
#include "range.h"

#include <math.h>

double lr_range_count(double a, double step, double b)
{
	if (isnan(a) || isnan(b) || isnan(step))
		return 1;   /* Octave gives NaN */
	if (step == 0 || (step > 0 && a > b) || (step < 0 && a < b))
		return 0;
	return floor((b - a) / step * (1 + 4e-16) + 4e-16) + 1;  /* forgive rounding */
}

enum lr_status lr_range_make(double a, double step, double b, double count,
                             struct lr_matrix **out)
{
	struct lr_matrix *m = lr_mat_create(1, (size_t)count);

	if (!m)
		return LR_ERR_NOMEM;
	for (size_t i = 0; i < (size_t)count; i++)
		m->data[i] = isnan(a) || isnan(b) || isnan(step) ? NAN :
		             i == 0 ? a :   /* not a + 0 * step: an infinite step gives NaN */
		             a + (double)i * step;
	/* The count forgives rounding, so a + (count-1)*step may pass the end
	 * by an ulp (0:0.1:0.3 would end at 0.30000000000000004); Octave
	 * clamps the last element to the end, so that x(end) == 0.3. */
	if (count > 1) {
		double *last = &m->data[(size_t)count - 1];
		if ((step > 0 && *last > b) || (step < 0 && *last < b))
			*last = b;
	}
	*out = m;
	return LR_OK;
}

double lr_range_at(double a, double step, double b, size_t count, size_t i)
{
	double x;

	if (isnan(a) || isnan(b) || isnan(step))
		return NAN;
	if (i == 0)
		return a;   /* not a + 0 * step: an infinite step gives NaN */
	x = a + (double)i * step;
	if (i == count - 1 && ((step > 0 && x > b) || (step < 0 && x < b)))
		x = b;   /* clamped to the end, as lr_range_make does */
	return x;
}
