/* Showing a remainder (an error, a loss, a residual, a left-out singular
 * value) as the rounding rule of lowrank/rounding.h decides: a value that
 * is zero to rounding shows as 0 with a note, so neither a student nor a
 * golden sees digits that are noise. A raw value (printf, disp, a
 * variable) is never passed through here. */
#ifndef LR_REMAINDER_H
#define LR_REMAINDER_H

#include "format.h"

/* What follows a 0 that is zero to rounding. */
#define LR_ROUNDING_NOTE "(zero to rounding)"

/* Appends x as lr_fmt_number does, except when zero is set (the caller
 * asked lr_zero_to_rounding or lr_sumsq_zero_to_rounding): then
 * "0 " LR_ROUNDING_NOTE, even for a computed 0 (whether noise comes out
 * as 0 or 1e-17 depends on the CPU's kernel), or a bare "0" when note is 0
 * (a narrow place that says the note elsewhere). A 0 that is exact by
 * construction (nothing left out) is passed with zero unset. Returns 1
 * when x was shown as zero to rounding, else 0. */
int lr_fmt_remainder(struct lr_buf *out, double x, int zero, int note, enum lr_numfmt f);

#endif
