/* The factorisations as the language offers them: `sgd A k` and
 * `svd A k` (and their function forms), kept results, and the
 * Eckart–Young–Mirsky comparison that `loss` shows. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/loss.h"
#include "lowrank/sgd_lr.h"
#include "lowrank/svd_trunc.h"
#include "lowrank/rounding.h"
#include "factor.h"
#include "remainder.h"

static int nomem(struct lr_session *s, struct lr_pos pos)
{
	return lr_fail(s, pos, "out of memory");
}

void lr_sgd_request_init(struct lr_sgd_request *q)
{
	memset(q, 0, sizeof *q);
	lr_sgd_options_init(&q->o);
	snprintf(q->name, sizeof q->name, "the matrix");
}

/* Polled inside long epochs: the front end's own test for Esc, Ctrl-C or
 * SIGINT, which must itself be cheap (the REPL reads the keys at most every
 * 10 ms). */
static int in_epoch(void *ctx)
{
	struct lr_session *s = ((struct lr_run *)ctx)->owner;

	return lr_interrupted(s);
}

static int on_epoch(void *ctx, const struct lr_sgd_result *res)
{
	struct lr_run *run = ctx;
	struct lr_session *s = run->owner;
	struct lr_event ev = { LR_EV_SGD_EPOCH, run, NULL, NULL };

	(void)res;
	lr_emit(s, &ev);
	return in_epoch(run);
}

/* The largest squared length of a row of a start X, or for a random start
 * (uniform [0,1) entries) its bound k. */
static double longest_row2(const struct lr_matrix *X, size_t k)
{
	double most = 0;

	if (!X)
		return (double)k;
	for (size_t i = 0; i < X->rows; i++) {
		double r = 0;
		for (size_t j = 0; j < X->cols; j++)
			r += LR_AT(X, i, j) * LR_AT(X, i, j);
		most = r > most ? r : most;
	}
	return most;
}

/* What to try after a diverged run. A step on entry (r, c) shrinks its
 * error by the factor 1 − lr·(|U(r,:)|² + |V(c,:)|²), so the start bounds
 * lr as A's scale does (sgd_lr.h): the smaller of the two, rounded down,
 * measured stable. Named by the one that binds. */
static int diverged(struct lr_session *s, const struct lr_sgd_request *q, const struct lr_run *run)
{
	double norm = lr_sgd_norm(q->A), safe = lr_sgd_stable_lr(q->A);
	double rows = longest_row2(q->o.U0, q->o.rank) + longest_row2(q->o.V0, q->o.rank);
	double start = lr_sgd_round_lr(1 / rows);
	const char *what = run->res.loss[run->res.epochs_done - 1] > 0 ? "Inf" : "NaN";
	const char *head = "the training diverged: the loss became";

	if (start > 0 && start < q->o.lr && (start < safe || !(safe > 0)))
		return lr_fail(s, q->lr_pos, "%s %s at epoch %ld; the learning rate %g is too large "
		               "for the start U, V, whose longest rows have squared lengths adding to "
		               "%.3g: try lr=%g (1 over that, rounded down)", head, what,
		               run->res.diverged_epoch, q->o.lr, rows, start);
	if (safe > 0 && safe < q->o.lr)
		return lr_fail(s, q->lr_pos, "%s %s at epoch %ld; the learning rate %g is too large "
		               "for %s, whose Frobenius norm is %.3g: try lr=%g (1 over that norm, "
		               "rounded down)", head, what, run->res.diverged_epoch, q->o.lr, q->name,
		               norm, safe);
	return lr_fail(s, q->lr_pos, "%s %s at epoch %ld; the learning rate %g is too large: try "
	               "a smaller one", head, what, run->res.diverged_epoch, q->o.lr);
}

static int sgd_status(struct lr_session *s, const struct lr_sgd_request *q, enum lr_status st,
                      const struct lr_run *run)
{
	char sh[32];
	size_t p = q->A->rows < q->A->cols ? q->A->rows : q->A->cols;

	switch (st) {
	case LR_ERR_RANK:
		return lr_fail(s, q->rank_pos, "the rank for %s (%s) must be a whole number from 1 to "
		               "%zu, found %zu", q->name, lr_shape(q->A, sh, sizeof sh), p, q->o.rank);
	case LR_ERR_SHAPE:
		return lr_fail(s, q->pos, "the start U must be %zu×%zu and V %zu×%zu for rank %zu of %s",
		               q->A->rows, q->o.rank, q->A->cols, q->o.rank, q->o.rank, q->name);
	case LR_ERR_MASK:
		return lr_fail(s, q->pos, "%s has no observed entry to learn from", q->name);
	case LR_ERR_NONFINITE:
		return lr_fail(s, q->pos, "%s has an infinite entry; sgd needs finite observed entries",
		               q->name);
	case LR_ERR_DIVERGED:
		return diverged(s, q, run);
	case LR_ERR_ARG:
		return lr_fail(s, q->pos, "epochs must be positive and lr positive and finite");
	default:
		return lr_fail(s, q->pos, "%s", lr_status_str(st));
	}
}

