/* The interactive front end: GNU Readline's callback interface at the prompt
 * inside an ncurses screen, with the panel of views.c above the output.
 * See /work/shared/TUI-NOTES.md for why each readline setting is as it is.
 *
 * The screen, top to bottom: the panel (tab line and the active view), a
 * rule with key hints, the output (scrollback.c) and the one-line input.
 * A terminal under 60×18 gets the output and the prompt alone. */
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
#include "lowrank/alloc.h"
#include "lexer.h"
#include "limit.h"
#include "parser.h"
#include "scrollback.h"
#include "screen.h"
#include "complete.h"
#include "session_open.h"
#include "views.h"

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
};

static struct tui {
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
	long floors;                   /* SVDs run for the Loss view's floor, likewise, */
	long floor_ns;                 /* and their cost */
	char *lesson;                  /* owned: the lesson step's panel text, or NULL */
	int lesson_shown;              /* a step was shown by the statement running now */
	enum lr_view before_lesson;    /* the view to return to when the lesson ends */
	int silent;                    /* demo's replay: output and events dropped */
	struct demo demo;
} T;

static volatile sig_atomic_t got_sigint;

/* ---- time ---- */

static long since_ns(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000000000L + (now.tv_nsec - t->tv_nsec);
}

static void stamp(struct timespec *t)
{
	clock_gettime(CLOCK_MONOTONIC, t);
}

/* ---- drawing ---- */

/* A checksum of A's entries and mask (1 ms for a million entries). */
static unsigned long long matrix_sum(const struct lr_matrix *A)
{
	unsigned long long h = 1469598103934665603ULL;
	size_t n = A->rows * A->cols;

	for (size_t i = 0; i < n; i++) {
		unsigned long long b;
		memcpy(&b, &A->data[i], sizeof b);
		h = (h ^ b ^ (A->mask ? A->mask[i] : 2u)) * 1099511628211ULL;
	}
	return h;
}

/* The Eckart–Young floor of run (its matrix at its rank), or NAN; computed
 * when run is new to the cache. The matrices lr_runs_floor never factorises
 * (over 1e6 entries) are not summed either. */
static double run_floor(const struct lr_run *run)
{
	const struct lr_matrix *A = run->A;
	unsigned long long sum;

	if ((double)A->rows * (double)A->cols > 1e6)
		return NAN;
	sum = matrix_sum(A);
	if (T.floor.run != run || T.floor.rows != A->rows || T.floor.cols != A->cols ||
	    T.floor.rank != run->opts.rank || T.floor.sum != sum) {
		struct timespec t0;
		stamp(&t0);
		T.floor.value = lr_runs_floor(&run, 1);
		T.floor_ns += since_ns(&t0);
		T.floors++;
		T.floor.run = run;
		T.floor.rows = A->rows;
		T.floor.cols = A->cols;
		T.floor.rank = run->opts.rank;
		T.floor.sum = sum;
	}
	return T.floor.value;
}

static void panel_state(struct lr_panel *p, const struct lr_run **buf, size_t cap)
{
	const struct lr_run *const *runs;
	size_t n = lr_session_runs(T.s, &runs);

	memset(p, 0, sizeof *p);
	if (n > cap - 1)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = runs[i];
	if (T.live && T.live->res.epochs_done > 0)
		buf[n++] = T.live;
	p->runs = (const struct lr_run *const *)buf;
	p->nruns = n;
	p->view = T.view;
	p->run = T.live ? T.live : lr_session_last_run(T.s);
	p->svd = lr_session_last_svd(T.s);
	p->focus = T.focus;
	if (p->focus == LR_FOCUS_SVD && !p->svd)
		p->focus = LR_FOCUS_NONE;
	if (p->focus == LR_FOCUS_SGD && !p->run)
		p->focus = LR_FOCUS_NONE;
	if (p->focus == LR_FOCUS_NONE)
		p->focus = p->run ? LR_FOCUS_SGD : p->svd ? LR_FOCUS_SVD : LR_FOCUS_NONE;
	p->k = T.k;
	p->row0 = T.row0;
	p->col0 = T.col0;
	p->live = T.live != NULL;
	p->live_floor = T.live_floor;
	if (!T.live && p->run && p->view == LR_VIEW_LOSS) {
		p->floor_run = p->run;
		p->live_floor = run_floor(p->run);
	}
	p->ascii = T.scr.ascii;
	p->lesson = T.lesson;
}

static void draw_rule(void);

static void draw_panel(void)
{
	struct lr_panel p;
	const struct lr_run *buf[16];

	if (!lr_screen_has_panel(&T.scr))
		return;
	panel_state(&p, buf, 16);
	if (p.view == LR_VIEW_MATRICES)
		p.scrolled = &T.scroll;
	lr_panel_draw(&T.scr.panel_grid, &p);
	lr_screen_put_panel(&T.scr);
	draw_rule();            /* its hint follows the view */
}

/* The Matrices view shows matrices too large to show whole. */
static int can_scroll(void)
{
	return T.view == LR_VIEW_MATRICES && lr_screen_has_panel(&T.scr) &&
	       (T.scroll.max_row0 || T.scroll.max_col0);
}

