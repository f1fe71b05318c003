/* Which figure the session showed last, for `print` (commands/printcmd.c):
 * noted from the events as they are emitted (lr_emit), so that batch mode
 * and the terminal agree. */
#ifndef LR_FIGURE_H
#define LR_FIGURE_H

#include "session_impl.h"

enum lr_figure {
	LR_FIG_NONE = 0,
	LR_FIG_LOSS,        /* sgd, plot, view loss */
	LR_FIG_SPECTRUM,    /* svd, explore, view spectrum */
	LR_FIG_PICTURES,    /* explore of a picture, view image, view matrices */
	LR_FIG_SHOWN        /* imshow, image, imagesc */
};

/* The figure of the session (enum lr_figure). */
int lr_figure_current(const struct lr_session *s);
/* The rank to draw r at: the one a front end shows (lr_session_show_rank)
 * when r is the SVD it was shown for, else r->k. */
size_t lr_figure_rank(const struct lr_session *s, const struct lr_svd_run *r);

#endif
