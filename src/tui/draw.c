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
double run_floor(const struct lr_run *run)
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

void panel_state(struct lr_panel *p, const struct lr_run **buf, size_t cap)
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

void draw_panel(void)
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
int can_scroll(void)
{
	return T.view == LR_VIEW_MATRICES && lr_screen_has_panel(&T.scr) &&
	       (T.scroll.max_row0 || T.scroll.max_col0);
}

void draw_rule(void)
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

void draw_output(void)
{
	size_t rows = lr_sb_rows(&T.sb, T.scr.cols), max;

	max = rows > (size_t)T.scr.out_h ? rows - (size_t)T.scr.out_h : 0;
	if (T.back > max)
		T.back = max;
	lr_sb_draw(&T.sb, &T.scr.out_grid, T.back);
	lr_screen_put_output(&T.scr);
}

/* Readline's redisplay: the prompt and the line in the input window. */
void redisplay(void)
{
	if (T.busy)
		lr_screen_put_input(&T.scr, "", "", 0);
	else
		lr_screen_put_input(&T.scr, rl_display_prompt ? rl_display_prompt : "",
		                    rl_line_buffer ? rl_line_buffer : "", (size_t)rl_point);
	lr_screen_update(&T.scr);
}

void draw_all(void)
{
	draw_panel();
	draw_rule();
	draw_output();
	redisplay();
}

void relayout(void)
{
	lr_screen_layout(&T.scr);
	rl_set_screen_size(1, T.scr.cols);
	lr_session_set_width(T.s, T.scr.cols > 20 ? T.scr.cols - 1 : 20);
	draw_all();
}