static void draw_rule(void)
{
	char msg[160];
	size_t rows = lr_sb_rows(&T.sb, T.scr.cols);

	if (T.back)
		snprintf(msg, sizeof msg, "scrolled back %zu of %zu lines: PgDn returns", T.back, rows);
	else if (T.demo.on && !T.busy)
		snprintf(msg, sizeof msg, "demo: %zu of %zu played  any key: the next  b: back  "
		         "q: the free prompt", T.demo.next, T.demo.n);
	else if (T.lesson && !T.live)
		snprintf(msg, sizeof msg, "lesson: next back hint check reveal skip  F6 the step  "
		         "F2-F5 views");
	else if (T.live)
		snprintf(msg, sizeof msg, "training: Esc or Ctrl-C stops it and keeps the epochs done");
	else if (can_scroll())
		snprintf(msg, sizeof msg, "Tab completes  F2-F5 views  Shift+arrows matrices  "
		         "PgUp/PgDn output  Ctrl-D quits");
	else
		snprintf(msg, sizeof msg, "Tab completes  F2-F5 views  PgUp/PgDn scroll  Ctrl-D quits");
	lr_screen_put_rule(&T.scr, msg, T.back != 0 || T.live != NULL);
}

static void draw_output(void)
{
	size_t rows = lr_sb_rows(&T.sb, T.scr.cols), max;

	max = rows > (size_t)T.scr.out_h ? rows - (size_t)T.scr.out_h : 0;
	if (T.back > max)
		T.back = max;
	lr_sb_draw(&T.sb, &T.scr.out_grid, T.back);
	lr_screen_put_output(&T.scr);
}

/* Readline's redisplay: the prompt and the line in the input window. */
static void redisplay(void)
{
	if (T.busy)
		lr_screen_put_input(&T.scr, "", "", 0);
	else
		lr_screen_put_input(&T.scr, rl_display_prompt ? rl_display_prompt : "",
		                    rl_line_buffer ? rl_line_buffer : "", (size_t)rl_point);
	lr_screen_update(&T.scr);
}

static void draw_all(void)
{
	draw_panel();
	draw_rule();
	draw_output();
	redisplay();
}

static void relayout(void)
{
	lr_screen_layout(&T.scr);
	rl_set_screen_size(1, T.scr.cols);
	lr_session_set_width(T.s, T.scr.cols > 20 ? T.scr.cols - 1 : 20);
	draw_all();
}

/* ---- the output interface of the session ---- */

static void out_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (T.silent)
		return;
	lr_sb_write(&T.sb, s, n, LR_SB_NORMAL);
	T.back = 0;
}

/* A command's own view, unless the user asked for the Matrices view (which
 * shows what every command did). */
static void to_view(enum lr_view v)
{
	if (!(T.pinned && T.view == LR_VIEW_MATRICES))
		T.view = v;
}

static void choose_view(enum lr_view v)
{
	T.view = v;
	T.pinned = v == LR_VIEW_MATRICES;
}

static void out_event(void *ctx, const struct lr_event *ev)
{
	(void)ctx;
	if (T.silent)
		return;
	switch (ev->kind) {
	case LR_EV_SGD_START:
		T.row0 = T.col0 = 0;           /* a new factorisation is seen from its corner */
		T.live = ev->run;
		T.live_floor = run_floor(ev->run);
		/* T.stop is not cleared here: a Ctrl-C that stopped the last sgd of
		 * a loop must stop the loop too (run() clears it after the statement) */
		T.focus = LR_FOCUS_SGD;
		to_view(LR_VIEW_LOSS);
		stamp(&T.last_frame);
		stamp(&T.last_poll);
		T.last_frame.tv_sec -= 1;      /* the first epoch draws at once */
		T.live_gen = T.sb.gen - 1;
		break;
	case LR_EV_SGD_EPOCH:
		if (since_ns(&T.last_frame) >= FRAME_NS) {
			struct timespec t0;
			stamp(&t0);
			stamp(&T.last_frame);
			draw_panel();              /* and the rule */
			/* the output only when it changed (a resize or PgUp draws it
			 * at once, without waiting for a frame) */
			if (T.live_gen != T.sb.gen) {
				draw_output();
				T.live_gen = T.sb.gen;
			}
			redisplay();
			T.draw_ns += since_ns(&t0);
			T.frames++;
		}
		break;
	case LR_EV_SGD_DONE:
		T.live = NULL;                 /* it may be freed before the panel draws again */
		break;
	case LR_EV_SVD_DONE:
		T.focus = LR_FOCUS_SVD;
		T.k = 0;
		T.row0 = T.col0 = 0;
		to_view(LR_VIEW_SPECTRUM);
		break;
	case LR_EV_LOSS:
		to_view(LR_VIEW_COMPARE);
		break;
	case LR_EV_VIEW:
		if (ev->name && lr_view_parse(ev->name) >= 0)
			choose_view((enum lr_view)lr_view_parse(ev->name));
		break;
	case LR_EV_CLEAR:                  /* clc: a clean output area */
		lr_sb_finish(&T.sb);
		lr_sb_init(&T.sb);
		T.back = 0;
		break;
	case LR_EV_LESSON:
		/* a step shown: its text in the Lesson view, which run() brings
		 * back after the step's own statements chose their views */
		if (!T.lesson && T.view != LR_VIEW_LESSON)
			T.before_lesson = T.view;
		free(T.lesson);
		T.lesson = ev->name ? strdup(ev->name) : NULL;
		T.lesson_shown = T.lesson != NULL;
		if (T.lesson)
			T.view = LR_VIEW_LESSON;
		else if (T.view == LR_VIEW_LESSON)
			T.view = T.before_lesson;
		break;
	default:
		break;
	}
}

