/* Matrices drawn as pictures into a character grid, two pixels a cell: the
 * upper-half block ▀ with the upper pixel's gray as foreground and the
 * lower's as background, or one shade character for both where there is no
 * colour. Also the one rule that says which values are black and white,
 * which imshow, imwrite and the panel's picture mode share. */
#ifndef LR_IMAGE_H
#define LR_IMAGE_H

#include <stddef.h>
#include "grid.h"
#include "lowrank/matrix.h"

/* How a grid holds a picture's colours (see grid.h's pixel styles). */
enum lr_colour_mode {
	LR_COLOUR_TRUE,    /* 24-bit: fg and bg hold gray levels 0..255 (LR_STY_PIX_GRAY) */
	LR_COLOUR_256,     /* xterm's 256 colours: fg and bg hold indices of the 24 grays
	                      232..255, or 16 (black) and 231 (white) (LR_STY_PIX_256) */
	LR_COLOUR_SHADE    /* no colour (NO_COLOR, --ascii, batch): one character of the
	                      ramp " .:-=+*#%@" for the mean of the two pixels */
};

/* The gray scale of a picture, one rule everywhere: a matrix whose largest
 * finite value is at most 1 is on Octave's scale for doubles, 0 black and 1
 * white; any other on imread's scale, 0 black and 255 white. *lo, *hi
 * receive 0 and 1, or 0 and 255. */
void lr_image_scale(const struct lr_matrix *A, double *lo, double *hi);

/* The level 0..255 of value v on the scale lo..hi (clamped; NaN is 0). */
unsigned char lr_image_level(double v, double lo, double hi);

/* The xterm-256 colour of a hidden pixel (magenta): a cell holding one is
 * drawn in LR_STY_PIX_256 whatever the mode, its other pixel's gray the
 * nearest of xterm's. */
#define LR_IMAGE_HIDDEN 201

/* The xterm-256 index nearest to gray level g: one of the 24 grays
 * (232 + i is 8 + 10 i) or pure black (16) and white (231). */
int lr_image_gray256(int g);

/* What lr_image_fit chose: the cells the picture takes and its pixels per
 * cell column (a cell is one pixel wide and two high at scale 1). */
struct lr_image_fit {
	int cols, rows;      /* cells */
	double scale;        /* picture pixels per cell column, >= 1 when shrunk */
};

/* The largest size of at most max_cols × max_rows cells that shows an
 * h×w picture whole with its proportions (a cell holds 1×2 pixels), never
 * enlarged. Both 0 when nothing fits. */
struct lr_image_fit lr_image_fit(size_t h, size_t w, int max_cols, int max_rows);

/* Draws A (values on the scale lo..hi) into the cells.cols × cells.rows
 * cells at (x, y) of g, each pixel the area average of the part of A it
 * covers (a resampling that never skips a pixel of A). NaN entries are
 * left out of the averages, as are masked entries. Allocates a temporary of
 * cells.cols × 2 cells.rows doubles; returns -1 (drawing nothing) when
 * that fails. A pixel more than half of whose area is hidden (NaN or
 * masked) is drawn in LR_IMAGE_HIDDEN's magenta, or as '?' in shades. */
int lr_image_draw(struct lr_grid *g, int x, int y, const struct lr_image_fit *cells,
                  const struct lr_matrix *A, double lo, double hi, enum lr_colour_mode mode);

/* Appends the batch form of imshow: one line saying the size, the scale
 * and the resampling, then the picture in the shade ramp, at most
 * max_cols × max_rows characters. */
void lr_image_text(struct lr_buf *out, const char *name, const struct lr_matrix *A,
                   double lo, double hi, int max_cols, int max_rows);

#endif
