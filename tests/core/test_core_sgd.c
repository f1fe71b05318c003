/* Unit tests of the SGD factorisation: the notebook's numbers, agreement
 * with an independent naive re-implementation, and every error path. */
#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/loss.h"
#include "lowrank/rng.h"
#include "lowrank/sgd.h"
#include "lowrank/svd.h"

static const double notebook[] = {
	0.3374, 0.6005, 0.1735,
	3.3359, 0.0492, 1.8374,
	2.9407, 0.5301, 2.2620,
};
static const double notebook_mask[] = { 1, 1, 1, 0, 1, 1, 1, 0, 1 };

/* ---- The reference: the notebook's loops written out naively ---------- */

struct ref_problem {
	size_t m, n, k;
	const double *A, *M;          /* M may be NULL: every non-NaN entry observed */
	const double *U0, *V0;        /* may be NULL: drawn from the rng */
	long epochs;
	double lr;
	uint64_t seed;
	int simultaneous, shuffled;
};

struct ref_result {
	double *U, *V, *loss, *hidden;
	int any_hidden;
};

static int ref_observed(const struct ref_problem *p, size_t r, size_t c)
{
	size_t i = r * p->n + c;
	return (!p->M || p->M[i] != 0.0) && !isnan(p->A[i]);
}

static void ref_start(const struct ref_problem *p, struct lr_rng *rng, struct ref_result *out)
{
	out->U = malloc(p->m * p->k * sizeof(double));
	out->V = malloc(p->n * p->k * sizeof(double));
	for (size_t i = 0; i < p->m * p->k; i++)
		out->U[i] = p->U0 ? p->U0[i] : lr_rng_uniform(rng);
	for (size_t i = 0; i < p->n * p->k; i++)
		out->V[i] = p->V0 ? p->V0[i] : lr_rng_uniform(rng);
}

/* One update of entry (r, c), exactly as the notebook writes it. */
static void ref_update(const struct ref_problem *p, struct ref_result *o, size_t r, size_t c)
{
	double *u = o->U + r * p->k, *v = o->V + c * p->k, old[64];
	double dot = 0.0;
	for (size_t j = 0; j < p->k; j++)
		dot += u[j] * v[j];
	double e = p->A[r * p->n + c] - dot;
	for (size_t j = 0; j < p->k; j++) {
		old[j] = u[j];
		u[j] = u[j] + p->lr * e * v[j];
	}
	for (size_t j = 0; j < p->k; j++)
		v[j] = v[j] + p->lr * e * (p->simultaneous ? old[j] : u[j]);
}

static void ref_losses(const struct ref_problem *p, struct ref_result *o, long ep)
{
	double obs = 0.0, hid = 0.0;
	for (size_t r = 0; r < p->m; r++)
		for (size_t c = 0; c < p->n; c++) {
			double dot = 0.0, a = p->A[r * p->n + c];
			for (size_t j = 0; j < p->k; j++)
				dot += o->U[r * p->k + j] * o->V[c * p->k + j];
			if (ref_observed(p, r, c))
				obs += (a - dot) * (a - dot);
			else if (isfinite(a))
				hid += (a - dot) * (a - dot), o->any_hidden = 1;
		}
	o->loss[ep] = obs;
	o->hidden[ep] = hid;
}

static void ref_run(const struct ref_problem *p, struct ref_result *o)
{
	struct lr_rng rng;
	size_t *list = malloc(p->m * p->n * 2 * sizeof *list), count = 0;
	lr_rng_seed(&rng, p->seed);
	o->any_hidden = 0;
	ref_start(p, &rng, o);
	o->loss = malloc(p->epochs * sizeof(double));
	o->hidden = malloc(p->epochs * sizeof(double));
	for (size_t r = 0; r < p->m; r++)
		for (size_t c = 0; c < p->n; c++)
			if (ref_observed(p, r, c))
				list[2 * count] = r, list[2 * count + 1] = c, count++;
	for (long ep = 0; ep < p->epochs; ep++) {
		for (size_t i = count - 1; p->shuffled && i >= 1; i--) {
			size_t j = (size_t)lr_rng_below(&rng, i + 1), t0 = list[2 * i], t1 = list[2 * i + 1];
			list[2 * i] = list[2 * j], list[2 * i + 1] = list[2 * j + 1];
			list[2 * j] = t0, list[2 * j + 1] = t1;
		}
		for (size_t i = 0; i < count; i++)
			ref_update(p, o, list[2 * i], list[2 * i + 1]);
		ref_losses(p, o, ep);
	}
	free(list);
}

