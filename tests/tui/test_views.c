/* Tests of the panel's views and the scrollback: each view drawn into a grid
 * from a real session (no terminal) and compared with golden screens in
 * golden/NAME.txt at 80×24 and 120×40. LR_UPDATE_GOLDEN=1 rewrites them. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "parser.h"
#include "scrollback.h"
#include "session_open.h"
#include "views.h"
#include "demo_caption.h"

#include "view_fixture.h"

/* The grid's text against golden/NAME.txt. */
static void golden(const char *name, const struct lr_grid *g)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_grid_to_text(g, &b);
	CHECK(!b.failed && b.data);
	if (b.data)
		check_golden(name, b.data);
	lr_buf_finish(&b);
}

/* A fixed 6×5 matrix of rank about 2, so the goldens do not depend on rand. */
#define SETUP \
	"A = [4 2 0.5 1 3; 2 1 0.3 0.4 1.4; 1 3 2 0.2 0.9; 0.5 2.5 2 0.1 0.6; 3 3 1 0.8 2.4; " \
	"1.2 0.5 0.1 0.3 1]\n" \
	"sgd A 2 seed=7 epochs=300 lr=0.02\n"

static void panel_of(struct lr_panel *p, struct lr_session *s, enum lr_view v,
                     enum lr_focus f, const struct lr_run *const **runs)
{
	memset(p, 0, sizeof *p);
	p->view = v;
	p->focus = f;
	p->nruns = lr_session_runs(s, runs);
	p->runs = *runs;
	p->run = lr_session_last_run(s);
	p->svd = lr_session_last_svd(s);
	p->live_floor = NAN;
}

/* p drawn into a w×h grid, against golden/NAME.txt. */
static void draw_golden(const char *name, const struct lr_panel *p, int w, int h)
{
	struct lr_grid g;

	CHECK(lr_grid_init(&g, w, h) == 0);
	lr_panel_draw(&g, p);
	golden(name, &g);
	lr_grid_finish(&g);
}

static void view_case(const char *name, const char *script, enum lr_view v, enum lr_focus f,
                      size_t k, int ascii, int w, int h)
{
	struct lr_session *s = session_of(script);
	const struct lr_run *const *runs;
	struct lr_panel p;

	panel_of(&p, s, v, f, &runs);
	p.k = k;
	p.ascii = ascii;
	draw_golden(name, &p, w, h);
	lr_session_destroy(s);
}

#define SGD SETUP
#define SVD SETUP "svd A 2\n"
#define MASKED "B = [1 2 3; 2 4 6.1; 3 6 9; 4 8 12.2]\nmask B [1 1 0; 1 0 1; 1 1 1; 0 1 1]\n" \
	"sgd B 1 seed=3 epochs=200 lr=0.02\n"
#define TWO SETUP "sgd A 2 seed=8 epochs=300 lr=0.01\nsgd A 1 seed=9 epochs=300 lr=0.02\n"
#define BIG "limit updates 1e9\nC = reshape(1:2400, 40, 60) / 100\n" \
	"sgd C 3 seed=1 epochs=20 lr=0.0001\n"

/* A 30×30 matrix of rank 2 (A(i,j) = i + 30(j-1)) and its SVD: too large
 * for the Matrices view at 80×24, so it scrolls. */
#define BIG30 "C = reshape(1:900, 30, 30)\nsvd C 2\n"

/* A 250×200 matrix with σᵢ = 0.8^i (i = 1..40) whose SVD is computed by
 * subspace iteration: only σ1–σ3 are known, the rest is measured. */
#define PARTIAL "[X, ~, ~] = svd(randn(250, 40), 'econ');\n" \
	"[Y, ~, ~] = svd(randn(200, 40), 'econ');\n" \
	"P = X * diag(0.8 .^ (1:40)) * Y';\nsvd P 3 method=subspace;\n"

/* The Matrices view of BIG30 asked to start at row0, col0; *at gets where
 * it really stands; the golden is compared if name is not NULL. */
static void scrolled_case(const char *name, size_t row0, size_t col0, int w, int h,
                          struct lr_scroll *at, char **text)
{
	struct lr_session *s = session_of(BIG30);
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;

