/* The notebook's SGD factorisation A ≈ U Vᵀ, see sgd.h for the exact rules.
 *
 * When some entries are hidden (a mask, NaN) or the order is shuffled, the
 * observed entries are gathered once into a flat list of (value, row,
 * column), so an epoch streams through that list and costs O(observed·k)
 * however sparse the mask is, with no mask or NaN test per update. When
 * every entry is observed and visited row by row, the kernels stream A's
 * own data instead: building a list would copy A into twice its size, and
 * the page faults of that new memory alone took longer than an epoch at
 * k = 2 on 1000×1000. */
#include "lowrank/sgd.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lowrank/alloc.h"
#include "lowrank/rng.h"
#include "sgd_mark.h"

/* 16 bytes: 32-bit indices keep the list small enough to stream quickly. */
struct entry {
	double a;
	uint32_t r, c;
};

/* What the kernels walk: a list of entries, or (e == NULL) every entry of
 * a dense row-major matrix a with cols columns, in row order. Borrowed. */
struct stream {
	const struct entry *e;
	const double *a;
	size_t cols;
};

/* A kernel's place in a stream: entry i of the count it was given. For a
 * list, entry i is read from e[i]; a dense matrix keeps its row and column
 * as it goes (DENSE is a compile-time constant in every kernel instance, so
 * each instance keeps only one of the two ways). */
struct cursor {
	const struct entry *e;   /* the list from the first entry */
	const double *a;         /* the matrix from the first entry */
	size_t r, c, cols;       /* dense: entry i's row and column */
};

static inline __attribute__((always_inline)) struct cursor
cursor_at(struct stream s, size_t first, const int DENSE)
{
	if (DENSE)
		return (struct cursor){ NULL, s.a + first, first / s.cols, first % s.cols, s.cols };
	return (struct cursor){ s.e + first, NULL, 0, 0, 0 };
}

static inline __attribute__((always_inline)) size_t
cursor_r(const struct cursor *at, size_t i, const int DENSE)
{
	return DENSE ? at->r : at->e[i].r;
}

static inline __attribute__((always_inline)) size_t
cursor_c(const struct cursor *at, size_t i, const int DENSE)
{
	return DENSE ? at->c : at->e[i].c;
}

static inline __attribute__((always_inline)) double
cursor_a(const struct cursor *at, size_t i, const int DENSE)
{
	return DENSE ? at->a[i] : at->e[i].a;
}

/* Past entry i. */
static inline __attribute__((always_inline)) void
cursor_next(struct cursor *at, size_t i, const int DENSE)
{
	(void)i;
	if (DENSE && ++at->c == at->cols) {
		at->c = 0;
		at->r++;
	}
}

struct plan {
	struct stream obs;     /* the observed entries, row by row; the loss sums
	                          these: A itself when every entry is observed */
	struct stream hid;     /* hidden entries whose value is known (finite) */
	struct stream visit;   /* the update order: obs itself, or a copy of the
	                          list shuffled in place every epoch */
	struct entry *block;   /* owned: every list above, in one allocation */
	size_t n_obs, n_hid;
};

void lr_sgd_options_init(struct lr_sgd_options *o)
{
	memset(o, 0, sizeof *o);
	o->epochs = 1000;
	o->lr = 0.01;
	o->seed = 42;
	o->update = LR_SGD_SEQUENTIAL;
	o->order = LR_SGD_ROWS;
}

void lr_sgd_result_finish(struct lr_sgd_result *res)
{
	lr_mat_destroy(res->U);
	lr_mat_destroy(res->V);
	lr_free(res->loss);
	lr_free(res->hidden);
	memset(res, 0, sizeof *res);
}

static int bad_start(const struct lr_matrix *X, size_t rows, size_t k)
{
	return X && (X->rows != rows || X->cols != k);
}

/* The argument checks, in the order sgd.h promises (the data checks, which
 * need a pass over A, come later in scan_entries). */
