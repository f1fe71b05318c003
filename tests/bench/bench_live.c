/* Benchmark case 6, second half: training with the live panel against
 * training without it.
 *
 * The same `sgd` statement runs through a real session (the language, the
 * core's kernels) once with an output interface that draws nothing (as the
 * batch front end) and once with one that does, per epoch, what the
 * terminal front end's event and interrupt hooks do (src/tui/session_out.c,
 * tui_out_event and tui_out_interrupted):
 *   - at the start, the Eckart–Young floor of the matrix (an SVD);
 *   - every epoch, the front end's pacing (src/tui/live_pace.c, the same
 *     code): a clock read to see whether 40 ms have passed since the last
 *     frame (at most 25 frames a second, pictures 4) and, when they have,
 *     whether the training has had 19 times the last frame's CPU time
 *     since it; and a clock read to see whether 10 ms have passed since the
 *     keyboard was polled; the poll itself is a poll(2) on standard input
 *     here, where the front end asks ncurses;
 *   - every frame: the panel (tab line and the live view) drawn into its
 *     grid, the rule's text, the output drawn from the scrollback.
 * The grids are the ones a 200×60 terminal gets (screen.c: the panel 3/5 of
 * the rows, the output the rest less the rule and the input line).
 *
 * What is not here: copying the grids into ncurses windows and ncurses'
 * own output to the terminal. The real front end counts those too when run
 * with LOWRANK_TUI_STATS=1 (it prints the frames and their mean cost at
 * exit); README.md's Performance section gives both.
 *
 * With a photograph (PHOTO, a path), a third case: `sgd I 20` on it with
 * the picture mode of the Matrices view (A, U·Vᵀ and the residual drawn
 * from the factors at each frame), paced as the front end paces pictures.
 *
 * Usage: bench_live [--quick] [--runs=N] [PHOTO]. Prints, per view, a
 * parseable line
 *     BENCH name=live_panel_loss overhead_pct=0.4 runs=5 base_ms=... live_ms=...
 * with the medians of the runs: overhead_pct of the paired runs, the frames
 * drawn and their mean cost, what they add up to against the training
 * without the panel (frames_pct), and the floor's SVD at the start.
 * Exit status 0, or 1 if a statement failed. */
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "parser.h"
#include "scrollback.h"
#include "session_open.h"
#include "live_pace.h"
#include "view_image.h"
#include "views.h"

#define POLL_NS 10000000L    /* as src/tui: the keyboard polled every 10 ms */
#define TERM_W 200
#define TERM_H 60

/* What one front end keeps while a statement trains. */
struct live {
	int draw;                          /* 0: the batch front end's nothing */
	enum lr_view view;
	int picture;                       /* the Matrices view as pictures (an imread matrix) */
	struct lr_picture pic;
	struct lr_scrollback sb;
	struct lr_grid panel, out;
	struct lr_scroll scroll;
	const struct lr_run *run;          /* borrowed, while training */
	double floor;
	struct lr_pace pace;
	struct timespec last_poll;
	long frames, epochs;               /* frames drawn; epochs the training ran */
	double frame_ns, frame_cpu_ns;     /* summed cost of the frames, wall and CPU */
	double start_ns;                   /* the floor's SVD at the start, wall */
};

/* A statement's cost: wall time, and CPU time of the whole process (OpenBLAS
 * threads included), which another program's load on the machine moves
 * much less than the wall time. */
struct cost {
	double wall_ms, cpu_ms;
};

