/* A figure's SVG rasterised to PNG, so a figure has one drawing (the SVG
 * that render/svg.c writes) whether it is printed as SVG or PNG.
 *
 * librsvg (with glib, cairo and pango) is loaded with dlopen on the first
 * PNG, not linked: linking it costs every start of the program ~6.5 ms of
 * CPU (measured: a program that only links it, 6.97 ms against 0.43 ms),
 * more than twice the 3 ms start-up budget, for a command few sessions run.
 * Its own static library, so only the commands that print link this. */
#ifndef LR_SVG_PNG_H
#define LR_SVG_PNG_H

#include <stddef.h>
#include "lowrank/buf.h"
#include "image_io.h"

/* Renders the n bytes of an SVG document at scale times its own width and
 * height (rounded to whole pixels) on white, and appends the PNG (8-bit
 * RGB with alpha, opaque) to out. LR_IMG_IO when librsvg cannot be loaded,
 * LR_IMG_BAD when it refuses the SVG or the size is empty or over 8192
 * pixels a side, LR_IMG_NOMEM; e->msg says which. */
enum lr_img_status lr_svg_png(const char *svg, size_t n, double scale, struct lr_buf *out,
                              struct lr_img_error *e);

#endif
