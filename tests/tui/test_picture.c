/* Tests of the picture mode of the Matrices view (view_image.c) and of the
 * drawing of pictures into grids (render/image.c): goldens of the view at
 * 80×24 and 200×60 in each colour mode, holding the cells as text and,
 * below them, every pixel cell's two colours (fg and bg as hex: gray levels
 * in 24-bit mode, xterm indices in 256-colour mode); the rank-one updates
 * against the product they replace; the resampling's averages.
 * LR_UPDATE_GOLDEN=1 rewrites the goldens (golden/picture_*.txt). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "image.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "parser.h"
#include "session_open.h"
#include "views.h"

#include "view_fixture.h"

/* The grid as text, then the colours of its pixel cells. */
static void dump(const struct lr_grid *g, struct lr_buf *b)
{
	lr_grid_to_text(g, b);
	lr_buf_puts(b, "-- colours: fg bg of each cell in hex (.. .. where not pixels) --\n");
	for (int y = 0; y < g->h; y++) {
		int any = 0;
		for (int x = 0; x < g->w; x++)
			any |= g->cells[y * g->w + x].style == LR_STY_PIX_GRAY ||
			       g->cells[y * g->w + x].style == LR_STY_PIX_256;
		if (!any)
			continue;
		lr_buf_printf(b, "%2d:", y);
		for (int x = 0; x < g->w; x++) {
			const struct lr_cell *c = &g->cells[y * g->w + x];
			if (c->style == LR_STY_PIX_GRAY || c->style == LR_STY_PIX_256)
				lr_buf_printf(b, "%02x%02x", c->fg, c->bg);
			else
				lr_buf_puts(b, "....");
		}
		lr_buf_putc(b, '\n');
	}
}

/* The grid's pixels (dump) against golden/NAME.txt. */
static void golden(const char *name, const struct lr_grid *g)
{
	struct lr_buf b;

	lr_buf_init(&b);
	dump(g, &b);
	CHECK(!b.failed && b.data);
	if (b.data)
		check_golden(name, b.data);
	lr_buf_finish(&b);
}

#define PHOTO "I = imread('../../lessons/data/ascent.png');\n"

/* *p: the Matrices view of s's last SVD at rank k, in the picture mode
 * *pic (on; the caller's to finish). */
static void picture_panel(struct lr_panel *p, struct lr_picture *pic, struct lr_session *s,
                          size_t k)
{
	lr_picture_init(pic);
	pic->on = 1;
	memset(p, 0, sizeof *p);
	p->view = LR_VIEW_MATRICES;
	p->svd = lr_session_last_svd(s);
	p->k = k;
	p->picture = pic;
}

/* The picture mode after script, at rank k, w×h cells, in mode. */
static void picture_case(const char *name, const char *script, size_t k,
                         enum lr_colour_mode mode, int ascii, int w, int h)
{
	struct lr_session *s = session_of(script);
	struct lr_picture pic;
	struct lr_panel p;
	struct lr_grid g;

	picture_panel(&p, &pic, s, k);
	pic.mode = mode;
	pic.shown = lr_session_image(s, &pic.lo, &pic.hi, &pic.shown_name);
	pic.source = strstr(script, "imshow") ? LR_PIC_SHOWN : LR_PIC_SVD;
	p.focus = LR_FOCUS_SVD;
	p.ascii = ascii;
	p.live_floor = NAN;
	CHECK(lr_grid_init(&g, w, h) == 0);
	lr_panel_draw(&g, &p);
	golden(name, &g);
	lr_grid_finish(&g);
	lr_picture_finish(&pic);
	lr_session_destroy(s);
}

