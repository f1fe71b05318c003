/* Unit tests of the SGD kernels for every compiled k (and the any-k loops
 * beyond them), in both instruction sets: the factors and the loss history
 * agree with a naive re-implementation of the notebook's update to 1e-12,
 * in every combination of update rule, order and mask. test_core_sgd.c
 * covers the rules themselves at small k. stream_bits: walking a fully
 * observed A itself gives the list's results to the last bit. */
#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/rng.h"
#include "lowrank/sgd.h"
#include "sgd_mark.h"

struct problem {
	size_t m, n, k;
	double *A;
	unsigned char *obs;       /* 1 observed */
	double *U0, *V0;
	long epochs;
	double lr;
	int sim, shuffled;
};

/* The notebook's loops, written out naively (one running sum). */
static void reference(const struct problem *p, double *U, double *V, double *loss)
{
	struct lr_rng rng;
	size_t *list = malloc(p->m * p->n * sizeof *list), count = 0;
	double *old = malloc(p->k * sizeof *old);
	memcpy(U, p->U0, p->m * p->k * sizeof *U);
	memcpy(V, p->V0, p->n * p->k * sizeof *V);
	lr_rng_seed(&rng, 3);
	for (size_t i = 0; i < p->m * p->n; i++)
		if (p->obs[i])
			list[count++] = i;
	for (long ep = 0; ep < p->epochs; ep++) {
		for (size_t i = count - 1; p->shuffled && i >= 1; i--) {
			size_t j = (size_t)lr_rng_below(&rng, i + 1), t = list[i];
			list[i] = list[j], list[j] = t;
		}
		for (size_t i = 0; i < count; i++) {
			double *u = U + list[i] / p->n * p->k, *v = V + list[i] % p->n * p->k, d = 0.0;
			for (size_t j = 0; j < p->k; j++)
				d += u[j] * v[j];
			double e = p->A[list[i]] - d;
			for (size_t j = 0; j < p->k; j++) {
				old[j] = u[j];
				u[j] = u[j] + p->lr * e * v[j];
			}
			for (size_t j = 0; j < p->k; j++)
				v[j] = v[j] + p->lr * e * (p->sim ? old[j] : u[j]);
		}
		loss[ep] = 0.0;
		for (size_t i = 0; i < p->m * p->n; i++) {
			double d = 0.0;
			if (!p->obs[i])
				continue;
			for (size_t j = 0; j < p->k; j++)
				d += U[i / p->n * p->k + j] * V[i % p->n * p->k + j];
			loss[ep] += (p->A[i] - d) * (p->A[i] - d);
		}
	}
	free(list);
	free(old);
}

static double rel_diff(const double *x, const double *y, size_t n)
{
	double d = 0.0, big = 0.0;
	for (size_t i = 0; i < n; i++) {
		d = fmax(d, fabs(x[i] - y[i]));
		big = fmax(big, fabs(y[i]));
	}
	return d / big;
}

static void compare(const struct problem *p, int portable)
{
	struct lr_matrix *A = lr_mat_from(p->m, p->n, p->A), *M = lr_mat_create(p->m, p->n);
	struct lr_matrix *U0 = lr_mat_from(p->m, p->k, p->U0), *V0 = lr_mat_from(p->n, p->k, p->V0);
	for (size_t i = 0; i < p->m * p->n; i++)
		M->data[i] = p->obs[i];
	CHECK(lr_mat_set_mask(A, M) == LR_OK);
	struct lr_sgd_options o;
	struct lr_sgd_result res;
	struct lr_sgd_hooks h = { NULL, NULL, portable, 0 };
	lr_sgd_options_init(&o);
	o.rank = p->k, o.epochs = p->epochs, o.lr = p->lr, o.seed = 3;
	o.update = p->sim ? LR_SGD_SIMULTANEOUS : LR_SGD_SEQUENTIAL;
	o.order = p->shuffled ? LR_SGD_SHUFFLED : LR_SGD_ROWS;
	o.U0 = U0, o.V0 = V0;
	double *U = malloc(p->m * p->k * sizeof *U), *V = malloc(p->n * p->k * sizeof *V);
	double *loss = malloc((size_t)p->epochs * sizeof *loss);
	reference(p, U, V, loss);
	CHECK(lr_sgd_run_hooked(A, &o, &res, &h) == LR_OK);
	if (res.U) {
		double du = rel_diff(res.U->data, U, p->m * p->k);
		double dv = rel_diff(res.V->data, V, p->n * p->k);
		double dl = rel_diff(res.loss, loss, (size_t)p->epochs);
		if (!(du <= 1e-12 && dv <= 1e-12 && dl <= 1e-12))
			fprintf(stderr, "k=%zu sim=%d shuffled=%d portable=%d: U %g V %g loss %g\n",
			        p->k, p->sim, p->shuffled, portable, du, dv, dl);
		CHECK(du <= 1e-12 && dv <= 1e-12 && dl <= 1e-12);
		CHECK(res.loss[p->epochs - 1] < 0.9 * res.loss[0]);   /* it trained */
	}
	lr_sgd_result_finish(&res);
	free(U);
	free(V);
	free(loss);
	lr_mat_destroy(A);
	lr_mat_destroy(M);
	lr_mat_destroy(U0);
	lr_mat_destroy(V0);
}