static void ref_free(struct ref_result *o)
{
	free(o->U);
	free(o->V);
	free(o->loss);
	free(o->hidden);
}

/* max |x − y| / max |y|: relative to the size of the whole factor. */
static double rel_diff(const double *x, const double *y, size_t n)
{
	double d = 0.0, big = 0.0;
	for (size_t i = 0; i < n; i++) {
		d = fmax(d, fabs(x[i] - y[i]));
		big = fmax(big, fabs(y[i]));
	}
	return big > 0.0 ? d / big : d;
}

static struct lr_matrix *matrix_of(size_t m, size_t n, const double *d, const double *mask)
{
	struct lr_matrix *A = lr_mat_from(m, n, d);
	if (mask) {
		struct lr_matrix *M = lr_mat_from(m, n, mask);
		CHECK(lr_mat_set_mask(A, M) == LR_OK);
		lr_mat_destroy(M);
	}
	return A;
}

/* Runs lr_sgd_run and the reference on the same problem and compares the
 * factors and the whole loss history. */
static void compare_with_reference(const struct ref_problem *p)
{
	struct lr_matrix *A = matrix_of(p->m, p->n, p->A, p->M);
	struct lr_matrix *U0 = p->U0 ? lr_mat_from(p->m, p->k, p->U0) : NULL;
	struct lr_matrix *V0 = p->V0 ? lr_mat_from(p->n, p->k, p->V0) : NULL;
	struct lr_sgd_options o;
	struct lr_sgd_result res;
	struct ref_result ref;
	lr_sgd_options_init(&o);
	o.rank = p->k, o.epochs = p->epochs, o.lr = p->lr, o.seed = p->seed;
	o.update = p->simultaneous ? LR_SGD_SIMULTANEOUS : LR_SGD_SEQUENTIAL;
	o.order = p->shuffled ? LR_SGD_SHUFFLED : LR_SGD_ROWS;
	o.U0 = U0, o.V0 = V0;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
	ref_run(p, &ref);
	CHECK(res.epochs_done == p->epochs && !res.stopped && res.diverged_epoch == 0);
	CHECK(rel_diff(res.U->data, ref.U, p->m * p->k) <= 1e-12);
	CHECK(rel_diff(res.V->data, ref.V, p->n * p->k) <= 1e-12);
	CHECK(rel_diff(res.loss, ref.loss, (size_t)p->epochs) <= 1e-12);
	CHECK(!res.hidden == !ref.any_hidden);
	if (res.hidden && ref.any_hidden)
		CHECK(rel_diff(res.hidden, ref.hidden, (size_t)p->epochs) <= 1e-12);
	/* The run really moved: a test that compared two untouched starts
	 * would pass vacuously. */
	CHECK(res.loss[p->epochs - 1] < 0.9 * res.loss[0]);
	ref_free(&ref);
	lr_sgd_result_finish(&res);
	lr_mat_destroy(A);
	lr_mat_destroy(U0);
	lr_mat_destroy(V0);
}

/* A fixed start for the notebook's 3×3 at rank 2. */
static const double U0_3x2[] = { 0.1, 0.7, 0.5, 0.2, 0.9, 0.4 };
static const double V0_3x2[] = { 0.3, 0.8, 0.6, 0.05, 0.25, 0.95 };

static void ref_plain(void)
{
	struct ref_problem p = { 3, 3, 2, notebook, NULL, U0_3x2, V0_3x2, 300, 0.01, 1, 0, 0 };
	compare_with_reference(&p);
}

static void ref_masked(void)
{
	struct ref_problem p = { 3, 3, 2, notebook, notebook_mask, U0_3x2, V0_3x2, 300, 0.01, 1, 0, 0 };
	compare_with_reference(&p);
}

static void ref_simultaneous(void)
{
	struct ref_problem p = { 3, 3, 2, notebook, notebook_mask, U0_3x2, V0_3x2, 300, 0.01, 1, 1, 0 };
	compare_with_reference(&p);
	p.M = NULL;
	compare_with_reference(&p);
}

