/* LAPACK loaded on first use, and OpenBLAS's threads; see lapack.h.
 *
 * Threads: when OpenBLAS loads it starts a worker for every core, and a
 * worker spins (about 2^28 cycles, 0.1 s here) waiting for work before it
 * sleeps, at the start and again after every call that used it. A script
 * that takes one small SVD, or the live panel's floor at the start of `sgd`,
 * so spent 0.1 s of a second core for nothing; and below about 6e8 flops one
 * thread is as fast or faster anyway (a 300×300 SVD's values: 6.7 ms on one
 * thread, 5.5 ms on two plus 10 ms more CPU; U, S, V of 300×300: 15.1 and
 * 14.5 ms; of 500×500: 52 and 44 ms; of 1000×1000: 309 and 203 ms). So
 * the library is loaded with OPENBLAS_NUM_THREADS=1, the environment put
 * back at once, and each call estimated above PARALLEL_FLOPS gets every core
 * (OpenBLAS starts its workers then). A thread count the user set in the
 * environment is left alone. */
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include "lapack.h"

#define PARALLEL_FLOPS 6e8

static void *lib;
static int tried;
static const char *failure = "liblapacke.so.3 could not be loaded";

static struct {
	void (*set)(int);  /* openblas_set_num_threads, when ours to call */
	int cores;         /* what openblas_get_num_procs says */
	int now;           /* the count last set; 0 before the first call */
} threads;

/* The environment variables through which OpenBLAS takes a thread count. */
static int count_chosen_by_user(void)
{
	return getenv("OPENBLAS_NUM_THREADS") || getenv("GOTO_NUM_THREADS") ||
	       getenv("OMP_NUM_THREADS");
}

static void find_thread_control(void)
{
	int (*procs)(void);
	*(void **)&threads.set = dlsym(lib, "openblas_set_num_threads");
	*(void **)&procs = dlsym(lib, "openblas_get_num_procs");
	if (!threads.set || !procs || (threads.cores = procs()) < 1)
		threads.set = NULL;
}

static void *open_lib(void)
{
	static const char *const names[] = { "liblapacke.so.3", "liblapacke.so" };

	if (!tried) {
		tried = 1;
		int ours = !count_chosen_by_user();
		/* Nothing else runs yet: the process is single-threaded until
		 * OpenBLAS starts, so setenv is safe here. */
		if (ours)
			setenv("OPENBLAS_NUM_THREADS", "1", 1);
		for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
			lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
		if (ours)
			unsetenv("OPENBLAS_NUM_THREADS");
		if (lib && ours)
			find_thread_control();
	}
	return lib;
}

int lr_lapack_available(const char **why)
{
	if (open_lib())
		return 1;
	if (why)
		*why = failure;
	return 0;
}

int lr_lapack_threads(void)
{
	return threads.set ? threads.now : 0;
}

/* Gives OpenBLAS the threads a call of about flops operations is worth.
 * (A workspace query is counted as its call: the same choice, made once.) */
static void use_threads_for(double flops)
{
	int want = flops >= PARALLEL_FLOPS ? threads.cores : 1;
	if (threads.set && want != threads.now) {
		threads.set(want);
		threads.now = want;
	}
}

/* m·n·min(m, n), the size a factorisation's cost grows with. */
static double cube(lapack_int m, lapack_int n)
{
	return (double)m * (double)n * (double)(m < n ? m : n);
}

/* Looks a symbol up once; the function pointer is written through a void
 * pointer, the POSIX way of storing what dlsym returns. */
static int load(const char *name, void **slot)
{
	if (!open_lib())
		return -1;
	*slot = dlsym(lib, name);
	return *slot ? 0 : -1;
}

#define LR_LAZY_DEF(name, params, args, flops) \
	lapack_int lr_lazy_##name params \
	{ \
		static lapack_int (*f) params; \
		if (!f && load("LAPACKE_" #name, (void **)&f) < 0) \
			return LR_LAPACK_MISSING; \
		use_threads_for(flops); \
		return f args; \
	}
LR_LAZY_DECLS(LR_LAZY_DEF)

/* ---- BLAS ------------------------------------------------------------------ */

/* The C interface's enumerations (cblas.h), spelled here so that the core
 * needs no BLAS header at build time. */
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

static int op(char trans)
{
	return trans == 'T' ? TRANS : NO_TRANS;
}

int lr_blas_dgemm_part(double flops, char transa, char transb, int m, int n, int k,
                       double alpha, const double *a, int lda, const double *b, int ldb,
                       double beta, double *c, int ldc)
{
	static void (*f)(int, int, int, int, int, int, double, const double *, int,
	                 const double *, int, double, double *, int);
	if (!f && load("cblas_dgemm", (void **)&f) < 0)
		return LR_LAPACK_MISSING;
	use_threads_for(flops);
	f(ROW_MAJOR, op(transa), op(transb), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
	return 0;
}

int lr_blas_dgemm(char transa, char transb, int m, int n, int k, double alpha,
                  const double *a, int lda, const double *b, int ldb, double beta,
                  double *c, int ldc)
{
	return lr_blas_dgemm_part(2.0 * m * n * k, transa, transb, m, n, k, alpha, a, lda, b, ldb,
	                          beta, c, ldc);
}

int lr_blas_dgemv(char trans, int m, int n, double alpha, const double *a, int lda,
                  const double *x, int incx, double beta, double *y, int incy)
{
	static void (*f)(int, int, int, int, double, const double *, int, const double *, int,
	                 double, double *, int);
	if (!f && load("cblas_dgemv", (void **)&f) < 0)
		return LR_LAPACK_MISSING;
	use_threads_for(2.0 * m * n);
	f(ROW_MAJOR, op(trans), m, n, alpha, a, lda, x, incx, beta, y, incy);
	return 0;
}

double lr_blas_ddot(int n, const double *x, int incx, const double *y, int incy, int *missing)
{
	static double (*f)(int, const double *, int, const double *, int);
	*missing = !f && load("cblas_ddot", (void **)&f) < 0;
	if (*missing)
		return 0.0;
	use_threads_for(2.0 * n);
	return f(n, x, incx, y, incy);
}