/* A rank-k problem of entries near k/4 with a start near the answer's scale,
 * and the observed share given. */
static void run_k(size_t k, double share, int portable)
{
	struct lr_rng r;
	struct problem p = { 0 };
	p.m = k + 5, p.n = k + 9, p.k = k, p.epochs = 40, p.lr = 0.05 / (double)k;
	p.A = malloc(p.m * p.n * sizeof *p.A);
	p.obs = malloc(p.m * p.n);
	p.U0 = malloc(p.m * k * sizeof *p.U0);
	p.V0 = malloc(p.n * k * sizeof *p.V0);
	lr_rng_seed(&r, 1000 + k);
	for (size_t i = 0; i < p.m * k; i++)
		p.U0[i] = lr_rng_uniform(&r);
	for (size_t i = 0; i < p.n * k; i++)
		p.V0[i] = lr_rng_uniform(&r);
	for (size_t i = 0; i < p.m * p.n; i++) {
		p.A[i] = (double)k / 4.0 + lr_rng_normal(&r);
		p.obs[i] = lr_rng_uniform(&r) < share;
	}
	p.obs[0] = 1;
	for (int mode = 0; mode < 4; mode++) {
		p.sim = mode & 1, p.shuffled = mode >> 1;
		compare(&p, portable);
	}
	free(p.A);
	free(p.obs);
	free(p.U0);
	free(p.V0);
}

/* Every compiled instance (1–4, multiples of 4 to 32, of 8 to 64), k just
 * above one (padding), and the any-k loops past 64. */
static const size_t ks[] = { 1, 2, 3, 4, 5, 7, 8, 12, 13, 16, 20, 24, 28, 31, 32, 33, 40,
                             48, 56, 63, 64, 65, 70 };

static void all_k(int portable, double share)
{
	for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++)
		run_k(ks[i], share, portable);
}

static void dense_native(void) { all_k(0, 1.0); }
static void masked_native(void) { all_k(0, 0.3); }
static void dense_portable(void) { all_k(1, 1.0); }
static void masked_portable(void) { all_k(1, 0.3); }

static int never(void *ctx)
{
	(void)ctx;
	return 0;
}

/* One run of a fully observed A, through the list of entries or (list = 0)
 * with the kernels walking A itself; *res is the caller's to finish. */
static void run_stream(const struct lr_matrix *A, size_t k, int sim, int polled, int portable,
                       int list, struct lr_sgd_result *res)
{
	struct lr_sgd_options o;
	struct lr_sgd_hooks h = { NULL, NULL, portable, list };
	lr_sgd_options_init(&o);
	o.rank = k, o.epochs = 2, o.lr = 0.02 / (double)k, o.seed = 5;
	o.update = sim ? LR_SGD_SIMULTANEOUS : LR_SGD_SEQUENTIAL;
	o.interrupt = polled ? never : NULL;   /* polls cut epochs into slices mid-row */
	CHECK(lr_sgd_run_hooked(A, &o, res, &h) == LR_OK);
}

static int same_bits(const struct lr_matrix *X, const struct lr_matrix *Y)
{
	return X && Y && memcmp(X->data, Y->data, X->rows * X->cols * sizeof *X->data) == 0;
}

/* The kernels walking a dense A give the list's results to the last bit,
 * for every compiled k and the any-k loops, both rules, both instruction
 * sets, and with epochs cut into slices (a slice is 2^20 / kp entries: the
 * matrix is made larger than one). */