static enum lr_status check_options(const struct lr_matrix *A, const struct lr_sgd_options *o)
{
	size_t m = A->rows, n = A->cols, k = o->rank;
	if (k == 0 || k > (m < n ? m : n))
		return LR_ERR_RANK;
	if (o->epochs <= 0 || !(o->lr > 0.0) || !isfinite(o->lr))
		return LR_ERR_ARG;
	if ((o->update != LR_SGD_SEQUENTIAL && o->update != LR_SGD_SIMULTANEOUS) ||
	    (o->order != LR_SGD_ROWS && o->order != LR_SGD_SHUFFLED))
		return LR_ERR_ARG;
	if (bad_start(o->U0, m, k) || bad_start(o->V0, n, k))
		return LR_ERR_SHAPE;
	if (m > UINT32_MAX || n > UINT32_MAX)
		return LR_ERR_TOO_BIG;
	return LR_OK;
}

enum entry_kind { HIDDEN_UNKNOWN, OBSERVED, HIDDEN_KNOWN };

/* The one place that decides what an entry is, so counting and filling the
 * lists cannot disagree. */
static enum entry_kind classify(const struct lr_matrix *A, size_t i)
{
	double a = A->data[i];
	if ((!A->mask || A->mask[i]) && !isnan(a))
		return OBSERVED;
	return isfinite(a) ? HIDDEN_KNOWN : HIDDEN_UNKNOWN;
}

/* 1 if every entry of A is finite and no mask hides one: the common case,
 * in a loop the compiler can vectorise (a third of the time of classify's). */
static int all_plain(const struct lr_matrix *A)
{
	size_t n = A->rows * A->cols, bad = 0;
	if (A->mask)
		return 0;
	for (size_t i = 0; i < n; i++)
		bad += !(fabs(A->data[i]) <= DBL_MAX);
	return bad == 0;
}

/* Counts observed and known hidden entries; refuses an empty or infinite
 * observed set. */
static enum lr_status scan_entries(const struct lr_matrix *A, struct plan *p)
{
	size_t n = A->rows * A->cols;
	int infinite = 0;
	if (n > 0 && all_plain(A)) {
		p->n_obs = n;
		return LR_OK;
	}
	for (size_t i = 0; i < n; i++) {
		enum entry_kind kind = classify(A, i);
		p->n_obs += kind == OBSERVED;
		p->n_hid += kind == HIDDEN_KNOWN;
		infinite |= kind == OBSERVED && isinf(A->data[i]);
	}
	if (p->n_obs == 0)
		return LR_ERR_MASK;
	return infinite ? LR_ERR_NONFINITE : LR_OK;
}

static void fill_entries(const struct lr_matrix *A, struct entry *obs, struct entry *hid)
{
	size_t no = 0, nh = 0;
	for (size_t r = 0; r < A->rows; r++)
		for (size_t c = 0; c < A->cols; c++) {
			size_t i = r * A->cols + c;
			struct entry e = { A->data[i], (uint32_t)r, (uint32_t)c };
			enum entry_kind kind = classify(A, i);
			if (kind == OBSERVED)
				obs[no++] = e;
			else if (kind == HIDDEN_KNOWN)
				hid[nh++] = e;
		}
}

/* The streams of the epochs: A itself when every entry is observed and the
 * order is by rows (no allocation, no second pass), else the lists, in one
 * block: observed, known hidden, and the shuffled copy. */
