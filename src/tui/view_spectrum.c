/* The Spectrum view: the singular values, those kept and those dropped. */
#include "views_impl.h"

static void spectrum_numbers(struct lr_grid *g, const struct lr_panel *p, int y, int xmax)
{
	const struct lr_svd *s = &p->svd->svd;
	size_t k = lr_panel_rank(p), known = lr_svd_run_known(p->svd);
	size_t pmax = lr_svd_run_rank_max(p->svd);
	char it[5][128], a[32];
	const char *items[5];
	int styles[5] = { LR_STY_BOLD, LR_STY_NORMAL, LR_STY_NORMAL, LR_STY_NORMAL, LR_STY_DIM };
	int nit = known < pmax ? 5 : 4;

	vw_num_r(a, sizeof a, lr_svd_run_tail(p->svd, k), lr_svd_run_tail_zero(p->svd, k), 1);
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
	vw_flow(g, 2, y, xmax, g->h, items, styles, nit);
}

void vw_draw_spectrum(struct lr_grid *g, const struct lr_panel *p, int y0)
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
		vw_hint(g, y0 + 1, l, 4);
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
			vw_draw_approximation(&right, &q, y0 + 1);
			vw_blit_from(g, &right, pw, 0, y0);
			lr_grid_finish(&right);
		}
	}
	if (g->h - y0 - nrows < 1 || lr_grid_init(&sub, pw - 1, g->h - y0 - nrows) < 0)
		return;
	/* the bars' labels by the rounding rule: a value zero to rounding is 0 */
	double *sv = lr_mallocarray(p->svd->svd.p + 1, sizeof *sv);
	for (size_t i = 0; sv && i < p->svd->svd.p; i++)
		sv[i] = lr_svd_run_value_zero(p->svd, i) ? 0.0 : p->svd->svd.s[i];
	lr_plot_spectrum(&sub, sv ? sv : p->svd->svd.s, p->svd->svd.p, lr_panel_rank(p), p->ascii);
	lr_free(sv);
	vw_blit(g, &sub, 0, y0);
	lr_grid_finish(&sub);
	spectrum_numbers(g, p, g->h - nrows, pw);
}