static void ref_shuffled(void)
{
	struct ref_problem p = { 3, 3, 2, notebook, notebook_mask, U0_3x2, V0_3x2, 300, 0.01, 7, 0, 1 };
	compare_with_reference(&p);
	p.simultaneous = 1;
	compare_with_reference(&p);
	p.M = NULL;
	compare_with_reference(&p);
}

/* Random data, a random mask, and every combination of update and order. */
static void ref_nonsquare_case(size_t m, size_t n, size_t k, uint64_t seed)
{
	struct lr_rng r;
	double *A = malloc(m * n * sizeof *A), *M = malloc(m * n * sizeof *M);
	double *U0 = malloc(m * k * sizeof *U0), *V0 = malloc(n * k * sizeof *V0);
	lr_rng_seed(&r, seed);
	for (size_t i = 0; i < m * n; i++) {
		A[i] = 1.0 + lr_rng_normal(&r);
		M[i] = lr_rng_uniform(&r) < 0.75;
	}
	A[1] = NAN;                       /* hidden and unknown, whatever the mask */
	for (size_t i = 0; i < m * k; i++)
		U0[i] = 0.5 * lr_rng_uniform(&r);
	for (size_t i = 0; i < n * k; i++)
		V0[i] = 0.5 * lr_rng_uniform(&r);
	for (int mode = 0; mode < 8; mode++) {
		struct ref_problem p = { m, n, k, A, (mode & 4) ? M : NULL, U0, V0, 150, 0.02,
		                         seed, mode & 1, (mode >> 1) & 1 };
		compare_with_reference(&p);
	}
	free(A);
	free(M);
	free(U0);
	free(V0);
}

static void ref_nonsquare(void)
{
	ref_nonsquare_case(4, 7, 2, 11);
	ref_nonsquare_case(7, 3, 3, 12);
	ref_nonsquare_case(9, 5, 1, 13);
}

/* Without a start, U then V are drawn from the seeded stream, and a given
 * factor draws nothing. */
static void ref_random_init(void)
{
	struct ref_problem p = { 3, 3, 2, notebook, NULL, NULL, NULL, 100, 0.01, 42, 0, 0 };
	compare_with_reference(&p);
	p.U0 = U0_3x2;
	compare_with_reference(&p);
	p.U0 = NULL, p.V0 = V0_3x2, p.shuffled = 1, p.M = notebook_mask;
	compare_with_reference(&p);
}

/* ---- The notebook's experiment ---------------------------------------- */

static double notebook_bound(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct lr_svd s;
	CHECK(lr_svd_compute(A, &s) == LR_OK);
	double b = lr_svd_tail(&s, 2);
	lr_svd_finish(&s);
	lr_mat_destroy(A);
	return b;
}

/* Default options from 30 random starts: never below the Eckart–Young bound,
 * and near it (the notebook got 0.1221 against 0.1219). */
static void notebook_defaults(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	double bound = notebook_bound();
	CHECK_NEAR(bound, 0.12191, 1e-5);
	for (uint64_t seed = 1; seed <= 30; seed++) {
		struct lr_sgd_options o;
		struct lr_sgd_result res;
		lr_sgd_options_init(&o);
		o.rank = 2, o.seed = seed;
		CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
		CHECK(res.epochs_done == 1000 && res.epochs_asked == 1000 && res.n_observed == 9);
		double last = res.loss[999];
		CHECK(last >= bound - 1e-12);
		CHECK(last >= 0.1219 && last <= 0.37);
		/* The history is the reconstruction's SSE. */
		struct lr_matrix *R = NULL;
		double sse = 0.0;
		CHECK(lr_mat_mul_bt(res.U, res.V, &R) == LR_OK && lr_loss_sse(A, R, &sse) == LR_OK);
		CHECK_REL(last, sse, 1e-12);
		CHECK(!res.hidden);
		lr_mat_destroy(R);
		lr_sgd_result_finish(&res);
	}
	lr_mat_destroy(A);
}

/* Long runs settle just above the bound: constant-step SGD stops short. */
static void notebook_long(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	double bound = notebook_bound();
	for (uint64_t seed = 1; seed <= 5; seed++) {
		struct lr_sgd_options o;
		struct lr_sgd_result res;
		lr_sgd_options_init(&o);
		o.rank = 2, o.seed = seed, o.epochs = 5000;
		CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
		CHECK(res.loss[4999] >= 0.12194 && res.loss[4999] <= 0.12195);
		CHECK(res.loss[4999] > bound);
		lr_sgd_result_finish(&res);
	}
	lr_mat_destroy(A);
}

