/* What the files of the interactive front end share: the one state (tui) of
 * the screen and its session, and the functions each file offers the others
 * (tui.c: start, end and time; draw.c: drawing; session_out.c: the
 * session's output; prompt.c: running what is typed; rl_glue.c: readline;
 * history.c; keys.c; demo.c: --demo). Private to src/tui. */
#ifndef LR_TUI_IMPL_H
#define LR_TUI_IMPL_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* wcwidth; ncursesw's pkg-config may set it already */
#endif
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <math.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "frontend.h"
#include "live_pace.h"
#include "lowrank/alloc.h"
#include "lexer.h"
#include "limit.h"
#include "parser.h"
#include "run.h"
#include "scrollback.h"
#include "screen.h"
#include "complete.h"
#include "session_open.h"
#include "views.h"
#include "demo_caption.h"

#define PROMPT ">> "
#define CONT_PROMPT ".. "
#define FRAME_NS 40000000L        /* at most 25 panel redraws a second */
#define POLL_NS 10000000L         /* keyboard polled every 10 ms while training */

#define TYPE_NS 25000000L         /* demo mode types a character every 25 ms */

/* Demo mode (--demo FILE): the script's statements, played one per key. */
struct demo {
	int on;
	char *name, *src;              /* owned */
	size_t len;
	size_t *start, *end;           /* owned: each statement's text src[start, end) */
	size_t n, next;                /* statements; the one the next key plays */
	int lesson;                    /* src is a lesson file: captions are shown */
	int pausing;                   /* stop after a caption that asks for it (p) */
	int captioned;                 /* the caption of statement next is shown */
	enum lr_view view0, *views;    /* owned: the view before statement 1 and
	                                  after each statement, for b */
};

struct tui {
	struct lr_session *s;
	struct lr_output out;
	struct lr_screen scr;
	struct lr_scrollback sb;
	size_t back;                   /* output rows scrolled back */
	enum lr_view view;
	int pinned;                    /* the user chose the Matrices view: commands keep it */
	enum lr_focus focus;
	size_t k;                      /* explorer rank, 0: the SVD's own */
	size_t row0, col0;             /* Matrices view scrolled to this row and column */
	struct lr_scroll scroll;       /* where the Matrices view stands, as it last drew */
	const struct lr_run *live;     /* the run training now (borrowed) */
	double live_floor;             /* its Eckart–Young floor, or NAN */
	struct {                       /* the floor of the newest kept run, found once:
	                                  an SVD per redraw cost 0.2 s at 1000×1000 */
		const struct lr_run *run;  /* borrowed; compared, never followed unless
		                              rows, cols, rank and sum match too */
		size_t rows, cols, rank;
		unsigned long long sum;    /* of A's bits and mask, against a reused address */
		double value;
	} floor;
	int busy;                      /* a statement runs: no prompt */
	struct lr_buf pending;         /* earlier lines of an open statement */
	unsigned char inq[32];         /* bytes waiting for readline */
	int inq_n, inq_pos;
	int quit, exit_status, stop;
	struct timespec last_frame, last_poll;
	char *hist_path;
	char hist_problem[4400];       /* why the history is not kept, said at exit */
	double limits[LR_LIMIT_COUNT]; /* from --limit NAME=N (0: the default), for
	                                  every session, demo_back's too */
	unsigned long live_gen;        /* the output's generation the last live frame drew */
	long draw_ns, frames;          /* cost of the live frames, for LOWRANK_TUI_STATS */
	long draw_cpu_ns;              /* the same in the thread's CPU time */
	struct lr_pace pace;           /* when the next frame of a training is due */
	long rank_steps, step_ns, step_cpu_ns; /* + and - on the prompt: how many, and from the
	                                  key to the screen, for LOWRANK_TUI_STATS */
	long floors;                   /* SVDs run for the Loss view's floor, likewise, */
	long floor_ns;                 /* and their cost */
	char *lesson;                  /* owned: the lesson step's panel text, or NULL */
	int lesson_shown;              /* a step was shown by the statement running now */
	enum lr_view before_lesson;    /* the view to return to when the lesson ends */
	int silent;                    /* demo's replay: output and events dropped */
	struct demo demo;
	struct lr_picture pic;         /* the Matrices view's picture mode (view_image.c) */
	long pic_ns, pic_frames;       /* picture mode's frames and their cost (drawing and
	                                  copying into curses), for LOWRANK_TUI_STATS */
};


extern struct tui tui;
extern volatile sig_atomic_t tui_got_sigint;

/* draw.c */
double tui_run_floor(const struct lr_run *run);
void tui_panel_state(struct lr_panel *p, const struct lr_run **buf, size_t cap);
void tui_draw_panel(void);
int tui_can_scroll(void);
void tui_draw_rule(void);
void tui_draw_output(void);
void tui_redisplay(void);
void tui_draw_all(void);
void tui_relayout(void);
/* session_out.c */
void tui_out_write(void *ctx, const char *s, size_t n);
void tui_choose_view(enum lr_view v);
void tui_out_event(void *ctx, const struct lr_event *ev);
int tui_out_interrupted(void *ctx);
/* prompt.c */
void tui_run(const char *src, size_t len);
/* tui_run as the user sees it: the output in view and the panel idle while
 * it runs, everything drawn again after. */
void tui_run_shown(const char *src, size_t len);
/* Writes s[0, n), a line typed (or played) after its prompt (the
 * continuation prompt if cont), to the output. */
void tui_echo(int cont, const char *s, size_t n);
void tui_on_line(char *line);
void tui_drop_line(void);
/* rl_glue.c */
void tui_feed(const char *bytes, int n);
void tui_setup_readline(void);
/* history.c */
char *tui_history_path(void);
void tui_save_history(void);
/* keys.c */
void tui_handle_panel_key(int c);
int tui_explore_key(int c);
void tui_handle_key(int c);
/* demo.c */
void tui_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int tui_demo_load(const char *path);
void tui_demo_free(void);
void tui_set_limits(struct lr_session *s);
void tui_demo_key(int c);
/* tui.c */
long tui_since_ns(const struct timespec *t);
void tui_stamp(struct timespec *t);

#endif