static void handle_panel_key(int c);

/* Polled after every epoch: reads the keys waiting, at most every 10 ms. */
static int out_interrupted(void *ctx)
{
	(void)ctx;
	if (got_sigint) {
		got_sigint = 0;
		T.stop = 1;
	}
	if (!T.stop && T.scr.on && since_ns(&T.last_poll) >= POLL_NS) {
		int c;
		stamp(&T.last_poll);
		while ((c = lr_screen_poll(&T.scr)) != ERR) {
			if (c == 27 || c == 3) {
				T.stop = 1;
				break;
			}
			handle_panel_key(c);
		}
		/* A long statement (a loop) that is not training: its output and the
		 * panel are drawn as it goes, a frame at a time. */
		if (!T.live && since_ns(&T.last_frame) >= FRAME_NS) {
			stamp(&T.last_frame);
			draw_panel();
			if (T.live_gen != T.sb.gen) {
				draw_output();
				T.live_gen = T.sb.gen;
			}
			redisplay();
		}
	}
	return T.stop;
}

/* ---- running statements ---- */

static void show_error(const char *src, size_t len, const struct lr_error *err, int prompt_w)
{
	struct lr_buf b;
	int single = 1;

	for (size_t i = 0; i + 1 < len; i++)
		single &= src[i] != '\n';
	lr_buf_init(&b);
	if (single) {
		int col = prompt_w;
		for (size_t i = 0; i < err->pos.offset && i < len; i++)
			col += ((unsigned char)src[i] & 0xc0) != 0x80;
		lr_buf_fill(&b, ' ', (size_t)col);
		lr_buf_printf(&b, "^\nerror: %s\n", err->msg);
	} else {
		lr_error_format(&b, "input", src, len, err);
	}
	if (!b.failed && b.data)
		lr_sb_write(&T.sb, b.data, b.len, LR_SB_ERROR);
	lr_buf_finish(&b);
}

static void run(const char *src, size_t len)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;

	lr_parser_init_at(&p, src, len, lr_is_command, 1, lr_session_limits(T.s)->max_depth);
	for (;;) {
		int rc = lr_parse_next(&p, &st, &err);
		if (rc == 0)
			break;
		if (rc < 0) {
			show_error(src, len, &err, 3);
			break;
		}
		T.lesson_shown = 0;
		rc = lr_session_exec(T.s, st, src, &err);
		lr_stmt_destroy(st);
		T.live = NULL;
		if (T.lesson_shown && T.lesson)
			T.view = LR_VIEW_LESSON;   /* the step's text first; F2-F5 show the rest */
		T.lesson_shown = 0;
		if (T.stop) {
			if (rc >= 0)   /* else the error says nothing was kept */
				lr_sb_write(&T.sb, "(stopped: the epochs done are kept)\n", 36, LR_SB_NOTE);
			T.stop = 0;
		}
		if (rc == 2)   /* return: the rest of the text is not run */
			break;
		if (rc > 0) {
			T.quit = 1;
			T.exit_status = lr_session_exit_status(T.s);
			break;
		}
		if (rc < 0) {
			show_error(src, len, &err, 3);
			break;
		}
		draw_panel();
	}
	lr_parser_finish(&p);
}

/* Keeps a whole statement in the history as one entry (a block typed over
 * several lines comes back whole), unless it repeats the last one. */
static void remember(const char *text, size_t n)
{
	char *entry;

	if (n == 0)
		return;
	entry = strndup(text, n);
	if (!entry)
		return;
	if (!history_length || strcmp(history_get(history_base + history_length - 1)->line, entry))
		add_history(entry);
	free(entry);
}

static void on_line(char *line)
{
	int cont = T.pending.len > 0;

	if (!line) {                   /* Ctrl-D on an empty line */
		lr_sb_write(&T.sb, cont ? CONT_PROMPT "\n" : PROMPT "\n", 4, LR_SB_ECHO);
		T.quit = 1;
		return;
	}
	if (T.pending.len + strlen(line) + 1 > lr_session_limits(T.s)->max_line) {
		/* limit line: neither echoed nor kept in the history */
		char msg[300];
		lr_limit_msg(msg, sizeof msg, LR_LIMIT_LINE, lr_session_limits(T.s)->max_line,
		             "error: the statement is too long");
		lr_sb_write(&T.sb, msg, strlen(msg), LR_SB_ERROR);
		lr_sb_write(&T.sb, "\n", 1, LR_SB_ERROR);
		lr_buf_reset(&T.pending);
		rl_set_prompt(PROMPT);
		free(line);
		draw_all();
		return;
	}
	lr_sb_write(&T.sb, cont ? CONT_PROMPT : PROMPT, 3, LR_SB_ECHO);
	lr_sb_write(&T.sb, line, strlen(line), LR_SB_ECHO);
	lr_sb_write(&T.sb, "\n", 1, LR_SB_ECHO);
	T.back = 0;
	lr_buf_puts(&T.pending, line);
	lr_buf_putc(&T.pending, '\n');
	free(line);
	if (T.pending.failed) {
		lr_sb_write(&T.sb, "error: out of memory\n", 21, LR_SB_ERROR);
		lr_buf_reset(&T.pending);
		return;
	}
	if (lr_lex_incomplete(T.pending.data, T.pending.len)) {
		rl_set_prompt(CONT_PROMPT);
		draw_output();             /* the lines typed so far stay in view */
		redisplay();
		return;
	}
	rl_set_prompt(PROMPT);
	remember(T.pending.data, T.pending.len - 1);
	T.busy = 1;
	draw_output();
	redisplay();
	run(T.pending.data, T.pending.len);
	T.busy = 0;
	lr_buf_reset(&T.pending);
	draw_all();
}

