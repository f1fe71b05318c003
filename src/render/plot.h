/* Line plots into a grid: the loss curve with a logarithmic y axis, ticks and
 * labels, the Eckart–Young floor as a labelled horizontal line, several
 * series told apart by glyph and style, and a legend. Braille dots (2×4 per
 * cell) by default, plain ASCII on request. Used by the `plot` command and by
 * the terminal's Loss view. */
#ifndef LR_PLOT_H
#define LR_PLOT_H

#include <stddef.h>
#include "grid.h"

struct lr_series {
	const char *label;    /* borrowed; for the legend */
	const double *y;      /* borrowed; y[i] is the value at x = i + 1 (epoch) */
	size_t n;
};

struct lr_plot_opts {
	const char *title;    /* may be NULL */
	int ascii;            /* 1: ASCII glyphs only */
	int logy;             /* 1: logarithmic y axis (non-positive values skipped) */
	double floor;         /* a horizontal reference line, or NAN for none */
	const char *floor_label; /* e.g. "SVD bound 0.1219" */
	const char *xlabel;   /* e.g. "epoch" */
};

/* Draws the series into the whole of g. Never fails: too small a grid draws
 * what fits, and a series with no finite positive value is left out. */
void lr_plot_lines(struct lr_grid *g, const struct lr_series *s, size_t ns,
                   const struct lr_plot_opts *o);

/* Draws singular values as vertical bars: the first k kept, the rest
 * dropped, styled differently, with the index under each bar. */
void lr_plot_spectrum(struct lr_grid *g, const double *sigma, size_t p, size_t k,
                      int ascii);

#endif
