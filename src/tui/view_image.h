/* The picture mode of the Matrices view (`view image`, and explore of a
 * matrix that imread gave): A, its rank-k reconstruction and the residual
 * drawn as pictures side by side; or the picture imshow showed last. Kept
 * apart from views.c: its own state (the reconstruction, stepped by
 * rank-one updates when + and - change k) and its own drawing. */
#ifndef LR_VIEW_IMAGE_H
#define LR_VIEW_IMAGE_H

#include <stddef.h>
#include "grid.h"
#include "image.h"
#include "results.h"
#include "session.h"

/* What picture mode shows. */
enum lr_picture_source {
	LR_PIC_SVD,      /* the newest SVD: A, A_k and A − A_k */
	LR_PIC_SHOWN,    /* the picture imshow (image, imagesc) showed last */
	LR_PIC_SGD       /* the newest sgd run: A, U·Vᵀ and A − U·Vᵀ, live while it trains */
};

/* The state of picture mode, owned by the front end (one per panel):
 * init, then finish. */
struct lr_picture {
	int on;                          /* the Matrices view draws pictures */
	enum lr_picture_source source;
	enum lr_colour_mode mode;        /* how the terminal shows colour */
	/* The rank-k reconstruction of svd's matrix, kept between frames: a
	 * step of k is a rank-one update (m·n operations), not a product. */
	const struct lr_svd_run *svd;    /* borrowed identity of what Ak belongs to, or NULL */
	double sig;                      /* svd's σ₁, checked too: a new SVD may reuse the
	                                    old one's address */
	size_t k;                        /* the rank Ak holds */
	struct lr_matrix *Ak;            /* owned, or NULL */
	struct lr_matrix *R;             /* owned: A − Ak of the last frame, or NULL */
	unsigned long steps;             /* rank-one updates made (for tests and benchmarks) */
	/* Borrowed, set by the front end before a draw: imshow's picture
	 * (lr_session_image) or NULL, its values lo..hi black to white. */
	const struct lr_matrix *shown;
	double lo, hi;
	const char *shown_name;
};

void lr_picture_init(struct lr_picture *pic);
void lr_picture_finish(struct lr_picture *pic);
/* Forgets the reconstruction (a new SVD was computed: the old one's memory
 * may be reused, so its address proves nothing). */
void lr_picture_forget(struct lr_picture *pic);

/* Makes pic->Ak the rank-k approximation of svd's matrix, by rank-one
 * updates from the rank it holds (from 0 when it belongs to another SVD,
 * or when that is fewer steps). 0, or -1 out of memory (Ak is then NULL). */
int lr_picture_sync(struct lr_picture *pic, const struct lr_svd_run *svd, size_t k);

/* Draws picture mode into rows y0.. of g: from svd (A, A_k, A − A_k, k
 * being lr_panel_rank's), from run (A, U·Vᵀ, A − U·Vᵀ; NULL for none) or
 * from pic->shown, as pic->source says (another when that one is
 * missing); with none, what to type. */
void lr_picture_draw(struct lr_grid *g, int y0, struct lr_picture *pic,
                     const struct lr_svd_run *svd, size_t k, const struct lr_run *run,
                     int ascii);

#endif
