/* `plot`: the per-epoch loss of the newest training (or of all kept runs,
 * `plot all`) drawn into a grid with the Eckart–Young floor, and printed
 * as text. The terminal's Loss view draws the same with lr_loss_plot. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "factor.h"
#include "plot.h"
#include "sgd_words.h"

double lr_runs_floor(const struct lr_run *const *runs, size_t n)
{
	const struct lr_run *r;
	size_t p;
	double *s, tail = 0;

	if (n == 0)
		return NAN;
	r = runs[0];
	p = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	if ((double)r->A->rows * (double)r->A->cols > 1e6)
		return NAN;   /* an SVD per drawing would cost more than it shows */
	for (size_t i = 0; i < n; i++)
		if (lr_mat_has_hidden(runs[i]->A) || runs[i]->opts.rank != r->opts.rank ||
		    !lr_mat_same(runs[i]->A, r->A))
			return NAN;
	s = lr_mallocarray(p + 1, sizeof *s);
	if (!s || lr_svd_values(r->A, s) != LR_OK) {
		lr_free(s);
		return NAN;
	}
	for (size_t i = p; i-- > r->opts.rank;)
		tail += s[i] * s[i];
	lr_free(s);
	/* the rounding rule (lowrank/rounding.h): a floor of 1e-23 is noise
	 * whose digits depend on the CPU, and would stretch a log axis to it */
	return lr_run_svd_zero(r, tail) ? 0.0 : tail;
}

enum { FIELDS = 7 };

/* Field f of run r's settings as legend text ("A", "k=2", "lr=0.01", ...). */
static void run_field(const struct lr_run *r, int f, char *out, size_t size)
{
	const struct lr_sgd_options *o = &r->opts;

	switch (f) {
	case 0: snprintf(out, size, "%s", r->matrix_name); break;
	case 1: snprintf(out, size, "k=%zu", o->rank); break;
	case 2: snprintf(out, size, "lr=%g", o->lr); break;
	case 3: snprintf(out, size, "epochs=%ld", o->epochs); break;
	case 4: snprintf(out, size, "seed=%llu", (unsigned long long)o->seed); break;
	case 5: snprintf(out, size, "%s", lr_sgd_update_words[o->update]); break;
	default: snprintf(out, size, "%s", lr_sgd_order_words[o->order]); break;
	}
}

static void make_labels(const struct lr_run *const *runs, size_t n, const int *use,
                        char (*lab)[64])
{
	char a[64];

	for (size_t i = 0; i < n; i++) {
		lab[i][0] = '\0';
		for (int f = 0; f < FIELDS; f++)
			if (use[f]) {
				size_t l = strlen(lab[i]);
				run_field(runs[i], f, a, sizeof a);
				snprintf(lab[i] + l, 64 - l, "%s%s", l ? " " : "", a);
			}
	}
}

/* The legend of n overlaid runs says what tells them apart (matrix, rank,
 * learning rate, epochs, update, order; the seed only when nothing else
 * does): one label per run from the fields that differ among them (the
 * matrix and rank when none does). The matrix, k and lr they share go to
 * the title. Four labels of the whole "A k=2 lr=0.01" did not fit 80
 * columns, and runs apart only by their seed had the same label. */
static void run_labels(const struct lr_run *const *runs, size_t n, char (*lab)[64],
                       char *shared, size_t ssize)
{
	int differs[FIELDS], any = 0, same = 0;
	char a[64], b[64];

	for (int f = 0; f < FIELDS; f++) {
		differs[f] = 0;
		run_field(runs[0], f, a, sizeof a);
		for (size_t i = 1; i < n && !differs[f]; i++) {
			run_field(runs[i], f, b, sizeof b);
			differs[f] = strcmp(a, b) != 0;
		}
	}
	shared[0] = '\0';
	for (int f = 0; f < 3; f++)
		if (!differs[f]) {
			size_t l = strlen(shared);
			run_field(runs[0], f, a, sizeof a);
			snprintf(shared + l, ssize - l, "%s%s", l ? ", " : "", a);
		}
	for (int f = 0; f < FIELDS; f++)
		any |= f != 4 && differs[f];
	if (!any)
		differs[0] = differs[1] = 1;
	differs[4] = 0;
	make_labels(runs, n, differs, lab);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			same |= !strcmp(lab[i], lab[j]);
	if (same) {
		differs[4] = 1;
		make_labels(runs, n, differs, lab);
	}
}

