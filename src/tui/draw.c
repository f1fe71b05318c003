/* Drawing the screen: the panel, the rule, the output and the prompt line. */
#include "tui_impl.h"

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
double tui_run_floor(const struct lr_run *run)
{
	const struct lr_matrix *A = run->A;
	unsigned long long sum;

	if ((double)A->rows * (double)A->cols > 1e6)
		return NAN;
	sum = matrix_sum(A);
	if (tui.floor.run != run || tui.floor.rows != A->rows || tui.floor.cols != A->cols ||
	    tui.floor.rank != run->opts.rank || tui.floor.sum != sum) {
		struct timespec t0;
		tui_stamp(&t0);
		tui.floor.value = lr_runs_floor(&run, 1);
		tui.floor_ns += tui_since_ns(&t0);
		tui.floors++;
		tui.floor.run = run;
		tui.floor.rows = A->rows;
		tui.floor.cols = A->cols;
		tui.floor.rank = run->opts.rank;
		tui.floor.sum = sum;
	}
	return tui.floor.value;
}

void tui_panel_state(struct lr_panel *p, const struct lr_run **buf, size_t cap)
{
	const struct lr_run *const *runs;
	size_t n = lr_session_runs(tui.s, &runs);

	memset(p, 0, sizeof *p);
	if (n > cap - 1)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = runs[i];
	if (tui.live && tui.live->res.epochs_done > 0)
		buf[n++] = tui.live;
	p->runs = (const struct lr_run *const *)buf;
	p->nruns = n;
	p->view = tui.view;
	p->run = tui.live ? tui.live : lr_session_last_run(tui.s);
	p->svd = lr_session_last_svd(tui.s);
	p->focus = tui.focus;
	if (p->focus == LR_FOCUS_SVD && !p->svd)
		p->focus = LR_FOCUS_NONE;
	if (p->focus == LR_FOCUS_SGD && !p->run)
		p->focus = LR_FOCUS_NONE;
	if (p->focus == LR_FOCUS_NONE)
		p->focus = p->run ? LR_FOCUS_SGD : p->svd ? LR_FOCUS_SVD : LR_FOCUS_NONE;
	p->k = tui.k;
	p->row0 = tui.row0;
	p->col0 = tui.col0;
	p->live = tui.live != NULL;
	p->live_floor = tui.live_floor;
	if (!tui.live && p->run && p->view == LR_VIEW_LOSS) {
		p->floor_run = p->run;
		p->live_floor = tui_run_floor(p->run);
	}
	p->ascii = tui.scr.ascii;
	p->lesson = tui.lesson;
	tui.pic.mode = tui.scr.image_mode;
	tui.pic.shown = lr_session_image(tui.s, &tui.pic.lo, &tui.pic.hi, &tui.pic.shown_name);
	p->picture = &tui.pic;
}

/* The Lesson view takes the rows its step's text needs and the output the
 * rest (svd, explore and plot printed below a short step scrolled away in
 * 9 rows while the text held 19); the other views the usual 3/5. Lays the
 * screen out again when that changes; returns 1 then. */
static int fit_panel(const struct lr_panel *p)
{
	int want;

	if (tui.scr.small)
		return 0;
	want = lr_panel_rows_wanted(p, tui.scr.cols, tui.scr.rows * 3 / 5);
	if (want == tui.scr.panel_want)
		return 0;
	tui.scr.panel_want = want;
	if (want == tui.scr.panel_h || (!want && tui.scr.panel_h == tui.scr.rows * 3 / 5))
		return 0;
	lr_screen_layout(&tui.scr);
	return 1;
}

void tui_draw_panel(void)
{
	struct lr_panel p;
	const struct lr_run *buf[16];

	if (!lr_screen_has_panel(&tui.scr))
		return;
	struct timespec t0;

	tui_panel_state(&p, buf, 16);
	if (fit_panel(&p)) {
		tui_draw_all();        /* new windows: everything again */
		return;
	}
	if (p.view == LR_VIEW_MATRICES)
		p.scrolled = &tui.scroll;
	tui_stamp(&t0);
	lr_panel_draw(&tui.scr.panel_grid, &p);
	lr_screen_put_panel(&tui.scr);
	if (p.view == LR_VIEW_MATRICES && tui.pic.on) {   /* for LOWRANK_TUI_STATS */
		tui.pic_ns += tui_since_ns(&t0);
		tui.pic_frames++;
	}
	tui_draw_rule();            /* its hint follows the view */
}

/* The Matrices view shows matrices too large to show whole. */
int tui_can_scroll(void)
{
	return tui.view == LR_VIEW_MATRICES && lr_screen_has_panel(&tui.scr) &&
	       (tui.scroll.max_row0 || tui.scroll.max_col0);
}

void tui_draw_rule(void)
{
	char msg[160];
	size_t rows = lr_sb_rows(&tui.sb, tui.scr.cols);

	if (tui.back)
		snprintf(msg, sizeof msg, "scrolled back %zu of %zu lines: PgDn returns", tui.back, rows);
	else if (tui.demo.on && !tui.busy)
		snprintf(msg, sizeof msg, "demo: %zu of %zu played  a key: the next  b: back  "
		         "q: the prompt%s", tui.demo.next, tui.demo.n, !tui.demo.lesson ? "" :
		         tui.demo.pausing ? "  p: pauses off" : "  p: pauses on");
	else if (tui.lesson && !tui.live)
		snprintf(msg, sizeof msg, "lesson: next back hint check reveal skip  F6 the step  "
		         "F2-F5 views");
	else if (tui.live)
		snprintf(msg, sizeof msg, "training: Esc or Ctrl-C stops it and keeps the epochs done");
	else if (tui_can_scroll())
		snprintf(msg, sizeof msg, "Tab completes  F2-F5 views  Shift+arrows matrices  "
		         "PgUp/PgDn output  Ctrl-D quits");
	else
		snprintf(msg, sizeof msg, "Tab completes  F2-F5 views  PgUp/PgDn scroll  Ctrl-D quits");
	lr_screen_put_rule(&tui.scr, msg, tui.back != 0 || tui.live != NULL);
}

void tui_draw_output(void)
{
	size_t rows = lr_sb_rows(&tui.sb, tui.scr.cols), max;

	max = rows > (size_t)tui.scr.out_h ? rows - (size_t)tui.scr.out_h : 0;
	if (tui.back > max)
		tui.back = max;
	lr_sb_draw(&tui.sb, &tui.scr.out_grid, tui.back);
	lr_screen_put_output(&tui.scr);
}

/* Readline's tui_redisplay: the prompt and the line in the input window. */
void tui_redisplay(void)
{
	if (tui.busy)
		lr_screen_put_input(&tui.scr, "", "", 0);
	else
		lr_screen_put_input(&tui.scr, rl_display_prompt ? rl_display_prompt : "",
		                    rl_line_buffer ? rl_line_buffer : "", (size_t)rl_point);
	lr_screen_update(&tui.scr);
}

void tui_draw_all(void)
{
	tui_draw_panel();
	tui_draw_rule();
	tui_draw_output();
	tui_redisplay();
}

void tui_relayout(void)
{
	lr_screen_layout(&tui.scr);
	rl_set_screen_size(1, tui.scr.cols);
	lr_session_set_width(tui.s, tui.scr.cols > 20 ? tui.scr.cols - 1 : 20);
	tui_draw_all();
}
