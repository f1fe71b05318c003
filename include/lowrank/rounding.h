/* When a computed remainder is zero to rounding: the one rule every display
 * of an error, a residual or a left-out singular value follows (the svd,
 * explore and loss commands, the Matrices, Spectrum and Compare views).
 *
 * A backward-stable computation on an m×n matrix A (an SVD, a product, a
 * residual A − U·S·Vᵀ) gives the exact answer for some A + E with ‖E‖ at
 * most a modest multiple of eps·‖A‖ per operation on a row or a column, so
 * with n = max(m, n) it stays below n·eps·‖A‖ (eps = 2⁻⁵², DBL_EPSILON).
 * That is the same tolerance as Octave's rank(): a singular value σᵢ below
 * max(m, n)·eps·σ₁ cannot be told from zero. A quantity measured in a norm
 * is therefore zero to rounding when it is at most n·eps times the same
 * norm of A: σᵢ against σ₁ = ‖A‖₂; ‖A − A_k‖_F (the square root of a loss,
 * or of Σ_{i>k} σᵢ²) against ‖A‖_F. Which digits such a value shows depends
 * on the CPU's BLAS kernel and on summation order, so it is shown as 0. */
#ifndef LOWRANK_ROUNDING_H
#define LOWRANK_ROUNDING_H

#include <stddef.h>
#include "lowrank/matrix.h"

/* 1 when |value| <= n·eps·scale, value and scale being the same norm of a
 * remainder and of the matrix it was computed from (n = max(m, n)); 0 when
 * it is larger, or when value or scale is NaN, or scale is 0 or infinite
 * (nothing to measure against). Compared as a ratio, so it neither
 * overflows nor underflows. An exact 0 counts as zero to rounding. */
int lr_zero_to_rounding(double value, double scale, size_t n);

/* The same rule for sums of squares (a loss, Σ_{i>k} σᵢ², a squared
 * residual) against the matrix's own sum of squares ‖A‖²_F: 1 when
 * sqrt(sumsq) <= n·eps·sqrt(scale_sq). */
int lr_sumsq_zero_to_rounding(double sumsq, double scale_sq, size_t n);

/* ‖A‖_F over the entries of A that are numbers (NaN entries, whose values
 * are unknown, are skipped; a mask is ignored): the scale of the rule for
 * losses on A. Scaled, so entries near 1e308 or 1e-200 do not overflow or
 * underflow; Inf when an entry is infinite. */
double lr_rounding_scale(const struct lr_matrix *A);

#endif