static double clock_ns(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static double now_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

static long since_ns(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000000000L + (now.tv_nsec - t->tv_nsec);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *x, int n)
{
	qsort(x, (size_t)n, sizeof *x, cmp);
	return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

static void on_write(void *ctx, const char *s, size_t n)
{
	struct live *L = ctx;

	lr_sb_write(&L->sb, s, n, LR_SB_NORMAL);
}

/* One frame: what draw.c's tui_draw_panel, tui_draw_rule and tui_draw_output
 * compute before they hand the grids to ncurses. */
static void draw_frame(struct live *L)
{
	struct lr_panel p;
	const struct lr_run *runs[1] = { L->run };
	char rule[160];

	memset(&p, 0, sizeof p);
	p.view = L->view;
	p.focus = LR_FOCUS_SGD;
	p.runs = runs;
	p.nruns = 1;
	p.run = L->run;
	p.live = 1;
	p.live_floor = L->floor;
	if (p.view == LR_VIEW_MATRICES)
		p.scrolled = &L->scroll;
	if (L->picture)
		p.picture = &L->pic;
	lr_panel_draw(&L->panel, &p);
	for (int i = 0; i < 2; i++)        /* the rule: draw_panel draws it, then the frame */
		snprintf(rule, sizeof rule, "training: Esc or Ctrl-C stops it and keeps the epochs "
		         "done (%zu rows)", lr_sb_rows(&L->sb, TERM_W));
	lr_sb_draw(&L->sb, &L->out, 0);
}

static void on_event(void *ctx, const struct lr_event *ev)
{
	struct live *L = ctx;

	if (!L->draw)
		return;
	if (ev->kind == LR_EV_SGD_START) {
		double t0 = now_ns();
		L->run = ev->run;
		/* a picture's floor waits for the end of the training, as in the
		 * front end */
		L->floor = L->picture ? NAN : lr_runs_floor(&ev->run, 1);
		L->start_ns = now_ns() - t0;
		clock_gettime(CLOCK_MONOTONIC, &L->last_poll);
		lr_pace_start(&L->pace, L->picture ? LR_PACE_PICTURE_NS : LR_PACE_FRAME_NS,
		              LR_PACE_RATIO, lr_pace_clock_ns());   /* the first epoch draws at once */
	} else if (ev->kind == LR_EV_SGD_EPOCH &&
	           lr_pace_due(&L->pace, lr_pace_clock_ns(), lr_pace_cpu_ns)) {
		long t0 = lr_pace_clock_ns(), c0 = lr_pace_cpu_ns(), c1;
		lr_pace_begin(&L->pace, t0, c0);
		draw_frame(L);
		c1 = lr_pace_cpu_ns();
		lr_pace_end(&L->pace, c1);
		L->frame_ns += (double)(lr_pace_clock_ns() - t0);
		L->frame_cpu_ns += (double)(c1 - c0);
		L->frames++;
	} else if (ev->kind == LR_EV_SGD_DONE) {
		L->epochs = L->run ? L->run->res.epochs_done : 0;
		L->run = NULL;
	}
}

static int on_interrupted(void *ctx)
{
	struct live *L = ctx;
	struct pollfd pfd = { 0, POLLIN, 0 };

	if (L->draw && since_ns(&L->last_poll) >= POLL_NS) {
		clock_gettime(CLOCK_MONOTONIC, &L->last_poll);
		(void)poll(&pfd, 1, 0);
	}
	return 0;
}

/* Runs src in s; *c gets the cost of its last statement. Returns 0, or -1
 * if a statement failed. */
static int exec(struct lr_session *s, const char *src, struct cost *c)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	int rc;

	lr_parser_init(&p, src, strlen(src), lr_is_command);
	while ((rc = lr_parse_next(&p, &st, &err)) > 0) {
		double t0 = now_ns(), c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
		rc = lr_session_exec(s, st, src, &err);
		c->wall_ms = (now_ns() - t0) / 1e6;
		c->cpu_ms = (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e6;
		lr_stmt_destroy(st);
		if (rc != 0)
			break;
	}
	lr_parser_finish(&p);
	if (rc != 0) {
		fprintf(stderr, "bench_live: %s\n", rc < 0 ? err.msg : "quit");
		return -1;
	}
	return 0;
}

/* One training in a fresh session (so the panel shows one run, as after
 * the first `sgd` of a session): its cost in *c. Returns 0 or -1. */
static int train(struct live *L, const char *setup, const char *stmt, struct cost *c)
{
	struct lr_output out = { L, on_write, on_event, on_interrupted, NULL };
	struct lr_session *s = lr_session_create(&out);
	int rc;

	if (!s)
		return -1;
	lr_session_set_width(s, TERM_W - 1);
	L->frames = 0;
	L->frame_ns = L->frame_cpu_ns = 0.0;
	rc = exec(s, setup, c) < 0 ? -1 : exec(s, stmt, c);
	lr_session_destroy(s);
	return rc;
}

/* A case: the view, its setup and the training it watches. */
struct live_case {
	const char *name;
	enum lr_view view;
	int picture;
	const char *setup, *stmt, *quick_stmt;
};

static double lowest(const double *x, int n)
{
	double m = x[0];

	for (int i = 1; i < n; i++)
		m = x[i] < m ? x[i] : m;
	return m;
}

static double highest(const double *x, int n)
{
	double m = x[0];

	for (int i = 1; i < n; i++)
		m = x[i] > m ? x[i] : m;
	return m;
}

/* Runs the training without and with the panel in turn, runs times, and
 * reports the medians (and the lowest and highest of the steadiest figures):
 * the paired overheads in wall and in CPU time, the frames, their cost, and
 * what they add up to against the training without the panel (frames_pct,
 * in CPU time: the steadiest figure on a busy machine, since neither the
 * training's own noise nor the other programs' load enter it; it is per
 * run, the frames' CPU time over that run's training without the panel).
 * frames_per_cpu_s is how many frames a second of the training's CPU time
 * paid for: the wall-clock pacing gives more of them on a loaded machine;
 * frames_per_epoch the frames over the epochs trained. */
static int bench_view(const struct live_case *c, int runs, const char *stmt)
{
	struct live L;
	enum { BW, BC, LW, LC, OW, OC, FRAMES, US, US_CPU, FLOOR, FPCT, FPS, FPE, NCOL };
	double col[NCOL][16], m[NCOL], lo[NCOL], hi[NCOL];

	memset(&L, 0, sizeof L);
	lr_sb_init(&L.sb);
	lr_picture_init(&L.pic);
	L.pic.on = c->picture;
	L.pic.source = LR_PIC_SGD;
	L.pic.mode = LR_COLOUR_256;
	/* some output above the prompt, as a session has */
	for (int i = 0; i < 40; i++)
		lr_sb_write(&L.sb, ">> A = rand(300, 8) * rand(8, 300);\n", 36, LR_SB_ECHO);
	if (lr_grid_init(&L.panel, TERM_W, TERM_H * 3 / 5) < 0 ||
	    lr_grid_init(&L.out, TERM_W, TERM_H - TERM_H * 3 / 5 - 2) < 0)
		return 1;
	L.view = c->view;
	L.picture = c->picture;
	for (int i = 0; i < runs; i++) {
		struct cost base, live;
		double n;
		L.draw = 0;
		if (train(&L, c->setup, stmt, &base) < 0)
			return 1;
		L.draw = 1;
		if (train(&L, c->setup, stmt, &live) < 0)
			return 1;
		n = L.frames ? (double)L.frames : 1.0;
		col[BW][i] = base.wall_ms, col[BC][i] = base.cpu_ms;
		col[LW][i] = live.wall_ms, col[LC][i] = live.cpu_ms;
		col[OW][i] = 100.0 * (live.wall_ms - base.wall_ms) / base.wall_ms;
		col[OC][i] = 100.0 * (live.cpu_ms - base.cpu_ms) / base.cpu_ms;
		col[FRAMES][i] = (double)L.frames;
		col[US][i] = L.frame_ns / n / 1e3;
		col[US_CPU][i] = L.frame_cpu_ns / n / 1e3;
		col[FLOOR][i] = L.start_ns / 1e6;
		col[FPCT][i] = 100.0 * L.frame_cpu_ns / 1e6 / base.cpu_ms;
		col[FPS][i] = (double)L.frames / (live.cpu_ms - L.frame_cpu_ns / 1e6) * 1e3;
		col[FPE][i] = L.epochs ? (double)L.frames / (double)L.epochs : 0;
	}
	for (int j = 0; j < NCOL; j++) {
		lo[j] = lowest(col[j], runs);
		hi[j] = highest(col[j], runs);
		m[j] = median(col[j], runs);
	}
	printf("BENCH name=%s overhead_pct=%.3g runs=%d cpu_overhead_pct=%.3g "
	       "cpu_overhead_range=%.3g..%.3g frames_pct=%.3g frames_pct_range=%.3g..%.3g "
	       "base_ms=%.5g live_ms=%.5g base_cpu_ms=%.5g live_cpu_ms=%.5g frames=%.0f "
	       "frames_per_cpu_s=%.3g frames_per_epoch=%.3g us_per_frame=%.4g cpu_us_per_frame=%.4g "
	       "cpu_us_per_frame_range=%.4g..%.4g floor_ms=%.3g\n", c->name, m[OW], runs, m[OC],
	       lo[OC], hi[OC], m[FPCT], lo[FPCT], hi[FPCT], m[BW], m[LW], m[BC], m[LC],
	       m[FRAMES], m[FPS], m[FPE], m[US], m[US_CPU], lo[US_CPU], hi[US_CPU], m[FLOOR]);
	fflush(stdout);
	lr_picture_finish(&L.pic);
	lr_grid_finish(&L.panel);
	lr_grid_finish(&L.out);
	lr_sb_finish(&L.sb);
	return 0;
}

int main(int argc, char **argv)
{
	static const char setup[] = "seed 1; A = rand(300, 8) * rand(8, 300) + 0.01 * randn(300, 300);";
	int quick = 0, runs = 5, failed = 0;
	const char *photo = NULL;
	char photo_setup[4200];
	struct live_case cases[3] = {
		{ "live_panel_loss", LR_VIEW_LOSS, 0, setup, "sgd A 8 epochs=1500 lr=0.001 seed=7;",
		  "sgd A 8 epochs=20 lr=0.001 seed=7;" },
		{ "live_panel_matrices", LR_VIEW_MATRICES, 0, setup,
		  "sgd A 8 epochs=1500 lr=0.001 seed=7;", "sgd A 8 epochs=20 lr=0.001 seed=7;" },
		/* sgd I 20 on the photograph: 0..255 values need a small rate
		 * (the default 0.01 diverges in the first epoch) */
		{ "live_panel_picture", LR_VIEW_MATRICES, 1, photo_setup,
		  "sgd I 20 epochs=400 lr=1e-4 seed=7;", "sgd I 20 epochs=3 lr=1e-4 seed=7;" },
	};

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--quick"))
			quick = 1, runs = 1;
		else if (!strncmp(argv[i], "--runs=", 7))
			runs = atoi(argv[i] + 7) < 1 ? 1 : atoi(argv[i] + 7) > 16 ? 16 : atoi(argv[i] + 7);
		else
			photo = argv[i];
	if (photo)
		snprintf(photo_setup, sizeof photo_setup, "I = imread('%s');", photo);
	printf("# sgd on 300×300 at k = 8%s, without and with the live panel of a %d×%d "
	       "terminal, in turn\n", photo ? " and on the photograph at k = 20" : "", TERM_W,
	       TERM_H);
	for (int i = 0; i < (photo ? 3 : 2); i++)
		failed |= bench_view(&cases[i], runs, quick ? cases[i].quick_stmt : cases[i].stmt);
	return failed;
}
