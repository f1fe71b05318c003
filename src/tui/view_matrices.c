/* The Matrices view: A and its factors as heat maps or numbers, scrolled. */
#include "views_impl.h"

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

/* Says "(zero to rounding)" for line z of the n lines l, which shows a bare
 * 0: beside it when it fits in width, else on a line of its own below it
 * when rows has room for one more, else not at all (the lines below it,
 * such as the seed, matter more than the note). */
static void rounding_note(char (*l)[96], int *n, int z, int width, int rows)
{
	if (lr_grid_text_len(l[z]) + 1 + (int)strlen(LR_ROUNDING_NOTE) <= width) {
		snprintf(l[z] + strlen(l[z]), sizeof l[0] - strlen(l[z]), " %s", LR_ROUNDING_NOTE);
	} else if (*n < rows) {
		memmove(l + z + 2, l + z + 1, (size_t)(*n - z - 1) * sizeof l[0]);
		snprintf(l[z + 1], sizeof l[0], "%s", LR_ROUNDING_NOTE);
		(*n)++;
	}
}

/* The numbers beside the reconstruction. */
static void fact_numbers(struct lr_grid *g, int x, int y, int xmax, int ymax,
                         const struct lr_panel *p, const struct fact *f)
{
	char l[6][96], a[32], b[32];
	int n = 0, z = -1, zh = -1;

	if (p->focus == LR_FOCUS_SGD) {
		const struct lr_sgd_result *r = &p->run->res;
		double loss = r->epochs_done ? r->loss[r->epochs_done - 1] : NAN;
		if (vw_num_r(a, sizeof a, loss, lr_run_sgd_zero(p->run, loss), 0))
			z = n;
		snprintf(l[n++], sizeof l[0], "loss %s", a);
		snprintf(l[n++], sizeof l[0], "epoch %ld of %ld", r->epochs_done, p->run->opts.epochs);
		if (r->hidden && r->epochs_done) {
			double h = r->hidden[r->epochs_done - 1];
			if (vw_num_r(a, sizeof a, h, lr_run_sgd_zero(p->run, h), 0))
				zh = n;
			snprintf(l[n++], sizeof l[0], "hidden error %s", a);
		}
		/* two lines: side by side, a narrow column cut the seed's last
		 * digits off, and a cut seed repeats a different run */
		snprintf(l[n++], sizeof l[0], "lr %g", p->run->opts.lr);
		snprintf(l[n++], sizeof l[0], "seed %llu", (unsigned long long)p->run->opts.seed);
	} else {
		const struct lr_svd *s = &p->svd->svd;
		snprintf(l[n++], sizeof l[0], "k = %zu of %zu", f->k, lr_svd_run_rank_max(p->svd));
		if (vw_num_r(a, sizeof a, lr_svd_run_tail(p->svd, f->k),
		             lr_svd_run_tail_zero(p->svd, f->k), 0))
			z = n;
		snprintf(l[n++], sizeof l[0], "error %s", a);
		snprintf(b, sizeof b, "%.2f%%", 100 * lr_svd_run_kept(p->svd, f->k));
		snprintf(l[n++], sizeof l[0], "energy kept %s", b);
		snprintf(l[n++], sizeof l[0], "storage %zu vs %zu", f->k * (s->m + s->n + 1),
		         s->m * s->n);
	}
	int rows = ymax - y < 6 ? ymax - y : 6;   /* l holds 6 */
	if (zh >= 0)      /* the lower one first: a note inserted above would move it */
		rounding_note(l, &n, zh, xmax - x, rows);
	if (z >= 0)
		rounding_note(l, &n, z, xmax - x, rows);
	for (int i = 0; i < n && y + i < ymax; i++)
		vw_text_clip(g, x, y + i, xmax, l[i], i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
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

/* The factorisation in focus: the SVD's, or the training run's. 0 if none. */
static int focused_fact(const struct lr_panel *p, struct fact *f, const char **name)
{
	if (p->focus == LR_FOCUS_SVD && p->svd) {
		*f = (struct fact){ p->svd->A, p->svd->svd.U, p->svd->svd.V, p->svd->svd.s,
		                    lr_panel_rank(p) };
		*name = p->svd->matrix_name;
		return 1;
	}
	if (p->focus == LR_FOCUS_SGD && p->run && p->run->res.U) {
		*f = (struct fact){ p->run->A, p->run->res.U, p->run->res.V, NULL, p->run->opts.rank };
		*name = p->run->matrix_name;
		return 1;
	}
	return 0;
}

static void no_fact_hint(struct lr_grid *g, int y0)
{
	static const char *const l[] = {
		"No factorisation yet.",
		"Define a matrix and factorise it, for example:",
		"  A = rand(6, 5)",
		"  sgd A 2          (gradient descent: A ≈ U·Vᵀ)",
		"  svd A 2          (the best rank-2 approximation)",
		"The matrices, the reconstruction and its residual show here."
	};

	vw_hint(g, y0 + 1, l, 6);
}

/* The top shelf: A (by its own name), U, S for an SVD, Vᵀ. Returns how many. */
static int top_blocks(struct block *top, const struct fact *f, const char *name,
                      const struct lr_panel *p)
{
	char t[48];
	int nt = 0;

	snprintf(t, sizeof t, "%s  %zu×%zu", name, f->A->rows, f->A->cols);
	block_init(&top[nt++], f, B_A, t);
	snprintf(t, sizeof t, "U  %zu×%zu", f->A->rows, f->k);
	block_init(&top[nt++], f, B_U, t);
	if (f->s) {
		snprintf(t, sizeof t, "S  %zu×%zu", f->k, f->k);
		block_init(&top[nt++], f, B_S, t);
	}
	snprintf(t, sizeof t, "%s  %zu×%zu", GL(p, "Vᵀ", "V'"), f->k, f->A->cols);
	block_init(&top[nt++], f, B_VT, t);
	return nt;
}

/* The bottom shelf: the reconstruction and the residual, titled with the
 * matrix's own name (B's residual is not "A − U·Vᵀ"). */
static void bottom_blocks(struct block *bot, const struct fact *f, const char *nm,
                          const struct lr_panel *p)
{
	char t[48];

	if (f->s)
		snprintf(t, sizeof t, "%.16s_%zu = %s", nm, f->k, GL(p, "U·S·Vᵀ", "U*S*V'"));
	else
		snprintf(t, sizeof t, "%s", GL(p, "U·Vᵀ", "U*V'"));
	block_init(&bot[0], f, B_REC, t);
	if (f->s)
		snprintf(t, sizeof t, "%.16s %s %.16s_%zu", nm, GL(p, "−", "-"), nm, f->k);
	else
		snprintf(t, sizeof t, "%.16s %s", nm, GL(p, "− U·Vᵀ", "- U*V'"));
	block_init(&bot[1], f, B_RES, t);
}

/* Rows for the two shelves in avail (a rule row between them): both whole
 * if they fit, else at most half for the top and the rest, if two or more
 * rows, for the bottom. */
static void shelf_heights(const struct block *top, int nt, const struct block *bot, int avail,
                          int *h1, int *h2)
{
	*h1 = shelf_rows(top, nt);
	*h2 = shelf_rows(bot, 2);
	if (*h1 + *h2 + 1 <= avail) {
		*h2 = avail - *h1 - 1 < *h2 ? avail - *h1 - 1 : *h2;
		return;
	}
	*h1 = avail / 2 > *h1 ? *h1 : avail / 2;
	*h2 = avail - *h1 - 1;
	if (*h2 < 2) {
		*h1 = avail;
		*h2 = 0;
	}
}

/* Where the view stands, told by the first matrix drawn (ref): beside the
 * legend that ends at lx on row ly, else right-aligned on row mid between
 * the shelves (if shelf is set), else clipped beside the legend. */
static void where_note(struct lr_grid *g, const struct lr_panel *p, const struct block *ref,
                       const struct lr_scroll *sc, int lx, int ly, int shelf, int mid)
{
	char where[160];
	const char *dash = GL(p, "–", "-");
	size_t ro = scrolled(sc->row0, ref->rows, ref->shown_r);
	size_t co = scrolled(sc->col0, ref->cols, ref->shown_c);
	int n = 0, w;

	if (sc->max_row0)
		n += snprintf(where + n, sizeof where - (size_t)n, "rows %zu%s%zu of %zu, ",
		              ro + 1, dash, ro + ref->shown_r, ref->rows);
	if (sc->max_col0)
		n += snprintf(where + n, sizeof where - (size_t)n, "columns %zu%s%zu of %zu, ",
		              co + 1, dash, co + ref->shown_c, ref->cols);
	snprintf(where + n - 2, sizeof where - (size_t)n + 2, " %s Shift+arrows scroll",
	         GL(p, "·", "-"));
	w = lr_grid_text_len(where);
	if (lx + 2 + w <= g->w)                       /* beside the legend */
		lr_grid_text(g, lx + 2, ly, where, LR_STY_DIM);
	else if (shelf && g->w - 1 - w >= 1)          /* between the shelves */
		lr_grid_text(g, g->w - 1 - w, mid, where, LR_STY_DIM);
	else
		vw_text_clip(g, lx + 2, ly, g->w, where, LR_STY_DIM);
}

static void clipped_note(struct lr_grid *g, const struct lr_panel *p, int lx, int ly)
{
	vw_text_clip(g, lx + 2, ly, g->w, p->ascii ? "> clipped" : "… clipped", LR_STY_DIM);
}

/* The page the view scrolls by: the first matrix drawn, ref (or none). */
static void page_of(struct lr_scroll *sc, const struct block *ref)
{
	sc->page_rows = ref && ref->shown_r ? ref->shown_r : 1;
	sc->page_cols = ref && ref->shown_c ? ref->shown_c : 1;
}

/* Both shelves from row y0, the numbers beside the bottom one, the legend
 * on the last row with where the view stands, scrolled to p->row0, p->col0. */
void vw_draw_matrices(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	struct fact f;
	struct block top[4], bot[2];
	const struct block *ref;
	struct lr_scroll sc;
	const char *nm;
	int nt, nb, avail = g->h - y0 - 1, h1, h2, lx;

	if (avail < 2)
		return;
	if (!focused_fact(p, &f, &nm)) {
		no_fact_hint(g, y0);
		return;
	}
	nt = top_blocks(top, &f, nm, p);
	bottom_blocks(bot, &f, nm, p);
	shelf_heights(top, nt, bot, avail, &h1, &h2);
	/* fit first: how far the view scrolls depends on what shows */
	nt = fit(top, nt, g->w - 2, h1);
	nb = h2 >= 2 ? fit(bot, 2, g->w - 24, h2) : 0;
	memset(&sc, 0, sizeof sc);
	scroll_limits(top, nt, &sc);
	scroll_limits(bot, nb, &sc);
	sc.row0 = p->row0 < sc.max_row0 ? p->row0 : sc.max_row0;
	sc.col0 = p->col0 < sc.max_col0 ? p->col0 : sc.max_col0;
	ref = nt ? &top[0] : nb ? &bot[0] : NULL;     /* A, or the reconstruction */
	page_of(&sc, ref);
	draw_shelf(g, 1, y0, top, nt, &f, p->ascii, sc.row0, sc.col0);
	if (nb) {
		int x = draw_shelf(g, 1, y0 + h1 + 1, bot, nb, &f, p->ascii, sc.row0, sc.col0);
		fact_numbers(g, x + 1, y0 + h1 + 1, g->w - 1, y0 + h1 + 1 + h2, p, &f);
	}
	if (p->scrolled)        /* tell the front end where it stands */
		*p->scrolled = sc;
	lx = heat_legend(g, g->h - 1, p, lr_mat_has_hidden(f.A));
	if (ref && (sc.max_row0 || sc.max_col0))
		where_note(g, p, ref, &sc, lx, g->h - 1, nb, y0 + h1);
	else if (any_clipped(top, nt) || any_clipped(bot, nb))
		clipped_note(g, p, lx, g->h - 1);
}

/* The Spectrum view's right side: the reconstruction and the residual from
 * row y0, with their legend under them; no numbers (the Spectrum view
 * shows its own) and no scrolling. */
void vw_draw_approximation(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	struct fact f;
	struct block bot[2];
	struct lr_scroll sc;
	const char *nm;
	int nb, avail = g->h - y0 - 1, h2, lx;

	if (avail < 2)
		return;
	if (!focused_fact(p, &f, &nm)) {
		no_fact_hint(g, y0);
		return;
	}
	bottom_blocks(bot, &f, nm, p);
	h2 = shelf_rows(bot, 2);
	h2 = avail - 1 < h2 ? avail - 1 : h2;
	nb = h2 >= 2 ? fit(bot, 2, g->w - 2, h2) : 0;
	memset(&sc, 0, sizeof sc);
	page_of(&sc, nb ? &bot[0] : NULL);
	if (nb)
		draw_shelf(g, 1, y0, bot, nb, &f, p->ascii, 0, 0);
	if (p->scrolled)
		*p->scrolled = sc;
	lx = heat_legend(g, y0 + h2, p, lr_mat_has_hidden(f.A));
	if (any_clipped(bot, nb))
		clipped_note(g, p, lx, y0 + h2);
}