/* Ctrl-C at the prompt: the line (and an open statement) is dropped. */
static void drop_line(void)
{
	lr_sb_write(&T.sb, T.pending.len ? CONT_PROMPT : PROMPT, 3, LR_SB_ECHO);
	lr_sb_write(&T.sb, rl_line_buffer ? rl_line_buffer : "", rl_line_buffer ? strlen(rl_line_buffer) : 0,
	            LR_SB_ECHO);
	lr_sb_write(&T.sb, "^C\n", 3, LR_SB_NOTE);
	lr_buf_reset(&T.pending);
	rl_callback_sigcleanup();
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	rl_set_prompt(PROMPT);
	T.back = 0;
	draw_all();
}

/* ---- readline glue ---- */

static int rl_getc_cb(FILE *f)
{
	(void)f;
	return T.inq_pos < T.inq_n ? T.inq[T.inq_pos++] : EOF;
}

static int rl_avail_cb(void)
{
	return T.inq_pos < T.inq_n;
}

static void feed(const char *bytes, int n)
{
	T.inq_n = 0;
	T.inq_pos = 0;
	for (int i = 0; i < n && i < (int)sizeof T.inq; i++)
		T.inq[T.inq_n++] = (unsigned char)bytes[i];
	while (T.inq_pos < T.inq_n && !T.quit)
		rl_callback_read_char();
}

static int startup_hook(void)
{
	/* whatever ~/.inputrc says, the settings this screen relies on */
	rl_variable_bind("editing-mode", "emacs");
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_variable_bind("bell-style", "none");
	rl_variable_bind("page-completions", "off");
	rl_variable_bind("echo-control-characters", "off");
	rl_variable_bind("horizontal-scroll-mode", "on");
	rl_bind_key('\t', rl_complete);
	rl_bind_key(18, rl_reverse_search_history);
	return 0;
}

struct words {
	char **w;
	size_t n, cap;
};

static void add_word(void *ctx, const char *word)
{
	struct words *ws = ctx;

	for (size_t i = 0; i < ws->n; i++)
		if (!strcmp(ws->w[i], word))
			return;
	if (ws->n + 2 >= ws->cap) {
		size_t cap = ws->cap ? ws->cap * 2 : 16;
		char **nw = realloc(ws->w, cap * sizeof *nw);
		if (!nw)
			return;
		ws->w = nw;
		ws->cap = cap;
	}
	ws->w[ws->n] = strdup(word);
	if (ws->w[ws->n])
		ws->n++;
}

static int cmp_words(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Completion: the words from lr_session_complete, which reads the line
 * before the cursor. The list is handed to readline, which frees it. */
static char **complete(const char *text, int start, int end)
{
	struct words ws = { NULL, 0, 0 };
	size_t common;

	(void)end;
	rl_attempted_completion_over = 1;
	lr_session_complete(T.s, rl_line_buffer, (size_t)start, text, add_word, &ws);
	if (ws.n == 0) {
		free(ws.w);
		return NULL;
	}
	qsort(ws.w, ws.n, sizeof *ws.w, cmp_words);
	common = strlen(ws.w[0]);
	for (size_t i = 1; i < ws.n; i++) {
		size_t j = 0;
		while (j < common && ws.w[i][j] == ws.w[0][j])
			j++;
		common = j;
	}
	memmove(ws.w + 1, ws.w, ws.n * sizeof *ws.w);
	ws.w[0] = strndup(ws.w[1], common);
	if (ws.n == 1) {
		free(ws.w[0]);
		ws.w[0] = ws.w[1];
		ws.w[1] = NULL;
		if (ws.w[0][strlen(ws.w[0]) - 1] == '=')
			rl_completion_suppress_append = 1;
	} else {
		ws.w[ws.n + 1] = NULL;
	}
	if (!ws.w[0]) {
		for (size_t i = 1; i <= ws.n; i++)
			free(ws.w[i]);
		free(ws.w);
		return NULL;
	}
	return ws.w;
}

/* The list of matches, in columns in the output instead of on stdout. */
static void display_matches(char **m, int n, int max)
{
	struct lr_buf b;
	int colw = max + 2, per = T.scr.cols / colw, shown = n > 120 ? 120 : n;

	if (per < 1)
		per = 1;
	lr_buf_init(&b);
	lr_buf_printf(&b, "%s%s\n", T.pending.len ? CONT_PROMPT : PROMPT, rl_line_buffer);
	for (int i = 0; i < shown; i++) {
		lr_buf_printf(&b, "%-*s", i % per == per - 1 || i == shown - 1 ? 0 : colw, m[i + 1]);
		if (i % per == per - 1 || i == shown - 1)
			lr_buf_putc(&b, '\n');
	}
	if (shown < n)
		lr_buf_printf(&b, "... and %d more\n", n - shown);
	if (!b.failed && b.data)
		lr_sb_write(&T.sb, b.data, b.len, LR_SB_NOTE);
	lr_buf_finish(&b);
	T.back = 0;
	draw_rule();
	draw_output();
	redisplay();
}

/* ---- history ---- */

static char *history_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4096], *p;
	size_t n;

	if (xdg && *xdg == '/')
		snprintf(dir, sizeof dir, "%s/lowrank", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/state/lowrank", home);
	else
		return NULL;
	/* make each missing directory, as mkdir -p */
	for (p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(T.hist_problem, sizeof T.hist_problem, "history not kept: %s: %s", dir,
		         strerror(errno));
		return NULL;
	}
	n = strlen(dir) + sizeof "/history";
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/history", dir);
	return p;
}