static void stream_bits(void)
{
	for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++)
		for (int mode = 0; mode < 8; mode++) {
			size_t k = ks[i], kp = k <= 3 ? k : (k + 3) / 4 * 4;
			int sim = mode & 1, polled = mode >> 1 & 1, portable = mode >> 2;
			size_t n = polled ? (size_t)sqrt(1.3 * (double)((size_t)1 << 20) / (double)kp) + 3
			                  : k + 9;
			struct lr_matrix *A = lr_mat_create(n + 2, n);
			struct lr_rng r;
			struct lr_sgd_result a, b;
			lr_rng_seed(&r, 77 + k);
			for (size_t j = 0; j < A->rows * A->cols; j++)
				A->data[j] = (double)k / 4.0 + lr_rng_normal(&r);
			run_stream(A, k, sim, polled, portable, 0, &a);
			run_stream(A, k, sim, polled, portable, 1, &b);
			CHECK(same_bits(a.U, b.U) && same_bits(a.V, b.V));
			CHECK(a.loss && b.loss && memcmp(a.loss, b.loss, 2 * sizeof *a.loss) == 0);
			lr_sgd_result_finish(&a);
			lr_sgd_result_finish(&b);
			lr_mat_destroy(A);
		}
}

/* A fully observed A in row order is walked in place: the run allocates one
 * block fewer than with the list (the list's one block: observed, hidden
 * and shuffled entries together); a mask that hides nothing changes
 * nothing, one that hides an entry brings the list back. */
static void dense_in_place(void)
{
	struct lr_matrix *A = lr_mat_create(30, 20), *M = lr_mat_create(30, 20);
	struct lr_sgd_result res;
	long count[4];

	for (size_t i = 0; i < 600; i++) {
		A->data[i] = (double)(i % 7) / 7.0;
		M->data[i] = 1.0;
	}
	for (int k = 0; k < 4; k++) {
		long before;
		if (k >= 2) {   /* a mask of ones, then one that hides an entry */
			M->data[7] = k == 3 ? 0.0 : 1.0;
			CHECK(lr_mat_set_mask(A, M) == LR_OK);
		}
		before = lr_alloc_count();
		run_stream(A, 2, 0, 0, 0, k == 1, &res);
		count[k] = lr_alloc_count() - before;
		lr_sgd_result_finish(&res);
	}
	CHECK(count[1] == count[0] + 1);
	CHECK(count[2] == count[0]);
	CHECK(count[3] == count[1] + 1);   /* and the hidden entries' error history */
	lr_mat_destroy(A);
	lr_mat_destroy(M);
}

/* One run of k = 16 (an AVX2 instance) with the hooks' choice of kernels;
 * the caller frees *res. */
static void run16(int portable, struct lr_sgd_result *res)
{
	struct lr_rng r;
	struct lr_matrix *A = lr_mat_create(30, 40);
	struct lr_sgd_options o;
	struct lr_sgd_hooks h = { NULL, NULL, portable, 0 };
	lr_rng_seed(&r, 7);
	for (size_t i = 0; i < 30 * 40; i++)
		A->data[i] = 4.0 + lr_rng_normal(&r);
	lr_sgd_options_init(&o);
	o.rank = 16, o.epochs = 30, o.lr = 0.003, o.seed = 5;
	CHECK(lr_sgd_run_hooked(A, &o, res, &h) == LR_OK);
	lr_mat_destroy(A);
}

/* LOWRANK_SGD_KERNELS=portable gives the portable kernels' numbers bit for
 * bit even when the hooks leave the choice to the CPU (CI runs the goldens
 * so, to see that none depends on FMA). */
static void env_portable(void)
{
	struct lr_sgd_result want, got, native;
	unsetenv("LOWRANK_SGD_KERNELS");
	run16(1, &want);
	run16(0, &native);
	CHECK(setenv("LOWRANK_SGD_KERNELS", "portable", 1) == 0);
	run16(0, &got);
	CHECK(memcmp(got.U->data, want.U->data, 30 * 16 * sizeof(double)) == 0);
	CHECK(memcmp(got.V->data, want.V->data, 40 * 16 * sizeof(double)) == 0);
	CHECK(memcmp(got.loss, want.loss, 30 * sizeof(double)) == 0);
	/* with AVX2 and FMA the native run rounds differently; say so, as a
	 * machine without them cannot tell the switch from no switch */
	if (memcmp(native.U->data, want.U->data, 30 * 16 * sizeof(double)) == 0)
		fprintf(stderr, "note: the native kernels gave the portable numbers here\n");
	lr_sgd_result_finish(&want);
	lr_sgd_result_finish(&got);
	lr_sgd_result_finish(&native);
	unsetenv("LOWRANK_SGD_KERNELS");
}

SUBTEST_MAIN(T(dense_native), T(masked_native), T(dense_portable), T(masked_portable),
             T(stream_bits), T(dense_in_place), T(env_portable))