/* epochs × entries × k of a run of q over that many entries. */
static double updates_of(const struct lr_sgd_request *q, size_t entries)
{
	return (double)q->o.epochs * (double)entries * (double)(q->o.rank ? q->o.rank : 1);
}

/* The 'limit updates' check. The observed entries are counted (a pass over
 * A) only when the run could be over the limit with every entry observed. */
static int check_updates(struct lr_session *s, const struct lr_sgd_request *q)
{
	size_t observed;

	if (updates_of(q, q->A->rows * q->A->cols) <= s->lim.max_updates)
		return 0;
	observed = lr_mat_count_observed(q->A);
	if (updates_of(q, observed) <= s->lim.max_updates)
		return 0;
	return lr_fail(s, q->pos, "%ld epochs × %zu entries × rank %zu is %.3g updates, over the "
	               "limit of %.3g (raise it with 'limit updates N')", q->o.epochs, observed,
	               q->o.rank, updates_of(q, observed), s->lim.max_updates);
}

int lr_sgd_request_run(struct lr_session *s, struct lr_sgd_request *q, struct lr_run **out)
{
	struct lr_run *run;
	enum lr_status st;
	struct lr_event ev = { LR_EV_SGD_START, NULL, NULL, NULL };

	if (check_updates(s, q) < 0)
		return -1;
	if (!q->have_seed)
		q->o.seed = lr_rng_below(&s->rng, 100000);
	if (!q->have_lr)
		q->o.lr = lr_sgd_default_lr(q->A);
	run = lr_calloc(1, sizeof *run);
	if (!run)
		return nomem(s, q->pos);
	run->owner = s;
	run->A = lr_mat_copy(q->A);
	if (!run->A) {
		lr_free(run);
		return nomem(s, q->pos);
	}
	snprintf(run->matrix_name, sizeof run->matrix_name, "%s", q->name);
	run->scale = lr_rounding_scale(run->A);
	run->opts = q->o;
	run->opts.progress = on_epoch;
	run->opts.interrupt = in_epoch;
	run->opts.progress_ctx = run;
	ev.run = run;
	lr_emit(s, &ev);
	st = lr_sgd_run(run->A, &run->opts, &run->res);
	run->opts.U0 = run->opts.V0 = NULL;
	run->opts.progress = NULL;
	run->opts.interrupt = NULL;
	snprintf(run->label, sizeof run->label, "%s k=%zu lr=%g", q->name, q->o.rank, q->o.lr);
	/* the front end learns whether the run is kept, to show it or to go
	 * back to what it showed before */
	ev.kind = st == LR_OK && run->res.epochs_done > 0 ? LR_EV_SGD_DONE : LR_EV_SGD_FAILED;
	lr_emit(s, &ev);
	if (st == LR_OK && run->res.epochs_done == 0) {
		lr_run_destroy(run);   /* nothing to keep: no variable is touched */
		return lr_fail(s, q->pos, "stopped before the first epoch ended; nothing was kept");
	}
	if (st != LR_OK) {
		if (st == LR_ERR_NOMEM)
			nomem(s, q->pos);
		else
			sgd_status(s, q, st, run);
		lr_run_destroy(run);
		return -1;
	}
	*out = run;
	return 0;
}

