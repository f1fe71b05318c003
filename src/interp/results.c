/* The results a session keeps (results.h): SGD runs, the newest truncated
 * SVD and the measures of an SVD that everything showing one uses. */
#include <math.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/rounding.h"
#include "session_impl.h"

void lr_run_destroy(struct lr_run *r)
{
	if (!r)
		return;
	lr_mat_destroy(r->A);
	lr_sgd_result_finish(&r->res);
	lr_free(r);
}

void lr_svd_run_destroy(struct lr_svd_run *r)
{
	if (!r)
		return;
	lr_mat_destroy(r->A);
	lr_svd_finish(&r->svd);
	lr_free(r);
}

const struct lr_run *lr_session_last_run(const struct lr_session *s)
{
	return s->nruns ? s->runs[s->nruns - 1] : NULL;
}

size_t lr_session_runs(const struct lr_session *s, const struct lr_run *const **runs)
{
	*runs = (const struct lr_run *const *)s->runs;
	return s->nruns;
}

const struct lr_svd_run *lr_session_last_svd(const struct lr_session *s)
{
	return s->svd;
}

void lr_session_keep_run(struct lr_session *s, struct lr_run *r)
{
	if (s->nruns == LR_MAX_RUNS) {
		lr_run_destroy(s->runs[0]);
		memmove(s->runs, s->runs + 1, (LR_MAX_RUNS - 1) * sizeof s->runs[0]);
		s->nruns--;
	}
	s->runs[s->nruns++] = r;
}

void lr_session_keep_svd(struct lr_session *s, struct lr_svd_run *r)
{
	lr_svd_run_destroy(s->svd);
	s->svd = r;
}


size_t lr_svd_run_known(const struct lr_svd_run *r)
{
	return r->svd.p;
}

size_t lr_svd_run_rank_max(const struct lr_svd_run *r)
{
	return r->svd.m < r->svd.n ? r->svd.m : r->svd.n;
}

int lr_svd_run_partial(const struct lr_svd_run *r)
{
	return r->svd.p < lr_svd_run_rank_max(r);
}

/* From the smallest term up, as lr_svd_tail sums (the same bits when the
 * SVD is full and rest is 0). */
double lr_svd_run_tail(const struct lr_svd_run *r, size_t j)
{
	double t = r->rest;

	if (j > r->svd.p)
		return NAN;
	for (size_t i = r->svd.p; i > j; i--)
		t += r->svd.s[i - 1] * r->svd.s[i - 1];
	return t;
}

/* Σ_{i>j} (σᵢ/σ₁)² with the rest; s1 > 0. */
static double tail_scaled(const struct lr_svd_run *r, size_t j, double s1)
{
	double t = r->rest / s1 / s1;

	for (size_t i = r->svd.p; i > j; i--)
		t += (r->svd.s[i - 1] / s1) * (r->svd.s[i - 1] / s1);
	return t;
}

/* ‖A‖²_F / σ₁²: a partial SVD's measured energy when it is finite, as the
 * rest makes the tail only as exact as the residual. */
static double total_scaled(const struct lr_svd_run *r, double s1)
{
	double e = r->energy / s1 / s1;

	return lr_svd_run_partial(r) && isfinite(e) && e > 0 ? e : tail_scaled(r, 0, s1);
}

double lr_svd_run_kept(const struct lr_svd_run *r, size_t k)
{
	double s1 = r->svd.p ? r->svd.s[0] : 0, kept = 0;

	if (!(s1 > 0))
		return 1.0;
	for (size_t i = k < r->svd.p ? k : r->svd.p; i-- > 0;)
		kept += (r->svd.s[i] / s1) * (r->svd.s[i] / s1);
	return fmin(kept / total_scaled(r, s1), 1.0);
}

double lr_svd_run_rel_error(const struct lr_svd_run *r, size_t k)
{
	double s1 = r->svd.p ? r->svd.s[0] : 0;

	if (!(s1 > 0) || k > r->svd.p)
		return !(s1 > 0) ? 0.0 : NAN;
	return sqrt(fmax(tail_scaled(r, k, s1), 0) / total_scaled(r, s1));
}

static size_t dim_max(const struct lr_svd_run *r)
{
	return r->svd.m > r->svd.n ? r->svd.m : r->svd.n;
}

int lr_svd_run_tail_zero(const struct lr_svd_run *r, size_t k)
{
	double s1 = r->svd.p ? r->svd.s[0] : 0;

	/* with nothing left out (k = min(m, n)) the 0 is exact, not rounded */
	if (!(s1 > 0) || k > r->svd.p || k >= lr_svd_run_rank_max(r))
		return 0;
	return lr_sumsq_zero_to_rounding(tail_scaled(r, k, s1), total_scaled(r, s1), dim_max(r));
}

int lr_svd_run_value_zero(const struct lr_svd_run *r, size_t i)
{
	return i < r->svd.p && lr_zero_to_rounding(r->svd.s[i], r->svd.s[0], dim_max(r));
}

static size_t run_dim_max(const struct lr_run *run)
{
	return run->A->rows > run->A->cols ? run->A->rows : run->A->cols;
}

int lr_run_svd_zero(const struct lr_run *run, double sumsq)
{
	return lr_zero_to_rounding(sqrt(fabs(sumsq)), run->scale, run_dim_max(run));
}

int lr_run_sgd_zero(const struct lr_run *run, double sumsq)
{
	return lr_zero_to_rounding(sqrt(fabs(sumsq)), run->scale / run->opts.lr, run_dim_max(run));
}

enum lr_status lr_svd_run_measure(struct lr_svd_run *r)
{
	const struct lr_matrix *A = r->A;

	r->rest = 0.0;
	r->energy = lr_svd_run_tail(r, 0);
	if (!lr_svd_run_partial(r))
		return LR_OK;
	r->energy = 0.0;
	for (size_t i = 0; i < A->rows; i++) {
		double row = 0.0;
		for (size_t j = 0; j < A->cols; j++)
			row += LR_AT(A, i, j) * LR_AT(A, i, j);
		r->energy += row;
	}
	return lr_svd_residual(A, &r->svd, r->svd.p, &r->rest);
}