/* ---- Hidden entries, errors, divergence, early stop, allocation -------- */

/* The notebook's masked experiment: A with the mask hides two entries whose
 * values are known, so the hidden error is recorded every epoch. */
static void hidden(void)
{
	struct lr_matrix *A = matrix_of(3, 3, notebook, notebook_mask);
	struct lr_sgd_options o;
	struct lr_sgd_result res;
	lr_sgd_options_init(&o);
	o.rank = 2;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
	CHECK(res.n_observed == 7 && res.n_hidden_known == 2 && res.hidden != NULL);
	struct lr_matrix *R = NULL;
	struct lr_loss l;
	CHECK(lr_mat_mul_bt(res.U, res.V, &R) == LR_OK && lr_loss_compute(A, R, &l) == LR_OK);
	CHECK_REL(res.hidden[999], l.sse_hidden, 1e-12);
	CHECK_REL(res.loss[999], l.sse_observed, 1e-12);
	CHECK(res.hidden[999] > 10.0 * res.loss[999]);  /* the hidden entries are not fitted */
	lr_mat_destroy(R);
	lr_sgd_result_finish(&res);

	/* The notebook's AWithNAN: hidden entries without a known value. */
	A->data[3] = NAN, A->data[7] = NAN;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
	CHECK(res.n_observed == 7 && res.n_hidden_known == 0 && res.hidden == NULL);
	lr_sgd_result_finish(&res);
	lr_mat_destroy(A);
}

static enum lr_status run_with(const struct lr_matrix *A, const struct lr_sgd_options *o)
{
	struct lr_sgd_result res;
	enum lr_status st = lr_sgd_run(A, o, &res);
	if (st != LR_OK && st != LR_ERR_DIVERGED)
		CHECK(!res.U && !res.V && !res.loss && !res.hidden && res.epochs_done == 0);
	lr_sgd_result_finish(&res);
	return st;
}

static void bad_args(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook), *W = lr_mat_create(2, 2);
	struct lr_matrix *U0 = lr_mat_create(3, 2), *U0bad = lr_mat_create(2, 2);
	struct lr_sgd_options o;
	lr_sgd_options_init(&o);
	CHECK(o.rank == 0 && o.epochs == 1000 && o.lr == 0.01 && o.seed == 42);
	CHECK(o.update == LR_SGD_SEQUENTIAL && o.order == LR_SGD_ROWS && !o.U0 && !o.progress);
	CHECK(run_with(A, &o) == LR_ERR_RANK);                  /* rank 0 */
	o.rank = 4;
	CHECK(run_with(A, &o) == LR_ERR_RANK);                  /* rank > min(m, n) */
	o.rank = 2, o.epochs = 0;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.epochs = -3;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.epochs = 10, o.lr = 0.0;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.lr = -0.01;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.lr = NAN;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.lr = INFINITY;
	CHECK(run_with(A, &o) == LR_ERR_ARG);
	o.lr = 0.01, o.U0 = U0bad;
	CHECK(run_with(A, &o) == LR_ERR_SHAPE);
	o.U0 = U0, o.V0 = U0bad;
	CHECK(run_with(A, &o) == LR_ERR_SHAPE);
	o.V0 = NULL;
	CHECK(run_with(A, &o) == LR_OK);
	o.rank = 0, o.lr = NAN;                                 /* rank is checked first */
	CHECK(run_with(A, &o) == LR_ERR_RANK);
	o.rank = 2, o.lr = 0.01;
	CHECK(lr_mat_set_mask(A, W) == LR_ERR_SHAPE);           /* mask of the wrong shape */
	struct lr_matrix *none = lr_mat_create(3, 3);           /* mask hiding every entry */
	CHECK(lr_mat_set_mask(A, none) == LR_OK);
	CHECK(run_with(A, &o) == LR_ERR_MASK);
	lr_mat_clear_mask(A);
	A->data[4] = INFINITY;
	CHECK(run_with(A, &o) == LR_ERR_NONFINITE);
	o.U0 = U0bad;                                           /* shape before data */
	CHECK(run_with(A, &o) == LR_ERR_SHAPE);
	o.U0 = NULL;
	for (size_t i = 0; i < 9; i++)                          /* an Inf masked out is fine */
		none->data[i] = i != 4;
	CHECK(lr_mat_set_mask(A, none) == LR_OK);
	CHECK(run_with(A, &o) == LR_OK);
	lr_mat_destroy(none);
	lr_mat_destroy(A);
	lr_mat_destroy(W);
	lr_mat_destroy(U0);
	lr_mat_destroy(U0bad);
}

