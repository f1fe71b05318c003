/* A matrix of standard normal entries from a seed, as the core tests and
 * the benchmarks use for matrices with no structure. Static, for the
 * executables that include it. */
#ifndef LR_TEST_GAUSSIAN_H
#define LR_TEST_GAUSSIAN_H

#include <stdint.h>
#include "lowrank/matrix.h"
#include "lowrank/rng.h"

/* m×n, entries from lr_rng_normal seeded with seed, filled in storage
 * order; the caller's (lr_mat_destroy). NULL when out of memory. */
static inline struct lr_matrix *gaussian_matrix(size_t m, size_t n, uint64_t seed)
{
	struct lr_rng r;
	struct lr_matrix *A = lr_mat_create(m, n);

	lr_rng_seed(&r, seed);
	for (size_t i = 0; A && i < m * n; i++)
		A->data[i] = lr_rng_normal(&r);
	return A;
}

#endif