	panel_of(&p, s, LR_VIEW_MATRICES, LR_FOCUS_SVD, &runs);
	p.row0 = row0;
	p.col0 = col0;
	memset(at, 0x55, sizeof *at);    /* all of it must be written */
	p.scrolled = at;
	CHECK(lr_grid_init(&g, w, h) == 0);
	lr_panel_draw(&g, &p);
	if (name)
		golden(name, &g);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(!b.failed && b.data);
	*text = lr_buf_take(&b);
	lr_grid_finish(&g);
	lr_session_destroy(s);
}

/* Rows 11-, columns 6- of A, U and the reconstruction (U and Vᵀ keep their
 * k columns and rows); the note says where the view stands. */
static void matrices_scrolled_80x24(void)
{
	struct lr_scroll at;
	char *t;

	scrolled_case("matrices_scrolled_80x24", 10, 5, 80, 24, &at, &t);
	CHECK(at.row0 == 10 && at.col0 == 5);
	CHECK(t && strstr(t, "rows 11–") && strstr(t, "columns 6–") &&
	      strstr(t, "of 30 · Shift+arrows scroll"));
	CHECK(t && strstr(t, " 161.0 ") && !strstr(t, "  1.0 "));   /* A(11,6) = 161 */
	lr_free(t);
}

/* Far past the end: every matrix shows its last rows and columns. */
static void matrices_scrolled_end_80x24(void)
{
	struct lr_scroll at;
	char *t;

	scrolled_case("matrices_scrolled_end_80x24", 1000, 1000, 80, 24, &at, &t);
	CHECK(at.row0 == at.max_row0 && at.col0 == at.max_col0);
	CHECK(t && strstr(t, " 900.0 ") && strstr(t, "–30 of 30"));
	lr_free(t);
}

/* The offset drawn is clamped to what the matrices allow, and moving from
 * there (lr_scroll_move) stays within 0..max. */
static void scroll_clamped(void)
{
	struct lr_scroll at, at2, none;
	size_t r, c;
	char *t;

	scrolled_case(NULL, 0, 0, 80, 24, &at, &t);
	CHECK(at.row0 == 0 && at.col0 == 0);
	CHECK(at.max_row0 > 0 && at.max_row0 < 30 && at.max_col0 > 0 && at.max_col0 < 30);
	CHECK(at.page_rows > 1 && at.page_rows < 30 && at.page_cols > 1 && at.page_cols < 30);
	CHECK(t && strstr(t, "rows 1–") && !strstr(t, " 900.0 "));
	lr_free(t);
	/* asked for too much: stops where the last row and column show */
	scrolled_case(NULL, SIZE_MAX, 1000, 80, 24, &at2, &t);
	CHECK(at2.row0 == at.max_row0 && at2.col0 == at.max_col0);
	CHECK(at2.max_row0 == at.max_row0 && at2.max_col0 == at.max_col0);
	lr_free(t);
	/* moves */
	lr_scroll_move(&at, -1, -5, &r, &c);
	CHECK(r == 0 && c == 0);
	lr_scroll_move(&at, 1, 2, &r, &c);
	CHECK(r == 1 && c == 2);
	lr_scroll_move(&at, (long)at.page_rows, 0, &r, &c);
	CHECK(r == at.page_rows && c == 0);
	lr_scroll_move(&at, 1000, 1000, &r, &c);
	CHECK(r == at.max_row0 && c == at.max_col0);
	lr_scroll_move(&at2, 1, 1, &r, &c);
	CHECK(r == at.max_row0 && c == at.max_col0);
	lr_scroll_move(&at2, -(long)at2.row0, -(long)at2.col0, &r, &c);   /* Home */
	CHECK(r == 0 && c == 0);
	at2.row0 = at2.col0 = 500;      /* a stale place beyond the end */
	lr_scroll_move(&at2, -1, 0, &r, &c);
	CHECK(r == at.max_row0 - 1 && c == at.max_col0);
	/* everything fits: nothing moves, the note is not there */
	{
		struct lr_session *s = session_of(SVD);
		const struct lr_run *const *runs;
		struct lr_panel p;
		struct lr_grid g;
		struct lr_buf b;
		panel_of(&p, s, LR_VIEW_MATRICES, LR_FOCUS_SVD, &runs);
		p.row0 = p.col0 = 7;
		p.scrolled = &none;
		CHECK(lr_grid_init(&g, 120, 40) == 0);
		lr_panel_draw(&g, &p);
		CHECK(none.max_row0 == 0 && none.max_col0 == 0 && none.row0 == 0 && none.col0 == 0);
		lr_buf_init(&b);
		lr_grid_to_text(&g, &b);
		CHECK(b.data && !strstr(b.data, "Shift+arrows") && !strstr(b.data, "clipped"));
		lr_buf_finish(&b);
		lr_grid_finish(&g);
		lr_session_destroy(s);
		lr_scroll_move(&none, 3, 3, &r, &c);
		CHECK(r == 0 && c == 0);
	}
	/* tiny panels: never outside the grid (ASan), never past the end */
	for (int w = 1; w <= 90; w += 7)
		for (int h = 1; h <= 30; h += 3) {
			scrolled_case(NULL, SIZE_MAX, SIZE_MAX, w, h, &at2, &t);
			CHECK(at2.row0 <= 30 && at2.col0 <= 30 && at2.page_rows >= 1);
			lr_free(t);
		}
}