static void diverge(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct lr_sgd_options o;
	struct lr_sgd_result res;
	lr_sgd_options_init(&o);
	o.rank = 2, o.lr = 10.0;
	CHECK(lr_sgd_run(A, &o, &res) == LR_ERR_DIVERGED);
	CHECK(res.diverged_epoch >= 1 && res.diverged_epoch == res.epochs_done);
	CHECK(res.epochs_done < 1000 && res.epochs_asked == 1000 && !res.stopped);
	CHECK(res.U && res.V && res.loss);                  /* results are kept */
	CHECK(!isfinite(res.loss[res.epochs_done - 1]));
	for (long e = 0; e + 1 < res.epochs_done; e++)
		CHECK(isfinite(res.loss[e]));
	lr_sgd_result_finish(&res);
	CHECK(!res.U && !res.loss && res.epochs_done == 0);
	lr_sgd_result_finish(&res);                          /* safe when zeroed */

	/* Slower divergence: an lr just too large still ends in a later epoch. */
	o.lr = 0.35;
	CHECK(lr_sgd_run(A, &o, &res) == LR_ERR_DIVERGED);
	CHECK(res.diverged_epoch > 1 && res.diverged_epoch == res.epochs_done);
	lr_sgd_result_finish(&res);
	lr_mat_destroy(A);
}

struct stop_ctx {
	long calls, stop_at, last_seen;
	int monotone;
};

static int stop_after(void *ctx, const struct lr_sgd_result *res)
{
	struct stop_ctx *c = ctx;
	c->calls++;
	c->monotone &= res->epochs_done == c->last_seen + 1 && isfinite(res->loss[res->epochs_done - 1]);
	c->last_seen = res->epochs_done;
	return res->epochs_done >= c->stop_at;
}

static void early_stop(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct stop_ctx c = { 0, 25, 0, 1 };
	struct lr_sgd_options o;
	struct lr_sgd_result res, full;
	lr_sgd_options_init(&o);
	o.rank = 2, o.progress = stop_after, o.progress_ctx = &c;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK);
	CHECK(res.stopped == 1 && res.epochs_done == 25 && res.epochs_asked == 1000);
	CHECK(c.calls == 25 && c.monotone);
	/* The factors are those of a 25-epoch run. */
	o.progress = NULL, o.epochs = 25;
	CHECK(lr_sgd_run(A, &o, &full) == LR_OK && !full.stopped);
	CHECK(rel_diff(res.U->data, full.U->data, 6) == 0.0);
	CHECK(res.loss[24] == full.loss[24]);
	lr_sgd_result_finish(&res);
	lr_sgd_result_finish(&full);
	lr_mat_destroy(A);
}

/* A stop asked for inside an epoch. The matrix is big enough that an epoch
 * is polled in slices (2^20 / 8 = 131,072 entries at k = 8: three slices of
 * updates, three of loss terms and one of hidden-error terms, as a quarter
 * of the entries are hidden). */
struct poll_ctx {
	long calls, stop_at;
};

static int stop_at_poll(void *ctx)
{
	struct poll_ctx *c = ctx;
	return ++c->calls >= c->stop_at;
}

static struct lr_matrix *poll_matrix(void)
{
	enum { N = 700 };
	double *a = lr_mallocarray((size_t)N * N, sizeof *a);
	double *m = lr_mallocarray((size_t)N * N, sizeof *m);
	struct lr_matrix *A = NULL;
	struct lr_rng rng;
	lr_rng_seed(&rng, 5);
	if (a && m) {
		for (size_t i = 0; i < (size_t)N * N; i++) {
			a[i] = lr_rng_uniform(&rng);
			m[i] = i % 4 != 0;
		}
		A = matrix_of(N, N, a, m);
	}
	lr_free(a);
	lr_free(m);
	return A;
}

