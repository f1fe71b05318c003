/* The panel of the interactive front end, drawn into a character grid: a tab
 * line naming the four views, then the active view. The screen is a function
 * of this state alone, so the drawing needs no terminal and unit tests
 * compare it with golden screens (tests/tui). No ncurses here: draw.c copies
 * the grid into a window. */
#ifndef LR_VIEWS_H
#define LR_VIEWS_H

#include <stddef.h>
#include "grid.h"
#include "plotcmd.h"
#include "session.h"
#include "view_image.h"

enum lr_view {
	LR_VIEW_MATRICES,   /* A, U, Vᵀ (or U, S, Vᵀ), reconstruction, residual heat map */
	LR_VIEW_LOSS,       /* loss curves (lr_loss_plot) */
	LR_VIEW_SPECTRUM,   /* singular values, cut-off at k, bound, energy, storage */
	LR_VIEW_COMPARE,    /* the `loss` comparison as a table */
	LR_VIEW_LESSON,     /* the step of the lesson being played (its tab only then) */
	LR_VIEW_COUNT
};

/* Which factorisation the Matrices view shows. */
enum lr_focus { LR_FOCUS_NONE, LR_FOCUS_SGD, LR_FOCUS_SVD };

/* Where the Matrices view stands, as it last drew: the rows of A, U, the
 * reconstruction and the residual scroll together, and the columns of A,
 * Vᵀ, the reconstruction and the residual. */
struct lr_scroll {
	size_t row0, col0;          /* the offset drawn: lr_panel.row0, col0 clamped */
	size_t max_row0, max_col0;  /* the farthest it goes: 0 if everything fits */
	size_t page_rows, page_cols; /* how many rows and columns of A show (at least 1) */
};

/* What the panel shows. Every pointer is borrowed for the call. */
struct lr_panel {
	enum lr_view view;
	enum lr_focus focus;
	const struct lr_run *const *runs;  /* kept runs, oldest first; the live run
	                                      may be the last; NULL if nruns is 0 */
	size_t nruns;
	const struct lr_run *run;          /* the newest run (live while training) or NULL */
	const struct lr_svd_run *svd;      /* the newest SVD or NULL */
	size_t k;                          /* rank the explorer shows for svd (1..p), 0: svd->k */
	int live;                          /* 1 while the training of run goes on */
	double live_floor;                 /* Σ_{i>k} σᵢ² of the matrix and rank of run (while
	                                      live) or of floor_run, or NAN; found once by
	                                      the caller, since lr_loss_plot computes it on
	                                      every call (an SVD: 0.2 s at 1000×1000) */
	const struct lr_run *floor_run;    /* the run live_floor belongs to when not live,
	                                      or NULL: then the view computes the floor */
	int ascii;                         /* 1: ASCII glyphs only */
	size_t row0, col0;                 /* Matrices view: the first row and column of A
	                                      asked for when the matrices are too large to
	                                      show whole (scrolling; clamped when drawn) */
	struct lr_scroll *scrolled;        /* borrowed or NULL: the Matrices view tells
	                                      where it really stands */
	struct lr_picture *picture;        /* borrowed, and updated by drawing (its cache):
	                                      the picture mode's state (view_image.h), or
	                                      NULL; when picture->on the Matrices view
	                                      draws pictures */
	const char *lesson;                /* the step's text as LR_EV_LESSON gives it
	                                      ("Lesson N: TITLE (step n of N) ==\n\nTEXT"),
	                                      or NULL when no lesson is played */
};

/* "matrices", "loss", "spectrum", "compare", "lesson". */
const char *lr_view_name(enum lr_view v);
/* The view called name (as `view NAME` says it), or -1. */
int lr_view_parse(const char *name);

/* Clears g and draws the tab line and the active view into the whole of it.
 * Never fails: with no data a view explains what to type; what does not fit
 * is clipped with a note. Allocates only small temporary grids (and draws
 * less if that fails). */
void lr_panel_draw(struct lr_grid *g, const struct lr_panel *p);

/* The offset after moving by dr rows and dc columns from where at stands
 * (a screenful: at->page_rows, page_cols), clamped to 0..at->max_row0,
 * max_col0. */
void lr_scroll_move(const struct lr_scroll *at, long dr, long dc, size_t *row0,
                    size_t *col0);

/* The rows the panel needs to show p whole at width w, at most max: the
 * Lesson view wants the rows of its step's text, the title and the keys (at
 * least LR_PANEL_MIN_LESSON_ROWS), so that the output below it gets the
 * rest; 0 for the other views (they fill what they get). */
#define LR_PANEL_MIN_LESSON_ROWS 8
int lr_panel_rows_wanted(const struct lr_panel *p, int w, int max);

/* The rank the explorer shows for p->svd (p->k clamped to 1..p), or 0
 * without an SVD. */
size_t lr_panel_rank(const struct lr_panel *p);

#endif
