/* The Loss view: the training's loss against its epochs. */
#include "views_impl.h"

void vw_draw_loss(struct lr_grid *g, const struct lr_panel *p, int y0)
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
		vw_hint(g, y0 + 1, l, 4);
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
	vw_blit(g, &sub, 0, y0);
	lr_grid_finish(&sub);
}
