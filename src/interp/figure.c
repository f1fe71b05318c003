/* The figure the session showed last: see figure.h. */
#include <string.h>
#include "figure.h"
#include "imagefn.h"
#include "results.h"

void lr_figure_note(struct lr_session *s, const struct lr_event *ev)
{
	switch (ev->kind) {
	case LR_EV_SGD_START:
		s->figure_before_sgd = s->figure;
		s->figure = LR_FIG_LOSS;
		break;
	case LR_EV_SGD_FAILED: s->figure = s->figure_before_sgd; break;
	case LR_EV_SGD_DONE: lr_image_read_seen(s); break;
	case LR_EV_SVD_DONE:
		lr_image_read_seen(s);
		s->figure = LR_FIG_SPECTRUM;
		s->figure_k = 0;        /* a new SVD is shown at its own k */
		s->figure_svd = NULL;
		break;
	case LR_EV_IMAGE:
		lr_image_read_seen(s);
		s->figure = LR_FIG_SHOWN;
		break;
	case LR_EV_VIEW:
		if (!ev->name)
			break;
		if (!strcmp(ev->name, "loss"))
			s->figure = LR_FIG_LOSS;
		else if (!strcmp(ev->name, "spectrum"))
			s->figure = LR_FIG_SPECTRUM;
		else if (!strcmp(ev->name, "image") || !strcmp(ev->name, "matrices"))
			s->figure = s->figure == LR_FIG_SHOWN && !strcmp(ev->name, "image") ? LR_FIG_SHOWN :
			            LR_FIG_PICTURES;
		break;
	default:
		break;
	}
}

int lr_figure_current(const struct lr_session *s)
{
	return s->figure;
}

void lr_session_show_rank(struct lr_session *s, size_t k)
{
	s->figure_k = k;
	s->figure_svd = lr_session_last_svd(s);
}

size_t lr_figure_rank(const struct lr_session *s, const struct lr_svd_run *r)
{
	if (s->figure_k && s->figure_svd == r && s->figure_k <= r->svd.p)
		return s->figure_k;
	return r->k;
}
