/* A character grid: the one surface every drawing goes into. Both front
 * ends use it: batch mode turns it into lines of UTF-8, the terminal front
 * end copies it cell by cell into an ncurses window. Golden tests compare
 * grids as text, with no terminal. */
#ifndef LR_GRID_H
#define LR_GRID_H

#include <stdint.h>
#include "lowrank/buf.h"

/* Styles are abstract roles; the terminal maps them to colours or to
 * bold/reverse in monochrome. Text output ignores them. */
enum lr_style {
	LR_STY_NORMAL = 0, LR_STY_DIM, LR_STY_BOLD, LR_STY_AXIS, LR_STY_TITLE,
	LR_STY_SERIES1, LR_STY_SERIES2, LR_STY_SERIES3, LR_STY_SERIES4,
	LR_STY_FLOOR, LR_STY_KEPT, LR_STY_DROPPED, LR_STY_HIDDEN,
	LR_STY_HEAT0, LR_STY_HEAT1, LR_STY_HEAT2, LR_STY_HEAT3, LR_STY_HEAT4,
	LR_STY_PIX_GRAY,  /* two pixels (▀): fg the upper's gray level 0..255, bg the lower's */
	LR_STY_PIX_256,   /* two pixels (▀): fg and bg are xterm-256 colour indices */
	LR_STY_COUNT
};

struct lr_cell {
	uint32_t ch;      /* a Unicode code point of display width 1 */
	uint8_t style;    /* enum lr_style */
	uint8_t fg, bg;   /* the two pixels' colours for the LR_STY_PIX_* styles, else 0 */
};

struct lr_grid {
	int w, h;
	struct lr_cell *cells;   /* owned; w*h, row-major */
};

/* Allocates a w×h grid of spaces (style LR_STY_NORMAL). A size of 0 or less
 * in either direction gives an empty 0×0 grid. Returns 0, or -1 when out of
 * memory (g is then an empty 0×0 grid, safe to use and to finish). */
int lr_grid_init(struct lr_grid *g, int w, int h);
/* Frees the cells; g becomes an empty 0×0 grid. Safe to call twice. */
void lr_grid_finish(struct lr_grid *g);
/* Sets every cell to a space in LR_STY_NORMAL. */
void lr_grid_clear(struct lr_grid *g);
/* Sets one cell; out-of-range positions are ignored (clipping). */
void lr_grid_put(struct lr_grid *g, int x, int y, uint32_t ch, int style);
/* Sets one cell to two pixels: ch (the upper-half block ▀) in style
 * LR_STY_PIX_GRAY or LR_STY_PIX_256 with the colours fg and bg. */
void lr_grid_pixels(struct lr_grid *g, int x, int y, uint32_t ch, int style, int fg, int bg);
/* The cell at (x, y), or NULL outside the grid. (Extension.) */
const struct lr_cell *lr_grid_at(const struct lr_grid *g, int x, int y);
/* Writes UTF-8 text from (x, y) rightwards, clipped; returns the column after
 * it (x plus the number of code points, whether or not they were visible).
 * Invalid UTF-8 becomes U+FFFD, one per maximal invalid subsequence (as the
 * Unicode standard recommends); control characters (C0, DEL, C1) become
 * U+FFFD too, so no escape sequence can reach a terminal through a grid. */
int lr_grid_text(struct lr_grid *g, int x, int y, const char *utf8, int style);
/* The number of cells lr_grid_text would use for utf8. (Extension.) */
int lr_grid_text_len(const char *utf8);
/* Appends the grid as lines of UTF-8, trailing spaces trimmed, each ending in
 * \n. A cell holding 0 is a space; a control character, surrogate or value
 * above U+10FFFF is written as U+FFFD. */
void lr_grid_to_text(const struct lr_grid *g, struct lr_buf *out);

#endif