/* What sgd shows: the factors and the loss. */
void lr_sgd_report(struct lr_session *s, const struct lr_run *run, int quiet)
{
	struct lr_buf b;
	char sh[32];
	const struct lr_sgd_result *r = &run->res;
	const struct lr_sgd_options *o = &run->opts;

	lr_buf_init(&b);
	lr_buf_printf(&b, "sgd: rank %zu of %s (%s), %ld epochs, lr %g, seed %llu%s%s\n",
	              o->rank, run->matrix_name, lr_shape(run->A, sh, sizeof sh), r->epochs_done,
	              o->lr, (unsigned long long)o->seed,
	              o->update == LR_SGD_SIMULTANEOUS ? ", simultaneous" : "",
	              o->order == LR_SGD_SHUFFLED ? ", shuffled" : "");
	if (r->stopped)
		lr_buf_printf(&b, "stopped early at epoch %ld of %ld\n", r->epochs_done,
		              r->epochs_asked);
	if (!quiet) {
		lr_fmt_matrix(&b, "U", r->U, &s->fmt);
		lr_fmt_matrix(&b, "V", r->V, &s->fmt);
	}
	double loss = r->loss[r->epochs_done - 1];
	lr_buf_puts(&b, "loss = ");
	lr_fmt_remainder(&b, loss, lr_run_sgd_zero(run, loss), 1, s->fmt.numfmt);
	if (r->n_observed < run->A->rows * run->A->cols)
		lr_buf_printf(&b, " on %zu observed entries", r->n_observed);
	lr_buf_putc(&b, '\n');
	if (r->hidden) {
		double h = r->hidden[r->epochs_done - 1];
		lr_buf_puts(&b, "hidden error = ");
		lr_fmt_remainder(&b, h, lr_run_sgd_zero(run, h), 1, s->fmt.numfmt);
		lr_buf_printf(&b, " on %zu hidden entries\n", r->n_hidden_known);
	}
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
}

/* Auto's rule, measured on the project's machine (decaying spectra, k = 10):
 * at min(m, n) = 500 the iteration saves 10 ms of 41 and costs the whole
 * spectrum; at 1000 it takes 120 ms against 270, at 2000 0.3 s against 2 s.
 * Its cost grows with the k + 30 columns it carries, so k must also be
 * small next to min(m, n) (k = 30 of 1000 saves little). */
#define SUBSPACE_MIN_DIM 1000
#define SUBSPACE_SHARE 50

int lr_svd_method_parse(const char *word, enum lr_svd_method *m)
{
	static const char *const names[] = { "auto", "full", "subspace" };

	for (int i = 0; i < 3; i++)
		if (!strcmp(word, names[i])) {
			*m = (enum lr_svd_method)i;
			return 0;
		}
	return -1;
}

int lr_svd_option_word(struct lr_session *s, const struct lr_word *w, const char *usage,
                       enum lr_svd_method *m)
{
	const char *eq = strchr(w->text, '=');
	struct lr_pos vpos = w->pos;
	struct lr_val v = { 0 };
	int rc;

	if (!eq || eq == w->text)
		return lr_fail(s, w->pos, "expected an option name=value, found '%s'; usage: %s",
		               w->text, usage);
	if ((size_t)(eq - w->text) != strlen("method") || strncmp(w->text, "method", 6))
		return lr_fail(s, w->pos, "unknown option '%.*s'; expected method", (int)(eq - w->text),
		               w->text);
	vpos.col += (int)(eq - w->text) + 1;
	vpos.offset += (size_t)(eq - w->text) + 1;
	if (!eq[1])
		return lr_fail(s, vpos, "expected a value after 'method=', found nothing");
	if (eq[1] != '\'' && eq[1] != '"')       /* a bare word, or a quoted string */
		return lr_svd_method_parse(eq + 1, m) == 0 ? 0
		       : lr_fail(s, vpos, "method must be " LR_SVD_METHODS ", found %s", eq + 1);
	if (lr_eval_text(s, eq + 1, vpos, &v) < 0)
		return -1;
	rc = v.v->kind == LR_VAL_STR && lr_svd_method_parse(v.v->s, m) == 0 ? 0
	     : lr_fail(s, vpos, "method must be " LR_SVD_METHODS ", found %s", eq + 1);
	lr_val_drop(&v);
	return rc;
}

/* The decomposition itself, as method says (see SUBSPACE_MIN_DIM). */
static enum lr_status svd_compute(struct lr_svd_run *r, size_t nvals, enum lr_svd_method method)
{
	size_t p = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	enum lr_status st;

	if (method == LR_SVD_AUTO)
		method = p >= SUBSPACE_MIN_DIM && nvals <= p / SUBSPACE_SHARE ? LR_SVD_SUBSPACE
		                                                               : LR_SVD_FULL;
	if (method == LR_SVD_FULL)
		st = lr_svd_compute(r->A, &r->svd);
	else
		st = lr_svd_leading(r->A, nvals, &r->svd, &r->fell_back);
	return st == LR_OK ? lr_svd_run_measure(r) : st;
}

