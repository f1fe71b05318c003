/* The C complex type complex values compute with (the core and the language), and
 * CMPLX(x, y): a complex number from its parts that keeps an infinite or
 * NaN part where it is (x + y*I would make 0*Inf = NaN of the other part).
 * glibc defines CMPLX only for GCC >= 4.7; clang (which says it is GCC 4.2)
 * has the same builtin. */
#ifndef LOWRANK_CX_H
#define LOWRANK_CX_H

#include <complex.h>

typedef double complex cx;

#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif

#endif