#define SVD_CASE(fn, mode, ascii, w, h) \
	static void fn(void) { picture_case(#fn, PHOTO "explore I 5\n", 5, mode, ascii, w, h); }
SVD_CASE(picture_true_80x24, LR_COLOUR_TRUE, 0, 80, 24)
SVD_CASE(picture_true_200x60, LR_COLOUR_TRUE, 0, 200, 60)
SVD_CASE(picture_256_80x24, LR_COLOUR_256, 0, 80, 24)
SVD_CASE(picture_256_200x60, LR_COLOUR_256, 0, 200, 60)
SVD_CASE(picture_shade_80x24, LR_COLOUR_SHADE, 0, 80, 24)
SVD_CASE(picture_shade_200x60, LR_COLOUR_SHADE, 1, 200, 60)

static void picture_shown_256_80x24(void)
{
	picture_case(__func__, "G = (0:15)' * ones(1, 40) * 16;\nimshow(G)\n", 0, LR_COLOUR_256,
	             0, 80, 24);
}

static void picture_none_80x24(void)
{
	picture_case(__func__, "A = 1;\n", 0, LR_COLOUR_256, 0, 80, 24);
}

/* A rank-exact picture: the residual is rounding, drawn as an even gray
 * and said so, not magnified into noise. */
static void picture_exact_rank(void)
{
	struct lr_session *s = session_of("A = (1:40)' * (1:48) / 8;\nsvd A 1\n");
	struct lr_picture pic;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;

	picture_panel(&p, &pic, s, 1);
	CHECK(lr_grid_init(&g, 120, 40) == 0);
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && strstr(b.data, "= 0 (rounding)"));
	for (int x = 81; x < 120; x++)   /* the residual's column: one gray everywhere */
		for (int y = 3; y < 30; y++) {
			const struct lr_cell *c = lr_grid_at(&g, x, y);
			CHECK(c->style != LR_STY_PIX_256 || (c->fg == c->bg && c->fg == 244));
		}
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_picture_finish(&pic);
	lr_session_destroy(s);
}

/* Stepping k by rank-one updates gives U_k S_k V_kᵀ, one update a step. */
static void rank_one_steps(void)
{
	struct lr_session *s = session_of("A = rand(30, 20);\nsvd A 20\n");
	const struct lr_svd_run *r = lr_session_last_svd(s);
	struct lr_picture pic;
	size_t ks[] = { 3, 4, 5, 4, 12, 11, 1, 20 };
	unsigned long steps = 0, want_steps[] = { 3, 1, 1, 1, 8, 1, 1, 19 };

	lr_picture_init(&pic);
	for (size_t t = 0; t < sizeof ks / sizeof ks[0]; t++) {
		size_t k = ks[t];
		double worst = 0;
		CHECK(lr_picture_sync(&pic, r, k) == 0);
		CHECK(pic.steps - steps == want_steps[t]);
		steps = pic.steps;
		for (size_t i = 0; i < 30; i++)
			for (size_t j = 0; j < 20; j++) {
				double v = 0;
				for (size_t l = 0; l < k; l++)
					v += r->svd.s[l] * LR_AT(r->svd.U, i, l) * LR_AT(r->svd.V, j, l);
				worst = fmax(worst, fabs(v - LR_AT(pic.Ak, i, j)));
			}
		CHECK(worst < 1e-12);
	}
	lr_picture_finish(&pic);
	lr_session_destroy(s);
}

static void gray_levels(void)
{
	CHECK(lr_image_gray256(0) == 16);
	CHECK(lr_image_gray256(3) == 16);
	CHECK(lr_image_gray256(5) == 232);
	CHECK(lr_image_gray256(128) == 244);
	CHECK(lr_image_gray256(238) == 255);
	CHECK(lr_image_gray256(247) == 231);
	CHECK(lr_image_gray256(255) == 231);
	CHECK(lr_image_level(0.5, 0, 1) == 128);
	CHECK(lr_image_level(300, 0, 255) == 255 && lr_image_level(-3, 0, 255) == 0);
	CHECK(lr_image_level(NAN, 0, 255) == 0);
	{
		struct lr_matrix *m = lr_mat_create(2, 2);
		double lo, hi;
		m->data[0] = 1;
		lr_image_scale(m, &lo, &hi);
		CHECK(lo == 0 && hi == 1);
		m->data[1] = 1.5;
		lr_image_scale(m, &lo, &hi);
		CHECK(lo == 0 && hi == 255);
		lr_mat_destroy(m);
	}
}

/* The fit keeps proportions (a cell is 1×2 pixels) and never enlarges. */
static void fit_sizes(void)
{
	struct lr_image_fit f = lr_image_fit(512, 512, 38, 19);
	CHECK(f.cols == 38 && f.rows == 19);
	f = lr_image_fit(512, 512, 200, 57);
	CHECK(f.cols == 114 && f.rows == 57);
	f = lr_image_fit(10, 40, 100, 100);
	CHECK(f.cols == 40 && f.rows == 5 && f.scale == 1);
	f = lr_image_fit(0, 4, 10, 10);
	CHECK(f.cols == 0 && f.rows == 0);
}

/* Each pixel is the area average of what it covers: 4×3 into 2 columns ×
 * 2 pixel rows (one cell row). */
static void area_average(void)
{
	double d[] = { 0, 30, 60, 90, 120, 150, 180, 210, 240, 255, 255, 255 };
	struct lr_matrix *m = lr_mat_from(4, 3, d);
	struct lr_image_fit f = { 2, 1, 1.5 };
	struct lr_grid g;

	lr_grid_init(&g, 2, 1);
	CHECK(lr_image_draw(&g, 0, 0, &f, m, 0, 255, LR_COLOUR_TRUE) == 0);
	/* upper pixel, left: rows 0-1, columns 0-1.5: (0 + 30/2 + 90 + 120/2) / 3 = 55 */
	CHECK(g.cells[0].fg == 55);
	/* upper right: (30/2 + 60 + 120/2 + 150) / 3 = 95 */
	CHECK(g.cells[1].fg == 95);
	/* lower left: (180 + 210/2 + 255 + 255/2) / 3 = 222.5 -> 223 */
	CHECK(g.cells[0].bg == 223);
	m->data[4] = NAN;   /* left out of the averages */
	CHECK(lr_image_draw(&g, 0, 0, &f, m, 0, 255, LR_COLOUR_TRUE) == 0);
	CHECK(g.cells[0].fg == 42);    /* (0 + 30/2 + 90) / 2.5 */
	lr_grid_finish(&g);
	lr_mat_destroy(m);
}

/* A picture with no mask and no NaN takes the fast row pass (four rows
 * at a time, no test per entry); the same picture with a mask that hides
 * nothing takes the careful one. They must draw the same cells, at every
 * size (rows not a multiple of four, one column per cell, enlarged rows),
 * and a NaN or an infinity must send the fast one the careful way. */
static void plain_rows_same(void)
{
	static const size_t shapes[][2] = { { 512, 512 }, { 37, 53 }, { 7, 5 }, { 3, 200 },
	                                    { 1, 1 }, { 66, 65 } };
	static const int grids[][2] = { { 65, 33 }, { 20, 7 }, { 5, 3 }, { 1, 1 } };
	unsigned long x = 12345;

	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		size_t h = shapes[i][0], w = shapes[i][1];
		struct lr_matrix *A = lr_mat_create(h, w), *B = lr_mat_create(h, w);
		struct lr_matrix *M = lr_mat_create(h, w);
		for (size_t k = 0; k < h * w; k++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			A->data[k] = B->data[k] = (double)(x >> 11) / 9007199254740992.0 * 255;
			M->data[k] = 1;
		}
		CHECK(lr_mat_set_mask(B, M) == LR_OK);
		for (int round = 0; round < 2; round++) {
			if (round == 1) {      /* a NaN and an infinity: both the careful way */
				A->data[h * w / 2] = B->data[h * w / 2] = NAN;
				A->data[h * w - 1] = B->data[h * w - 1] = INFINITY;
			}
			for (size_t gi = 0; gi < sizeof grids / sizeof grids[0]; gi++) {
				struct lr_image_fit f = lr_image_fit(h, w, grids[gi][0], grids[gi][1]);
				struct lr_grid ga, gb;
				int same = 1;
				lr_grid_init(&ga, grids[gi][0], grids[gi][1]);
				lr_grid_init(&gb, grids[gi][0], grids[gi][1]);
				CHECK(lr_image_draw(&ga, 0, 0, &f, A, 0, 255, LR_COLOUR_TRUE) == 0);
				CHECK(lr_image_draw(&gb, 0, 0, &f, B, 0, 255, LR_COLOUR_TRUE) == 0);
				for (int c = 0; c < ga.w * ga.h; c++)
					same &= ga.cells[c].ch == gb.cells[c].ch &&
					        ga.cells[c].style == gb.cells[c].style &&
					        ga.cells[c].fg == gb.cells[c].fg && ga.cells[c].bg == gb.cells[c].bg;
				if (!same)
					fprintf(stderr, "%zux%zu in %dx%d cells, round %d: cells differ\n", h, w,
					        grids[gi][0], grids[gi][1], round);
				CHECK(same);
				lr_grid_finish(&ga);
				lr_grid_finish(&gb);
			}
		}
		lr_mat_destroy(A);
		lr_mat_destroy(B);
		lr_mat_destroy(M);
	}
}