#define VIEW(fn, script, v, f, k, ascii, w, h) \
	static void fn(void) { view_case(#fn, script, v, f, k, ascii, w, h); }

VIEW(matrices_sgd_80x24, SGD, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(matrices_sgd_120x40, SGD, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 0, 120, 40)
VIEW(matrices_svd_80x24, SVD, LR_VIEW_MATRICES, LR_FOCUS_SVD, 0, 0, 80, 24)
VIEW(matrices_svd_k3_120x40, SVD, LR_VIEW_MATRICES, LR_FOCUS_SVD, 3, 0, 120, 40)
VIEW(matrices_masked_80x24, MASKED, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(matrices_big_80x24, BIG, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(matrices_ascii_80x24, SGD, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 1, 80, 24)
VIEW(matrices_empty_80x24, "", LR_VIEW_MATRICES, LR_FOCUS_NONE, 0, 0, 80, 24)
VIEW(loss_80x24, SGD, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(loss_120x40, SGD, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 120, 40)
VIEW(loss_two_runs_80x24, TWO, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(loss_masked_120x40, MASKED, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 120, 40)
/* two masked runs overlaid: each one's hidden-entry error is drawn too */
VIEW(loss_two_masked_80x24, MASKED "sgd B 1 seed=3 epochs=200 lr=0.01\n", LR_VIEW_LOSS,
     LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(loss_empty_80x24, "", LR_VIEW_LOSS, LR_FOCUS_NONE, 0, 0, 80, 24)
/* four masked runs (lesson 5 compares ranks so): the hidden-entry errors do
 * not fit the four patterns beside the losses, so they get a plot of their
 * own under them, and the Compare view's table of runs a column */
#define MASKED4 MASKED "sgd B 2 seed=3 epochs=200 lr=0.02\nsgd B 3 seed=3 epochs=200 lr=0.02\n" \
	"sgd B 1 seed=4 epochs=200 lr=0.01\n"
VIEW(loss_masked_four_80x24, MASKED4, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(loss_masked_four_200x60, MASKED4, LR_VIEW_LOSS, LR_FOCUS_SGD, 0, 0, 200, 60)
VIEW(compare_masked_runs_80x24, MASKED4, LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(compare_masked_runs_200x60, MASKED4, LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 200, 60)

/* A run diverging as the live view sees it: from epoch 251 its loss grows a
 * hundredfold an epoch, and is Inf at the last. Its curve is cut where it
 * passes 1000 times its first loss and the legend says so; the other run
 * keeps the axis (it was flattened along the floor by 1e98). */
static void diverging(const char *name, int w, int h)
{
	struct lr_session *s = session_of(SETUP "sgd A 2 seed=8 epochs=300 lr=0.03\n");
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;

	panel_of(&p, s, LR_VIEW_LOSS, LR_FOCUS_SGD, &runs);
	CHECK(p.nruns == 2);
	double *loss = runs[1]->res.loss;     /* the test's own session: written on purpose */
	for (int i = 250; i < 300; i++)
		loss[i] = loss[249] * pow(10, 2.0 * (i - 249));
	loss[299] = INFINITY;
	CHECK(lr_grid_init(&g, w, h) == 0);
	lr_panel_draw(&g, &p);
	golden(name, &g);
	/* alone, the run's title says where it diverged */
	p.runs = runs + 1;
	p.nruns = 1;
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && strstr(b.data, "SGD loss of A, k=2, lr 0.03: diverged at epoch 253"));
	CHECK(b.data && strstr(b.data, "1000 ┤") && !strstr(b.data, "1e+"));  /* no 1e98 axis */
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_session_destroy(s);
}

static void loss_diverging_80x24(void) { diverging("loss_diverging_80x24", 80, 24); }
static void loss_diverging_200x60(void) { diverging("loss_diverging_200x60", 200, 60); }
VIEW(spectrum_80x24, SVD, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 0, 80, 24)
VIEW(spectrum_120x40, SVD, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 0, 120, 40)
VIEW(spectrum_k1_80x24, SVD, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 1, 0, 80, 24)
VIEW(spectrum_ascii_80x24, SVD, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 1, 80, 24)
VIEW(spectrum_empty_80x24, "", LR_VIEW_SPECTRUM, LR_FOCUS_NONE, 0, 0, 80, 24)
VIEW(spectrum_partial_80x24, PARTIAL, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 0, 80, 24)
VIEW(spectrum_partial_k9_120x40, PARTIAL, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 9, 0, 120, 40)
VIEW(spectrum_partial_ascii_80x24, PARTIAL, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 2, 1, 80, 24)
/* σᵢ² overflow: the energy kept is still 55.48% (Octave, in units of σ₁²) */
#define HUGE_SVD "A = [1e308 1e307; 1e306 1e308]\nsvd A 1\n"
VIEW(spectrum_huge_80x24, HUGE_SVD, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 0, 80, 24)
VIEW(matrices_svd_huge_80x24, HUGE_SVD, LR_VIEW_MATRICES, LR_FOCUS_SVD, 0, 0, 80, 24)
VIEW(compare_partial_80x24, PARTIAL "sgd P 3 seed=1 epochs=5\n", LR_VIEW_COMPARE,
     LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(compare_80x24, SVD, LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(compare_120x40, TWO "svd A 1\n", LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 120, 40)
VIEW(compare_masked_80x24, MASKED, LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(compare_empty_80x24, "", LR_VIEW_COMPARE, LR_FOCUS_NONE, 0, 0, 80, 24)
/* Exactly rank 2 and rank 1: the left-out values and the errors are zero
 * to rounding, so they show as 0 on every CPU (lowrank/rounding.h). */
VIEW(spectrum_rank2_80x24, BIG30, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, 0, 0, 80, 24)
#define RANK1 "A = [1; 2; 3] * [1 2 3] / 4\nsgd A 1 epochs=3000 lr=0.05 seed=1\nsvd A 1\n"
VIEW(compare_rank1_80x24, RANK1, LR_VIEW_COMPARE, LR_FOCUS_SGD, 0, 0, 80, 24)
VIEW(matrices_rank1_80x24, RANK1, LR_VIEW_MATRICES, LR_FOCUS_SGD, 0, 0, 80, 24)

/* The Lesson view: the step's text as LR_EV_LESSON gives it. */
#define STEP_TEXT "Lesson 3: Gradient descent (step 4 of 11) ==\n\n" \
	"The learning rate: predict\n" \
	"The learning rate lr scales every step. Too small and the loss falls slowly;\n" \
	"too large and each step overshoots, the loss grows and becomes NaN.\n" \
	"\n" \
	"Predict: with lr=0.3 on this A, will the loss after 50 epochs be smaller\n" \
	"or larger than with lr=0.02? Type 'next' to see.\n"
#define EXERCISE_TEXT "Lesson 1: Matrices and the language (exercise, step 9 of 9) ==\n\n" \
	"Your turn\n" \
	"Make B the 3×2 matrix whose columns are the rows of A (without typing\n" \
	"any numbers), then p the product of A and B, in that order.\n"

static void lesson_case(const char *name, const char *text, int ascii, int w, int h)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;

	panel_of(&p, s, LR_VIEW_LESSON, LR_FOCUS_SVD, &runs);
	p.lesson = text;
	p.ascii = ascii;
	draw_golden(name, &p, w, h);
	lr_session_destroy(s);
}

/* The panel an 80×24 and a 200×60 terminal give a step: the rows its text
 * needs (lr_panel_rows_wanted), no more; the output gets the rest. */
static void lesson_fitted(const char *name, const char *text, int w, int rows)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;
	int want;

	panel_of(&p, s, LR_VIEW_LESSON, LR_FOCUS_SVD, &runs);
	p.lesson = text;
	want = lr_panel_rows_wanted(&p, w, rows * 3 / 5);
	CHECK(want >= LR_PANEL_MIN_LESSON_ROWS && want < rows * 3 / 5);
	CHECK(lr_grid_init(&g, w, want) == 0);
	lr_panel_draw(&g, &p);
	golden(name, &g);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && !strstr(b.data, "whole text is in the output"));
	CHECK(b.data && strstr(b.data, "Type 'next' to see."));
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_session_destroy(s);
}

static void lesson_fitted_80x24(void) { lesson_fitted("lesson_fitted_80x24", STEP_TEXT, 80, 24); }
static void lesson_fitted_200x60(void)
{
	lesson_fitted("lesson_fitted_200x60", STEP_TEXT, 200, 60);
}

/* The rows wanted: none for another view; the least that shows the text
 * (one fewer cuts it); all there is for a text too long. */
static void lesson_rows_wanted(void)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b, lb;
	int want;

	panel_of(&p, s, LR_VIEW_LOSS, LR_FOCUS_SVD, &runs);
	p.lesson = STEP_TEXT;
	CHECK(lr_panel_rows_wanted(&p, 80, 14) == 0);
	p.view = LR_VIEW_LESSON;
	want = lr_panel_rows_wanted(&p, 80, 14);
	/* tab line, title bar, blank, heading, 2 + 1 + 2 text lines, blank, keys */
	CHECK(want == 11);
	CHECK(lr_grid_init(&g, 80, want - 1) == 0);
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && !strstr(b.data, "Type 'next' to see."));
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_buf_init(&lb);
	lr_buf_puts(&lb, "Lesson 9: Long (step 1 of 2) ==\n\nHeading\n");
	for (int i = 0; i < 40; i++)
		lr_buf_puts(&lb, "A line of the text.\n\n");
	p.lesson = lb.data;
	CHECK(lr_panel_rows_wanted(&p, 80, 14) == 14);
	CHECK(lr_panel_rows_wanted(&p, 80, 5) == 5);
	lr_buf_finish(&lb);
	lr_session_destroy(s);
}

/* --demo's captions of a lesson file: what lies between two statements. */
static void caption_is(const char *src, const char *want, int flags)
{
	struct lr_buf b;
	int f;

	lr_buf_init(&b);
	f = lr_demo_caption(src, 0, strlen(src), &b);
	if (strcmp(b.data ? b.data : "", want))
		fprintf(stderr, "caption of:\n%s\ngot:\n%s\n", src, b.data ? b.data : "");
	CHECK(!b.failed && !strcmp(b.data ? b.data : "", want));
	CHECK(f == flags);
	lr_buf_finish(&b);
}

static void demo_captions(void)
{
	caption_is("#: title Masked factorisation\n% Lesson 5: an author's note\n\n"
	           "#: step Hidden entries\n# Often some entries of A are unknown.\n#\n"
	           "# A mask M says which.\n",
	           "== Masked factorisation ==\n-- Hidden entries --\n"
	           "Often some entries of A are unknown.\n\nA mask M says which.\n", 0);
	/* a step without a statement (predict) before the next one: a pause */
	caption_is("# Far below.\n\n#: step Masked SGD: predict\n# Predict: can it?\n\n"
	           "#: step Masked SGD: see\n",
	           "Far below.\n-- Masked SGD: predict --\nPredict: can it?\n"
	           "-- Masked SGD: see --\n", LR_DEMO_PAUSE);
	/* an exercise: hints, checks and messages left out; its answer pauses */
	caption_is("  #: exercise Complete the table\r\n# Factorise R.\n#: hint Which rank?\n"
	           "#: expect x < 1\n#: message \"%.3g\", x\n#: answer\n",
	           "-- exercise: Complete the table --\nFactorise R.\n", LR_DEMO_PAUSE);
	caption_is("", "", 0);
	static const char *const yes = "A = 1\n  #: title T\n",
	                         *const no1 = "# a demo\n#: step a directive\nx = 1\n",
	                         *const no2 = "#: titles\n";
	CHECK(lr_demo_is_lesson(yes, strlen(yes)));
	CHECK(!lr_demo_is_lesson(no1, strlen(no1)));
	CHECK(!lr_demo_is_lesson(no2, strlen(no2)));
}

static void lesson_80x24(void) { lesson_case("lesson_80x24", STEP_TEXT, 0, 80, 24); }
static void lesson_120x40(void) { lesson_case("lesson_120x40", EXERCISE_TEXT, 0, 120, 40); }
/* the panel of an 80×24 terminal, and a narrow one: wrapped, then cut */
static void lesson_panel_80x14(void) { lesson_case("lesson_panel_80x14", STEP_TEXT, 0, 80, 14); }
static void lesson_narrow_60x10(void) { lesson_case("lesson_narrow_60x10", STEP_TEXT, 1, 60, 10); }
static void lesson_none_80x24(void) { lesson_case("lesson_none_80x24", NULL, 0, 80, 24); }
/* indented lines keep their spaces (lesson 3's update rule with aligned
 * comments); one too long for the width is wrapped as before */
static void lesson_indented_80x24(void)
{
	lesson_case("lesson_indented_80x24",
	            "Lesson 3: Gradient-based factorisation (step 2 of 8) ==\n\n"
	            "Stochastic gradient descent\n"
	            "SGD visits the entries of A one at a time. For entry (r, c):\n"
	            "  e = A(r,c) - U(r,:)*V(c,:)'     the error on that entry\n"
	            "  U(r,:) = U(r,:) + lr*e*V(c,:)   a small step that shrinks it\n"
	            "  V(c,:) = V(c,:) + lr*e*U(r,:)\n"
	            "One pass over every entry is an epoch.\n"
	            "    an indented line much too long for the panel of an 80-column terminal, "
	            "so   it   wraps\n", 0, 80, 24);
}

/* The Lesson tab shows only while a lesson is played. */
static void lesson_tab(void)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;

	panel_of(&p, s, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, &runs);
	CHECK(lr_grid_init(&g, 100, 20) == 0);
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && !strstr(b.data, "F6 Lesson"));
	lr_buf_finish(&b);
	p.lesson = STEP_TEXT;
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && strstr(b.data, " F6 Lesson "));
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_session_destroy(s);
}

/* The exercise's keys offer skip, except on an exercise that cannot be
 * skipped (its heading says ", no skip"); a step's keys never do. */
static int lesson_keys_have_w(const char *text, const char *want, int w)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;
	int has;

	panel_of(&p, s, LR_VIEW_LESSON, LR_FOCUS_SVD, &runs);
	p.lesson = text;
	CHECK(lr_grid_init(&g, w, 20) == 0);
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	has = b.data && strstr(b.data, want) != NULL;
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_session_destroy(s);
	return has;
}

static int lesson_keys_have(const char *text, const char *want)
{
	return lesson_keys_have_w(text, want, 100);
}

static void lesson_noskip(void)
{
	static const char *const noskip = "Lesson 8: Eigenvalues (exercise, step 3 of 12, no skip) "
	                                  "==\n\nPower iteration\nWrite the loop.\n";
	static const char *const longer = "Lesson 8: Eigenvalues: power iteration and eig "
	                                  "(exercise, step 3 of 12, no skip) ==\n\nPower\n";

	/* at 80 columns the long title gives way to the place */
	CHECK(lesson_keys_have_w(longer, " Lesson 8: Eigenvalues: power iteration and …   exercise, "
	                         "step 3 of 12, no skip\n", 80));
	CHECK(lesson_keys_have_w(longer, " Lesson 8: Eigenvalues: power iteration and eig   "
	                         "exercise, step 3 of 12, no skip\n", 82));
	CHECK(lesson_keys_have_w(longer, " Lesson 8: Eigenvalues: power iteration and eig    "
	                         "exercise, step 3 of 12, no skip\n", 83));

	CHECK(lesson_keys_have(EXERCISE_TEXT, "skip: go on"));
	CHECK(lesson_keys_have(noskip, "reveal: the answer"));
	CHECK(!lesson_keys_have(noskip, "skip: go on"));
	CHECK(lesson_keys_have(noskip, "exercise, step 3 of 12, no skip"));
	CHECK(!lesson_keys_have(STEP_TEXT, "skip: go on"));
}

/* The explorer's rank is clamped to 1..p. */
static void rank_clamped(void)
{
	struct lr_session *s = session_of(SVD);
	const struct lr_run *const *runs;
	struct lr_panel p;

	panel_of(&p, s, LR_VIEW_SPECTRUM, LR_FOCUS_SVD, &runs);
	CHECK(lr_panel_rank(&p) == 2);
	p.k = 99;
	CHECK(lr_panel_rank(&p) == 5);
	p.k = 1;
	CHECK(lr_panel_rank(&p) == 1);
	p.svd = NULL;
	CHECK(lr_panel_rank(&p) == 0);
	lr_session_destroy(s);
}

static void view_names(void)
{
	for (int v = 0; v < LR_VIEW_COUNT; v++)
		CHECK(lr_view_parse(lr_view_name((enum lr_view)v)) == v);
	CHECK(lr_view_parse("nope") == -1);
}

/* Every view fits every size without writing outside (ASan checks) and
 * names the active view on the tab line. */
static void all_sizes(void)
{
	static const char *const title[] = { "[F2 ", "[F3 Loss]", "[F4 ", "[F5 ",
	                                     "[F6 Lesson]" };
	struct lr_session *s = session_of(SVD "sgd A 1 epochs=5\n");
	const struct lr_run *const *runs;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;

	for (int v = 0; v < LR_VIEW_COUNT; v++)
		for (int w = 1; w <= 210; w += 13)
			for (int h = 1; h <= 64; h += 7) {
				panel_of(&p, s, (enum lr_view)v, LR_FOCUS_SVD, &runs);
				p.lesson = STEP_TEXT;
				CHECK(lr_grid_init(&g, w, h) == 0);
				lr_panel_draw(&g, &p);
				if (w >= 60) {
					lr_buf_init(&b);
					lr_grid_to_text(&g, &b);
					if (!b.data || !strstr(b.data, title[v]))
						fprintf(stderr, "view %d at %dx%d: no %s\n", v, w, h, title[v]);
					CHECK(b.data && strstr(b.data, title[v]));
					lr_buf_finish(&b);
				}
				lr_grid_finish(&g);
			}
	lr_session_destroy(s);
}

/* ---- scrollback ---- */

static char *sb_text(const struct lr_scrollback *sb, int w, int h, size_t back)
{
	struct lr_grid g;
	struct lr_buf b;

	lr_grid_init(&g, w, h);
	lr_sb_draw(sb, &g, back);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	lr_grid_finish(&g);
	return lr_buf_take(&b);
}

static void sb_wrap_and_scroll(void)
{
	struct lr_scrollback sb;
	char *t;

	lr_sb_init(&sb);
	lr_sb_write(&sb, "one\ntwo\nthree is long\n", 22, LR_SB_NORMAL);
	lr_sb_write(&sb, "fo", 2, LR_SB_NORMAL);
	lr_sb_write(&sb, "ur", 2, LR_SB_NORMAL);
	CHECK(lr_sb_rows(&sb, 8) == 5);       /* "three is long" takes two rows */
	t = sb_text(&sb, 8, 3, 0);
	CHECK(!strcmp(t, "three is\n long\nfour\n"));
	lr_free(t);
	t = sb_text(&sb, 8, 3, 2);
	CHECK(!strcmp(t, "one\ntwo\nthree is\n"));
	lr_free(t);
	lr_sb_finish(&sb);
}

static void sb_tabs_utf8(void)
{
	struct lr_scrollback sb;
	char *t;

	lr_sb_init(&sb);
	lr_sb_write(&sb, "a\tb\n", 4, LR_SB_NORMAL);
	lr_sb_write(&sb, "σ₁ ≥ σ₂\n", strlen("σ₁ ≥ σ₂\n"), LR_SB_NORMAL);
	t = sb_text(&sb, 20, 2, 0);
	CHECK(!strcmp(t, "a       b\nσ₁ ≥ σ₂\n"));
	lr_free(t);
	lr_sb_finish(&sb);
}

static void sb_keeps_the_last(void)
{
	struct lr_scrollback sb;
	char line[32], *t;

	lr_sb_init(&sb);
	for (int i = 0; i < LR_SB_MAX_LINES + 10; i++) {
		int n = snprintf(line, sizeof line, "%d\n", i);
		lr_sb_write(&sb, line, (size_t)n, LR_SB_NORMAL);
	}
	CHECK(sb.n == LR_SB_MAX_LINES);
	CHECK(lr_sb_rows(&sb, 10) == LR_SB_MAX_LINES);
	t = sb_text(&sb, 10, 1, 0);
	snprintf(line, sizeof line, "%d\n", LR_SB_MAX_LINES + 9);
	CHECK(!strcmp(t, line));
	lr_free(t);
	lr_sb_finish(&sb);
}

SUBTEST_MAIN(
	T(matrices_sgd_80x24), T(matrices_sgd_120x40), T(matrices_svd_80x24),
	T(matrices_svd_k3_120x40), T(matrices_masked_80x24), T(matrices_big_80x24),
	T(matrices_scrolled_80x24), T(matrices_scrolled_end_80x24), T(scroll_clamped),
	T(matrices_ascii_80x24), T(matrices_empty_80x24),
	T(loss_80x24), T(loss_120x40), T(loss_two_runs_80x24), T(loss_masked_120x40),
	T(loss_empty_80x24), T(loss_two_masked_80x24),
	T(loss_masked_four_80x24), T(loss_masked_four_200x60), T(compare_masked_runs_80x24),
	T(compare_masked_runs_200x60), T(loss_diverging_80x24), T(loss_diverging_200x60),
	T(spectrum_80x24), T(spectrum_120x40), T(spectrum_k1_80x24), T(spectrum_ascii_80x24),
	T(spectrum_empty_80x24), T(spectrum_partial_80x24), T(spectrum_partial_k9_120x40),
	T(spectrum_partial_ascii_80x24), T(compare_partial_80x24),
	T(spectrum_huge_80x24), T(matrices_svd_huge_80x24),
	T(compare_80x24), T(spectrum_rank2_80x24), T(compare_rank1_80x24), T(matrices_rank1_80x24), T(compare_120x40), T(compare_masked_80x24), T(compare_empty_80x24),
	T(lesson_80x24), T(lesson_120x40), T(lesson_fitted_80x24), T(lesson_fitted_200x60),
	T(lesson_rows_wanted), T(demo_captions), T(lesson_panel_80x14), T(lesson_narrow_60x10),
	T(lesson_none_80x24), T(lesson_indented_80x24), T(lesson_tab), T(lesson_noskip),
	T(rank_clamped), T(view_names), T(all_sizes),
	T(sb_wrap_and_scroll), T(sb_tabs_utf8), T(sb_keeps_the_last))
