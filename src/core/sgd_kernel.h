/* The SGD inner loops, written once and compiled once per instruction set:
 * sgd.c includes this file with ISA (a name suffix), TARGET (a function
 * attribute, possibly empty), VL (doubles per vector: 2 or 4) and VFMA/SFMA (vector and scalar a·b + c,
 * fused where the instruction set has it) defined, then undefines them.
 *
 * Every kernel walks a struct stream: a list of entries, or a dense matrix
 * in row order, each instance compiled for one of the two (DENSE); the
 * arithmetic is the same, so both give the same bits.
 *
 * The speed of an update is bounded by its dependency chain: dot product →
 * error → U[r] update → the next update's dot product with the same U[r].
 * So the kernels
 *   - take k as a compile-time constant (KP, k padded with zero columns that
 *     stay zero), so every loop over a row is unrolled into straight-line
 *     vector code and U[r] stays in registers while the visit order stays
 *     in the same row (written back when the row changes);
 *   - sum the dot product as a tree of at most four vector partial sums;
 *   - prefetch the V row a few entries ahead (masked orders jump around V).
 * The pad columns change nothing: they are zero in U and V, add 0·0 to
 * every dot product and g·0 to themselves.
 *
 * Private to sgd.c. No include guard: included once per instruction set. */

#define KCAT2(a, b) a##_##b
#define KCAT(a, b) KCAT2(a, b)
#define KFN(name) KCAT(name, ISA)

/* How many entries ahead the V row is prefetched. */
#define PREFETCH_AHEAD 8

typedef double KFN(vec) __attribute__((vector_size(VL * sizeof(double))));
#define VEC KFN(vec)

static inline __attribute__((always_inline)) TARGET VEC KFN(load)(const double *p)
{
	VEC x;
	memcpy(&x, p, sizeof x);
	return x;
}

static inline __attribute__((always_inline)) TARGET VEC KFN(zero)(void)
{
	VEC x = { 0 };
	return x;
}

/* x in every lane. Not zero() + x: GCC keeps that addition (it turns −0
 * into +0), three cycles on the chain from one update to the next. */
static inline __attribute__((always_inline)) TARGET VEC KFN(splat)(double x)
{
#if VL == 4
	VEC v = { x, x, x, x };
#else
	VEC v = { x, x };
#endif
	return v;
}

static inline __attribute__((always_inline)) TARGET void KFN(store)(double *p, VEC x)
{
	memcpy(p, &x, sizeof x);
}

static inline __attribute__((always_inline)) TARGET double KFN(hsum)(VEC x)
{
#if VL == 4
	return (x[0] + x[2]) + (x[1] + x[3]);
#else
	return x[0] + x[1];
#endif
}

/* Σ u[t]·v[t] over NV vectors: up to four independent partial sums, each a
 * chain of fused multiply-adds, then a tree. */
static inline __attribute__((always_inline)) TARGET double
KFN(dot)(const VEC *u, const VEC *v, const size_t NV)
{
	VEC acc[4];
	const size_t NA = NV < 4 ? NV : 4;
#pragma GCC unroll 4
	for (size_t t = 0; t < NA; t++)
		acc[t] = u[t] * v[t];
#pragma GCC unroll 16
	for (size_t t = NA; t < NV; t++)
		acc[t % 4] = VFMA(u[t], v[t], acc[t % 4]);
	if (NA >= 3)
		acc[0] += acc[2];
	if (NA == 4)
		acc[1] += acc[3];
	if (NA >= 2)
		acc[0] += acc[1];
	return KFN(hsum)(acc[0]);
}

static inline __attribute__((always_inline)) TARGET void
KFN(prefetch_row)(const double *v, const size_t KP)
{
#pragma GCC unroll 8
	for (size_t b = 0; b < KP; b += 8)
		__builtin_prefetch(v + b, 1, 3);
}

/* One epoch over count entries of s from the first-th, with k = KP (a
 * multiple of 4, at most 64). sim = 0: the notebook's sequential update (V
 * sees the new U[r]); sim = 1: the simultaneous one (V sees the old U[r]).
 * DENSE: s is a whole matrix in row order (see struct stream). */
