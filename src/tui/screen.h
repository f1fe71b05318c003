/* The ncurses side of the interactive front end: the windows, their layout,
 * colours (or a monochrome scheme, or none with NO_COLOR), copying grids
 * into windows, the input line, and restoring the terminal on every way
 * out (atexit and fatal signals). One screen per process. */
#ifndef LR_SCREEN_H
#define LR_SCREEN_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <stddef.h>
#include <curses.h>
#include "grid.h"
#include "image.h"

/* Below this the panel is left out and a note says so. */
#define LR_SCREEN_MIN_COLS 60
#define LR_SCREEN_MIN_ROWS 18

/* Codes lr_screen_getch and lr_screen_poll give for Alt+arrows (xterm's
 * ESC[1;3A and so on, whatever code ncurses gave them), above ncurses' own. */
enum {
	LR_KEY_ALT_UP = KEY_MAX + 0x400, LR_KEY_ALT_DOWN, LR_KEY_ALT_LEFT, LR_KEY_ALT_RIGHT
};

struct lr_screen {
	int on;                    /* curses is active */
	int ascii, color, colors256;
	enum lr_colour_mode image_mode;   /* how pictures show: 24-bit grays where the terminal
	                                     says COLORTERM=truecolor and its description has
	                                     direct colour, the 24 grays of 256 colours,
	                                     else shade characters */
	int rows, cols, small;
	int panel_h, out_h;
	int panel_want;            /* rows the panel's view asks for (lr_panel_rows_wanted),
	                              at most the usual 3/5 of the rows; 0: those 3/5 */
	WINDOW *panel, *rule, *out, *input;   /* owned; panel NULL when small */
	struct lr_grid panel_grid, out_grid;  /* owned: drawn for the windows */
	/* Owned: what was last copied into the panel, output and rule windows.
	 * Only the cells that differ are copied again: a copy of every cell of
	 * a 200×60 screen into curses, and curses comparing them all, was most
	 * of a live frame's cost. A 0×0 grid means "copy every cell" (after a
	 * layout, Ctrl-L or Ctrl-Z). */
	struct lr_grid panel_shown, out_shown, rule_shown;
	int alt_keys[4];           /* ncurses' codes for Alt+Up, Down, Left, Right */
	attr_t attr[40];
	short pair[40];
};

/* Starts curses on the terminal (raw keys, no echo, keypad, a short Esc
 * delay; xterm's sequences for Home, End and the shifted and Alt arrows
 * known even where the terminal description lacks them) and registers the
 * restoring handlers. 0, or -1 if the terminal
 * cannot be used. */
int lr_screen_start(struct lr_screen *s, int ascii);
/* Ends curses and restores the terminal; safe to call more than once. */
void lr_screen_end(struct lr_screen *s);
/* Recreates the windows for the terminal's present size. */
void lr_screen_layout(struct lr_screen *s);
int lr_screen_has_panel(const struct lr_screen *s);
/* Copy panel_grid / out_grid into their windows (wnoutrefresh): the cells
 * that changed since the last put, all of them after a layout or a clear. */
void lr_screen_put_panel(struct lr_screen *s);
void lr_screen_put_output(struct lr_screen *s);
/* The rule between the panel and the output, with a message. */
void lr_screen_put_rule(struct lr_screen *s, const char *msg, int bold);
/* The prompt and the line, the cursor at byte offset point of line. */
void lr_screen_put_input(struct lr_screen *s, const char *prompt, const char *line,
                         size_t point);
/* Puts everything on the terminal, the cursor in the input line. */
void lr_screen_update(struct lr_screen *s);
/* Ctrl-L: the next update repaints the whole terminal, and the next puts
 * copy every cell into the windows again. */
void lr_screen_clear(struct lr_screen *s);
/* Ctrl-Z: restores the terminal and stops the process as the shell's
 * suspend would; when it is continued (fg), takes the screen back for a
 * full redraw. */
void lr_screen_suspend(struct lr_screen *s);
/* The next key (blocking), or ERR; lr_screen_poll does not wait. */
int lr_screen_getch(struct lr_screen *s);
int lr_screen_poll(struct lr_screen *s);

#endif
