/* Drawing the kept training runs' loss curves (plotcmd.c): for `plot` and
 * for a panel. */
#ifndef LR_PLOTCMD_H
#define LR_PLOTCMD_H

#include <stddef.h>
#include "grid.h"
#include "results.h"

/* Draws the loss curves of n kept runs into g, with the Eckart–Young floor
 * when every run is of the same unmasked matrix and rank (plotcmd.c). */
void lr_loss_plot(struct lr_grid *g, const struct lr_run *const *runs, size_t n, int ascii);
/* The same with the floor given (NAN for none): for redrawing while training,
 * where an SVD per frame would cost more than the training. */
void lr_loss_plot_floor(struct lr_grid *g, const struct lr_run *const *runs, size_t n,
                        int ascii, double floor);
/* Σ_{i>k} σᵢ² when every run is of the same unmasked matrix and rank, and
 * the matrix has at most 1e6 entries; NAN otherwise. */
double lr_runs_floor(const struct lr_run *const *runs, size_t n);

#endif
