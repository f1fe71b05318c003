/* What the files of the panel's views share: small drawing helpers
 * (view_util.c) and each view's drawing function, one file per view
 * (view_matrices.c, view_loss.c, view_spectrum.c, view_compare.c,
 * view_lesson.c), which views.c calls. Private to src/tui. */
#ifndef LR_VIEWS_IMPL_H
#define LR_VIEWS_IMPL_H

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/rounding.h"
#include "format.h"
#include "remainder.h"
#include "plot.h"
#include "views.h"

/* u when the panel may draw Unicode, else a (ASCII). */
#define GL(p, u, a) ((p)->ascii ? (a) : (u))

/* view_util.c */
void vw_blit_from(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0, int from);
void vw_blit(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0);
int vw_text_clip(struct lr_grid *g, int x, int y, int xmax, const char *s, int style);
void vw_num(char *buf, size_t n, double x);
int vw_num_r(char *buf, size_t n, double x, int zero, int note);
int vw_flow(struct lr_grid *g, int x0, int y, int xmax, int ymax,
            const char *const *items, const int *styles, int n);
int vw_wrap(struct lr_grid *g, int x, int *y, int xmax, int ymax, const char *s,
            size_t len, int style);
void vw_hint(struct lr_grid *g, int y, const char *const *lines, int n);
/* view_matrices.c */
void vw_draw_matrices(struct lr_grid *g, const struct lr_panel *p, int y0);
void vw_draw_approximation(struct lr_grid *g, const struct lr_panel *p, int y0);
/* view_loss.c */
void vw_draw_loss(struct lr_grid *g, const struct lr_panel *p, int y0);
/* view_spectrum.c */
void vw_draw_spectrum(struct lr_grid *g, const struct lr_panel *p, int y0);
/* view_compare.c */
void vw_draw_compare(struct lr_grid *g, const struct lr_panel *p, int y0);
/* view_lesson.c */
void vw_draw_lesson(struct lr_grid *g, const struct lr_panel *p, int y0);

#endif