int lr_svd_request_run(struct lr_session *s, const struct lr_matrix *A, const char *name,
                       size_t k, size_t nvals, enum lr_svd_method method, struct lr_pos pos,
                       struct lr_pos kpos, struct lr_svd_run **out)
{
	struct lr_svd_run *r;
	enum lr_status st;
	size_t p = A->rows < A->cols ? A->rows : A->cols;
	char sh[32];

	for (size_t i = 0; i < A->rows * A->cols; i++)
		if (isnan(A->data[i]))
			return lr_fail(s, pos, "%s has unobserved (NaN) entries; the SVD needs every "
			               "entry (sgd can complete it)", name);
	if (k < 1 || k > p)
		return lr_fail(s, kpos, "the rank for %s (%s) must be a whole number from 1 to %zu, "
		               "found %zu", name, lr_shape(A, sh, sizeof sh), p, k);
	r = lr_calloc(1, sizeof *r);
	if (!r)
		return nomem(s, pos);
	r->A = lr_mat_copy(A);
	if (!r->A) {
		lr_free(r);
		return nomem(s, pos);
	}
	snprintf(r->matrix_name, sizeof r->matrix_name, "%s", name);
	r->k = k;
	st = svd_compute(r, nvals < k ? k : nvals > p ? p : nvals, method);
	if (st != LR_OK) {
		lr_svd_run_destroy(r);
		if (st == LR_ERR_NONFINITE)
			return lr_fail(s, pos, "%s has an infinite entry; the SVD needs finite entries",
			               name);
		if (st == LR_ERR_NOMEM)
			return nomem(s, pos);
		return lr_fail(s, pos, "the SVD of %s failed: %s", name, lr_status_str(st));
	}
	*out = r;
	return 0;
}

/* U_k, S_k, V_k of a kept SVD, as new matrices. */
int lr_svd_factors(const struct lr_svd_run *r, struct lr_matrix **U, struct lr_matrix **S,
                   struct lr_matrix **V)
{
	size_t k = r->k;

	*U = lr_mat_create(r->svd.m, k);
	*S = lr_mat_create(k, k);
	*V = lr_mat_create(r->svd.n, k);
	if (!*U || !*S || !*V) {
		lr_mat_destroy(*U);
		lr_mat_destroy(*S);
		lr_mat_destroy(*V);
		return -1;
	}
	for (size_t i = 0; i < r->svd.m; i++)
		for (size_t j = 0; j < k; j++)
			LR_AT(*U, i, j) = LR_AT(r->svd.U, i, j);
	for (size_t i = 0; i < r->svd.n; i++)
		for (size_t j = 0; j < k; j++)
			LR_AT(*V, i, j) = LR_AT(r->svd.V, i, j);
	for (size_t j = 0; j < k; j++)
		LR_AT(*S, j, j) = r->svd.s[j];
	return 0;
}

/* How to see every singular value of r's matrix, for the notes of a
 * partial spectrum: the command when the matrix has a name. */
static void how_to_see_all(struct lr_buf *b, const struct lr_svd_run *r)
{
	if (lr_is_name(r->matrix_name))
		lr_buf_printf(b, "'svd %s %zu method=full' or 'svd(%s)' gives them all", r->matrix_name,
		              r->k, r->matrix_name);
	else
		lr_buf_puts(b, "method=full or svd(...) gives them all");
}

/* The singular values, the kept ones marked, the bound, energy, storage.
 * With only the leading values computed, those are listed and the bound is
 * the measured ‖A − A_k‖². */
