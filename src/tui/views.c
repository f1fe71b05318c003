/* The panel's views, drawn into a grid: see views.h. This file: the views'
 * names, the tab line and lr_panel_draw, which calls the view on show. The
 * Loss and Spectrum views reuse the plots of the `plot` command
 * (lr_loss_plot, lr_plot_spectrum); the Matrices and Compare views are laid
 * out in their own files. */
#include "views_impl.h"

static const char *const view_names[LR_VIEW_COUNT] = {
	"matrices", "loss", "spectrum", "compare", "lesson"
};
static const char *const view_titles[LR_VIEW_COUNT] = {
	"Matrices", "Loss", "Spectrum", "Compare", "Lesson"
};

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
	case LR_VIEW_MATRICES:
		if (p->picture && p->picture->on)
			lr_picture_draw(g, 1, p->picture, p->svd, lr_panel_rank(p), p->run, p->ascii);
		else
			vw_draw_matrices(g, p, 1);
		break;
	case LR_VIEW_LOSS: vw_draw_loss(g, p, 1); break;
	case LR_VIEW_SPECTRUM: vw_draw_spectrum(g, p, 1); break;
	case LR_VIEW_LESSON: vw_draw_lesson(g, p, 1); break;
	default: vw_draw_compare(g, p, 1); break;
	}
}