/* The cells the legend of ser takes (lr_plot_lines: sample, space, label,
 * four spaces). */
static int legend_width(const struct lr_series *ser, size_t ns, int ascii)
{
	int w = 0;

	for (size_t i = 0; i < ns; i++)
		w += (ascii ? 1 : 4) + 1 + lr_grid_text_len(ser[i].label) + 4;
	return w;
}

/* A run is cut where it diverges: at the first epoch whose loss is not
 * finite or is over DIVERGED times its first epoch's. Drawn on, a loss on its
 * way to Inf stretched a log axis over hundreds of decades, the other runs
 * flat along its floor and its own start squashed into the first column. */
#define DIVERGED 1e3

/* The epochs of r to draw, and in *at the epoch it diverged at, or 0. */
static size_t shown_epochs(const struct lr_sgd_result *r, long *at)
{
	size_t n = r->epochs_done > 0 ? (size_t)r->epochs_done : 0;
	double cap = n && r->loss[0] > 0 ? DIVERGED * r->loss[0] : INFINITY;

	*at = r->diverged_epoch;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(r->loss[i]) || r->loss[i] > cap) {
			*at = (long)i + 1;
			return i;
		}
	return n;
}

/* Copies src into g from row y0. */
static void put_rows(struct lr_grid *g, const struct lr_grid *src, int y0)
{
	for (int y = 0; y < src->h && y0 + y < g->h; y++)
		for (int x = 0; x < src->w && x < g->w; x++) {
			const struct lr_cell *c = lr_grid_at(src, x, y);
			lr_grid_put(g, x, y0 + y, c->ch, c->style);
		}
}

/* Several masked runs whose hidden-entry errors do not fit the four
 * patterns with their losses: the losses on the observed entries above,
 * the errors on the hidden ones below, each run with the same pattern in
 * both. Returns 0 when the grids cannot be had (then one plot is drawn). */
static int split_plot(struct lr_grid *g, const struct lr_series *obs, const struct lr_series *hid,
                      size_t n, struct lr_plot_opts *o, const char *title)
{
	struct lr_grid top, bottom;
	char t[128];
	int h = g->h / 2;

	if (lr_grid_init(&top, g->w, h) < 0)
		return 0;
	if (lr_grid_init(&bottom, g->w, g->h - h) < 0) {
		lr_grid_finish(&top);
		return 0;
	}
	snprintf(t, sizeof t, "%s: observed entries", title);
	o->title = t;
	o->xlabel = NULL;
	lr_plot_lines(&top, obs, n, o);
	o->title = "error on the hidden entries";
	o->xlabel = "epoch";
	o->floor = NAN;
	lr_plot_lines(&bottom, hid, n, o);
	lr_grid_clear(g);
	put_rows(g, &top, 0);
	put_rows(g, &bottom, h);
	lr_grid_finish(&top);
	lr_grid_finish(&bottom);
	return 1;
}

static void one_run(const struct lr_run *r, struct lr_series *ser, size_t *ns, char *title,
                    size_t tsize)
{
	long at;
	size_t n = shown_epochs(&r->res, &at);
	int l = snprintf(title, tsize, "SGD loss of %s, k=%zu, lr %g", r->matrix_name,
	                 r->opts.rank, r->opts.lr);

	if (at && l > 0 && (size_t)l < tsize)
		snprintf(title + l, tsize - (size_t)l, ": diverged at epoch %ld", at);
	ser[(*ns)++] = (struct lr_series){ "loss on observed entries", r->res.loss, n };
	if (r->res.hidden)
		ser[(*ns)++] = (struct lr_series){ "error on hidden entries", r->res.hidden, n };
}

/* The series of the last (up to) four of n runs, their labels in the
 * caller's buffers. Four patterns tell series apart: each masked run's
 * hidden-entry error follows its loss while all fit in four; else the
 * errors get a plot of their own under the losses (returns 1: drawn). */
struct labels {
	char run[4][64], diverged[4][96], hidden[4][104], shared[128];
};

static int several_runs(struct lr_grid *g, const struct lr_run *const *runs, size_t n,
                        struct lr_plot_opts *o, struct lr_series *ser, size_t *ns,
                        struct labels *lb, char *title, size_t tsize)
{
	struct lr_series obs[4], hid[4];
	size_t from = n > 4 ? n - 4 : 0, masked = 0;
	int keep;