static inline __attribute__((always_inline)) TARGET void
KFN(epoch_t)(struct stream s, size_t first, size_t count, double *restrict U,
             double *restrict V, double lr, const size_t KP, const int sim, const int DENSE)
{
	enum { MAXV = 64 / VL };
	const size_t NV = KP / VL;
	VEC u[MAXV], v[MAXV];
	struct cursor at = cursor_at(s, first, DENSE);
	size_t cur = count ? cursor_r(&at, 0, DENSE) : 0;
#pragma GCC unroll 16
	for (size_t t = 0; t < NV; t++)
		u[t] = KFN(load)(U + cur * KP + VL * t);
	for (size_t i = 0; i < count; i++) {
		size_t r = cursor_r(&at, i, DENSE);
		double *vp = V + cursor_c(&at, i, DENSE) * KP;
		if (!DENSE && i + PREFETCH_AHEAD < count)   /* a list may jump around V */
			KFN(prefetch_row)(V + (size_t)at.e[i + PREFETCH_AHEAD].c * KP, KP);
		if (r != cur) {
#pragma GCC unroll 16
			for (size_t t = 0; t < NV; t++) {
				KFN(store)(U + cur * KP + VL * t, u[t]);
				u[t] = KFN(load)(U + r * KP + VL * t);
			}
			cur = r;
		}
#pragma GCC unroll 16
		for (size_t t = 0; t < NV; t++)
			v[t] = KFN(load)(vp + VL * t);
		double g = SFMA(-lr, KFN(dot)(u, v, NV), lr * cursor_a(&at, i, DENSE));
		VEC gv = KFN(splat)(g);
#pragma GCC unroll 16
		for (size_t t = 0; t < NV; t++) {
			VEC old = u[t];
			u[t] = VFMA(gv, v[t], u[t]);
			KFN(store)(vp + VL * t, VFMA(gv, sim ? old : u[t], v[t]));
		}
		cursor_next(&at, i, DENSE);
	}
#pragma GCC unroll 16
	for (size_t t = 0; t < NV; t++)
		KFN(store)(U + cur * KP + VL * t, u[t]);
}

/* Σ (a − U[r]·V[c])² over count entries of s from the first-th, two
 * interleaved sums: unlike the updates, the entries are independent, so
 * only the summation chains. */
static inline __attribute__((always_inline)) TARGET double
KFN(sse_t)(struct stream st, size_t first, size_t count, const double *restrict U,
           const double *restrict V, const size_t KP, const int DENSE)
{
	enum { MAXV = 64 / VL };
	const size_t NV = KP / VL;
	VEC u[MAXV], v[MAXV];
	double s[2] = { 0.0, 0.0 };
	struct cursor at = cursor_at(st, first, DENSE);
	size_t cur = count ? cursor_r(&at, 0, DENSE) : 0;
#pragma GCC unroll 16
	for (size_t t = 0; t < NV; t++)
		u[t] = KFN(load)(U + cur * KP + VL * t);
	for (size_t i = 0; i < count; i++) {
		size_t r = cursor_r(&at, i, DENSE);
		const double *vp = V + cursor_c(&at, i, DENSE) * KP;
		if (!DENSE && i + PREFETCH_AHEAD < count)
			KFN(prefetch_row)(V + (size_t)at.e[i + PREFETCH_AHEAD].c * KP, KP);
		if (r != cur) {
#pragma GCC unroll 16
			for (size_t t = 0; t < NV; t++)
				u[t] = KFN(load)(U + r * KP + VL * t);
			cur = r;
		}
#pragma GCC unroll 16
		for (size_t t = 0; t < NV; t++)
			v[t] = KFN(load)(vp + VL * t);
		double d = cursor_a(&at, i, DENSE) - KFN(dot)(u, v, NV);
		s[i & 1] = SFMA(d, d, s[i & 1]);
		cursor_next(&at, i, DENSE);
	}
	return s[0] + s[1];
}