/* Written to a temporary file and renamed, so a crash never leaves half;
 * when it fails the old file stays whole and the reason is kept for the
 * line said at exit. */
static void save_history(void)
{
	char tmp[4200];
	int err;

	if (!T.hist_path)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", T.hist_path, (long)getpid());
	err = write_history(tmp);       /* 0 or an errno */
	if (err == 0 && rename(tmp, T.hist_path) < 0)
		err = errno;
	if (err == 0)
		return;
	remove(tmp);
	snprintf(T.hist_problem, sizeof T.hist_problem, "history not saved to %s: %s",
	         T.hist_path, strerror(err));
}

/* ---- keys ---- */

/* In the Matrices view, when the matrices do not show whole: Shift+arrows
 * scroll them a row or a column, Alt+arrows a screenful, Shift+Home (or
 * Home on an empty prompt) back to the top-left corner. Elsewhere the keys
 * go on as before (Home to readline). */
static int scroll_key(int c)
{
	const struct lr_scroll *at = &T.scroll;
	long dr = 0, dc = 0, pr = (long)at->page_rows, pc = (long)at->page_cols;

	if (!can_scroll())
		return 0;
	switch (c) {
	case KEY_SR: dr = -1; break;
	case KEY_SF: dr = 1; break;
	case KEY_SLEFT: dc = -1; break;
	case KEY_SRIGHT: dc = 1; break;
	case LR_KEY_ALT_UP: dr = -pr; break;
	case LR_KEY_ALT_DOWN: dr = pr; break;
	case LR_KEY_ALT_LEFT: dc = -pc; break;
	case LR_KEY_ALT_RIGHT: dc = pc; break;
	case KEY_HOME:
		if (rl_end != 0 || T.pending.len || T.busy ||
		    RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_MOREINPUT))
			return 0;          /* the line's own Home */
		/* fall through */
	case KEY_SHOME:
		dr = -(long)at->row0;
		dc = -(long)at->col0;
		break;
	default:
		return 0;
	}
	lr_scroll_move(at, dr, dc, &T.row0, &T.col0);
	draw_panel();
	redisplay();
	return 1;
}

/* Keys the panel owns whatever the line holds. */
static void handle_panel_key(int c)
{
	if (scroll_key(c))
		return;
	if ((c >= KEY_F(2) && c <= KEY_F(5)) || (c == KEY_F(6) && T.lesson)) {
		choose_view((enum lr_view)(c - KEY_F(2)));
		draw_panel();
		lr_screen_update(&T.scr);
	} else if (c == KEY_RESIZE) {
		relayout();
	} else if (c == KEY_PPAGE || c == KEY_NPAGE) {
		size_t page = T.scr.out_h > 2 ? (size_t)T.scr.out_h - 1 : 1;
		if (c == KEY_PPAGE)
			T.back += page;
		else
			T.back = T.back > page ? T.back - page : 0;
		draw_rule();
		draw_output();
		redisplay();
	} else if (c == 12) {          /* Ctrl-L */
		lr_screen_clear(&T.scr);
		draw_all();
	}
}

/* + and - on an empty prompt step the explorer's rank. */
static int explore_key(int c)
{
	const struct lr_svd_run *sv = lr_session_last_svd(T.s);
	struct lr_panel p;
	const struct lr_run *buf[16];
	size_t k;

	if ((c != '+' && c != '-' && c != '=') || rl_end != 0 || T.pending.len || !sv ||
	    RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_MOREINPUT) ||
	    !(T.view == LR_VIEW_SPECTRUM ||
	      (T.view == LR_VIEW_MATRICES && T.focus == LR_FOCUS_SVD)))
		return 0;
	panel_state(&p, buf, 16);
	k = lr_panel_rank(&p);
	if (c == '-' && k > 1)
		k--;
	else if (c != '-' && k < sv->svd.p)
		k++;
	T.k = k;
	T.focus = LR_FOCUS_SVD;
	draw_panel();
	redisplay();
	return 1;
}