void lr_svd_spectrum_text(struct lr_buf *b, const struct lr_svd_run *r, enum lr_numfmt f)
{
	const struct lr_svd *d = &r->svd;
	size_t k = r->k, pmax = lr_svd_run_rank_max(r);
	int partial = lr_svd_run_partial(r);

	if (partial)
		lr_buf_printf(b, "singular values (* kept; only the %zu largest of %zu were "
		              "computed):\n", d->p, pmax);
	else
		lr_buf_puts(b, "singular values (* kept):\n");
	for (size_t i = 0; i < d->p; i++) {
		if (i < 12 || i + 3 >= d->p || i == k - 1 || i == k) {
			lr_buf_printf(b, "  %c s%-3zu = ", i < k ? '*' : ' ', i + 1);
			lr_fmt_remainder(b, d->s[i], lr_svd_run_value_zero(r, i), 1, f);
			lr_buf_putc(b, '\n');
		} else if (i == 12) {
			lr_buf_puts(b, "  ...\n");
		}
	}
	if (partial) {
		lr_buf_printf(b, "    s%zu to s%zu were not computed (subspace iteration):\n    ",
		              d->p + 1, pmax);
		how_to_see_all(b, r);
		lr_buf_putc(b, '\n');
	}
	lr_buf_printf(b, "bound: sum of s(i)^2 for i > %zu = ", k);
	lr_fmt_remainder(b, lr_svd_run_tail(r, k), lr_svd_run_tail_zero(r, k), 1, f);
	if (partial && lr_is_name(r->matrix_name))
		lr_buf_printf(b, " (measured as ||%s - %s_%zu||^2)", r->matrix_name, r->matrix_name, k);
	else if (partial)
		lr_buf_printf(b, " (measured as ||A - A_%zu||^2)", k);
	lr_buf_printf(b, "\nenergy kept: %.2f%%   storage: k(m+n+1) = %zu numbers for m·n = %zu\n",
	              100 * lr_svd_run_kept(r, k), k * (d->m + d->n + 1),
	              d->m * d->n);
}

void lr_svd_report(struct lr_session *s, const struct lr_svd_run *r, int quiet)
{
	struct lr_buf b;
	char sh[32];
	struct lr_matrix *U, *S, *V;

	lr_buf_init(&b);
	lr_buf_printf(&b, "svd: rank %zu of %s (%s)\n", r->k, r->matrix_name,
	              lr_shape(r->A, sh, sizeof sh));
	if (r->A->mask && lr_mat_has_hidden(r->A))
		lr_buf_printf(&b, "note: the SVD uses every entry of %s; its mask is ignored\n",
		              r->matrix_name);
	if (r->fell_back)
		lr_buf_puts(&b, "note: subspace iteration would not pay here (a small matrix, k near "
		            "min(m, n),\nor a flat spectrum); the full SVD was computed\n");
	if (!quiet && lr_svd_factors(r, &U, &S, &V) == 0) {
		lr_fmt_matrix(&b, "U", U, &s->fmt);
		lr_fmt_matrix(&b, "S", S, &s->fmt);
		lr_fmt_matrix(&b, "V", V, &s->fmt);
		lr_mat_destroy(U);
		lr_mat_destroy(S);
		lr_mat_destroy(V);
	}
	lr_svd_spectrum_text(&b, r, s->fmt.numfmt);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
}

/* Fills the comparison of the newest SGD run with the SVD of the same
 * matrix and rank, computing the missing one. */
int lr_compare(struct lr_session *s, struct lr_pos pos, struct lr_comparison *c)
{
	const struct lr_run *run = lr_session_last_run(s);
	const struct lr_svd_run *sv = s->svd;

	memset(c, 0, sizeof *c);
	if (!run && !sv)
		return lr_fail(s, pos, "nothing to compare yet: run 'sgd A k' or 'svd A k' first");
	if (!run) {
		struct lr_sgd_request q;
		struct lr_run *nr;
		lr_sgd_request_init(&q);
		q.A = sv->A;
		q.o.rank = sv->k;
		q.pos = q.rank_pos = q.lr_pos = pos;
		snprintf(q.name, sizeof q.name, "%s", sv->matrix_name);
		if (lr_sgd_request_run(s, &q, &nr) < 0)
			return -1;
		lr_session_keep_run(s, nr);
		run = nr;
	}
	if (!sv || sv->k != run->opts.rank || !lr_mat_same(sv->A, run->A)) {
		struct lr_svd_run *ns;
		const struct lr_matrix *A = run->A;
		int nan = 0;
		for (size_t i = 0; i < A->rows * A->cols; i++)
			nan |= isnan(A->data[i]);
		sv = NULL;
		if (!nan) {   /* a mask over known values: the SVD of the full matrix */
			if (lr_svd_request_run(s, A, run->matrix_name, run->opts.rank, run->opts.rank,
			                       LR_SVD_AUTO, pos, pos, &ns) < 0)
				return -1;
			lr_session_keep_svd(s, ns);
			sv = ns;
		}
	}
	c->run = run;
	c->svd = sv;
	c->masked = lr_mat_has_hidden(run->A);
	c->sgd_loss = run->res.loss[run->res.epochs_done - 1];
	if (run->res.hidden)
		c->hidden = run->res.hidden[run->res.epochs_done - 1];
	if (sv) {
		c->bound = lr_svd_run_tail(sv, sv->k);
		struct lr_matrix *Ak = NULL;
		struct lr_loss l;
		if (lr_svd_reconstruct(&sv->svd, sv->k, &Ak) != LR_OK)
			return nomem(s, pos);
		struct lr_matrix plain = *run->A;
		plain.mask = NULL;    /* the SVD's error counts every entry */
		lr_loss_compute(&plain, Ak, &l);
		c->svd_loss = l.sse_observed;
		lr_mat_destroy(Ak);
	}
	return 0;
}