/* Small k (1, 2, 3) in scalar code: vectors would be mostly padding. */
static inline __attribute__((always_inline)) TARGET void
KFN(epoch_small_t)(struct stream s, size_t first, size_t count, double *restrict U,
                   double *restrict V, double lr, const size_t K, const int sim,
                   const int DENSE)
{
	double u[3] = { 0.0, 0.0, 0.0 };
	struct cursor at = cursor_at(s, first, DENSE);
	size_t cur = count ? cursor_r(&at, 0, DENSE) : 0;
#pragma GCC unroll 3
	for (size_t t = 0; t < K; t++)
		u[t] = U[cur * K + t];
	for (size_t i = 0; i < count; i++) {
		size_t r = cursor_r(&at, i, DENSE);
		double *vp = V + cursor_c(&at, i, DENSE) * K;
		if (r != cur) {
#pragma GCC unroll 3
			for (size_t t = 0; t < K; t++) {
				U[cur * K + t] = u[t];
				u[t] = U[r * K + t];
			}
			cur = r;
		}
		double d = u[0] * vp[0];
#pragma GCC unroll 3
		for (size_t t = 1; t < K; t++)
			d = SFMA(u[t], vp[t], d);
		double g = SFMA(-lr, d, lr * cursor_a(&at, i, DENSE));
#pragma GCC unroll 3
		for (size_t t = 0; t < K; t++) {
			double old = u[t];
			u[t] = SFMA(g, vp[t], u[t]);
			vp[t] = SFMA(g, sim ? old : u[t], vp[t]);
		}
		cursor_next(&at, i, DENSE);
	}
#pragma GCC unroll 3
	for (size_t t = 0; t < K; t++)
		U[cur * K + t] = u[t];
}

static inline __attribute__((always_inline)) TARGET double
KFN(sse_small_t)(struct stream st, size_t first, size_t count, const double *restrict U,
                 const double *restrict V, const size_t K, const int DENSE)
{
	double s[2] = { 0.0, 0.0 };
	struct cursor at = cursor_at(st, first, DENSE);
	for (size_t i = 0; i < count; i++) {
		const double *u = U + cursor_r(&at, i, DENSE) * K;
		const double *v = V + cursor_c(&at, i, DENSE) * K;
		double d = u[0] * v[0];
#pragma GCC unroll 3
		for (size_t t = 1; t < K; t++)
			d = SFMA(u[t], v[t], d);
		d = cursor_a(&at, i, DENSE) - d;
		s[i & 1] = SFMA(d, d, s[i & 1]);
		cursor_next(&at, i, DENSE);
	}
	return s[0] + s[1];
}

/* Any k above 64 (padded to a multiple of 4): U[r] stays in memory, the
 * dot product keeps four vector partial sums. */
static TARGET double KFN(dot_any)(const double *restrict u, const double *restrict v,
                                  size_t KP)
{
	VEC acc[4] = { KFN(zero)(), KFN(zero)(), KFN(zero)(), KFN(zero)() };
	size_t t = 0;
	for (; t + 4 * VL <= KP; t += 4 * VL)
		for (size_t j = 0; j < 4; j++)
			acc[j] = VFMA(KFN(load)(u + t + VL * j), KFN(load)(v + t + VL * j), acc[j]);
	for (; t < KP; t += VL)
		acc[0] = VFMA(KFN(load)(u + t), KFN(load)(v + t), acc[0]);
	return KFN(hsum)((acc[0] + acc[2]) + (acc[1] + acc[3]));
}

