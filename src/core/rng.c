/* xoshiro256** seeded by splitmix64, after the public-domain reference code
 * of Blackman and Vigna (prng.di.unimi.it). Everything is exact integer
 * arithmetic, so a seed gives the same stream on every platform. */
#include "lowrank/rng.h"

#include <math.h>

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* splitmix64 spreads one seed over the 256-bit state; it never yields the
 * all-zero state xoshiro must avoid (its output is a bijection of a counter). */
static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void lr_rng_seed(struct lr_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
	r->have_spare = 0;
	r->spare = 0.0;
}

uint64_t lr_rng_next(struct lr_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double lr_rng_uniform(struct lr_rng *r)
{
	return (double)(lr_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Box–Muller gives two independent normals from two uniforms; the second is
 * kept for the next call. 1 − u lies in (0, 1], so the logarithm is finite. */
double lr_rng_normal(struct lr_rng *r)
{
	if (r->have_spare) {
		r->have_spare = 0;
		return r->spare;
	}
	double u1 = 1.0 - lr_rng_uniform(r);
	double u2 = lr_rng_uniform(r);
	double rad = sqrt(-2.0 * log(u1));
	double theta = 6.283185307179586476925286766559 * u2;
	r->spare = rad * sin(theta);
	r->have_spare = 1;
	return rad * cos(theta);
}

/* High and low halves of the 128-bit product x·n. */
static uint64_t mul_hilo(uint64_t x, uint64_t n, uint64_t *lo)
{
#ifdef __SIZEOF_INT128__
	__extension__ typedef unsigned __int128 u128;
	u128 m = (u128)x * n;
	*lo = (uint64_t)m;
	return (uint64_t)(m >> 64);
#else
	uint64_t x0 = x & 0xffffffffu, x1 = x >> 32;
	uint64_t n0 = n & 0xffffffffu, n1 = n >> 32;
	uint64_t p00 = x0 * n0, p01 = x0 * n1, p10 = x1 * n0, p11 = x1 * n1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
	*lo = (mid << 32) | (p00 & 0xffffffffu);
	return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
#endif
}

/* Lemire's multiply-and-reject ("Fast random integer generation in an
 * interval", 2019): unbiased, and the division happens only on the rare
 * path, which matters because every shuffled SGD epoch draws once per entry. */
uint64_t lr_rng_below(struct lr_rng *r, uint64_t n)
{
	uint64_t lo, hi = mul_hilo(lr_rng_next(r), n, &lo);
	if (lo < n) {
		uint64_t threshold = (0 - n) % n;
		while (lo < threshold)
			hi = mul_hilo(lr_rng_next(r), n, &lo);
	}
	return hi;
}
