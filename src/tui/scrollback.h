/* The output of the interactive front end: the lines written above the
 * prompt, kept so that PageUp and PageDown can scroll back, and drawn into a
 * grid wrapped to its width. No terminal here (tests/tui tests it). */
#ifndef LR_SCROLLBACK_H
#define LR_SCROLLBACK_H

#include <stddef.h>
#include "lowrank/buf.h"
#include "grid.h"

/* Lines kept; older ones are dropped. */
#define LR_SB_MAX_LINES 5000

/* Styles of whole lines, after the grid's own (enum lr_style). */
enum { LR_SB_NORMAL = 0, LR_SB_ECHO = 32, LR_SB_ERROR, LR_SB_NOTE };

struct lr_sb_line {
	char *text;          /* owned, UTF-8, no newline */
	size_t cells;        /* its length in cells, counted once: the rows of a
	                        printed 300×300 matrix took 2 ms to count per frame */
	int style;
};

struct lr_scrollback {
	struct lr_sb_line *lines;   /* owned ring of LR_SB_MAX_LINES */
	size_t first, n;
	struct lr_buf partial;      /* a line not yet ended by '\n' */
	int partial_style;
	unsigned long gen;          /* changes whenever the text does */
};

void lr_sb_init(struct lr_scrollback *sb);
void lr_sb_finish(struct lr_scrollback *sb);
/* Appends text; each '\n' ends a line; tabs become spaces to the next
 * multiple of 8. Out of memory drops text, never fails. */
void lr_sb_write(struct lr_scrollback *sb, const char *s, size_t n, int style);
/* Rows the kept text fills at width w (the partial line included). */
size_t lr_sb_rows(const struct lr_scrollback *sb, int w);
/* Clears g and draws the text wrapped to g->w so that its last row, after
 * skipping back rows from the end, is the grid's bottom row. */
void lr_sb_draw(const struct lr_scrollback *sb, struct lr_grid *g, size_t back);

#endif