static void handle_key(int c)
{
	static const struct { int key; const char *seq; } keys[] = {
		{ KEY_UP, "\033[A" }, { KEY_DOWN, "\033[B" }, { KEY_RIGHT, "\033[C" },
		{ KEY_LEFT, "\033[D" }, { KEY_HOME, "\033[H" }, { KEY_END, "\033[F" },
		{ KEY_DC, "\033[3~" }, { KEY_BACKSPACE, "\177" }, { KEY_ENTER, "\r" }
	};
	char ch;

	if (c == ERR)
		return;
	if (c == 3) {
		drop_line();
		return;
	}
	if (c == 26) {                 /* Ctrl-Z: raw mode makes it a key, not SIGTSTP */
		lr_screen_suspend(&T.scr);
		relayout();                /* the terminal may have been resized meanwhile */
		return;
	}
	if (c >= KEY_MIN) {
		if (c == KEY_HOME && scroll_key(c))
			return;
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if (keys[i].key == c) {
				feed(keys[i].seq, (int)strlen(keys[i].seq));
				return;
			}
		handle_panel_key(c);
		return;
	}
	if (c == 12) {
		handle_panel_key(c);
		return;
	}
	if (explore_key(c))
		return;
	if (c == 27) {
		/* Alt+key comes as Esc and the key at once; an Esc on its own
		 * (pressed to stop a training that had just ended) would make
		 * readline take the next key as Meta-key: Esc-s deleted the s
		 * of "svd". So a lone Esc is dropped. */
		int next = lr_screen_poll(&T.scr);
		if (next == ERR)
			return;
		if (next >= KEY_MIN || next == 27) {
			handle_key(next);
			return;
		}
		char seq[2] = { 27, (char)next };
		feed(seq, 2);
		return;
	}
	ch = (char)c;
	feed(&ch, 1);
}

/* ---- demo mode ---- */

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void note(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		lr_sb_write(&T.sb, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1, LR_SB_NOTE);
	T.back = 0;
}

/* Reads FILE and splits it into statements with the language's parser:
 * statement i is the text from its first token to the next statement's,
 * less the blank and comment lines (lesson directives among them) that
 * trail it. 0, or -1 with a message on stderr. */
static int demo_load(const char *path)
{
	struct demo *d = &T.demo;
	FILE *f = fopen(path, "rb");
	struct lr_buf b;
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	char chunk[4096];
	size_t n, cap = 0;
	int rc;

	if (!f) {
		fprintf(stderr, "lowrank: cannot open '%s': %s\n", path, strerror(errno));
		return -1;
	}
	lr_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lr_buf_add(&b, chunk, n);
	rc = ferror(f);
	fclose(f);
	if (rc || b.failed) {
		fprintf(stderr, "lowrank: cannot read '%s'\n", path);
		lr_buf_finish(&b);
		return -1;
	}
	d->len = lr_utf8_skip_bom(b.data, b.len);   /* as batch mode reads a script */
	d->src = b.data ? lr_buf_take(&b) : lr_strdup("");
	d->name = strdup(path);
	if (!d->src || !d->name)
		return -1;
	lr_parser_init(&p, d->src, d->len, lr_is_command);
	while ((rc = lr_parse_next(&p, &st, &err)) > 0) {
		if (d->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			size_t *ns = realloc(d->start, nc * sizeof *ns), *ne;
			if (ns)
				d->start = ns;
			ne = ns ? realloc(d->end, nc * sizeof *ne) : NULL;
			if (!ne) {
				lr_stmt_destroy(st);
				rc = -2;
				break;
			}
			d->end = ne;
			cap = nc;
		}
		d->start[d->n++] = st->pos.offset;
		lr_stmt_destroy(st);
	}
	lr_parser_finish(&p);
	if (rc == -2) {
		fputs("lowrank: out of memory\n", stderr);
		return -1;
	}
	if (rc < 0) {
		lr_buf_init(&b);
		lr_error_format(&b, path, d->src, d->len, &err);
		fprintf(stderr, "%s", b.data && !b.failed ? b.data : "lowrank: a syntax error\n");
		lr_buf_finish(&b);
		return -1;
	}
	for (size_t i = 0; i < d->n; i++) {
		size_t a = d->start[i], e = i + 1 < d->n ? d->start[i + 1] : d->len;
		for (;;) {
			size_t ls, k;
			while (e > a && strchr(" \t\r\n", d->src[e - 1]))
				e--;
			ls = e;
			while (ls > a && d->src[ls - 1] != '\n')
				ls--;
			k = ls;
			while (k < e && (d->src[k] == ' ' || d->src[k] == '\t'))
				k++;
			if (ls == a || k >= e || (d->src[k] != '#' && d->src[k] != '%'))
				break;
			e = ls;              /* a comment line after the statement */
		}
		d->end[i] = e;
	}
	return 0;
}

static void demo_free(void)
{
	lr_free(T.demo.src);
	free(T.demo.name);
	free(T.demo.start);
	free(T.demo.end);
	memset(&T.demo, 0, sizeof T.demo);
}

static void sleep_ns(long ns)
{
	struct timespec t = { 0, ns };

	nanosleep(&t, NULL);
}

