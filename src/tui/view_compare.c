/* The Compare view: SGD's factorisation against the SVD's, side by side. */
#include "views_impl.h"

/* Three columns (a label, a number, a note), or four with two numbers. */
struct table {
	const char *cell[12][4];
	char buf[12][4][96];
	int n, cols;
};

static void row4(struct table *t, const char *a, const char *b, const char *c, const char *d)
{
	const char *v[4] = { a, b, c, d };

	if (t->n >= 12)
		return;
	for (int i = 0; i < 4; i++) {
		snprintf(t->buf[t->n][i], sizeof t->buf[0][0], "%s", v[i] ? v[i] : "");
		t->cell[t->n][i] = t->buf[t->n][i];
	}
	t->n++;
}

static void row(struct table *t, const char *a, const char *b, const char *c)
{
	row4(t, a, b, c, NULL);
}

/* Draws the table with a header row; returns the row after it. */
static int draw_table(struct lr_grid *g, int x, int y, const struct table *t,
                      const struct lr_panel *p)
{
	int w[4] = { 0, 0, 0, 0 }, xs[5], nc = t->cols ? t->cols : 3;
	const char *v = GL(p, "│", "|"), *h = GL(p, "─", "-"), *c = GL(p, "┼", "+");

	for (int r = 0; r < t->n; r++)
		for (int i = 0; i < nc; i++) {
			int l = lr_grid_text_len(t->cell[r][i]);
			w[i] = l > w[i] ? l : w[i];
		}
	xs[0] = x;
	for (int i = 0; i < nc; i++)
		xs[i + 1] = xs[i] + w[i] + 3;
	for (int r = 0; r < t->n && y < g->h; r++, y++) {
		for (int i = 0; i < nc; i++) {
			int len = lr_grid_text_len(t->cell[r][i]);
			int num = i > 0 && i < nc - 1;              /* numbers right-aligned */
			int cx = num ? xs[i] + w[i] - len : xs[i];
			vw_text_clip(g, cx, y, g->w - 1, t->cell[r][i],
			             r == 0 ? LR_STY_TITLE : i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
			if (i < nc - 1)
				lr_grid_text(g, xs[i + 1] - 2, y, v, LR_STY_AXIS);
		}
		if (r == 0 && ++y < g->h) {
			for (int xx = x; xx < xs[nc] - 3 && xx < g->w - 1; xx++)
				lr_grid_text(g, xx, y, h, LR_STY_AXIS);
			for (int i = 1; i < nc; i++)
				lr_grid_text(g, xs[i] - 2, y, c, LR_STY_AXIS);
		}
	}
	return y;
}

/* The singular values of A and how many of them (*n): the kept SVD's when
 * it is of A and holds the first k + 1 (or all), else computed here. With
 * only the leading ones known, *tail is their measured rest for rank k. */
static double *values_of(const struct lr_panel *p, const struct lr_matrix *A, size_t k,
                         size_t *n, double *tail)
{
	size_t pmin = A->rows < A->cols ? A->rows : A->cols;
	double *s;

	*n = pmin;
	if (p->svd && lr_mat_same(p->svd->A, A) && k <= lr_svd_run_known(p->svd)) {
		*n = lr_svd_run_known(p->svd);
		*tail = lr_svd_run_tail(p->svd, k);
		s = lr_mallocarray(*n + 1, sizeof *s);
		if (s)
			memcpy(s, p->svd->svd.s, *n * sizeof *s);
		return s;
	}
	if (lr_mat_has_nan(A))
		return NULL;
	s = lr_mallocarray(pmin + 1, sizeof *s);
	if (s && lr_svd_values(A, s) != LR_OK) {
		lr_free(s);
		s = NULL;
	}
	*tail = 0;
	for (size_t i = k; s && i < pmin; i++)
		*tail += s[i] * s[i];
	return s;
}

/* A masked matrix's rows: the loss on the observed entries, the error on
 * the hidden ones, and the full matrix's SVD loss (s, if known) for reference. */
static void masked_rows(struct table *t, const struct lr_run *r, const double *s, double tail,
                        double loss, char *title, size_t nt)
{
	size_t k = r->opts.rank, pmin = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	char a[32], c[96];

	snprintf(title, nt, "masked %s (%zu×%zu, %zu of %zu entries observed), rank %zu",
	         r->matrix_name, r->A->rows, r->A->cols, r->res.n_observed,
	         r->A->rows * r->A->cols, k);
	row(t, "", "sum of squares", "");
	vw_num_r(a, sizeof a, loss, lr_run_sgd_zero(r, loss), 1);
	snprintf(c, sizeof c, "%zu entries, %ld epochs", r->res.n_observed, r->res.epochs_done);
	row(t, "SGD loss on observed entries", a, c);
	if (r->res.hidden) {
		double h = r->res.hidden[r->res.epochs_done - 1];
		vw_num_r(a, sizeof a, h, lr_run_sgd_zero(r, h), 1);
		snprintf(c, sizeof c, "%zu entries", r->res.n_hidden_known);
		row(t, "SGD error on hidden entries", a, c);
	} else {
		row(t, "SGD error on hidden entries", "?", "their true values are unknown");
	}
	if (s) {
		vw_num_r(a, sizeof a, tail, k < pmin && lr_run_svd_zero(r, tail), 1);
		row(t, "SVD of the full matrix", a, "all entries, for reference");
	}
}

/* The singular values the rank-k bound leaves out, in b: the first three
 * of the ns known of pmin, then "…" or the range only measured. */
static void left_out(char *b, size_t nb, const struct lr_panel *p, const double *s, size_t k,
                     size_t ns, size_t pmin, size_t nmax)
{
	size_t i;

	b[0] = '\0';
	for (i = k; i < ns && i < k + 3; i++) {
		char v[32];
		vw_num_r(v, sizeof v, s[i], lr_zero_to_rounding(s[i], s[0], nmax), 0);
		snprintf(b + strlen(b), nb - strlen(b), "%s%s%zu = %s",
		         i > k ? ", " : "", GL(p, "σ", "s"), i + 1, v);
	}
	if (i == ns && ns < pmin)
		snprintf(b + strlen(b), nb - strlen(b), "%s%s%zu%s%s%zu measured",
		         i > k ? ", " : "", GL(p, "σ", "s"), ns + 1, GL(p, "–", "-"),
		         GL(p, "σ", "s"), pmin);
	else if (pmin > k + 3)
		snprintf(b + strlen(b), nb - strlen(b), ", …");
	if (pmin == k)
		snprintf(b, nb, "no singular value is left out");
}

/* A full matrix's rows: SGD's loss against the SVD's, the bound and the gap. */
static void full_rows(struct table *t, const struct lr_panel *p, const struct lr_run *r,
                      const double *s, size_t ns, double tail, double loss, char *title,
                      size_t nt)
{
	size_t k = r->opts.rank, pmin = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	size_t nmax = r->A->rows > r->A->cols ? r->A->rows : r->A->cols;
	char a[32], c[96];
	int tail_zero;

	snprintf(title, nt, "Eckart–Young–Mirsky comparison for %s (%zu×%zu), rank %zu",
	         r->matrix_name, r->A->rows, r->A->cols, k);
	row(t, "", "sum of squares", "");
	vw_num_r(a, sizeof a, loss, lr_run_sgd_zero(r, loss), 1);
	snprintf(c, sizeof c, "after %ld epochs, lr %g", r->res.epochs_done, r->opts.lr);
	row(t, "SGD loss", a, c);
	if (!s)
		return;
	tail_zero = k < pmin && lr_run_svd_zero(r, tail);   /* k = pmin: exact */
	vw_num_r(a, sizeof a, tail, tail_zero, 1);
	snprintf(c, sizeof c, "the optimum of rank %zu", k);
	row(t, "SVD loss", a, c);
	left_out(c, sizeof c, p, s, k, ns, pmin, nmax);
	row(t, GL(p, "bound Σ_{i>k} σᵢ²", "bound sum s_i^2, i>k"), a, c);
	vw_num_r(a, sizeof a, loss - tail, lr_run_sgd_zero(r, loss - tail), 1);
	if (!tail_zero && tail > 0)
		snprintf(c, sizeof c, "%.2f%% above the optimum", 100 * (loss - tail) / tail);
	else if (!tail_zero)
		snprintf(c, sizeof c, "the optimum is exact (0)");
	else
		snprintf(c, sizeof c, "the optimum is 0: rank %s k", GL(p, "≤", "<="));
	row(t, "gap", a, c);
}

/* The kept runs of r's matrix, newest last, from row y + 2 (when more than one). */
static void runs_table(struct lr_grid *g, const struct lr_panel *p, const struct lr_run *r,
                       int y)
{
	struct table u;
	char a[32], b[32], c[96];
	int hidden = 0;

	for (size_t i = 0; i < p->nruns; i++)
		hidden |= !strcmp(p->runs[i]->matrix_name, r->matrix_name) &&
		          p->runs[i]->res.hidden != NULL;
	/* masked runs: the hidden-entry error beside the loss, which is what
	 * tells the ranks apart (lesson 5) */
	u.n = 0;
	u.cols = hidden ? 4 : 3;
	if (hidden)
		row4(&u, "run", "observed loss", "hidden error", "epochs");
	else
		row(&u, "run", "final loss", "epochs");
	for (size_t i = 0; i < p->nruns; i++) {
		const struct lr_run *q = p->runs[i];
		long e = q->res.epochs_done;
		if (strcmp(q->matrix_name, r->matrix_name) || !e)
			continue;
		vw_num(a, sizeof a, q->res.loss[e - 1]);
		snprintf(c, sizeof c, "%ld%s", e, q->res.stopped ? " (stopped)" : "");
		if (hidden && q->res.hidden)
			vw_num(b, sizeof b, q->res.hidden[e - 1]);
		else
			snprintf(b, sizeof b, "-");
		if (hidden)
			row4(&u, q->label[0] ? q->label : q->matrix_name, a, b, c);
		else
			row(&u, q->label[0] ? q->label : q->matrix_name, a, c);
	}
	if (u.n > 2)
		draw_table(g, 2, y + 2, &u, p);
}

void vw_draw_compare(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	const struct lr_run *r = p->run;
	struct table t;
	char title[128];
	double *s, tail = 0, loss;
	size_t ns = 0;
	int y;

	if (!r || !r->res.epochs_done) {
		static const char *const l[] = {
			"Nothing to compare yet.",
			"Type  sgd A 2  and then  loss : the SGD result is set against the SVD",
			"optimum of the same rank, the Eckart–Young–Mirsky bound  Σ_{i>k} σᵢ²."
		};
		vw_hint(g, y0 + 1, l, 3);
		return;
	}
	loss = r->res.loss[r->res.epochs_done - 1];
	t.n = 0;
	t.cols = 3;
	s = values_of(p, r->A, r->opts.rank, &ns, &tail);
	if (lr_mat_has_hidden(r->A))
		masked_rows(&t, r, s, tail, loss, title, sizeof title);
	else
		full_rows(&t, p, r, s, ns, tail, loss, title, sizeof title);
	lr_free(s);
	vw_text_clip(g, 2, y0 + 1, g->w - 1, title, LR_STY_TITLE);
	y = draw_table(g, 2, y0 + 3, &t, p);
	if (lr_mat_has_hidden(r->A) && y + 1 < g->h) {
		const char *note = GL(p,
			"The Eckart–Young bound does not apply to a masked matrix: watch the hidden "
			"error rise while the observed loss falls (overfitting).",
			"The Eckart-Young bound does not apply to a masked matrix: watch the hidden "
			"error rise while the observed loss falls (overfitting).");
		y++;
		vw_wrap(g, 2, &y, g->w - 2, g->h, note, strlen(note), LR_STY_DIM);
		y--;                        /* the row of its last line */
	}
	if (p->nruns > 1 && y + 4 < g->h)
		runs_table(g, p, r, y);
}