	for (size_t i = from; i < n; i++)
		masked += runs[i]->res.hidden != NULL;
	keep = n - from + masked <= 4;
	run_labels(runs + from, n - from, lb->run, lb->shared, sizeof lb->shared);
	snprintf(title, tsize, "SGD loss%s%s, the last %zu runs", lb->shared[0] ? " of " : "",
	         lb->shared, n - from);
	for (size_t i = from; i < n; i++) {
		const struct lr_sgd_result *r = &runs[i]->res;
		size_t j = i - from;
		long at;
		size_t m = shown_epochs(r, &at);
		if (at)
			snprintf(lb->diverged[j], sizeof lb->diverged[0], "%.63s diverged at %ld",
			         lb->run[j], at);
		else
			snprintf(lb->diverged[j], sizeof lb->diverged[0], "%.63s", lb->run[j]);
		obs[j] = (struct lr_series){ lb->diverged[j], r->loss, m };
		hid[j] = (struct lr_series){ lb->diverged[j], r->hidden, r->hidden ? m : 0 };
		ser[(*ns)++] = obs[j];
		if (!keep || !r->hidden)
			continue;
		snprintf(lb->hidden[j], sizeof lb->hidden[0], "%.95s hidden", lb->diverged[j]);
		ser[(*ns)++] = (struct lr_series){ lb->hidden[j], r->hidden, m };
	}
	if (masked && !keep && split_plot(g, obs, hid, n - from, o, title))
		return 1;
	if (masked && keep && legend_width(ser, *ns, o->ascii) > g->w - 8)
		for (size_t i = 0; i < *ns; i++)   /* it follows its run's entry */
			if (ser[i].label >= lb->hidden[0] && ser[i].label <= lb->hidden[3])
				ser[i].label = "hidden";
	if (masked && !keep)
		o->xlabel = "epoch   (hidden-entry errors left out; 'plot' draws one run's)";
	return 0;
}

void lr_loss_plot_floor(struct lr_grid *g, const struct lr_run *const *runs, size_t n,
                        int ascii, double floor)
{
	struct lr_series ser[8];
	struct labels lb;
	size_t ns = 0;
	char title[96], flabel[64];
	struct lr_plot_opts o;

	memset(&o, 0, sizeof o);
	o.ascii = ascii;
	o.logy = 1;
	o.xlabel = "epoch";
	o.floor = floor;
	if (!isnan(o.floor)) {
		snprintf(flabel, sizeof flabel, "SVD bound %.4g", o.floor);
		o.floor_label = flabel;
	}
	if (n == 1)
		one_run(runs[0], ser, &ns, title, sizeof title);
	else if (several_runs(g, runs, n, &o, ser, &ns, &lb, title, sizeof title))
		return;
	o.title = title;
	lr_plot_lines(g, ser, ns, &o);
}

void lr_loss_plot(struct lr_grid *g, const struct lr_run *const *runs, size_t n, int ascii)
{
	lr_loss_plot_floor(g, runs, n, ascii, lr_runs_floor(runs, n));
}

int lr_cmd_plot(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_run *const *runs;
	size_t n = lr_session_runs(s, &runs), from;
	int all = 0, ascii = s->ascii;
	struct lr_grid g;
	struct lr_buf b;

	for (size_t i = 0; i < st->nwords; i++) {
		if (!strcmp(st->words[i].text, "all"))
			all = 1;
		else if (!strcmp(st->words[i].text, "ascii") || !strcmp(st->words[i].text, "--ascii"))
			ascii = 1;
		else
			return lr_fail(s, st->words[i].pos, "plot: expected 'all' or 'ascii', found '%s'",
			               st->words[i].text);
	}
	if (n == 0)
		return lr_fail(s, st->name_pos, "plot: no training to plot yet; run 'sgd A k' first");
	from = all ? 0 : n - 1;
	if (lr_grid_init(&g, s->fmt.width, 22) < 0)
		return lr_fail(s, st->name_pos, "out of memory");
	lr_loss_plot(&g, runs + from, n - from, ascii);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	{
		struct lr_event ev = { LR_EV_VIEW, NULL, NULL, "loss" };
		lr_emit(s, &ev);
	}
	return 0;
}