/* Waits up to TYPE_NS for a key: 1 if a key (other than a resize) came. */
static int typing_pause(void)
{
	struct timespec t0;

	stamp(&t0);
	while (since_ns(&t0) < TYPE_NS) {
		int c = lr_screen_poll(&T.scr);
		if (c == KEY_RESIZE)
			relayout();
		else if (c != ERR)
			return 1;
		else
			sleep_ns(5000000L);
	}
	return 0;
}

/* Types statement i out at a readable pace (a key finishes it at once),
 * line by line as a person would, then runs it with its output and panel. */
static void demo_play(size_t i)
{
	const char *t = T.demo.src + T.demo.start[i];
	size_t n = T.demo.end[i] - T.demo.start[i], ll = 0;
	char *line = malloc(n + 2), *text = malloc(n + 2);
	int fast = 0, cont = 0;

	if (!line || !text) {
		free(line);
		free(text);
		return;
	}
	memcpy(text, t, n);
	text[n] = '\n';
	text[n + 1] = '\0';
	T.busy = 0;
	for (size_t k = 0; k <= n; k++) {
		if (k == n || t[k] == '\n') {
			lr_sb_write(&T.sb, cont ? CONT_PROMPT : PROMPT, 3, LR_SB_ECHO);
			lr_sb_write(&T.sb, line, ll, LR_SB_ECHO);
			lr_sb_write(&T.sb, "\n", 1, LR_SB_ECHO);
			T.back = 0;
			ll = 0;
			cont = 1;
			if (k < n) {
				draw_output();
				redisplay();
			}
			continue;
		}
		line[ll++] = t[k];
		line[ll] = '\0';
		if (fast || (k + 1 < n && ((unsigned char)t[k + 1] & 0xc0) == 0x80))
			continue;               /* the rest of a UTF-8 character first */
		lr_screen_put_input(&T.scr, cont ? CONT_PROMPT : PROMPT, line, ll);
		lr_screen_update(&T.scr);
		fast = typing_pause();
	}
	free(line);
	T.demo.next = i + 1;
	T.busy = 1;
	draw_rule();
	draw_output();
	redisplay();
	run(text, n + 1);
	T.busy = 0;
	free(text);
	if (T.demo.next >= T.demo.n && !T.quit) {
		note("(the end of %s: the prompt is yours)\n", T.demo.name);
		T.demo.on = 0;
	}
	draw_all();
}

/* Runs statement i with its output and events dropped. */
static void run_silently(size_t i)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	size_t n = T.demo.end[i] - T.demo.start[i];
	char *text = lr_strndup(T.demo.src + T.demo.start[i], n);

	if (!text)
		return;
	lr_parser_init_at(&p, text, n, lr_is_command, 1, lr_session_limits(T.s)->max_depth);
	while (!T.quit && lr_parse_next(&p, &st, &err) > 0) {
		int rc = lr_session_exec(T.s, st, text, &err);
		lr_stmt_destroy(st);
		if (rc == 1)
			T.quit = 1;
		if (rc != 0)   /* 2: return ends the statements */
			break;
	}
	lr_parser_finish(&p);
	lr_free(text);
}

/* The limits --limit set, on session s. */
static void set_limits(struct lr_session *s)
{
	for (int i = 0; i < LR_LIMIT_COUNT; i++)
		if (T.limits[i] > 0)
			lr_session_set_limit(s, i, T.limits[i]);
}

/* b: a fresh session runs the script quietly up to the statement before
 * the last one played, which the next key plays again. */
static void demo_back(void)
{
	struct lr_session *fresh;
	size_t to;

	if (T.demo.next == 0) {
		note("(the first statement: there is nothing to go back to)\n");
		draw_all();
		return;
	}
	fresh = lr_session_create(&T.out);
	if (!fresh) {
		note("(out of memory: cannot go back)\n");
		draw_all();
		return;
	}
	lr_session_destroy(T.s);
	T.s = fresh;
	set_limits(T.s);
	lr_session_set_ascii(T.s, T.scr.ascii);
	lr_session_set_width(T.s, T.scr.cols > 20 ? T.scr.cols - 1 : 20);
	T.live = NULL;
	T.k = 0;
	T.focus = LR_FOCUS_NONE;
	free(T.lesson);
	T.lesson = NULL;
	if (T.view == LR_VIEW_LESSON)
		T.view = LR_VIEW_MATRICES;
	to = T.demo.next - 1;
	T.busy = 1;
	T.silent = 1;
	draw_rule();
	redisplay();
	for (size_t i = 0; i < to && !T.quit; i++)
		run_silently(i);
	T.silent = 0;
	T.busy = 0;
	T.stop = 0;
	T.demo.next = to;
	if (to == 0)
		note("(back to the start: a fresh workspace; a key plays statement 1)\n");
	else if (to == 1)
		note("(back: statement 1 ran again quietly; a key plays statement 2)\n");
	else
		note("(back: statements 1 to %zu ran again quietly; a key plays statement %zu)\n",
		     to, to + 1);
	draw_all();
}

static int explore_key(int c);