static enum lr_status build_plan(const struct lr_matrix *A, const struct lr_sgd_options *o,
                                 int list, struct plan *p)
{
	int shuffled = o->order == LR_SGD_SHUFFLED;
	if (!list && !shuffled && p->n_obs == A->rows * A->cols) {
		p->obs = (struct stream){ NULL, A->data, A->cols };
		p->visit = p->obs;
		return LR_OK;
	}
	p->block = lr_mallocarray(p->n_obs * (1 + (size_t)shuffled) + p->n_hid, sizeof *p->block);
	if (!p->block)
		return LR_ERR_NOMEM;
	struct entry *obs = p->block, *hid = obs + p->n_obs, *visit = hid + p->n_hid;
	fill_entries(A, obs, hid);
	p->obs = (struct stream){ obs, NULL, 0 };
	p->hid = (struct stream){ hid, NULL, 0 };
	p->visit = p->obs;
	if (shuffled) {
		memcpy(visit, obs, p->n_obs * sizeof *visit);
		p->visit.e = visit;
	}
	return LR_OK;
}

/* The factors and the history arrays, all of *res that is allocated. */
static enum lr_status alloc_result(const struct lr_matrix *A, const struct lr_sgd_options *o,
                                   const struct plan *p, struct lr_sgd_result *res)
{
	res->U = lr_mat_create(A->rows, o->rank);
	res->V = lr_mat_create(A->cols, o->rank);
	res->loss = lr_mallocarray((size_t)o->epochs, sizeof(double));
	if (p->n_hid)
		res->hidden = lr_mallocarray((size_t)o->epochs, sizeof(double));
	if (!res->U || !res->V || !res->loss || (p->n_hid && !res->hidden))
		return LR_ERR_NOMEM;
	res->n_observed = p->n_obs;
	res->n_hidden_known = p->n_hid;
	res->epochs_asked = o->epochs;
	return LR_OK;
}

/* Random starts are drawn as torch.rand(m, k) then torch.rand(n, k) would:
 * U row-major first, then V, from one stream; a given start draws nothing. */
static void init_factors(const struct lr_sgd_options *o, struct lr_rng *rng,
                         struct lr_sgd_result *res)
{
	struct lr_matrix *F[2] = { res->U, res->V };
	const struct lr_matrix *F0[2] = { o->U0, o->V0 };
	for (int f = 0; f < 2; f++) {
		size_t n = F[f]->rows * F[f]->cols;
		if (F0[f])
			memcpy(F[f]->data, F0[f]->data, n * sizeof(double));
		else
			for (size_t i = 0; i < n; i++)
				F[f]->data[i] = lr_rng_uniform(rng);
	}
}

/* ---- The kernels ---------------------------------------------------------
 * One set per instruction set, from the same source (sgd_kernel.h): plain C
 * with GCC vector types (SSE2 on x86-64, NEON elsewhere) for every machine,
 * and AVX2 with fused multiply-add chosen at run time on x86 machines that
 * have it; the build needs no -march flag. Fused multiply-add rounds once
 * where a·b + c rounds twice, so the two sets differ in the last bits, far
 * below the 1e-12 the tests hold them to against the naive reference. */

/* Each walks n entries of a stream from the first-th. */
struct kernel {
	size_t kp;   /* the padded k this instance is compiled for */
	void (*seq)(struct stream s, size_t first, size_t n, double *U, double *V, double lr);
	void (*sim)(struct stream s, size_t first, size_t n, double *U, double *V, double lr);
	double (*sse)(struct stream s, size_t first, size_t n, const double *U, const double *V);
};

#define ISA generic
#define TARGET
#define VL 2
#define VFMA(a, b, c) ((a) * (b) + (c))
#define SFMA(a, b, c) ((a) * (b) + (c))
#include "sgd_kernel.h"
#undef ISA
#undef VL
#undef TARGET
#undef VFMA
#undef SFMA

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_KERNELS 1
#define ISA avx2
#define TARGET __attribute__((target("avx2,fma")))
#define VL 4
#define VFMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define SFMA(a, b, c) __builtin_fma((a), (b), (c))
#include "sgd_kernel.h"
#undef ISA
#undef VL
#undef TARGET
#undef VFMA
#undef SFMA
#endif

/* The kernels of one instruction set: instances for the padded k in
 * table, and the any-k loops beyond them. */