/* Every panel size from 1×1 to 90×30 draws without writing outside the
 * grid (the sanitizers watch) and, from 40×8, shows all three captions. */
static void picture_all_sizes(void)
{
	struct lr_session *s = session_of("A = (1:30)' * (1:50) + 40 * eye(30, 50);\n"
	                                  "svd A 2\nimshow(A)\n");
	struct lr_picture pic;
	struct lr_panel p;

	picture_panel(&p, &pic, s, 2);
	for (int src = 0; src < 2; src++) {
		pic.source = src ? LR_PIC_SHOWN : LR_PIC_SVD;
		pic.shown = lr_session_image(s, &pic.lo, &pic.hi, &pic.shown_name);
		for (int w = 1; w <= 90; w++)
			for (int h = 1; h <= 30; h++) {
				struct lr_grid g;
				struct lr_buf b;
				CHECK(lr_grid_init(&g, w, h) == 0);
				lr_panel_draw(&g, &p);
				lr_buf_init(&b);
				lr_grid_to_text(&g, &b);
				if (!src && w >= 60 && h >= 8)
					CHECK(b.data && strstr(b.data, "A − A_2") &&
					      strstr(b.data, "A_2 = U·S·Vᵀ"));
				lr_buf_finish(&b);
				lr_grid_finish(&g);
			}
	}
	lr_picture_finish(&pic);
	lr_session_destroy(s);
}

