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

/* Clears g and draws the series into the whole of it. Never fails and never
 * allocates: too small a grid draws what fits (below 4 plot rows or 4
 * columns, only the title), and a series with no value to show is left out
 * of the drawing (it stays in the legend). o may be NULL (no title, linear,
 * braille, no floor).
 *
 * Values skipped, breaking the line: non-finite ones, non-positive ones on a
 * log axis, and beyond ±1e300 on a linear one. A log axis spans the data
 * and the floor exactly, with ticks at powers of ten, or 1-2-5 (or 1..9)
 * when that gives fewer than 3, labelled 1e-3, 0.01, 0.2, 1, 50, 1e+4; a
 * linear axis is widened to round steps. x ticks: 1, the last epoch and
 * round numbers between. More epochs than dot columns are reduced per
 * column to their first, last, minimum and maximum, so spikes stay visible.
 *
 * Series are told apart by glyph as well as style (LR_STY_SERIES1..4): in
 * braille series 1 is a solid line, 2 dotted, 3 dashed, 4 dash-dotted (the
 * pattern runs along the path); in ASCII they are '*', '+', 'o', 'x'. The
 * legend, on the last row, shows each series' sample and label (a series
 * without one is "series N"); it is left out for one unlabelled series.
 * Where series overlap, series 1 is on top.
 *
 * The floor, when finite (and positive on a log axis), widens the y range
 * to include it and is drawn as a dashed line in LR_STY_FLOOR: in braille
 * a row of dot pairs ("⣀ ⣀") at the floor's own dot row, drawn over the
 * curves (a curve's cell keeps its style and gains the floor's dots), so a
 * curve that reaches the floor is level with it and never below; in ASCII
 * "- -" in the free cells of its row. floor_label goes at its right end on the
 * row above or below, whichever covers less of the curves. */
void lr_plot_lines(struct lr_grid *g, const struct lr_series *s, size_t ns,
                   const struct lr_plot_opts *o);

/* Clears g and draws singular values as vertical bars from 0 up to the
 * largest: the first k kept (LR_STY_KEPT, █ with eighth-block tops; '#'),
 * the rest dropped (LR_STY_DROPPED, shaded ░ in whole cells and a top of braille
 * dots in quarters, ⣀ ⣤ ⣶, so no dropped cell ever takes a kept glyph; ':'), a dashed cut-off
 * marker labelled "k=…" between bar k and k+1 (none when k >= p), the index
 * under each bar (thinned to 1, 5, 10, ... when crowded) and a legend. Each
 * value is written above its bar when all of them fit; otherwise the axis
 * shows the largest. When p bars do not fit, bars are one column wide and
 * the tail is cut off with a "… first N of p shown" note. Non-finite and
 * negative values are drawn as 0. Never fails; too small a grid is left
 * blank. */
void lr_plot_spectrum(struct lr_grid *g, const double *sigma, size_t p, size_t k,
                      int ascii);

#endif