struct isa {
	const struct kernel *table;
	size_t n;
	void (*epoch_any)(struct stream s, size_t first, size_t n, double *U, double *V,
	                  double lr, size_t kp, int sim);
	double (*sse_any)(struct stream s, size_t first, size_t n, const double *U,
	                  const double *V, size_t kp);
};

/* LOWRANK_SGD_KERNELS=portable asks for the portable kernels everywhere, so
 * that a machine with AVX2 can show (and CI can test) the numbers of one
 * without it; anything else leaves the choice to the CPU. */
static int portable_asked(void)
{
	const char *e = getenv("LOWRANK_SGD_KERNELS");

	return e && strcmp(e, "portable") == 0;
}

static struct isa pick_isa(int portable)
{
	portable = portable || portable_asked();
#ifdef HAVE_AVX2_KERNELS
	__builtin_cpu_init();
	if (!portable && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
		return (struct isa){ kernels_avx2, sizeof kernels_avx2 / sizeof kernels_avx2[0],
		                     epoch_any_avx2, sse_any_avx2 };
#else
	(void)portable;
#endif
	return (struct isa){ kernels_generic, sizeof kernels_generic / sizeof kernels_generic[0],
	                     epoch_any_generic, sse_any_generic };
}

/* The working copies of U and V the kernels update: rows padded with zero
 * columns to kp, the smallest compiled instance at least k (a multiple of 4
 * beyond the table), and aligned to a cache line. */
struct work {
	struct isa isa;
	const struct kernel *kern;    /* NULL: the any-k loops */
	size_t k, kp;
	double *U, *V;                /* aligned into the blocks below */
	void *U_block, *V_block;      /* owned */
};

static double *aligned_rows(size_t rows, size_t kp, void **block)
{
	size_t n = rows * kp + 8;     /* rows·kp cannot overflow: U, V of k columns exist */
	*block = lr_calloc(n, sizeof(double));
	if (!*block)
		return NULL;
	uintptr_t p = (uintptr_t)*block;
	return (double *)(p + ((64 - p % 64) % 64));
}

static void copy_rows(double *dst, size_t dk, const double *src, size_t sk, size_t rows, size_t k)
{
	for (size_t i = 0; i < rows; i++)
		memcpy(dst + i * dk, src + i * sk, k * sizeof(double));
}

static enum lr_status work_init(struct work *w, const struct lr_sgd_result *res, size_t k,
                                int portable)
{
	w->isa = pick_isa(portable);
	w->k = k;
	w->kp = (k + 3) / 4 * 4;
	w->kern = NULL;
	for (size_t i = 0; i < w->isa.n; i++)
		if (w->isa.table[i].kp >= k) {
			w->kern = &w->isa.table[i];
			w->kp = w->kern->kp;
			break;
		}
	w->U = aligned_rows(res->U->rows, w->kp, &w->U_block);
	w->V = aligned_rows(res->V->rows, w->kp, &w->V_block);
	if (!w->U || !w->V)
		return LR_ERR_NOMEM;
	copy_rows(w->U, w->kp, res->U->data, k, res->U->rows, k);
	copy_rows(w->V, w->kp, res->V->data, k, res->V->rows, k);
	return LR_OK;
}

/* Copies the working factors back into the result. */
static void work_publish(const struct work *w, struct lr_sgd_result *res)
{
	copy_rows(res->U->data, w->k, w->U, w->kp, res->U->rows, w->k);
	copy_rows(res->V->data, w->k, w->V, w->kp, res->V->rows, w->k);
}

static void work_finish(struct work *w)
{
	lr_free(w->U_block);
	lr_free(w->V_block);
}

/* The updates of entries first..first+n of s. */
static void epoch(const struct work *w, struct stream s, size_t first, size_t n, double lr,
                  int sim)
{
	if (w->kern && sim)
		w->kern->sim(s, first, n, w->U, w->V, lr);
	else if (w->kern)
		w->kern->seq(s, first, n, w->U, w->V, lr);
	else
		w->isa.epoch_any(s, first, n, w->U, w->V, lr, w->kp, sim);
}

/* Σ (a − U[r]·V[c])² over entries first..first+n of s. */
static double sse(const struct work *w, struct stream s, size_t first, size_t n)
{
	if (n == 0)
		return 0.0;
	return w->kern ? w->kern->sse(s, first, n, w->U, w->V)
	               : w->isa.sse_any(s, first, n, w->U, w->V, w->kp);
}

/* Fisher–Yates, in place, continuing from the previous epoch's order:
 * for i = count−1 down to 1, swap i with below(i + 1). */
static void shuffle(struct entry *e, size_t count, struct lr_rng *rng)
{
	for (size_t i = count; i > 1; i--) {
		size_t j = (size_t)lr_rng_below(rng, i);
		struct entry t = e[i - 1];
		e[i - 1] = e[j];
		e[j] = t;
	}
}

/* Updates or loss terms between two polls of o->interrupt: 2^20 / kp, so a
 * slice is at most about a millisecond of work at any rank (16,384 at
 * k = 64, measured 17 ns each). */
#define POLL_WORK ((size_t)1 << 20)

/* How a long epoch is cut into slices, and where it can go back to. */
struct poll {
	const struct lr_sgd_options *o;
	size_t slice;                /* entries a slice */
	int on;                      /* 1: poll, and keep the factors each epoch */
	double *U0, *V0;             /* owned: the working U, V as the epoch began */
	void *block;
};

static enum lr_status poll_init(struct poll *q, const struct lr_sgd_options *o,
                                const struct plan *p, const struct work *w,
                                const struct lr_sgd_result *res)
{
	size_t nu = res->U->rows * w->kp, nv = res->V->rows * w->kp;

	memset(q, 0, sizeof *q);
	q->o = o;
	q->slice = POLL_WORK / w->kp;
	if (!o->interrupt || p->n_obs + p->n_hid <= q->slice)
		return LR_OK;                /* short epochs: between them is soon enough */
	q->on = 1;
	q->block = lr_mallocarray(nu + nv, sizeof(double));
	if (!q->block)
		return LR_ERR_NOMEM;
	q->U0 = q->block;
	q->V0 = q->U0 + nu;
	return LR_OK;
}

static void poll_keep(struct poll *q, const struct work *w, const struct lr_sgd_result *res)
{
	if (q->on) {
		memcpy(q->U0, w->U, res->U->rows * w->kp * sizeof(double));
		memcpy(q->V0, w->V, res->V->rows * w->kp * sizeof(double));
	}
}

static void poll_restore(const struct poll *q, const struct work *w,
                         const struct lr_sgd_result *res)
{
	memcpy(w->U, q->U0, res->U->rows * w->kp * sizeof(double));
	memcpy(w->V, q->V0, res->V->rows * w->kp * sizeof(double));
}

/* The epoch's updates slice by slice; 1 if a poll asked to stop. The
 * kernels visit a list in order, so slices give the numbers the whole list
 * would. */
static int epoch_polled(const struct work *w, const struct poll *q, struct stream s,
                        size_t n, int sim)
{
	if (!q->on) {
		epoch(w, s, 0, n, q->o->lr, sim);
		return 0;
	}
	for (size_t i = 0; i < n; i += q->slice) {
		if (q->o->interrupt(q->o->progress_ctx))
			return 1;
		epoch(w, s, i, n - i < q->slice ? n - i : q->slice, q->o->lr, sim);
	}
	return 0;
}

/* sse() slice by slice; 1 if a poll asked to stop. The slices are the same
 * whether anything polls or not, so the loss does not depend on it to the
 * last bit (a sum in slices rounds differently from one pass). */
static int sse_polled(const struct work *w, const struct poll *q, struct stream s, size_t n,
                      double *out)
{
	*out = 0.0;
	for (size_t i = 0; i < n || i == 0; i += q->slice) {
		if (q->on && q->o->interrupt(q->o->progress_ctx))
			return 1;
		*out += sse(w, s, i, n - i < q->slice ? n - i : q->slice);
	}
	return 0;
}

/* The epochs proper, on the working copies (published into *res before
 * every progress call and at the end). Returns LR_ERR_DIVERGED at the first
 * non-finite loss (that epoch recorded, progress not called for it), else
 * LR_OK. A stop inside an epoch puts the factors back as it began. */
static enum lr_status train(const struct lr_sgd_options *o, struct plan *p,
                            struct lr_rng *rng, struct lr_sgd_result *res,
                            const struct work *w, struct poll *q,
                            lr_sgd_mark_fn mark, void *ctx)
{
	int sim = o->update == LR_SGD_SIMULTANEOUS;
	for (long ep = 0; ep < o->epochs; ep++) {
		if (mark)
			mark(ctx, LR_SGD_EPOCH_START);
		if (o->order == LR_SGD_SHUFFLED)
			shuffle(p->block + p->n_obs + p->n_hid, p->n_obs, rng);
		poll_keep(q, w, res);
		int stop = epoch_polled(w, q, p->visit, p->n_obs, sim);
		if (mark && !stop)
			mark(ctx, LR_SGD_UPDATES_DONE);
		if (!stop)
			stop = sse_polled(w, q, p->obs, p->n_obs, &res->loss[ep]);
		if (!stop && res->hidden)
			stop = sse_polled(w, q, p->hid, p->n_hid, &res->hidden[ep]);
		if (stop) {
			poll_restore(q, w, res);
			res->stopped = 1;
			break;
		}
		if (mark)
			mark(ctx, LR_SGD_LOSS_DONE);
		res->epochs_done = ep + 1;
		if (!isfinite(res->loss[ep])) {
			res->diverged_epoch = ep + 1;
			work_publish(w, res);
			return LR_ERR_DIVERGED;
		}
		if (o->progress) {
			work_publish(w, res);
			if (o->progress(o->progress_ctx, res)) {
				res->stopped = 1;
				return LR_OK;
			}
		}
	}
	work_publish(w, res);
	return LR_OK;
}

enum lr_status lr_sgd_run_hooked(const struct lr_matrix *A, const struct lr_sgd_options *o,
                                 struct lr_sgd_result *res, const struct lr_sgd_hooks *h)
{
	static const struct lr_sgd_hooks none = { NULL, NULL, 0, 0 };
	struct plan p = { 0 };
	struct work w = { 0 };
	struct poll q = { 0 };
	struct lr_rng rng;
	if (!h)
		h = &none;
	memset(res, 0, sizeof *res);
	enum lr_status st = check_options(A, o);
	if (st == LR_OK)
		st = scan_entries(A, &p);
	if (st == LR_OK)
		st = build_plan(A, o, h->list, &p);
	if (st == LR_OK)
		st = alloc_result(A, o, &p, res);
	if (st == LR_OK) {
		lr_rng_seed(&rng, o->seed);
		init_factors(o, &rng, res);
		st = work_init(&w, res, o->rank, h->portable);
	}
	if (st == LR_OK)
		st = poll_init(&q, o, &p, &w, res);
	if (st == LR_OK)
		st = train(o, &p, &rng, res, &w, &q, h->mark, h->ctx);
	lr_free(q.block);
	work_finish(&w);
	lr_free(p.block);
	if (st != LR_OK && st != LR_ERR_DIVERGED)
		lr_sgd_result_finish(res);
	return st;
}

enum lr_status lr_sgd_run(const struct lr_matrix *A, const struct lr_sgd_options *o,
                          struct lr_sgd_result *res)
{
	return lr_sgd_run_hooked(A, o, res, NULL);
}