static void same_run(const struct lr_sgd_result *a, const struct lr_sgd_result *b)
{
	CHECK(a->epochs_done == b->epochs_done);
	CHECK(memcmp(a->U->data, b->U->data, a->U->rows * a->U->cols * sizeof(double)) == 0);
	CHECK(memcmp(a->V->data, b->V->data, a->V->rows * a->V->cols * sizeof(double)) == 0);
	for (long e = 0; e < a->epochs_done; e++)
		CHECK(a->loss[e] == b->loss[e] && a->hidden[e] == b->hidden[e]);
}

static void interrupt_in_epoch(void)
{
	struct lr_matrix *A = poll_matrix();
	struct poll_ctx c = { 0, 0 };
	struct lr_sgd_options o;
	struct lr_sgd_result res, full;
	CHECK(A && A->mask);
	lr_sgd_options_init(&o);
	o.rank = 8, o.epochs = 6, o.interrupt = stop_at_poll, o.progress_ctx = &c;

	/* Never stopping: polled, and the numbers of an unpolled run. */
	c.stop_at = 1L << 40;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK && !res.stopped && res.epochs_done == 6);
	long per = c.calls / 6;   /* polls an epoch */
	CHECK(c.calls % 6 == 0 && per >= 5);
	o.interrupt = NULL;
	CHECK(lr_sgd_run(A, &o, &full) == LR_OK);
	same_run(&res, &full);
	lr_sgd_result_finish(&res);
	lr_sgd_result_finish(&full);

	/* Stopped during the updates, the loss pass and the hidden pass of the
	 * fourth epoch: three epochs kept, exactly a three-epoch run. */
	for (long at = 3 * per + 1; at <= 4 * per; at++) {
		o.interrupt = stop_at_poll, o.epochs = 6, c.calls = 0, c.stop_at = at;
		CHECK(lr_sgd_run(A, &o, &res) == LR_OK && res.stopped && res.epochs_done == 3);
		o.interrupt = NULL, o.epochs = 3;
		CHECK(lr_sgd_run(A, &o, &full) == LR_OK);
		same_run(&res, &full);
		lr_sgd_result_finish(&res);
		lr_sgd_result_finish(&full);
	}

	/* Stopped in the first epoch: nothing done, the starting factors. */
	o.interrupt = stop_at_poll, o.epochs = 6, c.calls = 0, c.stop_at = 2;
	CHECK(lr_sgd_run(A, &o, &res) == LR_OK && res.stopped && res.epochs_done == 0);
	struct lr_rng rng;
	lr_rng_seed(&rng, o.seed);
	for (size_t i = 0; i < res.U->rows * res.U->cols; i++)
		CHECK(res.U->data[i] == lr_rng_uniform(&rng));
	lr_sgd_result_finish(&res);
	lr_mat_destroy(A);
}

/* Each allocation of lr_sgd_run fails in turn until the run succeeds: every
 * failure is a clean LR_ERR_NOMEM with an empty result; valgrind and ASan
 * show that nothing leaks. The masked, shuffled run allocates the most. */
static void alloc_fail(void)
{
	struct lr_matrix *A = matrix_of(3, 3, notebook, notebook_mask);
	struct lr_sgd_options o;
	struct lr_sgd_result res;
	lr_sgd_options_init(&o);
	o.rank = 2, o.epochs = 5, o.order = LR_SGD_SHUFFLED;
	enum lr_status st = LR_ERR_NOMEM;
	long n, failures = 0;
	for (n = 1; st == LR_ERR_NOMEM && n < 100; n++) {
		lr_alloc_fail_after(n);
		st = lr_sgd_run(A, &o, &res);
		lr_alloc_fail_after(-1);
		if (st == LR_ERR_NOMEM) {
			failures++;
			CHECK(!res.U && !res.V && !res.loss && !res.hidden && res.epochs_done == 0);
		}
	}
	CHECK(st == LR_OK && res.epochs_done == 5 && res.hidden);
	CHECK(failures >= 8);     /* obs, hid, visit, U (2), V (2), loss, hidden */
	lr_sgd_result_finish(&res);
	lr_mat_destroy(A);
}

SUBTEST_MAIN(T(ref_plain), T(ref_masked), T(ref_simultaneous), T(ref_shuffled),
             T(ref_nonsquare), T(ref_random_init), T(notebook_defaults), T(notebook_long),
             T(hidden), T(bad_args), T(diverge), T(early_stop), T(interrupt_in_epoch),
             T(alloc_fail))
