/* The row vector of a range a:step:b as Octave makes it, shared by the
 * evaluator (a:b) and colon(a, b). */
#ifndef LR_RANGE_H
#define LR_RANGE_H

#include "lowrank/matrix.h"

/* How many elements a:step:b has (0 for an empty range, 1 when any of
 * them is NaN, Inf for an endless one). The count forgives rounding, as
 * Octave does: 0:0.1:0.3 has 4 elements. */
double lr_range_count(double a, double step, double b);
/* Fills *out with the range (count elements from lr_range_count, which the
 * caller has checked is finite and within the element limit). LR_OK or
 * LR_ERR_NOMEM. */
enum lr_status lr_range_make(double a, double step, double b, double count,
                             struct lr_matrix **out);
/* Element i of that range, as lr_range_make fills it, without making it
 * (a for loop over a range). */
double lr_range_at(double a, double step, double b, size_t count, size_t i);

#endif
