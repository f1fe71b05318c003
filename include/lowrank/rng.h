/* The project's pseudo-random generator: xoshiro256** (Blackman and Vigna,
 * 2018) seeded through splitmix64, so one 64-bit seed gives the same stream
 * on every platform. Doubles are uniform in [0, 1) from the top 53 bits;
 * normals come from the Box–Muller transform of two such doubles. */
#ifndef LOWRANK_RNG_H
#define LOWRANK_RNG_H

#include <stdint.h>

struct lr_rng {
	uint64_t s[4];
	int have_spare;     /* Box–Muller makes normals in pairs */
	double spare;
};

/* Seeds the generator: s[0..3] are four successive outputs of splitmix64
 * started at seed. */
void lr_rng_seed(struct lr_rng *r, uint64_t seed);
uint64_t lr_rng_next(struct lr_rng *r);
/* Uniform in [0, 1): (next >> 11) * 2^-53. */
double lr_rng_uniform(struct lr_rng *r);
/* Standard normal. */
double lr_rng_normal(struct lr_rng *r);
/* Uniform integer in [0, n) without modulo bias; n > 0. */
uint64_t lr_rng_below(struct lr_rng *r, uint64_t n);

#endif