/* A loss on c's matrix by the rounding rule: SGD's (sgd set) or the SVD's. */
static void loss_number(struct lr_buf *b, const struct lr_comparison *c, double x, int sgd,
                        enum lr_numfmt f)
{
	lr_fmt_remainder(b, x, sgd ? lr_run_sgd_zero(c->run, x) : lr_run_svd_zero(c->run, x), 1,
	                 f);
}

void lr_compare_text(struct lr_buf *b, const struct lr_comparison *c, enum lr_numfmt f)
{
	const struct lr_run *run = c->run;
	char sh[32];
	size_t k = run->opts.rank;

	if (c->masked) {
		lr_buf_printf(b, "masked %s (%s, %zu of %zu entries observed), rank %zu:\n"
		              "the Eckart–Young bound does not apply to a masked matrix.\n",
		              run->matrix_name, lr_shape(run->A, sh, sizeof sh), run->res.n_observed,
		              run->A->rows * run->A->cols, k);
		lr_buf_puts(b, "  SGD loss on observed entries  ");
		loss_number(b, c, c->sgd_loss, 1, f);
		lr_buf_printf(b, "   (%zu entries)\n", run->res.n_observed);
		if (run->res.hidden) {
			lr_buf_puts(b, "  SGD error on hidden entries   ");
			loss_number(b, c, c->hidden, 1, f);
			lr_buf_printf(b, "   (%zu entries)\n", run->res.n_hidden_known);
		} else {
			lr_buf_puts(b, "  the hidden entries' true values are unknown (NaN)\n");
		}
		if (c->svd) {
			lr_buf_puts(b, "  SVD of the full matrix        ");
			loss_number(b, c, c->svd_loss, 0, f);
			lr_buf_puts(b, "   (all entries, for reference)\n");
		}
		return;
	}
	lr_buf_printf(b, "Eckart–Young–Mirsky comparison for %s (%s), rank %zu:\n",
	              run->matrix_name, lr_shape(run->A, sh, sizeof sh), k);
	lr_buf_puts(b, "  SGD loss    ");
	loss_number(b, c, c->sgd_loss, 1, f);
	lr_buf_printf(b, "   (sum of squared errors after %ld epochs, lr %g)\n",
	              run->res.epochs_done, run->opts.lr);
	lr_buf_puts(b, "  SVD loss    ");
	loss_number(b, c, c->svd_loss, 0, f);
	lr_buf_puts(b, "   (the optimum of rank ");
	lr_buf_printf(b, "%zu)\n", k);
	size_t pmax = lr_svd_run_rank_max(c->svd);
	int bound_zero = k < pmax && lr_run_svd_zero(run, c->bound);   /* k = pmax: exact */
	lr_buf_printf(b, "  bound       ");
	lr_fmt_remainder(b, c->bound, bound_zero, 1, f);
	lr_buf_printf(b, "   (sum of s(i)^2 for i > %zu:", k);
	size_t i, known = lr_svd_run_known(c->svd);
	for (i = k; i < known && i < k + 6; i++) {
		lr_buf_printf(b, " s%zu = ", i + 1);
		lr_fmt_remainder(b, c->svd->svd.s[i], lr_svd_run_value_zero(c->svd, i), 0, f);
	}
	if (i == known && known < pmax)
		lr_buf_printf(b, " s%zu to s%zu not computed, their sum measured", known + 1, pmax);
	else if (pmax > k + 6)
		lr_buf_puts(b, " ...");
	if (pmax == k)
		lr_buf_puts(b, " none");
	lr_buf_puts(b, ")\n  gap         ");
	loss_number(b, c, c->sgd_loss - c->bound, 1, f);
	if (!bound_zero && c->bound > 0)
		lr_buf_printf(b, "   (%.2f%% above the optimum)\n",
		              100 * (c->sgd_loss - c->bound) / c->bound);
	else
		lr_buf_puts(b, "   (the optimum is 0: the matrix has rank <= k)\n");
}