static TARGET void KFN(epoch_any)(struct stream s, size_t first, size_t count,
                                  double *restrict U, double *restrict V, double lr,
                                  size_t KP, int sim)
{
	const int DENSE = s.e == NULL;
	struct cursor at = cursor_at(s, first, DENSE);
	for (size_t i = 0; i < count; i++) {
		double *restrict u = U + cursor_r(&at, i, DENSE) * KP;
		double *restrict v = V + cursor_c(&at, i, DENSE) * KP;
		double g = SFMA(-lr, KFN(dot_any)(u, v, KP), lr * cursor_a(&at, i, DENSE));
		VEC gv = KFN(splat)(g);
		for (size_t t = 0; t < KP; t += VL) {
			VEC ut = KFN(load)(u + t), vt = KFN(load)(v + t);
			VEC un = VFMA(gv, vt, ut);
			KFN(store)(u + t, un);
			KFN(store)(v + t, VFMA(gv, sim ? ut : un, vt));
		}
		cursor_next(&at, i, DENSE);
	}
}

static TARGET double KFN(sse_any)(struct stream st, size_t first, size_t count,
                                  const double *restrict U, const double *restrict V,
                                  size_t KP)
{
	const int DENSE = st.e == NULL;
	struct cursor at = cursor_at(st, first, DENSE);
	double s[2] = { 0.0, 0.0 };
	for (size_t i = 0; i < count; i++) {
		double d = cursor_a(&at, i, DENSE) - KFN(dot_any)(U + cursor_r(&at, i, DENSE) * KP,
		                                                  V + cursor_c(&at, i, DENSE) * KP, KP);
		s[i & 1] = SFMA(d, d, s[i & 1]);
		cursor_next(&at, i, DENSE);
	}
	return s[0] + s[1];
}

/* The instances: one per padded k and kind of stream, each a plain
 * function the dispatcher can point to (the list's and the dense matrix's
 * loops are compiled apart so neither pays for the other's test). */
#define KINSTANCE_OF(KP, T, SSE_T)                                                      \
	static TARGET void KFN(seq##KP)(struct stream s, size_t f, size_t n, double *U,     \
	                                double *V, double lr)                               \
	{                                                                                   \
		if (s.e)                                                                        \
			KFN(T)(s, f, n, U, V, lr, KP, 0, 0);                                        \
		else                                                                            \
			KFN(T)(s, f, n, U, V, lr, KP, 0, 1);                                        \
	}                                                                                   \
	static TARGET void KFN(sim##KP)(struct stream s, size_t f, size_t n, double *U,     \
	                                double *V, double lr)                               \
	{                                                                                   \
		if (s.e)                                                                        \
			KFN(T)(s, f, n, U, V, lr, KP, 1, 0);                                        \
		else                                                                            \
			KFN(T)(s, f, n, U, V, lr, KP, 1, 1);                                        \
	}                                                                                   \
	static TARGET double KFN(sse##KP)(struct stream s, size_t f, size_t n,              \
	                                  const double *U, const double *V)                 \
	{                                                                                   \
		return s.e ? KFN(SSE_T)(s, f, n, U, V, KP, 0) : KFN(SSE_T)(s, f, n, U, V, KP, 1); \
	}
#define KINSTANCE(KP) KINSTANCE_OF(KP, epoch_t, sse_t)
#define KINSTANCE_SMALL(K) KINSTANCE_OF(K, epoch_small_t, sse_small_t)

KINSTANCE_SMALL(1)
KINSTANCE_SMALL(2)
KINSTANCE_SMALL(3)
KINSTANCE(4)
KINSTANCE(8)
KINSTANCE(12)
KINSTANCE(16)
KINSTANCE(20)
KINSTANCE(24)
KINSTANCE(28)
KINSTANCE(32)
KINSTANCE(40)
KINSTANCE(48)
KINSTANCE(56)
KINSTANCE(64)

#define KROW(K) { K, KFN(seq##K), KFN(sim##K), KFN(sse##K) }
static const struct kernel KFN(kernels)[] = {
	KROW(1), KROW(2), KROW(3), KROW(4), KROW(8), KROW(12), KROW(16), KROW(20),
	KROW(24), KROW(28), KROW(32), KROW(40), KROW(48), KROW(56), KROW(64),
};

#undef KROW
#undef KINSTANCE
#undef KINSTANCE_SMALL
#undef KINSTANCE_OF
#undef VEC
#undef PREFETCH_AHEAD
#undef KFN
#undef KCAT
#undef KCAT2
