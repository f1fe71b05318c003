/* The panel's views, drawn into a grid: see views.h. The Loss and Spectrum
 * views reuse the plots of the `plot` command (lr_loss_plot,
 * lr_plot_spectrum); the Matrices and Compare views are laid out here. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "format.h"
#include "plot.h"
#include "views.h"

static const char *const view_names[LR_VIEW_COUNT] = {
	"matrices", "loss", "spectrum", "compare", "lesson"
};
static const char *const view_titles[LR_VIEW_COUNT] = {
	"Matrices", "Loss", "Spectrum", "Compare", "Lesson"
};

#define GL(p, u, a) ((p)->ascii ? (a) : (u))

const char *lr_view_name(enum lr_view v)
{
	return (unsigned)v < LR_VIEW_COUNT ? view_names[v] : "?";
}

int lr_view_parse(const char *name)
{
	for (int i = 0; i < LR_VIEW_COUNT; i++)
		if (!strcmp(name, view_names[i]))
			return i;
	return -1;
}

size_t lr_panel_rank(const struct lr_panel *p)
{
	size_t k;

	if (!p->svd || p->svd->svd.p == 0)
		return 0;
	k = p->k ? p->k : p->svd->k;
	if (k < 1)
		k = 1;
	return k > p->svd->svd.p ? p->svd->svd.p : k;
}

/* ---- small helpers ---- */

/* Copies src's rows from `from` on to (x0, y0 + from). */
static void blit_from(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0, int from)
{
	for (int y = from; y < src->h; y++)
		for (int x = 0; x < src->w; x++) {
			const struct lr_cell *c = &src->cells[y * src->w + x];
			lr_grid_put(dst, x0 + x, y0 + y, c->ch, c->style);
		}
}

static void blit(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0)
{
	blit_from(dst, src, x0, y0, 0);
}

/* Text clipped to the columns [x, xmax). */
static int text_clip(struct lr_grid *g, int x, int y, int xmax, const char *s, int style)
{
	struct lr_grid row;
	int n = lr_grid_text_len(s);

	if (n <= xmax - x)
		return lr_grid_text(g, x, y, s, style);
	if (lr_grid_init(&row, xmax - x, 1) < 0)
		return x;
	lr_grid_text(&row, 0, 0, s, style);
	blit(g, &row, x, y);
	lr_grid_finish(&row);
	return xmax;
}

static void num(char *buf, size_t n, double x)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_fmt_number(&b, x, LR_FMT_SHORT);
	snprintf(buf, n, "%s", b.data && !b.failed ? b.data : "?");
	lr_buf_finish(&b);
}

/* Lays items out left to right with gaps, wrapping into the next rows;
 * returns the row after the last one used. */
static int flow(struct lr_grid *g, int x0, int y, int xmax, int ymax,
                const char *const *items, const int *styles, int n)
{
	int x = x0;

	for (int i = 0; i < n && y < ymax; i++) {
		int w = lr_grid_text_len(items[i]);
		if (x > x0 && x + w > xmax) {
			x = x0;
			if (++y >= ymax)
				break;
		}
		x = text_clip(g, x, y, xmax, items[i], styles[i]) + 3;
	}
	return y + 1;
}

/* ---- the tab line ---- */

static void context(const struct lr_panel *p, char *buf, size_t n)
{
	const struct lr_run *r = p->run;

	buf[0] = '\0';
	if (p->view == LR_VIEW_LESSON)
		return;                /* the view names its step itself */
	if (p->live && r)
		snprintf(buf, n, "training %s k=%zu: epoch %ld", r->matrix_name, r->opts.rank,
		         r->res.epochs_done);
	else if ((p->view == LR_VIEW_SPECTRUM || (p->view == LR_VIEW_MATRICES &&
	          p->focus == LR_FOCUS_SVD)) && p->svd)
		snprintf(buf, n, lr_svd_run_partial(p->svd) ? "svd %s k=%zu of %zu (%zu computed)   "
		         "+/- change k" : "svd %s k=%zu of %zu   +/- change k", p->svd->matrix_name,
		         lr_panel_rank(p), lr_svd_run_rank_max(p->svd), lr_svd_run_known(p->svd));
	else if (r && p->view != LR_VIEW_SPECTRUM)
		snprintf(buf, n, "sgd %s k=%zu: %ld epochs", r->matrix_name, r->opts.rank,
		         r->res.epochs_done);
}

static void draw_tabs(struct lr_grid *g, const struct lr_panel *p)
{
	static const char *const short_titles[LR_VIEW_COUNT] = {
		"Mat", "Loss", "Spec", "Cmp", "Lesson"
	};
	char buf[128];
	int x = 1, total = 1, shorter;

	for (int v = 0; v < LR_VIEW_COUNT; v++)
		if (v != LR_VIEW_LESSON || p->lesson || (int)p->view == v)
			total += lr_grid_text_len(view_titles[v]) + 6;
	shorter = total > g->w;          /* a narrow panel: short names, all five seen */
	for (int v = 0; v < LR_VIEW_COUNT; v++) {
		int on = (int)p->view == v;
		if (v == LR_VIEW_LESSON && !p->lesson && !on)
			continue;          /* the Lesson tab only while a lesson is played */
		snprintf(buf, sizeof buf, "%sF%d %s%s", on ? "[" : " ", v + 2,
		         shorter ? short_titles[v] : view_titles[v], on ? "]" : " ");
		x = lr_grid_text(g, x, 0, buf, on ? LR_STY_TITLE : LR_STY_DIM) + 1;
	}
	context(p, buf, sizeof buf);
	if (buf[0]) {
		int w = lr_grid_text_len(buf);
		if (g->w - 1 - w > x + 1)
			lr_grid_text(g, g->w - 1 - w, 0, buf, p->live ? LR_STY_BOLD : LR_STY_DIM);
	}
}

