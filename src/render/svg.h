/* Figures for slides as SVG text, written directly: the loss curves on a
 * logarithmic axis with the Eckart–Young floor and a legend, and the
 * singular values as bars with the cut-off at k. Sizes in user units of
 * an 800×500 canvas, fonts of 15–18 units (readable when the figure fills
 * a slide), every axis labelled. Knows no language and no file. */
#ifndef LR_SVG_H
#define LR_SVG_H

#include <stddef.h>
#include "lowrank/buf.h"
#include "plot.h"

/* Appends a whole SVG document: the series against epochs 1..n on a log
 * axis (values not finite or not positive break the line), o->floor as a
 * dashed line labelled o->floor_label, a legend of the series and the
 * floor, o->title on top, o->xlabel and ylabel on the axes. */
void lr_svg_lines(struct lr_buf *out, const struct lr_series *s, size_t ns,
                  const struct lr_plot_opts *o, const char *ylabel);

/* Appends a whole SVG document: bars of sigma[0..p-1] from 0 (the first k
 * kept, the rest dropped; at most 120 bars, then a note), a dashed cut-off
 * between bar k and k+1 labelled "k = K", title on top, axes labelled. */
void lr_svg_spectrum(struct lr_buf *out, const double *sigma, size_t p, size_t k,
                     const char *title);

/* Appends s with &, <, > and " escaped for SVG text and attributes. */
void lr_svg_text(struct lr_buf *out, const char *s);

#endif
