/* `plot`: the per-epoch loss of the newest training (or of all kept runs,
 * `plot all`) drawn into a grid with the Eckart–Young floor, and printed
 * as text. The terminal's Loss view draws the same with lr_loss_plot. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "factor.h"
#include "plot.h"

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
	case 5: snprintf(out, size, "%s", o->update == LR_SGD_SIMULTANEOUS ? "simultaneous" :
	                                                                   "sequential"); break;
	default: snprintf(out, size, "%s", o->order == LR_SGD_SHUFFLED ? "shuffled" : "rows"); break;
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

void lr_loss_plot_floor(struct lr_grid *g, const struct lr_run *const *runs, size_t n,
                        int ascii, double floor)
{
	struct lr_series ser[8];
	char labels[4][64], hlabels[4][72], shared[128];
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
	if (n == 1) {
		snprintf(title, sizeof title, "SGD loss of %s, k=%zu, lr %g", runs[0]->matrix_name,
		         runs[0]->opts.rank, runs[0]->opts.lr);
		ser[ns++] = (struct lr_series){ "loss on observed entries", runs[0]->res.loss,
		                                (size_t)runs[0]->res.epochs_done };
		if (runs[0]->res.hidden)
			ser[ns++] = (struct lr_series){ "error on hidden entries", runs[0]->res.hidden,
			                                (size_t)runs[0]->res.epochs_done };
	} else {
		size_t from = n > 4 ? n - 4 : 0, masked = 0;
		int keep;
		for (size_t i = from; i < n; i++)
			masked += runs[i]->res.hidden != NULL;
		/* Four patterns tell series apart: each masked run's hidden-entry
		 * error follows its loss while all fit in four, else none is
		 * drawn and the x label says so (`plot` draws one run's). */
		keep = n - from + masked <= 4;
		run_labels(runs + from, n - from, labels, shared, sizeof shared);
		snprintf(title, sizeof title, "SGD loss%s%s, the last %zu runs", shared[0] ? " of " : "",
		         shared, n - from);
		for (size_t i = from; i < n; i++) {
			const struct lr_sgd_result *r = &runs[i]->res;
			ser[ns++] = (struct lr_series){ labels[i - from], r->loss, (size_t)r->epochs_done };
			if (!keep || !r->hidden)
				continue;
			snprintf(hlabels[i - from], sizeof hlabels[0], "%.63s hidden", labels[i - from]);
			ser[ns++] = (struct lr_series){ hlabels[i - from], r->hidden,
			                                (size_t)r->epochs_done };
		}
		if (masked && keep && legend_width(ser, ns, ascii) > g->w - 8)
			for (size_t i = 0; i < ns; i++)   /* it follows its run's entry */
				if (ser[i].label >= hlabels[0] && ser[i].label <= hlabels[3])
					ser[i].label = "hidden";
		if (masked && !keep)
			o.xlabel = "epoch   (hidden-entry errors left out; 'plot' draws one run's)";
	}
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