static void hint(struct lr_grid *g, int y, const char *const *lines, int n)
{
	for (int i = 0; i < n; i++)
		text_clip(g, 2, y + i, g->w, lines[i], i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
}

/* ---- Matrices ---- */

enum blk { B_A, B_U, B_S, B_VT, B_REC, B_RES };

/* The factorisation shown: A ≈ U diag(s) Vᵀ with k columns (s NULL: 1). */
struct fact {
	const struct lr_matrix *A, *U, *V;
	const double *s;
	size_t k;
};

static double rec(const struct fact *f, size_t i, size_t j)
{
	double t = 0;

	for (size_t l = 0; l < f->k; l++)
		t += LR_AT(f->U, i, l) * (f->s ? f->s[l] : 1.0) * LR_AT(f->V, j, l);
	return t;
}

static double get(const struct fact *f, int b, size_t i, size_t j)
{
	switch (b) {
	case B_A: return LR_AT(f->A, i, j);
	case B_U: return LR_AT(f->U, i, j);
	case B_S: return i == j ? f->s[i] : 0.0;
	case B_VT: return LR_AT(f->V, j, i);
	case B_REC: return rec(f, i, j);
	default: return LR_AT(f->A, i, j) - rec(f, i, j);
	}
}

static int hidden(const struct fact *f, int b, size_t i, size_t j)
{
	return (b == B_A || b == B_REC || b == B_RES) && !lr_mat_observed(f->A, i, j);
}

struct block {
	int b;
	char title[48];
	size_t rows, cols, shown_r, shown_c;
	int heat, sci, dec, numw, cw, w;
	double scale;       /* heat: the largest |A| */
};

static void block_init(struct block *bk, const struct fact *f, int b, const char *title)
{
	double mx = 0;
	int neg = 0;

	memset(bk, 0, sizeof *bk);
	bk->b = b;
	snprintf(bk->title, sizeof bk->title, "%s", title);
	bk->rows = b == B_S || b == B_VT ? f->k : f->A->rows;
	bk->cols = b == B_U || b == B_S ? f->k : f->A->cols;
	bk->heat = b == B_RES;
	if (bk->heat) {
		for (size_t i = 0; i < f->A->rows * f->A->cols; i++)
			if (isfinite(f->A->data[i]))
				mx = fmax(mx, fabs(f->A->data[i]));
		bk->scale = mx > 0 ? mx : 1;
		bk->cw = 2;
		return;
	}
	for (size_t i = 0; i < bk->rows && i < 64; i++)
		for (size_t j = 0; j < bk->cols && j < 64; j++) {
			double v = get(f, b, i, j);
			if (isfinite(v)) {
				mx = fmax(mx, fabs(v));
				neg |= v < 0;
			}
		}
	if (mx >= 1e5 || (mx > 0 && mx < 1e-2)) {
		bk->sci = 1;
		bk->numw = 8 + neg;
	} else {
		int intd = mx < 1 ? 1 : (int)floor(log10(mx)) + 1;
		bk->dec = intd >= 4 ? 0 : intd == 3 ? 1 : 2;
		bk->numw = neg + intd + (bk->dec ? bk->dec + 1 : 0);
	}
	bk->cw = bk->numw + 2;
}

static int block_width(const struct block *bk)
{
	int w = (int)bk->shown_c * bk->cw + (bk->shown_c < bk->cols ? 2 : 0);
	int t = lr_grid_text_len(bk->title);
	return w > t ? w : t;
}

/* Fits the blocks into w columns and h rows (title included); returns how
 * many blocks are kept. */
static int fit(struct block *bk, int n, int w, int h)
{
	for (int i = 0; i < n; i++) {
		bk[i].shown_c = bk[i].cols;
		bk[i].shown_r = bk[i].rows <= (size_t)(h - 1) ? bk[i].rows :
		                h > 2 ? (size_t)(h - 2) : 0;
	}
	for (;;) {
		int total = 0, widest = -1;
		for (int i = 0; i < n; i++) {
			total += block_width(&bk[i]) + (i ? 3 : 0);
			if (bk[i].shown_c > 1 && (widest < 0 || bk[i].shown_c * (size_t)bk[i].cw >
			                                         bk[widest].shown_c * (size_t)bk[widest].cw))
				widest = i;
		}
		if (total <= w || n == 0)
			return n;
		if (widest >= 0)
			bk[widest].shown_c--;
		else
			n--;
	}
}

static const char *shade(int level, int ascii)
{
	static const char *const u[] = { "·", "░", "▒", "▓", "█" };
	static const char *const a[] = { ".", "-", "+", "*", "#" };
	return ascii ? a[level] : u[level];
}

static int heat_level(double r, double scale)
{
	double x = fabs(r) / scale;
	return x < 0.01 ? 0 : x < 0.05 ? 1 : x < 0.15 ? 2 : x < 0.4 ? 3 : 4;
}

static void draw_entry(struct lr_grid *g, int x, int y, const struct block *bk,
                       const struct fact *f, size_t i, size_t j, int ascii)
{
	double v = get(f, bk->b, i, j);
	int hid = hidden(f, bk->b, i, j);
	char s[40];

	if (bk->heat) {
		if (isnan(v)) {
			lr_grid_text(g, x, y, "??", LR_STY_HIDDEN);
			return;
		}
		int lv = heat_level(v, bk->scale);
		lr_grid_text(g, x, y, shade(lv, ascii), LR_STY_HEAT0 + lv);
		if (hid)
			lr_grid_text(g, x + 1, y, ascii ? "o" : "∘", LR_STY_HIDDEN);
		else
			lr_grid_text(g, x + 1, y, shade(lv, ascii), LR_STY_HEAT0 + lv);
		return;
	}
	if (isnan(v))
		snprintf(s, sizeof s, "%*s", bk->numw, hid ? "?" : "NaN");
	else if (bk->sci)
		snprintf(s, sizeof s, "%*.2e", bk->numw, v);
	else
		snprintf(s, sizeof s, "%*.*f", bk->numw, bk->dec, v);
	if (hid) {
		lr_grid_text(g, x, y, "[", LR_STY_HIDDEN);
		lr_grid_text(g, x + 1, y, s, LR_STY_HIDDEN);
		lr_grid_text(g, x + 1 + bk->numw, y, "]", LR_STY_HIDDEN);
	} else {
		lr_grid_text(g, x + 1, y, s, LR_STY_NORMAL);
	}
}

/* How far a block is scrolled: off is asked for, clamped so the last
 * row (or column) stays at the edge. */
static size_t scrolled(size_t off, size_t total, size_t shown)
{
	return total > shown ? (off < total - shown ? off : total - shown) : 0;
}

/* Whether a block's rows are the rows of A (A, U, the reconstruction, the
 * residual) and its columns the columns of A (A, Vᵀ, ...): those scroll. */
static int rows_of_a(const struct block *bk) { return bk->b != B_S && bk->b != B_VT; }
static int cols_of_a(const struct block *bk) { return bk->b != B_S && bk->b != B_U; }

static void draw_block(struct lr_grid *g, int x, int y, const struct block *bk,
                       const struct fact *f, int ascii, size_t row0, size_t col0)
{
	size_t ro = rows_of_a(bk) ? scrolled(row0, bk->rows, bk->shown_r) : 0;
	size_t co = cols_of_a(bk) ? scrolled(col0, bk->cols, bk->shown_c) : 0;

	lr_grid_text(g, x, y, bk->title, LR_STY_BOLD);
	for (size_t i = 0; i < bk->shown_r; i++) {
		for (size_t j = 0; j < bk->shown_c; j++)
			draw_entry(g, x + (int)j * bk->cw, y + 1 + (int)i, bk, f, i + ro, j + co, ascii);
		if (co + bk->shown_c < bk->cols)
			lr_grid_text(g, x + (int)bk->shown_c * bk->cw + 1, y + 1 + (int)i,
			             ascii ? ">" : "…", LR_STY_DIM);
	}
	if (ro + bk->shown_r < bk->rows)
		for (size_t j = 0; j < bk->shown_c; j++)
			lr_grid_text(g, x + (int)j * bk->cw + bk->cw / 2, y + 1 + (int)bk->shown_r,
			             ascii ? ":" : "⋮", LR_STY_DIM);
}

/* Draws the first n blocks (already fitted) side by side from x; returns
 * the column after the last. */
static int draw_shelf(struct lr_grid *g, int x, int y, const struct block *bk, int n,
                      const struct fact *f, int ascii, size_t row0, size_t col0)
{
	for (int i = 0; i < n; i++) {
		draw_block(g, x, y, &bk[i], f, ascii, row0, col0);
		x += block_width(&bk[i]) + 3;
	}
	return x;
}

static int any_clipped(const struct block *bk, int n)
{
	for (int i = 0; i < n; i++)
		if (bk[i].shown_c < bk[i].cols || bk[i].shown_r < bk[i].rows)
			return 1;
	return 0;
}

/* The farthest the blocks scroll: until the last of them shows its end. */
static void scroll_limits(const struct block *bk, int n, struct lr_scroll *sc)
{
	for (int i = 0; i < n; i++) {
		if (rows_of_a(&bk[i]) && bk[i].rows > bk[i].shown_r &&
		    bk[i].rows - bk[i].shown_r > sc->max_row0)
			sc->max_row0 = bk[i].rows - bk[i].shown_r;
		if (cols_of_a(&bk[i]) && bk[i].cols > bk[i].shown_c &&
		    bk[i].cols - bk[i].shown_c > sc->max_col0)
			sc->max_col0 = bk[i].cols - bk[i].shown_c;
	}
}

void lr_scroll_move(const struct lr_scroll *at, long dr, long dc, size_t *row0, size_t *col0)
{
	size_t r = at->row0 < at->max_row0 ? at->row0 : at->max_row0;
	size_t c = at->col0 < at->max_col0 ? at->col0 : at->max_col0;

	if (dr < 0)
		r = (size_t)-dr < r ? r - (size_t)-dr : 0;
	else
		r = (size_t)dr < at->max_row0 - r ? r + (size_t)dr : at->max_row0;
	if (dc < 0)
		c = (size_t)-dc < c ? c - (size_t)-dc : 0;
	else
		c = (size_t)dc < at->max_col0 - c ? c + (size_t)dc : at->max_col0;
	*row0 = r;
	*col0 = c;
}

static int shelf_rows(const struct block *bk, int n)
{
	size_t r = 0;

	for (int i = 0; i < n; i++)
		r = bk[i].rows > r ? bk[i].rows : r;
	return (int)r + 1;
}

/* The numbers beside the reconstruction. */
static void fact_numbers(struct lr_grid *g, int x, int y, int xmax, int ymax,
                         const struct lr_panel *p, const struct fact *f)
{
	char l[5][96], a[32], b[32];
	int n = 0;

	if (p->focus == LR_FOCUS_SGD) {
		const struct lr_sgd_result *r = &p->run->res;
		num(a, sizeof a, r->epochs_done ? r->loss[r->epochs_done - 1] : NAN);
		snprintf(l[n++], sizeof l[0], "loss %s", a);
		snprintf(l[n++], sizeof l[0], "epoch %ld of %ld", r->epochs_done, p->run->opts.epochs);
		if (r->hidden && r->epochs_done) {
			num(a, sizeof a, r->hidden[r->epochs_done - 1]);
			snprintf(l[n++], sizeof l[0], "hidden error %s", a);
		}
		/* two lines: side by side, a narrow column cut the seed's last
		 * digits off, and a cut seed repeats a different run */
		snprintf(l[n++], sizeof l[0], "lr %g", p->run->opts.lr);
		snprintf(l[n++], sizeof l[0], "seed %llu", (unsigned long long)p->run->opts.seed);
	} else {
		const struct lr_svd *s = &p->svd->svd;
		num(a, sizeof a, lr_svd_run_tail(p->svd, f->k));
		snprintf(l[n++], sizeof l[0], "k = %zu of %zu", f->k, lr_svd_run_rank_max(p->svd));
		snprintf(l[n++], sizeof l[0], "error %s", a);
		snprintf(b, sizeof b, "%.2f%%", 100 * lr_svd_run_kept(p->svd, f->k));
		snprintf(l[n++], sizeof l[0], "energy kept %s", b);
		snprintf(l[n++], sizeof l[0], "storage %zu vs %zu", f->k * (s->m + s->n + 1),
		         s->m * s->n);
	}
	for (int i = 0; i < n && y + i < ymax; i++)
		text_clip(g, x, y + i, xmax, l[i], i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
}

/* The legend of the heat map on row y; returns the column after it. */
static int heat_legend(struct lr_grid *g, int y, const struct lr_panel *p, int masked)
{
	static const char *const lim[] = { "<1%", "<5%", "<15%", "<40%", "≥40%" };
	int x = lr_grid_text(g, 2, y, "residual/max|A|", LR_STY_DIM) + 2;

	for (int lv = 0; lv < 5; lv++) {
		lr_grid_text(g, x, y, shade(lv, p->ascii), LR_STY_HEAT0 + lv);
		lr_grid_text(g, x + 1, y, shade(lv, p->ascii), LR_STY_HEAT0 + lv);
		x = lr_grid_text(g, x + 2, y, p->ascii && lv == 4 ? ">=40%" : lim[lv], LR_STY_DIM) + 1;
	}
	if (masked)
		x = lr_grid_text(g, x + 1, y, p->ascii ? "[x] o hidden" : "[x] ∘ hidden", LR_STY_HIDDEN);
	return x;
}

static void draw_matrices(struct lr_grid *g, const struct lr_panel *p, int y0, int bottom_only)
{
	struct fact f;
	struct block top[4], bot[2];
	const struct block *ref;
	struct lr_scroll sc;
	int nt = 0, nb, avail = g->h - y0 - 1, h1, h2, clipped, lx, ly;
	int svd = p->focus == LR_FOCUS_SVD && p->svd;
	char t[48];

	if (avail < 2)
		return;
	if (!svd && !(p->focus == LR_FOCUS_SGD && p->run && p->run->res.U)) {
		static const char *const l[] = {
			"No factorisation yet.",
			"Define a matrix and factorise it, for example:",
			"  A = rand(6, 5)",
			"  sgd A 2          (gradient descent: A ≈ U·Vᵀ)",
			"  svd A 2          (the best rank-2 approximation)",
			"The matrices, the reconstruction and its residual show here."
		};
		hint(g, y0 + 1, l, 6);
		return;
	}
	if (svd) {
		f = (struct fact){ p->svd->A, p->svd->svd.U, p->svd->svd.V, p->svd->svd.s,
		                   lr_panel_rank(p) };
	} else {
		f = (struct fact){ p->run->A, p->run->res.U, p->run->res.V, NULL, p->run->opts.rank };
	}
	snprintf(t, sizeof t, "%s  %zu×%zu", svd ? p->svd->matrix_name : p->run->matrix_name,
	         f.A->rows, f.A->cols);
	block_init(&top[nt++], &f, B_A, t);
	snprintf(t, sizeof t, "U  %zu×%zu", f.A->rows, f.k);
	block_init(&top[nt++], &f, B_U, t);
	if (svd) {
		snprintf(t, sizeof t, "S  %zu×%zu", f.k, f.k);
		block_init(&top[nt++], &f, B_S, t);
	}
	snprintf(t, sizeof t, "%s  %zu×%zu", GL(p, "Vᵀ", "V'"), f.k, f.A->cols);
	block_init(&top[nt++], &f, B_VT, t);
	/* the matrix's own name: B's residual is not "A − U·Vᵀ" */
	const char *nm = svd ? p->svd->matrix_name : p->run->matrix_name;
	if (svd)
		snprintf(t, sizeof t, "%.16s_%zu = %s", nm, f.k, GL(p, "U·S·Vᵀ", "U*S*V'"));
	else
		snprintf(t, sizeof t, "%s", GL(p, "U·Vᵀ", "U*V'"));
	block_init(&bot[0], &f, B_REC, t);
	if (svd)
		snprintf(t, sizeof t, "%.16s %s %.16s_%zu", nm, GL(p, "−", "-"), nm, f.k);
	else
		snprintf(t, sizeof t, "%.16s %s", nm, GL(p, "− U·Vᵀ", "- U*V'"));
	block_init(&bot[1], &f, B_RES, t);
	h1 = shelf_rows(top, nt);
	h2 = shelf_rows(bot, 2);
	if (bottom_only) {
		h1 = -1;
		h2 = avail - 1 < h2 ? avail - 1 : h2;
	} else if (h1 + h2 + 1 <= avail) {
		h2 = avail - h1 - 1 < h2 ? avail - h1 - 1 : h2;
	} else {
		h1 = avail / 2 > h1 ? h1 : avail / 2;
		h2 = avail - h1 - 1;
		if (h2 < 2) {
			h1 = avail;
			h2 = 0;
		}
	}
	/* fit first: how far the view scrolls depends on what shows */
	nt = bottom_only ? 0 : fit(top, nt, g->w - 2, h1);
	nb = h2 >= 2 ? fit(bot, 2, bottom_only ? g->w - 2 : g->w - 24, h2) : 0;
	clipped = any_clipped(top, nt) || any_clipped(bot, nb);
	memset(&sc, 0, sizeof sc);
	if (!bottom_only) {      /* the Spectrum view's approximation does not scroll */
		scroll_limits(top, nt, &sc);
		scroll_limits(bot, nb, &sc);
		sc.row0 = p->row0 < sc.max_row0 ? p->row0 : sc.max_row0;
		sc.col0 = p->col0 < sc.max_col0 ? p->col0 : sc.max_col0;
	}
	ref = nt ? &top[0] : nb ? &bot[0] : NULL;     /* A, or the reconstruction */
	sc.page_rows = ref && ref->shown_r ? ref->shown_r : 1;
	sc.page_cols = ref && ref->shown_c ? ref->shown_c : 1;
	draw_shelf(g, 1, y0, top, nt, &f, p->ascii, sc.row0, sc.col0);
	if (nb) {
		int x = draw_shelf(g, 1, y0 + h1 + 1, bot, nb, &f, p->ascii, sc.row0, sc.col0);
		if (!bottom_only)   /* the Spectrum view shows its own numbers */
			fact_numbers(g, x + 1, y0 + h1 + 1, g->w - 1, y0 + h1 + 1 + h2, p, &f);
	}
	if (p->scrolled)        /* tell the front end where it stands */
		*p->scrolled = sc;
	ly = bottom_only ? y0 + h2 : g->h - 1;
	lx = heat_legend(g, ly, p, lr_mat_has_hidden(f.A));
	if (ref && (sc.max_row0 || sc.max_col0)) {
		/* where the view stands, told by the first matrix drawn */
		char where[160];
		const char *dash = GL(p, "–", "-");
		size_t ro = scrolled(sc.row0, ref->rows, ref->shown_r);
		size_t co = scrolled(sc.col0, ref->cols, ref->shown_c);
		int n = 0, w;
		if (sc.max_row0)
			n += snprintf(where + n, sizeof where - (size_t)n, "rows %zu%s%zu of %zu, ",
			              ro + 1, dash, ro + ref->shown_r, ref->rows);
		if (sc.max_col0)
			n += snprintf(where + n, sizeof where - (size_t)n, "columns %zu%s%zu of %zu, ",
			              co + 1, dash, co + ref->shown_c, ref->cols);
		snprintf(where + n - 2, sizeof where - (size_t)n + 2, " %s Shift+arrows scroll",
		         GL(p, "·", "-"));
		w = lr_grid_text_len(where);
		if (lx + 2 + w <= g->w)                       /* beside the legend */
			lr_grid_text(g, lx + 2, ly, where, LR_STY_DIM);
		else if (nb && g->w - 1 - w >= 1)             /* between the shelves */
			lr_grid_text(g, g->w - 1 - w, y0 + h1, where, LR_STY_DIM);
		else
			text_clip(g, lx + 2, ly, g->w, where, LR_STY_DIM);
	} else if (clipped) {
		text_clip(g, lx + 2, ly, g->w, p->ascii ? "> clipped" : "… clipped", LR_STY_DIM);
	}
}

/* ---- Loss ---- */

static void draw_loss(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	struct lr_grid sub;
	size_t from;
	const struct lr_run *last;

	if (!p->nruns) {
		static const char *const l[] = {
			"No training yet.",
			"Type  sgd A 2  to factorise A by gradient descent: the loss curve draws",
			"here while it trains (Esc or Ctrl-C stops it early), with the SVD optimum",
			"as a floor. Several runs of the same matrix are overlaid."
		};
		hint(g, y0 + 1, l, 4);
		return;
	}
	/* the newest runs of the same matrix, so that the curves share a floor */
	last = p->runs[p->nruns - 1];
	from = p->nruns - 1;
	while (from > 0 && !strcmp(p->runs[from - 1]->matrix_name, last->matrix_name) &&
	       lr_mat_same(p->runs[from - 1]->A, last->A))
		from--;
	if (lr_grid_init(&sub, g->w, g->h - y0) < 0)
		return;
	if ((p->live && last == p->run) || (p->floor_run && last == p->floor_run)) {
		/* the floor was found once by the caller */
		double floor = p->live_floor;
		for (size_t i = from; i < p->nruns; i++)
			if (p->runs[i]->opts.rank != last->opts.rank)
				floor = NAN;
		lr_loss_plot_floor(&sub, p->runs + from, p->nruns - from, p->ascii, floor);
	} else
		lr_loss_plot(&sub, p->runs + from, p->nruns - from, p->ascii);
	blit(g, &sub, 0, y0);
	lr_grid_finish(&sub);
}

/* ---- Spectrum ---- */

static void spectrum_numbers(struct lr_grid *g, const struct lr_panel *p, int y, int xmax)
{
	const struct lr_svd *s = &p->svd->svd;
	size_t k = lr_panel_rank(p), known = lr_svd_run_known(p->svd);
	size_t pmax = lr_svd_run_rank_max(p->svd);
	char it[5][128], a[32];
	const char *items[5];
	int styles[5] = { LR_STY_BOLD, LR_STY_NORMAL, LR_STY_NORMAL, LR_STY_NORMAL, LR_STY_DIM };
	int nit = known < pmax ? 5 : 4;

	num(a, sizeof a, lr_svd_run_tail(p->svd, k));
	snprintf(it[0], sizeof it[0], "k = %zu of %zu", k, pmax);
	snprintf(it[1], sizeof it[1], "best rank-k error %s = %s",
	         GL(p, "Σ_{i>k} σᵢ²", "sum_{i>k} s_i^2"), a);
	snprintf(it[2], sizeof it[2], "energy kept %.2f%%", 100 * lr_svd_run_kept(p->svd, k));
	snprintf(it[3], sizeof it[3], "storage k(m+n+1) = %zu numbers vs m%sn = %zu",
	         k * (s->m + s->n + 1), GL(p, "·", "*"), s->m * s->n);
	/* only the leading values were computed: + stops at the last of them */
	snprintf(it[4], sizeof it[4], "%s%zu%s%s%zu not computed: k goes up to %zu "
	         "(method=full for all)", GL(p, "σ", "s"), known + 1, GL(p, "–", "-"),
	         GL(p, "σ", "s"), pmax, known);
	for (int i = 0; i < nit; i++)
		items[i] = it[i];
	flow(g, 2, y, xmax, g->h, items, styles, nit);
}

static void draw_spectrum(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	struct lr_grid sub;
	int nrows = g->w >= 100 ? 2 : 3, pw = g->w;

	if (!p->svd) {
		static const char *const l[] = {
			"No SVD yet.",
			"Type  svd A 2  for the singular values of A, the best rank-2 approximation",
			"and the Eckart–Young–Mirsky bound. Then + and - (on an empty prompt) step",
			"the rank k: the cut-off, the numbers and the Matrices view follow."
		};
		hint(g, y0 + 1, l, 4);
		return;
	}
	/* the note on the values not computed, on rows half as wide beside the matrices */
	if (lr_svd_run_partial(p->svd))
		nrows += g->w >= 110 ? 2 : 1;
	if (g->w >= 110) {      /* room for the rank-k approximation beside the bars */
		struct lr_panel q = *p;
		struct lr_grid right;
		pw = g->w * 11 / 20;
		q.focus = LR_FOCUS_SVD;
		if (lr_grid_init(&right, g->w - pw, g->h) == 0) {
			draw_matrices(&right, &q, y0 + 1, 1);
			blit_from(g, &right, pw, 0, y0);
			lr_grid_finish(&right);
		}
	}
	if (g->h - y0 - nrows < 1 || lr_grid_init(&sub, pw - 1, g->h - y0 - nrows) < 0)
		return;
	lr_plot_spectrum(&sub, p->svd->svd.s, p->svd->svd.p, lr_panel_rank(p), p->ascii);
	blit(g, &sub, 0, y0);
	lr_grid_finish(&sub);
	spectrum_numbers(g, p, g->h - nrows, pw);
}

/* ---- Compare ---- */

struct table {
	const char *cell[12][3];
	char buf[12][3][96];
	int n;
};

static void row(struct table *t, const char *a, const char *b, const char *c)
{
	if (t->n >= 12)
		return;
	snprintf(t->buf[t->n][0], sizeof t->buf[0][0], "%s", a);
	snprintf(t->buf[t->n][1], sizeof t->buf[0][0], "%s", b);
	snprintf(t->buf[t->n][2], sizeof t->buf[0][0], "%s", c);
	for (int i = 0; i < 3; i++)
		t->cell[t->n][i] = t->buf[t->n][i];
	t->n++;
}

/* Draws the table with a header row; returns the row after it. */
static int draw_table(struct lr_grid *g, int x, int y, const struct table *t,
                      const struct lr_panel *p)
{
	int w[3] = { 0, 0, 0 }, xs[4];
	const char *v = GL(p, "│", "|"), *h = GL(p, "─", "-"), *c = GL(p, "┼", "+");

	for (int r = 0; r < t->n; r++)
		for (int i = 0; i < 3; i++) {
			int l = lr_grid_text_len(t->cell[r][i]);
			w[i] = l > w[i] ? l : w[i];
		}
	xs[0] = x;
	for (int i = 0; i < 3; i++)
		xs[i + 1] = xs[i] + w[i] + 3;
	for (int r = 0; r < t->n && y < g->h; r++, y++) {
		for (int i = 0; i < 3; i++) {
			int len = lr_grid_text_len(t->cell[r][i]);
			int cx = i == 1 ? xs[i] + w[i] - len : xs[i];   /* numbers right-aligned */
			text_clip(g, cx, y, g->w - 1, t->cell[r][i],
			          r == 0 ? LR_STY_TITLE : i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
			if (i < 2)
				lr_grid_text(g, xs[i + 1] - 2, y, v, LR_STY_AXIS);
		}
		if (r == 0 && ++y < g->h) {
			for (int xx = x; xx < xs[3] - 3 && xx < g->w - 1; xx++)
				lr_grid_text(g, xx, y, h, LR_STY_AXIS);
			lr_grid_text(g, xs[1] - 2, y, c, LR_STY_AXIS);
			lr_grid_text(g, xs[2] - 2, y, c, LR_STY_AXIS);
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

static void draw_compare(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	const struct lr_run *r = p->run;
	struct table t;
	char a[32], b[96], c[96], title[128];
	double *s, tail = 0, loss;
	size_t k, pmin, ns = 0;
	int y;

	if (!r || !r->res.epochs_done) {
		static const char *const l[] = {
			"Nothing to compare yet.",
			"Type  sgd A 2  and then  loss : the SGD result is set against the SVD",
			"optimum of the same rank, the Eckart–Young–Mirsky bound  Σ_{i>k} σᵢ²."
		};
		hint(g, y0 + 1, l, 3);
		return;
	}
	k = r->opts.rank;
	pmin = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	loss = r->res.loss[r->res.epochs_done - 1];
	t.n = 0;
	s = values_of(p, r->A, k, &ns, &tail);
	if (lr_mat_has_hidden(r->A)) {
		snprintf(title, sizeof title, "masked %s (%zu×%zu, %zu of %zu entries observed), rank %zu",
		         r->matrix_name, r->A->rows, r->A->cols, r->res.n_observed,
		         r->A->rows * r->A->cols, k);
		row(&t, "", "sum of squares", "");
		num(a, sizeof a, loss);
		snprintf(c, sizeof c, "%zu entries, %ld epochs", r->res.n_observed, r->res.epochs_done);
		row(&t, "SGD loss on observed entries", a, c);
		if (r->res.hidden) {
			num(a, sizeof a, r->res.hidden[r->res.epochs_done - 1]);
			snprintf(c, sizeof c, "%zu entries", r->res.n_hidden_known);
			row(&t, "SGD error on hidden entries", a, c);
		} else {
			row(&t, "SGD error on hidden entries", "?", "their true values are unknown");
		}
		if (s) {
			num(a, sizeof a, tail);
			row(&t, "SVD of the full matrix", a, "all entries, for reference");
		}
	} else {
		snprintf(title, sizeof title, "Eckart–Young–Mirsky comparison for %s (%zu×%zu), rank %zu",
		         r->matrix_name, r->A->rows, r->A->cols, k);
		row(&t, "", "sum of squares", "");
		num(a, sizeof a, loss);
		snprintf(c, sizeof c, "after %ld epochs, lr %g", r->res.epochs_done, r->opts.lr);
		row(&t, "SGD loss", a, c);
		if (s) {
			num(a, sizeof a, tail);
			snprintf(c, sizeof c, "the optimum of rank %zu", k);
			row(&t, "SVD loss", a, c);
			b[0] = '\0';
			size_t i;
			for (i = k; i < ns && i < k + 3; i++) {
				char v[32];
				num(v, sizeof v, s[i]);
				snprintf(b + strlen(b), sizeof b - strlen(b), "%s%s%zu = %s",
				         i > k ? ", " : "", GL(p, "σ", "s"), i + 1, v);
			}
			if (i == ns && ns < pmin)
				snprintf(b + strlen(b), sizeof b - strlen(b), "%s%s%zu%s%s%zu measured",
				         i > k ? ", " : "", GL(p, "σ", "s"), ns + 1, GL(p, "–", "-"),
				         GL(p, "σ", "s"), pmin);
			else if (pmin > k + 3)
				snprintf(b + strlen(b), sizeof b - strlen(b), ", …");
			if (pmin == k)
				snprintf(b, sizeof b, "no singular value is left out");
			snprintf(c, sizeof c, "%s", b);
			row(&t, GL(p, "bound Σ_{i>k} σᵢ²", "bound sum s_i^2, i>k"), a, c);
			num(a, sizeof a, loss - tail);
			if (tail > 0)
				snprintf(c, sizeof c, "%.2f%% above the optimum", 100 * (loss - tail) / tail);
			else
				snprintf(c, sizeof c, "the optimum is exact (0)");
			row(&t, "gap", a, c);
		}
	}
	lr_free(s);
	text_clip(g, 2, y0 + 1, g->w - 1, title, LR_STY_TITLE);
	y = draw_table(g, 2, y0 + 3, &t, p);
	if (lr_mat_has_hidden(r->A) && y + 1 < g->h)
		text_clip(g, 2, ++y, g->w - 1,
		          "The Eckart–Young bound does not apply to a masked matrix: watch the hidden "
		          "error rise while the observed loss falls (overfitting).", LR_STY_DIM);
	/* the kept runs of this matrix, newest last */
	if (p->nruns > 1 && y + 4 < g->h) {
		struct table u;
		u.n = 0;
		row(&u, "run", "final loss", "epochs");
		for (size_t i = 0; i < p->nruns; i++) {
			const struct lr_run *q = p->runs[i];
			if (strcmp(q->matrix_name, r->matrix_name) || !q->res.epochs_done)
				continue;
			num(a, sizeof a, q->res.loss[q->res.epochs_done - 1]);
			snprintf(c, sizeof c, "%ld%s", q->res.epochs_done, q->res.stopped ? " (stopped)" : "");
			row(&u, q->label[0] ? q->label : q->matrix_name, a, c);
		}
		if (u.n > 2)
			draw_table(g, 2, y + 2, &u, p);
	}
}

/* ---- Lesson ---- */

/* Splits the first line of the step's text, "Lesson N: TITLE (step n of N) ==",
 * into the title and the place ("step n of N"); *body after the blank line. */
static void lesson_parts(const char *text, char *title, size_t nt, char *place, size_t np,
                         const char **body)
{
	const char *nl = strchr(text, '\n'), *open = NULL, *end;
	size_t len = nl ? (size_t)(nl - text) : strlen(text);

	end = text + len;
	if (len >= 3 && !strncmp(end - 3, " ==", 3))
		end -= 3;
	for (const char *q = text; q + 1 < end; q++)
		if (q[0] == ' ' && q[1] == '(')
			open = q;
	place[0] = '\0';
	if (open && end[-1] == ')') {
		snprintf(place, np, "%.*s", (int)(end - open - 3), open + 2);
		end = open;
	}
	snprintf(title, nt, "%.*s", (int)(end - text), text);
	*body = nl ? nl + 1 : text + len;
	while (**body == '\n')
		(*body)++;
}

/* Draws one line of text word-wrapped into [x, xmax), from row *y while
 * *y < ymax; returns 0 if it did not fit. */
static int wrap_line(struct lr_grid *g, int x, int *y, int xmax, int ymax, const char *s,
                     size_t len, int style)
{
	char buf[512];
	size_t n = 0;
	const char *p = s, *e = s + len;

	if (len == 0) {
		if (*y >= ymax)
			return 0;
		(*y)++;
		return 1;
	}
	while (p < e) {
		const char *w = p;
		size_t wl;
		while (w < e && *w != ' ')
			w++;
		wl = (size_t)(w - p);
		if (n > 0) {
			char t[512];
			snprintf(t, sizeof t, "%.*s %.*s", (int)n, buf, (int)wl, p);
			if (lr_grid_text_len(t) > xmax - x) {
				if (*y >= ymax)
					return 0;
				text_clip(g, x, (*y)++, xmax, buf, style);
				n = 0;
			}
		}
		if (n > 0 && n + 1 < sizeof buf)
			buf[n++] = ' ';
		if (n + wl >= sizeof buf)
			wl = sizeof buf - n - 1;
		memcpy(buf + n, p, wl);
		n += wl;
		buf[n] = '\0';
		p = w;
		while (p < e && *p == ' ')
			p++;
	}
	if (n > 0) {
		if (*y >= ymax)
			return 0;
		text_clip(g, x, (*y)++, xmax, buf, style);
	}
	return 1;
}

static void draw_lesson(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	static const char *const step_keys[] = {
		"next: the next step", "back: the one before", "F2-F5: the other views"
	};
	static const char *const ex_keys[] = {
		"check: your answer", "hint: one at a time", "reveal: the answer", "skip: go on",
		"back"
	};
	static const int bold[5] = { LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD,
	                             LR_STY_BOLD };
	char title[256], place[96];
	const char *body;
	int y = y0, limit, exercise;
	struct lr_buf para;

	if (!p->lesson) {
		static const char *const l[] = {
			"No lesson is being played.",
			"Type  lessons  for the list and  lesson 1  to start the first one: its",
			"steps show here, and next, back, hint, check, reveal and skip move",
			"through them while the prompt stays yours."
		};
		hint(g, y0 + 1, l, 4);
		return;
	}
	lesson_parts(p->lesson, title, sizeof title, place, sizeof place, &body);
	exercise = !strncmp(place, "exercise", 8);
	/* the title on a full-width bar, the place at its right */
	for (int x = 0; x < g->w; x++)
		lr_grid_text(g, x, y, " ", LR_STY_TITLE);
	text_clip(g, 1, y, g->w - 1, title, LR_STY_TITLE);
	if (place[0] && lr_grid_text_len(title) + lr_grid_text_len(place) + 5 <= g->w)
		lr_grid_text(g, g->w - 1 - lr_grid_text_len(place), y, place, LR_STY_TITLE);
	y += 2;
	/* the keys on the bottom row, the text between */
	if (g->h - 1 <= y)
		return;
	flow(g, 2, g->h - 1, g->w - 1, g->h, exercise ? ex_keys : step_keys, bold,
	     exercise ? 5 : 3);
	limit = g->h - 2;
	/* the step's heading (its first line) in bold, alone */
	if (*body && *body != '\n') {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		wrap_line(g, 2, &y, g->w - 2, limit, body, len, LR_STY_BOLD);
		body += len;
		if (*body == '\n')
			body++;
	}
	/* paragraphs: lines joined up to an empty line; an indented line stands
	 * alone (an example to type, a formula with aligned comments) and keeps
	 * its spaces when it fits */
	lr_buf_init(&para);
	while (*body && !para.failed) {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		const char *next = nl ? nl + 1 : body + len;
		int alone = len == 0 || body[0] == ' ', fits;
		if (para.len && !alone)
			lr_buf_putc(&para, ' ');
		lr_buf_add(&para, body, len);
		body = next;
		if (!alone && *body && *body != '\n' && *body != ' ')
			continue;           /* the paragraph goes on */
		if (alone && para.len && para.data[0] == ' ' && y < limit &&
		    lr_grid_text_len(para.data) <= g->w - 4) {
			text_clip(g, 2, y++, g->w - 2, para.data, LR_STY_NORMAL);
			fits = 1;
		} else {
			fits = wrap_line(g, 2, &y, g->w - 2, limit, para.data ? para.data : "",
			                 para.len, LR_STY_NORMAL);
		}
		lr_buf_reset(&para);
		if (!fits || (y >= limit && *body)) {
			int ny = limit - 1 > y0 + 2 ? limit - 1 : y0 + 2;
			for (int x = 0; x < g->w; x++)
				lr_grid_text(g, x, ny, " ", LR_STY_NORMAL);
			text_clip(g, 2, ny, g->w - 1, p->ascii ?
			          "... (the whole text is in the output below)" :
			          "… (the whole text is in the output below)", LR_STY_DIM);
			break;
		}
	}
	lr_buf_finish(&para);
}

void lr_panel_draw(struct lr_grid *g, const struct lr_panel *p)
{
	if (p->scrolled) {      /* nothing to scroll unless the Matrices view says so */
		memset(p->scrolled, 0, sizeof *p->scrolled);
		p->scrolled->page_rows = p->scrolled->page_cols = 1;
	}
	lr_grid_clear(g);
	if (g->h < 1)
		return;
	draw_tabs(g, p);
	if (g->h < 4)        /* room for the tab line only */
		return;
	switch (p->view) {
	case LR_VIEW_MATRICES: draw_matrices(g, p, 1, 0); break;
	case LR_VIEW_LOSS: draw_loss(g, p, 1); break;
	case LR_VIEW_SPECTRUM: draw_spectrum(g, p, 1); break;
	case LR_VIEW_LESSON: draw_lesson(g, p, 1); break;
	default: draw_compare(g, p, 1); break;
	}
}