/* An sgd of a picture read by imread: A, U·Vᵀ and the residual, the
 * epoch and the loss above them (what the terminal draws live). */
static void picture_sgd(void)
{
	struct lr_session *s = session_of(PHOTO "[U, V] = sgd(I, 3, 'epochs', 2, 'lr', 1e-6);\n");
	struct lr_picture pic;
	struct lr_panel p;
	struct lr_grid g;
	struct lr_buf b;
	int pixels = 0;

	lr_picture_init(&pic);
	pic.on = 1;
	pic.source = LR_PIC_SGD;
	memset(&p, 0, sizeof p);
	p.view = LR_VIEW_MATRICES;
	p.focus = LR_FOCUS_SGD;
	p.run = lr_session_last_run(s);
	p.picture = &pic;
	CHECK(p.run && lr_image_loaded(s, p.run->A));
	CHECK(lr_grid_init(&g, 120, 40) == 0);
	lr_panel_draw(&g, &p);
	lr_buf_init(&b);
	lr_grid_to_text(&g, &b);
	CHECK(b.data && strstr(b.data, "I as pictures: sgd k = 3, epoch 2 of 2, loss "));
	CHECK(b.data && strstr(b.data, " U·Vᵀ ") && strstr(b.data, " I − U·Vᵀ  ±"));
	for (int i = 0; i < g.w * g.h; i++)
		pixels += g.cells[i].style == LR_STY_PIX_256;
	CHECK(pixels > 3 * 30 * 15);
	lr_buf_finish(&b);
	lr_grid_finish(&g);
	lr_picture_finish(&pic);
	lr_session_destroy(s);
}

/* Hidden entries (a mask, or NaN): a pixel more than half hidden is drawn
 * in magenta (xterm 201) in both colour modes, '?' in shades; a pixel
 * less than half hidden averages what is observed. */
static void hidden_pixels(void)
{
	struct lr_matrix *A = lr_mat_create(4, 4), *M = lr_mat_create(4, 4);
	struct lr_image_fit one = { 4, 2, 1 }, half = { 2, 1, 2 };
	enum lr_colour_mode modes[] = { LR_COLOUR_TRUE, LR_COLOUR_256, LR_COLOUR_SHADE };
	struct lr_grid g;

	for (int i = 0; i < 16; i++) {
		A->data[i] = 200;
		M->data[i] = i != 0 && i != 1 && i != 4;   /* (1,1), (1,2), (2,1) hidden */
	}
	CHECK(lr_mat_set_mask(A, M) == LR_OK);
	lr_grid_init(&g, 4, 2);
	for (int m = 0; m < 3; m++) {
		CHECK(lr_image_draw(&g, 0, 0, &one, A, 0, 255, modes[m]) == 0);
		if (modes[m] == LR_COLOUR_SHADE) {
			CHECK(g.cells[0].ch == '?' && g.cells[1].ch == '?' && g.cells[2].ch != '?');
		} else {
			CHECK(g.cells[0].style == LR_STY_PIX_256 && g.cells[0].fg == LR_IMAGE_HIDDEN &&
			      g.cells[0].bg == LR_IMAGE_HIDDEN);
			CHECK(g.cells[1].style == LR_STY_PIX_256 && g.cells[1].fg == LR_IMAGE_HIDDEN &&
			      g.cells[1].bg == lr_image_gray256(200));
			CHECK(g.cells[2].style != LR_STY_PIX_256 || g.cells[2].fg != LR_IMAGE_HIDDEN);
		}
	}
	/* 2×2 pixels each: the top-left has 3 of 4 hidden, the top-right none */
	CHECK(lr_image_draw(&g, 0, 0, &half, A, 0, 255, LR_COLOUR_256) == 0);
	CHECK(g.cells[0].fg == LR_IMAGE_HIDDEN && g.cells[1].fg == lr_image_gray256(200));
	lr_grid_finish(&g);
	lr_mat_destroy(A);
	lr_mat_destroy(M);
}

SUBTEST_MAIN(T(hidden_pixels), T(picture_sgd), T(picture_all_sizes), T(picture_true_80x24), T(picture_true_200x60), T(picture_256_80x24),
             T(picture_256_200x60), T(picture_shade_80x24), T(picture_shade_200x60),
             T(picture_shown_256_80x24), T(picture_none_80x24), T(picture_exact_rank),
             T(rank_one_steps), T(gray_levels), T(fit_sizes), T(area_average), T(plain_rows_same))