static void demo_key(int c)
{
	if (c == ERR)
		return;
	if (c >= KEY_MIN || c == 12) {
		handle_panel_key(c);
		return;
	}
	if (explore_key(c))
		return;
	if (c == 27 || c == 3)
		return;    /* Esc or Ctrl-C a moment after a training ended: not a way out */
	if (c == 'q' || c == 'Q' || c == 4) {
		T.demo.on = 0;
		note("(demo left after statement %zu of %zu: the workspace is kept, the prompt is "
		     "yours)\n", T.demo.next, T.demo.n);
		draw_all();
	} else if (c == 'b' || c == 'B') {
		demo_back();
	} else if (T.demo.next < T.demo.n) {
		demo_play(T.demo.next);
	}
}

/* ---- start and end ---- */

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static void setup_readline(void)
{
	rl_readline_name = "lowrank";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_change_environment = 0;
	rl_getc_function = rl_getc_cb;
	rl_input_available_hook = rl_avail_cb;
	rl_redisplay_function = redisplay;
	rl_startup_hook = startup_hook;
	rl_attempted_completion_function = complete;
	rl_completion_display_matches_hook = display_matches;
	rl_basic_word_break_characters = " \t\n\"'`<>=;|&{([,+-*/^:~!";
	rl_outstream = fopen("/dev/null", "w");   /* nothing of readline's reaches the screen */
	using_history();
	stifle_history(1000);
	T.hist_path = history_path();
	if (T.hist_path)
		read_history(T.hist_path);
}

static const char welcome[] =
	"lowrank " LOWRANK_VERSION ": low-rank factorisation, by gradient descent and by SVD.\n"
	"Try:  A = rand(8, 6)   sgd A 2   svd A 2   loss   (help lists the rest)\n";

int lr_frontend_interactive(const int *width, int ascii, const char *first, const char *demo,
                            const double *limits)
{
	struct sigaction sa;
	const char *cs;

	(void)width;
	memset(&T, 0, sizeof T);
	if (demo && demo_load(demo) < 0) {
		demo_free();
		return 2;
	}
	T.demo.on = demo != NULL;
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");     /* the language's numbers use '.' */
	cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8"))
		ascii = 1;
	T.out = (struct lr_output){ &T, out_write, out_event, out_interrupted, NULL };
	T.view = LR_VIEW_MATRICES;
	T.s = lr_session_create(&T.out);
	if (!T.s) {
		fputs("lowrank: out of memory\n", stderr);
		return 1;
	}
	lr_session_set_ascii(T.s, ascii);
	for (int i = 0; limits && i < LR_LIMIT_COUNT; i++)
		T.limits[i] = limits[i];
	set_limits(T.s);
	lr_sb_init(&T.sb);
	lr_buf_init(&T.pending);
	setup_readline();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);   /* no SA_RESTART: wgetch returns */
	if (lr_screen_start(&T.scr, ascii) < 0) {
		const char *term = getenv("TERM");
		fprintf(stderr, "lowrank: this terminal (TERM=%s) cannot show the interactive "
		        "screen.\nRun a script (lowrank FILE), statements (lowrank -e '...'), or "
		        "lowrank --plain, which runs what you type once you end it with Ctrl-D.\n",
		        term ? term : "");
		lr_session_destroy(T.s);
		return 1;
	}
	lr_sb_write(&T.sb, welcome, sizeof welcome - 1, LR_SB_NOTE);
	rl_callback_handler_install(PROMPT, on_line);
	relayout();
	if (T.demo.on) {
		note("demo of %s: %zu statements. Each key types and runs the next one; b goes "
		     "back a step, q leaves to the free prompt.\n", T.demo.name, T.demo.n);
		T.demo.on = T.demo.n > 0;
		draw_all();
	}
	if (first && !T.demo.on) {
		/* --lesson N: the statement runs as if typed at the prompt */
		size_t n = strlen(first);
		lr_sb_write(&T.sb, PROMPT, 3, LR_SB_ECHO);
		lr_sb_write(&T.sb, first, n, LR_SB_ECHO);
		lr_sb_write(&T.sb, "\n", 1, LR_SB_ECHO);
		T.busy = 1;
		draw_output();
		redisplay();
		run(first, n);
		T.busy = 0;
		draw_all();
	}
	while (!T.quit) {
		int c = lr_screen_getch(&T.scr);
		if (got_sigint) {
			got_sigint = 0;
			if (!T.demo.on)
				drop_line();
		}
		if (T.demo.on)
			demo_key(c);
		else
			handle_key(c);
	}
	rl_callback_handler_remove();
	save_history();
	lr_screen_end(&T.scr);
	if (T.hist_problem[0])
		fprintf(stderr, "lowrank: %s\n", T.hist_problem);
	if (getenv("LOWRANK_TUI_STATS")) {
		fprintf(stderr, "lowrank: %ld live frames, %.3f ms each\n", T.frames,
		        T.frames ? (double)T.draw_ns / (double)T.frames / 1e6 : 0.0);
		fprintf(stderr, "lowrank: %ld Eckart-Young floors computed, %.3f ms in all\n",
		        T.floors, (double)T.floor_ns / 1e6);
	}
	lr_session_destroy(T.s);
	lr_sb_finish(&T.sb);
	lr_buf_finish(&T.pending);
	free(T.hist_path);
	free(T.lesson);
	demo_free();
	if (rl_outstream && rl_outstream != stdout)
		fclose(rl_outstream);
	rl_outstream = NULL;
	return T.exit_status;
}
