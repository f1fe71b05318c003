/* The benchmark program: times the start-up and the notebook workflow of the
 * real binary (when there is one), the SGD kernels and the SVD, and prints
 * for each case the median of several runs, as a parseable line while it
 * runs and as a table at the end:
 *
 *     BENCH name=sgd_dense_k16 ns_per_update=11.8 runs=5 ...
 *
 * Usage: bench [--lowrank EXE] [--script FILE] [--quick] [PREFIX...]
 * Only the cases whose names start with one of the PREFIXes run (all when
 * none is given). --quick runs fewer repetitions (for a smoke test).
 * Exit status: 0, or 1 when a case failed (the binary exited non-zero, an
 * SGD run diverged, an SVD was inaccurate). */
#include <errno.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lowrank/alloc.h"
#include "lowrank/linalg.h"
#include "lowrank/matrix.h"
#include "lowrank/rng.h"
#include "lowrank/sgd.h"
#include "lowrank/svd.h"
#include "lowrank/svd_trunc.h"
#include "gaussian.h"
#include "sgd_mark.h"

/* wait4 is BSD, not POSIX; glibc declares it only with _DEFAULT_SOURCE. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#define MAX_CASES 32

struct row {
	char name[40];
	char key[32];
	double value;
	int runs;
	char extra[160];
};

static struct row table[MAX_CASES];
static int n_rows, failed, quick;
static char **filters;
static int n_filters;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of x[0..n) (sorts x). */
static double median(double *x, int n)
{
	qsort(x, (size_t)n, sizeof *x, cmp_double);
	return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

static int wanted(const char *name)
{
	if (n_filters == 0)
		return 1;
	for (int i = 0; i < n_filters; i++)
		if (strncmp(name, filters[i], strlen(filters[i])) == 0)
			return 1;
	return 0;
}

/* Prints the parseable line now and keeps the row for the table. */
static void report(const char *name, const char *key, double value, int runs,
                   const char *extra)
{
	printf("BENCH name=%s %s=%.4g runs=%d%s%s\n", name, key, value, runs,
	       extra[0] ? " " : "", extra);
	fflush(stdout);
	if (n_rows == MAX_CASES)
		return;
	struct row *r = &table[n_rows++];
	snprintf(r->name, sizeof r->name, "%s", name);
	snprintf(r->key, sizeof r->key, "%s", key);
	snprintf(r->extra, sizeof r->extra, "%s", extra);
	r->value = value;
	r->runs = runs;
}

static void skip(const char *name, const char *why)
{
	printf("BENCH name=%s skipped=\"%s\"\n", name, why);
	fflush(stdout);
}

static void print_table(void)
{
	printf("\n%-22s %14s  %-24s %4s  %s\n", "case", "median", "unit", "runs", "notes");
	for (int i = 0; i < n_rows; i++)
		printf("%-22s %14.4g  %-24s %4d  %s\n", table[i].name, table[i].value,
		       table[i].key, table[i].runs, table[i].extra);
}

/* ---- Whole-process cases ------------------------------------------------ */

/* Runs argv to completion with stdout and stderr sent to /dev/null; its CPU
 * time (user + system) goes to *cpu_ms. Returns the exit status (-1 if it
 * could not run, 128+signal if killed). */
static int run_process_cpu(char *const argv[], double *wall_ns, long *maxrss_kb,
                           double *cpu_ms)
{
	double t0 = now_ns();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	*wall_ns = now_ns() - t0;
	*maxrss_kb = ru.ru_maxrss;
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	          (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int run_process(char *const argv[], double *wall_ns, long *maxrss_kb)
{
	double cpu_ms;
	return run_process_cpu(argv, wall_ns, maxrss_kb, &cpu_ms);
}

/* Runs argv `runs` times; the medians go to *wall_ms and *rss_kb. Returns
 * the first non-zero exit status, or 0. */
static int time_process(char *const argv[], int runs, double *wall_ms, double *rss_kb)
{
	double w[64], r[64];
	for (int i = 0; i < runs; i++) {
		long rss = 0;
		int st = run_process(argv, &w[i], &rss);
		if (st != 0)
			return st;
		w[i] /= 1e6;
		r[i] = (double)rss;
	}
	*wall_ms = median(w, runs);
	*rss_kb = median(r, runs);
	return 0;
}

/* 1 if the case name is wanted and the program can be run; says why not. */
static int runnable(const char *name, const char *exe)
{
	if (!wanted(name))
		return 0;
	if (!exe || access(exe, X_OK) != 0) {
		skip(name, "no lowrank binary");
		return 0;
	}
	return 1;
}

/* Reports the median wall time of runs whole processes argv, and their
 * peak RSS; a process that fails is reported as such. */
static void bench_process(const char *name, char **argv, int runs)
{
	double ms, rss;
	char extra[160];
	int st = time_process(argv, runs, &ms, &rss);

	if (st != 0) {
		printf("BENCH name=%s failed exit=%d\n", name, st);
		failed = 1;
		return;
	}
	snprintf(extra, sizeof extra, "peak_rss_kb=%.0f", rss);
	report(name, "wall_ms", ms, runs, extra);
}

static void bench_startup(const char *exe)
{
	const char *name = "startup";
	if (!runnable(name, exe))
		return;
	char *argv[] = { (char *)exe, "-e", "", NULL };
	bench_process(name, argv, quick ? 3 : 21);
}

static void bench_notebook(const char *exe, const char *script)
{
	const char *name = "notebook";
	if (!runnable(name, exe))
		return;
	if (!script) {
		skip(name, "no script");
		return;
	}
	char *argv[] = { (char *)exe, (char *)script, NULL };
	bench_process(name, argv, quick ? 3 : 11);
}

/* Memory grows with the matrices held, nothing else: peak RSS of a script
 * that makes an n×n matrix and trains on it at k = 16, for two sizes; the
 * figure is the bytes per entry between them (A is 8 of them; U and V at
 * k = 16 add 2·16·8/n). */
static void bench_memory(const char *exe)
{
	const char *name = "memory";
	if (!runnable(name, exe))
		return;
	static const int sizes[2] = { 1000, 2000 };
	double rss[2];
	for (int i = 0; i < 2; i++) {
		char script[128];
		snprintf(script, sizeof script, "A = rand(%d); sgd A 16 epochs=1;", sizes[i]);
		char *argv[] = { (char *)exe, "-e", script, NULL };
		double ms;
		int st = time_process(argv, quick ? 1 : 3, &ms, &rss[i]);
		if (st != 0) {
			printf("BENCH name=%s failed exit=%d\n", name, st);
			failed = 1;
			return;
		}
	}
	double entries = (double)sizes[1] * sizes[1] - (double)sizes[0] * sizes[0];
	char extra[160];
	snprintf(extra, sizeof extra, "peak_rss_kb_1000=%.0f peak_rss_kb_2000=%.0f", rss[0],
	         rss[1]);
	report(name, "bytes_per_entry", (rss[1] - rss[0]) * 1024.0 / entries, quick ? 1 : 3,
	       extra);
}

/* The fixed cost of one `sgd` command against the time of one epoch, in
 * the CPU time (user + system: the page faults of new memory count) of whole
 * processes, which load hardly moves: with t0 the script that only makes
 * the matrix, t1 and tN the same followed by `sgd Z k epochs=1` and by
 * epochs=N, an epoch is (tN − t1)/(N − 1) and the fixed cost t1 − t0 less
 * one epoch. The figure is the fixed cost in epochs (target: at most 1 at
 * k = 2). The three scripts take turns so a drift of the machine's speed
 * falls on all of them. */
static void bench_fixed(const char *name, const char *exe, int k)
{
	enum { N = 11 };
	if (!runnable(name, exe))
		return;
	char script[3][160];
	snprintf(script[0], sizeof script[0], "Z = rand(1000, 1000);");
	snprintf(script[1], sizeof script[1], "Z = rand(1000, 1000); sgd Z %d epochs=1 seed=1;", k);
	snprintf(script[2], sizeof script[2], "Z = rand(1000, 1000); sgd Z %d epochs=%d seed=1;",
	         k, N);
	int runs = quick ? 1 : 15;
	double cpu[3][64];
	for (int i = 0; i < runs; i++)
		for (int j = 0; j < 3; j++) {
			char *argv[] = { (char *)exe, "-e", script[j], NULL };
			double wall;
			long rss;
			int st = run_process_cpu(argv, &wall, &rss, &cpu[j][i]);
			if (st != 0) {
				printf("BENCH name=%s failed exit=%d\n", name, st);
				failed = 1;
				return;
			}
		}
	double t[3];
	for (int j = 0; j < 3; j++)
		t[j] = median(cpu[j], runs);
	double epoch = (t[2] - t[1]) / (N - 1), fixed = t[1] - t[0] - epoch;
	char extra[160];
	snprintf(extra, sizeof extra, "fixed_cpu_ms=%.2f epoch_cpu_ms=%.2f make_Z_cpu_ms=%.2f",
	         fixed, epoch, t[0]);
	report(name, "fixed_in_epochs", fixed / epoch, runs, extra);
}

/* ---- SGD ---------------------------------------------------------------- */

/* Phase timestamps collected through lr_sgd_run_marked. */
struct phase_clock {
	double t_start, t_updates, cpu_start;
	double update_ns, loss_ns;   /* summed over the epochs */
	double update_cpu_ns;        /* the updates' CPU time: steadier on a busy machine */
};

/* This thread's CPU time, ns. */
static double cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void on_phase(void *ctx, enum lr_sgd_phase phase)
{
	struct phase_clock *c = ctx;
	double t = now_ns();
	if (phase == LR_SGD_EPOCH_START) {
		c->t_start = t;
		c->cpu_start = cpu_ns();
	} else if (phase == LR_SGD_UPDATES_DONE) {
		c->update_cpu_ns += cpu_ns() - c->cpu_start;
		c->update_ns += t - c->t_start;
		c->t_updates = t;
	} else {
		c->loss_ns += t - c->t_updates;
	}
}

/* An m×n matrix of rank k plus a little noise, with entries about k/4, the
 * size of U Vᵀ for uniform [0,1) starts, so the training neither diverges
 * nor sits on a zero error. If observed < 1, a random mask keeps that share. */
static struct lr_matrix *sgd_problem(size_t m, size_t n, size_t k, double observed,
                                     uint64_t seed)
{
	struct lr_rng r;
	struct lr_matrix *A = lr_mat_create(m, n);
	double *X = malloc(m * k * sizeof *X), *Y = malloc(n * k * sizeof *Y);
	if (!A || !X || !Y)
		abort();
	lr_rng_seed(&r, seed);
	for (size_t i = 0; i < m * k; i++)
		X[i] = lr_rng_uniform(&r);
	for (size_t i = 0; i < n * k; i++)
		Y[i] = lr_rng_uniform(&r);
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < n; j++) {
			double s = 0.0;
			for (size_t l = 0; l < k; l++)
				s += X[i * k + l] * Y[j * k + l];
			LR_AT(A, i, j) = s + 0.01 * lr_rng_normal(&r);
		}
	if (observed < 1.0) {
		struct lr_matrix *M = lr_mat_create(m, n);
		if (!M)
			abort();
		for (size_t i = 0; i < m * n; i++)
			M->data[i] = lr_rng_uniform(&r) < observed;
		if (lr_mat_set_mask(A, M) != LR_OK)
			abort();
		lr_mat_destroy(M);
	}
	free(X);
	free(Y);
	return A;
}

static void bench_sgd(const char *name, size_t m, size_t n, size_t k, double observed,
                      enum lr_sgd_order order, long epochs, int portable)
{
	if (!wanted(name))
		return;
	struct lr_matrix *A = sgd_problem(m, n, k, observed, 7);
	struct lr_sgd_options o;
	lr_sgd_options_init(&o);
	o.rank = k, o.epochs = quick ? 1 : epochs, o.lr = 0.0005, o.order = order;
	int runs = quick ? 1 : 5;
	double upd[16], cpu[16], all[16], share[16], last_loss = 0.0;
	size_t n_obs = 0;
	for (int i = 0; i < runs; i++) {
		struct phase_clock c = { 0 };
		struct lr_sgd_result res;
		o.seed = 100 + (uint64_t)i;
		struct lr_sgd_hooks h = { on_phase, &c, portable, 0 };
		enum lr_status st = lr_sgd_run_hooked(A, &o, &res, &h);
		if (st != LR_OK) {
			printf("BENCH name=%s failed status=%s\n", name, lr_status_str(st));
			failed = 1;
			lr_sgd_result_finish(&res);
			lr_mat_destroy(A);
			return;
		}
		n_obs = res.n_observed;
		double count = (double)o.epochs * (double)n_obs;
		upd[i] = c.update_ns / count;
		cpu[i] = c.update_cpu_ns / count;
		all[i] = (c.update_ns + c.loss_ns) / count;
		share[i] = c.loss_ns / (c.update_ns + c.loss_ns);
		last_loss = res.loss[o.epochs - 1];
		lr_sgd_result_finish(&res);
	}
	char extra[160];
	snprintf(extra, sizeof extra,
	         "cpu_ns_per_update=%.4g ns_per_update_with_loss=%.4g loss_share=%.3f "
	         "updates_per_epoch=%zu epochs=%ld final_rmse=%.3g", median(cpu, runs),
	         median(all, runs), median(share, runs), n_obs, o.epochs,
	         sqrt(last_loss / (double)n_obs));
	report(name, "ns_per_update", median(upd, runs), runs, extra);
	lr_mat_destroy(A);
}

/* ---- Products and solves ---------------------------------------------------- */

/* A * B of two n×n Gaussian matrices through lr_linalg_mul (what the
 * language's * calls), after one product that loads the library. */
static void bench_product(const char *name, size_t n)
{
	if (!wanted(name))
		return;
	struct lr_matrix *A = gaussian_matrix(n, n, 6), *B = gaussian_matrix(n, n, 7), *C = NULL;
	double t[16];
	int runs = quick ? 1 : 7;
	if (lr_linalg_mul(A, B, NULL, &C) != LR_OK)
		abort();
	lr_mat_destroy(C);
	for (int i = 0; i < runs; i++) {
		double t0 = now_ns();
		if (lr_linalg_mul(A, B, NULL, &C) != LR_OK)
			abort();
		t[i] = (now_ns() - t0) / 1e6;
		lr_mat_destroy(C);
	}
	report(name, "wall_ms", median(t, runs), runs, "");
	lr_mat_destroy(A);
	lr_mat_destroy(B);
}

/* A \ b for a 1000×1000 Gaussian A (LU: dgetrf, dgecon, dgetrs, as the
 * language's operator) and the eigenvalues of a symmetric matrix (dsyevd,
 * the values only, as eig(A)); medians after one call that loads the
 * library. */
static void bench_solve_eig(const char *solve_name, const char *eig_name, size_t n)
{
	int do_solve = wanted(solve_name), do_eig = wanted(eig_name);
	if (!do_solve && !do_eig)
		return;
	struct lr_matrix *A = gaussian_matrix(n, n, 8), *b = gaussian_matrix(n, 1, 9);
	struct lr_matrix *S = NULL, *x = NULL;
	double t[16], *w = NULL;
	int runs = quick ? 1 : 5, sing = 0;
	if (lr_mat_mul_bt(A, A, &S) != LR_OK)   /* A Aᵀ: symmetric */
		abort();
	for (int i = -1; do_solve && i < runs; i++) {
		double t0 = now_ns();
		if (lr_linalg_solve(LR_LEFT, A, b, &x, &sing) != LR_OK)
			abort();
		if (i >= 0)
			t[i] = (now_ns() - t0) / 1e6;
		lr_mat_destroy(x);
	}
	if (do_solve)
		report(solve_name, "wall_ms", median(t, runs), runs, "");
	for (int i = -1; do_eig && i < runs; i++) {
		double t0 = now_ns();
		if (lr_linalg_eig_sym(S, &w, NULL) != LR_OK)
			abort();
		if (i >= 0)
			t[i] = (now_ns() - t0) / 1e6;
		lr_free(w);
	}
	if (do_eig)
		report(eig_name, "wall_ms", median(t, runs), runs, "");
	lr_mat_destroy(A);
	lr_mat_destroy(b);
	lr_mat_destroy(S);
}

/* ---- SVD ---------------------------------------------------------------- */

static double time_svd_full(const struct lr_matrix *A, int runs, struct lr_svd *keep)
{
	double t[16];
	for (int i = 0; i < runs; i++) {
		struct lr_svd s;
		double t0 = now_ns();
		if (lr_svd_compute(A, &s) != LR_OK)
			abort();
		t[i] = (now_ns() - t0) / 1e6;
		if (keep && i == 0)
			*keep = s;
		else
			lr_svd_finish(&s);
	}
	return median(t, runs);
}

static void bench_svd_full(const char *name, size_t n)
{
	if (!wanted(name))
		return;
	struct lr_matrix *A = gaussian_matrix(n, n, 5);
	int runs = quick ? 1 : 5;
	report(name, "wall_ms", time_svd_full(A, runs, NULL), runs, "");
	lr_mat_destroy(A);
}

/* Applies the Q of a QR factorisation of a fresh n×n Gaussian matrix to the
 * column-major n×n B, from the left (side 'L') or as Qᵀ from the right
 * (side 'R'): a random orthogonal factor without forming it. */
static void apply_random_q(double *B, lapack_int n, char side, struct lr_rng *r)
{
	double *G = malloc((size_t)n * (size_t)n * sizeof *G), *tau = malloc((size_t)n * sizeof *tau);
	if (!G || !tau)
		abort();
	for (size_t i = 0; i < (size_t)n * (size_t)n; i++)
		G[i] = lr_rng_normal(r);
	if (LAPACKE_dgeqrf(LAPACK_COL_MAJOR, n, n, G, n, tau) != 0 ||
	    LAPACKE_dormqr(LAPACK_COL_MAJOR, side, side == 'L' ? 'N' : 'T', n, n, n, G, n, tau,
	                   B, n) != 0)
		abort();
	free(G);
	free(tau);
}

/* A = Q1 diag(σ) Q2ᵀ with σᵢ = decay^i (i = 0, 1, ...), Q1 and Q2 random
 * orthogonal. Q is applied through dormqr rather than formed with dorgqr
 * and multiplied: the same matrix, and LAPACK's blocked code does the work. */
static struct lr_matrix *decaying_matrix(size_t n, double decay, double *sigma)
{
	struct lr_rng r;
	double *B = calloc(n * n, sizeof *B);
	if (!B)
		abort();
	for (size_t i = 0; i < n; i++)
		B[i * n + i] = sigma[i] = pow(decay, (double)i);
	lr_rng_seed(&r, 99);
	apply_random_q(B, (lapack_int)n, 'R', &r);
	apply_random_q(B, (lapack_int)n, 'L', &r);
	/* Column-major B is the transpose of the row-major A we want; A's
	 * singular values are the same, so no transpose is needed. */
	struct lr_matrix *A = lr_mat_from(n, n, B);
	free(B);
	return A;
}

/* max |x − y| / max |y| over two reconstructions, Frobenius-relative. */
static double rel_frobenius(const struct lr_matrix *X, const struct lr_matrix *Y)
{
	double d = 0.0, y = 0.0;
	for (size_t i = 0; i < X->rows * X->cols; i++) {
		double e = X->data[i] - Y->data[i];
		d += e * e;
		y += Y->data[i] * Y->data[i];
	}
	return sqrt(d / y);
}

static void bench_svd_truncated(const char *name, size_t n, size_t k)
{
	if (!wanted(name))
		return;
	double *sigma = malloc(n * sizeof *sigma);
	struct lr_matrix *A = decaying_matrix(n, 0.95, sigma);
	int runs_full = quick ? 1 : 3, runs = quick ? 1 : 5, used_full = 0;
	struct lr_svd full, tr;
	double t_full = time_svd_full(A, runs_full, &full), t[16];
	for (int i = 0; i < runs; i++) {
		double t0 = now_ns();
		if (lr_svd_truncated(A, k, &tr, &used_full) != LR_OK)
			abort();
		t[i] = (now_ns() - t0) / 1e6;
		if (i + 1 < runs)
			lr_svd_finish(&tr);
	}
	double t_tr = median(t, runs), err_s = 0.0, err_true = 0.0;
	for (size_t i = 0; i < k; i++) {
		err_s = fmax(err_s, fabs(tr.s[i] - full.s[i]) / full.s[0]);
		err_true = fmax(err_true, fabs(full.s[i] - sigma[i]) / sigma[0]);
	}
	struct lr_matrix *Rf = NULL, *Rt = NULL;
	if (lr_svd_reconstruct(&full, k, &Rf) != LR_OK || lr_svd_reconstruct(&tr, k, &Rt) != LR_OK)
		abort();
	double err_rec = rel_frobenius(Rt, Rf);
	char extra[160];
	snprintf(extra, sizeof extra,
	         "full_ms=%.4g speedup=%.3g sv_rel_err=%.2g recon_rel_err=%.2g full_vs_true=%.2g "
	         "fallback=%d", t_full, t_full / t_tr, err_s, err_rec, err_true, used_full);
	report(name, "wall_ms", t_tr, runs, extra);
	if (!(err_s <= 1e-10 && err_rec <= 1e-10)) {
		printf("BENCH name=%s failed accuracy\n", name);
		failed = 1;
	}
	lr_mat_destroy(Rf);
	lr_mat_destroy(Rt);
	lr_svd_finish(&full);
	lr_svd_finish(&tr);
	lr_mat_destroy(A);
	free(sigma);
}

int main(int argc, char **argv)
{
	const char *exe = NULL, *script = NULL;
	filters = malloc((size_t)argc * sizeof *filters);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lowrank") == 0 && i + 1 < argc)
			exe = argv[++i];
		else if (strcmp(argv[i], "--script") == 0 && i + 1 < argc)
			script = argv[++i];
		else if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else
			filters[n_filters++] = argv[i];
	}
	/* 1–2: the whole program. */
	bench_startup(exe);
	bench_notebook(exe, script);
	bench_memory(exe);
	bench_fixed("sgd_fixed_k2", exe, 2);
	bench_fixed("sgd_fixed_k16", exe, 16);
	/* 3–4: SGD, per entry update (the loss pass timed apart). */
	bench_sgd("sgd_dense_k2", 1000, 1000, 2, 1.0, LR_SGD_ROWS, 5, 0);
	bench_sgd("sgd_dense_k16", 1000, 1000, 16, 1.0, LR_SGD_ROWS, 5, 0);
	bench_sgd("sgd_dense_k32", 1000, 1000, 32, 1.0, LR_SGD_ROWS, 5, 0);
	bench_sgd("sgd_dense_k64", 1000, 1000, 64, 1.0, LR_SGD_ROWS, 3, 0);
	bench_sgd("sgd_masked_k16", 2000, 2000, 16, 0.05, LR_SGD_ROWS, 5, 0);
	bench_sgd("sgd_shuffled_k16", 1000, 1000, 16, 1.0, LR_SGD_SHUFFLED, 3, 0);
	/* Time linear in the entries: the same per update from 250² to 4000²
	 * (the factors outgrow the caches; A is read once an epoch). */
	bench_sgd("sgd_size_250_k16", 250, 250, 16, 1.0, LR_SGD_ROWS, 40, 0);
	bench_sgd("sgd_size_4000_k16", 4000, 4000, 16, 1.0, LR_SGD_ROWS, 2, 0);
	/* The portable (SSE2) kernels, for machines without AVX2. */
	bench_sgd("sgd_portable_k16", 1000, 1000, 16, 1.0, LR_SGD_ROWS, 5, 1);
	bench_sgd("sgd_portable_k64", 1000, 1000, 64, 1.0, LR_SGD_ROWS, 3, 1);
	/* Linear algebra through BLAS and LAPACK (issue: the course's linear algebra). */
	bench_product("matmul_1000", 1000);
	bench_solve_eig("solve_1000", "eig_sym_1000", 1000);
	/* 5: SVD. */
	bench_svd_full("svd_full_500", 500);
	bench_svd_full("svd_full_1000", 1000);
	bench_svd_truncated("svd_trunc10_2000", 2000, 10);
	/* 6: drawing benchmarks (render layer) go here; another engineer's. */
	print_table();
	free(filters);
	return failed;
}
