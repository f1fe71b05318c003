/* Tests of the plots: golden drawings compared exactly, and properties that
 * hold for any data and any grid size.
 *
 * Golden drawings are tests/render/golden/NAME.txt, read relative to the
 * working directory (meson runs the tests in tests/render). To accept a
 * changed drawing, rerun with LR_UPDATE_GOLDEN=1 in the environment, e.g.
 *     LR_UPDATE_GOLDEN=1 meson test -C build --suite plot
 * then LOOK at every changed file (git diff) before committing it. */
#include "check.h"

#include <stdint.h>

#include "grid.h"
#include "plot.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"

enum { EPOCHS = 1000 };

/* ------------------------------------------------------------ helpers */

static char *text_of(const struct lr_grid *g)
{
	struct lr_buf b;
	lr_buf_init(&b);
	lr_grid_to_text(g, &b);
	CHECK(!b.failed);
	return b.data ? lr_buf_take(&b) : lr_strdup("");
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct lr_buf b;
	lr_buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lr_buf_add(&b, chunk, n);
	fclose(f);
	return b.data ? lr_buf_take(&b) : lr_strdup("");
}

/* Compares the grid with golden/NAME.txt, or rewrites the file when
 * LR_UPDATE_GOLDEN=1. On a mismatch prints the first differing line and the
 * whole drawing. */
static void golden(const char *name, const struct lr_grid *g)
{
	char path[256];
	snprintf(path, sizeof path, "golden/%s.txt", name);
	char *got = text_of(g);
	const char *update = getenv("LR_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		CHECK(f != NULL);
		if (f) {
			CHECK(fputs(got, f) >= 0);
			CHECK(fclose(f) == 0);
		}
		lr_free(got);
		return;
	}
	char *want = read_file(path);
	if (!want)
		fprintf(stderr, "%s: cannot read (run with LR_UPDATE_GOLDEN=1 to create it)\n", path);
	CHECK(want != NULL);
	if (want && strcmp(want, got) != 0) {
		int line = 1;
		for (size_t i = 0; want[i] && want[i] == got[i]; i++)
			line += want[i] == '\n';
		fprintf(stderr, "%s: differs from line %d; got:\n%s", path, line, got);
		CHECK(strcmp(want, got) == 0);
	}
	lr_free(want);
	lr_free(got);
}

static int is_braille(uint32_t ch)
{
	return ch >= 0x2800 && ch <= 0x28FF;
}

static int popcount8(unsigned v)
{
	int n = 0;
	for (; v; v >>= 1)
		n += v & 1;
	return n;
}

static int count_ch(const struct lr_grid *g, uint32_t ch)
{
	int n = 0;
	for (int i = 0; i < g->w * g->h; i++)
		n += g->cells[i].ch == ch;
	return n;
}

static int dots_total(const struct lr_grid *g)
{
	int n = 0;
	for (int i = 0; i < g->w * g->h; i++)
		if (is_braille(g->cells[i].ch))
			n += popcount8(g->cells[i].ch - 0x2800);
	return n;
}

/* The corner of the axes ('└'); 0 when there is none. */
static int find_corner(const struct lr_grid *g, int *ax, int *ay)
{
	*ax = *ay = 0;
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++)
			if (lr_grid_at(g, x, y)->ch == 0x2514) {
				*ax = x;
				*ay = y;
				return 1;
			}
	return 0;
}

/* The y label on row y (the text left of the axis), trimmed, in out. */
static void y_label(const struct lr_grid *g, int ax, int y, char *out, size_t size)
{
	size_t n = 0;
	for (int x = 0; x < ax && n + 1 < size; x++) {
		uint32_t ch = lr_grid_at(g, x, y)->ch;
		if (ch != ' ')
			out[n++] = (char)ch;
	}
	out[n] = 0;
}

/* 1 if some row left of the axis reads exactly label. */
static int has_y_label(const struct lr_grid *g, const char *label)
{
	int ax, ay;
	if (!find_corner(g, &ax, &ay))
		return 0;
	for (int y = 0; y < ay; y++) {
		char s[64];
		y_label(g, ax, y, s, sizeof s);
		if (strcmp(s, label) == 0)
			return 1;
	}
	return 0;
}

static int count_y_labels(const struct lr_grid *g)
{
	int ax, ay, n = 0;
	if (!find_corner(g, &ax, &ay))
		return 0;
	for (int y = 0; y < ay; y++) {
		char s[64];
		y_label(g, ax, y, s, sizeof s);
		n += s[0] != 0;
	}
	return n;
}

static int text_has(const struct lr_grid *g, const char *needle)
{
	char *s = text_of(g);
	int found = strstr(s, needle) != NULL;
	lr_free(s);
	return found;
}

/* ------------------------------------------------------------ data */

/* A notebook-like loss: SGD on the 3×3 example approaching the rank-2
 * Eckart–Young bound 0.1219. */
static double loss_y[EPOCHS], hidden_y[EPOCHS];

static void make_data(void)
{
	for (int i = 0; i < EPOCHS; i++) {
		loss_y[i] = 0.1219 + 3 * exp(-i / 80.0);
		/* the error on hidden entries: falls, then rises (overfitting) */
		hidden_y[i] = 0.3 + 2.5 * exp(-i / 150.0) + 0.0004 * i;
	}
}

static const struct lr_plot_opts loss_opts = {
	.title = "SGD loss, k=2", .logy = 1, .floor = 0.1219,
	.floor_label = "SVD bound 0.1219", .xlabel = "epoch"
};

static void draw_loss(struct lr_grid *g, int ascii)
{
	make_data();
	struct lr_series s = { "training loss", loss_y, EPOCHS };
	struct lr_plot_opts o = loss_opts;
	o.ascii = ascii;
	lr_plot_lines(g, &s, 1, &o);
}

static void draw_two(struct lr_grid *g, int ascii)
{
	make_data();
	struct lr_series s[2] = {
		{ "observed entries", loss_y, EPOCHS }, { "hidden entries", hidden_y, EPOCHS }
	};
	struct lr_plot_opts o = loss_opts;
	o.ascii = ascii;
	o.title = "Completion: observed vs hidden error, k=2";
	lr_plot_lines(g, s, 2, &o);
}

static const double sigma3[] = { 5.3339, 0.6959, 0.3492 };

static void draw_spectrum3(struct lr_grid *g, int ascii)
{
	lr_plot_spectrum(g, sigma3, 3, 2, ascii);
}

static double sigma40[40];

static void draw_spectrum40(struct lr_grid *g, int ascii)
{
	for (int i = 0; i < 40; i++)
		sigma40[i] = 10 * exp(-i / 6.0) + 0.02 * (40 - i) / 40;
	lr_plot_spectrum(g, sigma40, 40, 10, ascii);
}

/* ------------------------------------------------------------ golden */

static void golden_case(const char *name, int w, int h,
                        void (*draw)(struct lr_grid *, int), int ascii)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, w, h) == 0);
	draw(&g, ascii);
	golden(name, &g);
	lr_grid_finish(&g);
}

/* The golden file is the test's name without "golden_" (7 characters);
 * indexed, as clang's -Wstring-plus-int refuses #fn + 7. */
#define GOLDEN(fn, w, h, draw, ascii) \
	static void fn(void) { golden_case(&(#fn)[7], w, h, draw, ascii); }

GOLDEN(golden_loss_80x24, 80, 24, draw_loss, 0)
GOLDEN(golden_loss_120x40, 120, 40, draw_loss, 0)
GOLDEN(golden_two_80x24, 80, 24, draw_two, 0)
GOLDEN(golden_two_120x40, 120, 40, draw_two, 0)
GOLDEN(golden_ascii_80x24, 80, 24, draw_loss, 1)
GOLDEN(golden_ascii_120x40, 120, 40, draw_loss, 1)
GOLDEN(golden_two_ascii_80x24, 80, 24, draw_two, 1)
GOLDEN(golden_spectrum3_80x24, 80, 24, draw_spectrum3, 0)
GOLDEN(golden_spectrum3_120x40, 120, 40, draw_spectrum3, 0)
GOLDEN(golden_spectrum3_ascii_80x24, 80, 24, draw_spectrum3, 1)
GOLDEN(golden_spectrum40_80x24, 80, 24, draw_spectrum40, 0)
GOLDEN(golden_spectrum40_120x40, 120, 40, draw_spectrum40, 0)
GOLDEN(golden_spectrum40_ascii_80x24, 80, 24, draw_spectrum40, 1)

/* ------------------------------------------------------------ properties */

typedef void (*drawfn)(struct lr_grid *, int);

static void draw_linear(struct lr_grid *g, int ascii)
{
	make_data();
	struct lr_series s = { "loss", loss_y, EPOCHS };
	struct lr_plot_opts o = loss_opts;
	o.ascii = ascii;
	o.logy = 0;
	lr_plot_lines(g, &s, 1, &o);
}

static void draw_nasty(struct lr_grid *g, int ascii)
{
	static const double y[] = { NAN, 3, INFINITY, -1, 0, 2, -INFINITY, 1e-300, 1e300, 0.5 };
	struct lr_series s[3] = {
		{ "nasty", y, 10 }, { NULL, NULL, 5 }, { "\xFF\xFEnot utf-8", y + 3, 1 }
	};
	struct lr_plot_opts o = { .title = "t", .ascii = ascii, .logy = !ascii,
	                          .floor = -1, .floor_label = "bad floor" };
	lr_plot_lines(g, s, 3, &o);
}

static void draw_spectrum_nasty(struct lr_grid *g, int ascii)
{
	static const double s[] = { NAN, -2, INFINITY, 0, 1e-300, 7 };
	lr_plot_spectrum(g, s, 6, 9, ascii);
}

static const drawfn all_draws[] = {
	draw_loss, draw_two, draw_linear, draw_nasty,
	draw_spectrum3, draw_spectrum40, draw_spectrum_nasty
};

/* Draws into a grid that sits between guard cells: no size and no data may
 * touch them. */
static void inside_grid(void)
{
	enum { GUARD = 64, MAXW = 44, MAXH = 18 };
	static struct lr_cell mem[GUARD + MAXW * MAXH + GUARD];
	const struct lr_cell sentinel = { 0x2603, 0x7F, 0, 0 };
	int bad = 0;
	for (size_t d = 0; d < sizeof all_draws / sizeof all_draws[0]; d++)
		for (int ascii = 0; ascii < 2; ascii++)
			for (int w = 0; w <= MAXW; w++)
				for (int h = 0; h <= MAXH; h++) {
					for (size_t i = 0; i < sizeof mem / sizeof mem[0]; i++)
						mem[i] = sentinel;
					struct lr_grid g = { w, h, mem + GUARD };
					all_draws[d](&g, ascii);
					for (int i = 0; i < GUARD; i++) {
						bad += mem[i].ch != sentinel.ch;
						bad += mem[GUARD + w * h + i].ch != sentinel.ch;
					}
				}
	CHECK(bad == 0);
}

/* Curve dots stay right of the y axis and above the x axis; below it only
 * the legend's rows hold braille, and each of them starts with a sample
 * where the plot area starts. */
static void inside_plot_area(void)
{
	static const int sizes[][2] = { { 80, 24 }, { 120, 40 }, { 30, 10 }, { 12, 6 }, { 200, 60 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (int d = 0; d < 4; d++) {
			struct lr_grid g;
			CHECK(lr_grid_init(&g, sizes[i][0], sizes[i][1]) == 0);
			all_draws[d](&g, 0);
			int ax, ay, outside = 0;
			CHECK(find_corner(&g, &ax, &ay));
			for (int y = 0; y < g.h; y++)
				for (int x = 0; x < g.w; x++)
					if (is_braille(lr_grid_at(&g, x, y)->ch) &&
					    ((y < ay && x <= ax) || y == ay ||
					     (y > ay && !is_braille(lr_grid_at(&g, ax + 1, y)->ch))))
						outside++;
			CHECK(outside == 0);
			lr_grid_finish(&g);
		}
	}
}

/* Small grids: exactly h lines, none wider than w, no crash. */
static void tiny_grids(void)
{
	for (size_t d = 0; d < sizeof all_draws / sizeof all_draws[0]; d++)
		for (int w = 1; w <= 12; w++)
			for (int h = 1; h <= 6; h++) {
				struct lr_grid g;
				CHECK(lr_grid_init(&g, w, h) == 0);
				all_draws[d](&g, (w + h) % 2);
				char *s = text_of(&g);
				int lines = 0, width = 0;
				for (const char *p = s; *p; p++) {
					if (*p == '\n') {
						CHECK(width <= w);
						lines++;
						width = 0;
					} else if (((unsigned char)*p & 0xC0) != 0x80) {
						width++;
					}
				}
				CHECK(lines == h);
				lr_free(s);
				lr_grid_finish(&g);
			}
}

/* Too small for a plot: the title alone. */
static void tiny_title_only(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 10, 3) == 0);
	draw_loss(&g, 0);
	char *s = text_of(&g);
	CHECK(strcmp(s, "SGD loss,\n\n\n") == 0 || strcmp(s, "SGD loss, \n\n\n") == 0);
	lr_free(s);
	lr_grid_finish(&g);
}

static void log_bad_values(void)
{
	static const double y[] = { 10, NAN, 5, INFINITY, 2, -1, 1, 0, 0.5, -INFINITY, 0.1 };
	struct lr_series s = { "loss", y, sizeof y / sizeof y[0] };
	struct lr_plot_opts o = { .logy = 1, .floor = NAN };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 60, 20) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(dots_total(&g) > 10);
	CHECK(has_y_label(&g, "10") && has_y_label(&g, "1") && has_y_label(&g, "0.1"));
	CHECK(!text_has(&g, "nan") && !text_has(&g, "inf"));
	/* the same values in linear mode: only the infinities and NaN are out */
	o.logy = 0;
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(has_y_label(&g, "-2.5") && has_y_label(&g, "10.0"));
	CHECK(!text_has(&g, "nan") && !text_has(&g, "inf"));
	lr_grid_finish(&g);
}

static void log_all_bad(void)
{
	static const double y[] = { 0, -1, NAN, -INFINITY };
	struct lr_series s = { "loss", y, 4 };
	struct lr_plot_opts o = { .logy = 1, .floor = 0, .floor_label = "zero floor" };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 40, 12) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	int ax, ay;
	CHECK(find_corner(&g, &ax, &ay));                 /* an empty frame */
	CHECK(dots_total(&g) == 8);                       /* the legend sample only */
	CHECK(!text_has(&g, "zero floor"));               /* a floor of 0 has no place */
	CHECK(text_has(&g, "loss"));
	lr_grid_finish(&g);
}

static void single_epoch(void)
{
	static const double y[] = { 0.5 };
	struct lr_series s = { NULL, y, 1 };
	struct lr_plot_opts o = { .logy = 1, .floor = NAN, .xlabel = "epoch" };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 40, 12) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(dots_total(&g) == 1);
	int ax, ay;
	CHECK(find_corner(&g, &ax, &ay));
	CHECK(lr_grid_at(&g, ax + 1, ay + 1)->ch == '1');
	CHECK(count_ch(&g, 0x252C) == 1);                 /* one x tick */
	CHECK(count_y_labels(&g) >= 3);
	lr_grid_finish(&g);
}

static void constant_series(void)
{
	double y[100];
	for (int i = 0; i < 100; i++)
		y[i] = 2;
	struct lr_series s = { NULL, y, 100 };
	for (int logy = 0; logy < 2; logy++) {
		struct lr_plot_opts o = { .logy = logy, .floor = NAN };
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 50, 15) == 0);
		lr_plot_lines(&g, &s, 1, &o);
		int ax, ay, row = -1, rows = 0, cols = 0;
		CHECK(find_corner(&g, &ax, &ay));
		for (int y0 = 0; y0 < ay; y0++)
			for (int x = ax + 1; x < g.w; x++)
				if (is_braille(lr_grid_at(&g, x, y0)->ch)) {
					rows += row != y0;
					row = y0;
					cols++;
				}
		CHECK(rows == 1);
		CHECK(cols == g.w - ax - 1);                  /* the whole width */
		CHECK(row > 0 && row < ay - 1);               /* inside, not on an edge */
		CHECK(has_y_label(&g, "2") || has_y_label(&g, "2.0"));
		CHECK(count_y_labels(&g) >= 3);
		lr_grid_finish(&g);
	}
}

/* The notebook's loss spans 1.4 decades: 1-2-5 ticks give 4 labels. */
static void log_ticks_narrow(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_loss(&g, 0);
	CHECK(has_y_label(&g, "0.2") && has_y_label(&g, "0.5"));
	CHECK(has_y_label(&g, "1") && has_y_label(&g, "2"));
	lr_grid_finish(&g);
	/* within one factor of 2: round linear steps on the log axis */
	static const double y[] = { 1.15, 1.3, 1.5, 1.9 };
	struct lr_series s = { NULL, y, 4 };
	struct lr_plot_opts o = { .logy = 1, .floor = NAN };
	CHECK(lr_grid_init(&g, 60, 20) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(count_y_labels(&g) >= 3);
	CHECK(has_y_label(&g, "1.25") && has_y_label(&g, "1.50") && has_y_label(&g, "1.75"));
	lr_grid_finish(&g);
}

/* Nine decades: powers of ten only, written compactly. */
static void log_ticks_wide(void)
{
	double y[200];
	for (int i = 0; i < 200; i++)
		y[i] = 1e4 * pow(10, -9.0 * i / 199);
	struct lr_series s = { NULL, y, 200 };
	struct lr_plot_opts o = { .logy = 1, .floor = NAN };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 60, 30) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(has_y_label(&g, "1e+4") && has_y_label(&g, "1e-5"));
	CHECK(has_y_label(&g, "0.01") || has_y_label(&g, "0.1"));
	CHECK(!has_y_label(&g, "2") && !has_y_label(&g, "5"));
	CHECK(count_y_labels(&g) >= 5);
	/* short: every other decade */
	lr_grid_finish(&g);
	CHECK(lr_grid_init(&g, 60, 12) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	CHECK(count_y_labels(&g) >= 3);
	lr_grid_finish(&g);
}

static void linear_ticks(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_linear(&g, 0);
	CHECK(has_y_label(&g, "0.0"));                  /* widened to a round range */
	CHECK(has_y_label(&g, "1.0") && has_y_label(&g, "2.0"));
	CHECK(count_y_labels(&g) >= 4);
	lr_grid_finish(&g);
}

/* A one-epoch spike among 10,000 still reaches its row. */
static void spikes_kept(void)
{
	static double y[10000];
	for (int i = 0; i < 10000; i++)
		y[i] = 1;
	y[5003] = 100;
	struct lr_series s = { NULL, y, 10000 };
	struct lr_plot_opts o = { .logy = 1, .floor = NAN };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 20) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	int top = 0;
	for (int x = 0; x < g.w; x++)
		top += is_braille(lr_grid_at(&g, x, 0)->ch);
	CHECK(top == 1);
	CHECK(has_y_label(&g, "100"));
	lr_grid_finish(&g);
}

/* A solid series covering every epoch has a dot in every dot column. */
static void continuous(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_loss(&g, 0);
	int ax, ay, gaps = 0;
	CHECK(find_corner(&g, &ax, &ay));
	for (int x = ax + 1; x < g.w; x++) {
		unsigned left = 0, right = 0;
		for (int y = 0; y < ay; y++) {
			uint32_t ch = lr_grid_at(&g, x, y)->ch;
			if (is_braille(ch)) {
				left |= (ch - 0x2800) & 0x47;
				right |= (ch - 0x2800) & 0xB8;
			}
		}
		gaps += !left + !right;
	}
	CHECK(gaps == 0);
	lr_grid_finish(&g);
}

/* A floor below all the data is still in range, with its label. */
static void floor_in_range(void)
{
	double y[50];
	for (int i = 0; i < 50; i++)
		y[i] = 10 - i * 0.1;
	struct lr_series s = { NULL, y, 50 };
	struct lr_plot_opts o = { .logy = 1, .floor = 0.01, .floor_label = "floor 0.01" };
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 60, 20) == 0);
	lr_plot_lines(&g, &s, 1, &o);
	int ax, ay, floor_cells = 0, floor_row = -1;
	CHECK(find_corner(&g, &ax, &ay));
	for (int y0 = 0; y0 < ay; y0++)
		for (int x = ax + 1; x < g.w; x++) {
			const struct lr_cell *c = lr_grid_at(&g, x, y0);
			if (is_braille(c->ch) && c->style == LR_STY_FLOOR) {
				floor_cells++;
				floor_row = y0;
			}
		}
	CHECK(floor_cells >= (g.w - ax - 1) / 2 - 1);
	CHECK(floor_row == ay - 1);                      /* the lowest value */
	CHECK(text_has(&g, "floor 0.01"));
	CHECK(has_y_label(&g, "0.01") && has_y_label(&g, "10"));
	lr_grid_finish(&g);
}

/* Height of a cell's marks in dot rows from the top of the plot area (4 per
 * cell row, 0..3 within it), in halves so that a box-drawing line at a
 * cell's mid-height (between dot rows 1 and 2) has one: the lowest dot for
 * braille, the middle for '─'; -1 for any other cell. */
static int low_half_dots(const struct lr_grid *g, int x, int y, int y0)
{
	uint32_t ch = lr_grid_at(g, x, y)->ch;
	if (ch == 0x2500)
		return 2 * 4 * (y - y0) + 3;
	if (!is_braille(ch) || ch == 0x2800)
		return -1;
	static const unsigned rows[4] = { 0x09, 0x12, 0x24, 0xC0 };
	int low = 0;
	for (int r = 0; r < 4; r++)
		if ((ch - 0x2800) & rows[r])
			low = r;
	return 2 * (4 * (y - y0) + low);
}

/* A curve that comes down to the floor is drawn level with it, never below
 * it: the floor's marks are as low as the lowest dot of the curve, in every
 * cell. The floor is the lowest value, so its dot row is the bottom one
 * (the last of its cell), which a '─' at mid-height did not show. */
static void floor_reached(void)
{
	for (int h = 12; h <= 40; h += 7) {
		double y[200];
		for (int i = 0; i < 200; i++)
			y[i] = 0.1219 + 2.0 / (1 + i * i * 0.01);
		y[199] = 0.1219;
		struct lr_series s = { NULL, y, 200 };
		struct lr_plot_opts o = { .logy = 1, .floor = 0.1219, .floor_label = "SVD bound" };
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 80, h) == 0);
		lr_plot_lines(&g, &s, 1, &o);
		int ax, ay, floor_low = -1, curve_low = -1;
		CHECK(find_corner(&g, &ax, &ay));
		for (int r = 0; r < ay; r++)
			for (int x = ax + 1; x < g.w; x++) {
				int low = low_half_dots(&g, x, r, 0);
				int sty = lr_grid_at(&g, x, r)->style;
				if (sty == LR_STY_FLOOR && low > floor_low)
					floor_low = low;
				if (sty == LR_STY_SERIES1 && low > curve_low)
					curve_low = low;
			}
		CHECK(floor_low >= 0 && curve_low >= 0);
		if (curve_low > floor_low)
			fprintf(stderr, "h=%d: curve reaches half-dot %d, floor drawn at %d\n", h,
			        curve_low, floor_low);
		CHECK(curve_low <= floor_low);
		CHECK(curve_low == floor_low);         /* it does reach it */
		lr_grid_finish(&g);
	}
}

/* The floor label goes where it covers none of the curve. */
static void floor_label_clear(void)
{
	make_data();
	struct lr_series s = { NULL, loss_y, EPOCHS };
	struct lr_plot_opts o = loss_opts;
	struct lr_grid with, without;
	CHECK(lr_grid_init(&with, 80, 24) == 0 && lr_grid_init(&without, 80, 24) == 0);
	lr_plot_lines(&with, &s, 1, &o);
	o.floor_label = NULL;
	lr_plot_lines(&without, &s, 1, &o);
	CHECK(dots_total(&with) == dots_total(&without));
	CHECK(text_has(&with, "SVD bound 0.1219"));
	/* a curve far above the floor, and a floor in mid-range */
	double y[100];
	for (int i = 0; i < 100; i++)
		y[i] = i < 50 ? 0.01 : 1;
	s = (struct lr_series){ NULL, y, 100 };
	o = (struct lr_plot_opts){ .logy = 1, .floor = 0.1, .floor_label = "floor" };
	lr_plot_lines(&with, &s, 1, &o);
	o.floor_label = NULL;
	lr_plot_lines(&without, &s, 1, &o);
	CHECK(dots_total(&with) == dots_total(&without));
	CHECK(text_has(&with, "floor"));
	lr_grid_finish(&with);
	lr_grid_finish(&without);
}

/* In braille, series 2, 3 and 4 are drawn with fewer dots than series 1
 * (dotted, dashed, dash-dot), and their legend samples all differ. */
static void series_patterns(void)
{
	make_data();
	int dots[4];
	char *legend[4];
	for (int k = 0; k < 4; k++) {
		struct lr_series s[4] = { { "a", NULL, 0 }, { "b", NULL, 0 }, { "c", NULL, 0 },
		                          { "d", NULL, 0 } };
		s[k].y = loss_y;
		s[k].n = EPOCHS;
		struct lr_plot_opts o = { .logy = 1, .floor = NAN };
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 80, 24) == 0);
		lr_plot_lines(&g, s, 4, &o);
		dots[k] = dots_total(&g);
		/* the legend sample of series k+1 is on the last row */
		char *t = text_of(&g);
		char *last = t + strlen(t) - 1;
		while (last > t && last[-1] != '\n')
			last--;
		legend[k] = lr_strdup(last);
		lr_free(t);
		lr_grid_finish(&g);
	}
	CHECK(dots[1] < dots[0] * 0.7 && dots[1] > dots[0] * 0.3);
	CHECK(dots[2] < dots[0] * 0.8 && dots[3] < dots[0] * 0.9);
	CHECK(dots[2] != dots[3]);
	CHECK(strstr(legend[0], "\xE2\xA0\x92\xE2\xA0\x92\xE2\xA0\x92\xE2\xA0\x92 a") != NULL);
	CHECK(strstr(legend[0], "\xE2\xA0\x82\xE2\xA0\x82\xE2\xA0\x82\xE2\xA0\x82 b") != NULL);
	for (int k = 0; k < 4; k++)
		lr_free(legend[k]);
}

static int all_ascii(const struct lr_grid *g)
{
	for (int i = 0; i < g->w * g->h; i++)
		if (g->cells[i].ch >= 0x80)
			return 0;
	return 1;
}

static void ascii_only(void)
{
	for (size_t d = 0; d < sizeof all_draws / sizeof all_draws[0]; d++) {
		if (all_draws[d] == draw_nasty)
			continue;   /* its label is deliberately not ASCII */
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 80, 24) == 0);
		all_draws[d](&g, 1);
		CHECK(all_ascii(&g));
		lr_grid_finish(&g);
	}
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_two(&g, 1);
	CHECK(count_ch(&g, '*') > 50 && count_ch(&g, '+') > 50);
	CHECK(text_has(&g, "* observed entries") && text_has(&g, "+ hidden entries"));
	lr_grid_finish(&g);
}

static int style_count(const struct lr_grid *g, int style, int braille)
{
	int n = 0;
	for (int i = 0; i < g->w * g->h; i++)
		n += g->cells[i].style == style && (!braille || is_braille(g->cells[i].ch));
	return n;
}

static void styles(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_two(&g, 0);
	CHECK(style_count(&g, LR_STY_SERIES1, 1) > 40);
	CHECK(style_count(&g, LR_STY_SERIES2, 1) > 40);
	CHECK(style_count(&g, LR_STY_FLOOR, 0) > 16);
	CHECK(style_count(&g, LR_STY_TITLE, 0) == (int)strlen("Completion: observed vs hidden error, k=2"));
	for (int i = 0; i < g.w * g.h; i++) {
		uint32_t ch = g.cells[i].ch;
		if (ch == 0x2502 || ch == 0x2514 || ch == 0x252C || ch == 0x2524)
			CHECK(g.cells[i].style == LR_STY_AXIS);
	}
	lr_grid_finish(&g);
}

/* ------------------------------------------------------------ spectrum */

static int is_block(uint32_t ch)
{
	return ch >= 0x2581 && ch <= 0x2588;
}

static void spectrum_styles(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_spectrum3(&g, 0);
	int cut = -1;
	for (int x = 0; x < g.w; x++)
		if (lr_grid_at(&g, x, 5)->ch == 0x2506)
			cut = x;
	CHECK(cut > 0);
	int kept = 0, dropped = 0, wrong = 0;
	for (int y = 0; y < g.h - 1; y++)       /* the last row is the legend */
		for (int x = 0; x < g.w; x++) {
			const struct lr_cell *c = lr_grid_at(&g, x, y);
			if (is_block(c->ch) && c->style == LR_STY_KEPT)
				kept++, wrong += x > cut;
			else if ((c->ch == 0x2591 || is_braille(c->ch)) && c->style == LR_STY_DROPPED)
				dropped++, wrong += x < cut;   /* shaded, its fraction in dots */
			else if (is_block(c->ch) || c->ch == 0x2591)
				wrong++;
		}
	CHECK(kept > 20 && dropped > 0 && wrong == 0);
	lr_grid_finish(&g);
	/* a dropped bar is never drawn taller than a larger kept one: in a
	 * plot of two rows σ3 = 0.35 is a lower block than σ2 = 0.70 */
	CHECK(lr_grid_init(&g, 40, 6) == 0);
	draw_spectrum3(&g, 0);
	int ax, ay, k2 = 0, d3 = 0;
	CHECK(find_corner(&g, &ax, &ay));
	for (int x = ax + 1; x < g.w; x++) {
		const struct lr_cell *c = lr_grid_at(&g, x, ay - 1);
		uint32_t h = c->ch == 0x2588 || c->ch == 0x2591 ? 8 :
		             is_block(c->ch) ? c->ch - 0x2580 :
		             c->ch == 0x28C0 ? 2 : c->ch == 0x28E4 ? 4 : c->ch == 0x28F6 ? 6 : 0;
		if (c->style == LR_STY_KEPT && h && h < 8)
			k2 = (int)h;                /* σ2's top, below a row */
		if (c->style == LR_STY_DROPPED && h)
			d3 = (int)h;
	}
	CHECK(d3 > 0 && (k2 == 0 || d3 <= k2));
	lr_grid_finish(&g);
	/* ASCII: '#' kept, ':' dropped */
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_spectrum3(&g, 1);
	CHECK(count_ch(&g, '#') > 20 && count_ch(&g, ':') > 2);
	CHECK(text_has(&g, "# kept 1-2") && text_has(&g, ": dropped 3"));
	lr_grid_finish(&g);
}

/* Without colour a dropped bar is still told from a kept one by its glyphs
 * alone: no cell of a dropped bar holds a block (█ or an eighth ▁…▇), so a
 * bar shorter than a cell is dots, not the kept glyph; and it is seen. */
static void spectrum_dropped_glyphs(void)
{
	static const double s[5] = { 10, 6, 0.3, 0.1, 0.001 };
	for (int h = 10; h <= 40; h += 6) {
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 80, h) == 0);
		lr_plot_spectrum(&g, s, 5, 2, 0);
		int ax, ay, blocks = 0, dots = 0;
		CHECK(find_corner(&g, &ax, &ay));
		for (int y = 0; y < ay; y++)
			for (int x = ax + 1; x < g.w; x++) {
				const struct lr_cell *c = lr_grid_at(&g, x, y);
				if (c->style != LR_STY_DROPPED)
					continue;
				blocks += is_block(c->ch);
				dots += is_braille(c->ch);
			}
		if (blocks)
			fprintf(stderr, "h=%d: %d cells of dropped bars hold a kept glyph\n", h, blocks);
		CHECK(blocks == 0);
		CHECK(dots >= 3);                       /* 0.3, 0.1 and 0.001 each have a top */
		lr_grid_finish(&g);
	}
}

/* The marker is a full-height line between bars k and k+1, "k=…" above. */
static void spectrum_cut(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	draw_spectrum40(&g, 0);
	int ax, ay;
	CHECK(find_corner(&g, &ax, &ay));
	int cut = -1;
	for (int x = 0; x < g.w; x++)
		if (lr_grid_at(&g, x, ay)->ch == 0x2534)
			cut = x;
	CHECK(cut > ax);
	for (int y = 1; y < ay; y++)
		CHECK(lr_grid_at(&g, cut, y)->ch == 0x2506);
	/* ten kept bars left of it, the first dropped one right of it */
	int bars_left = 0;
	for (int x = ax + 1; x < cut; x++)
		bars_left += is_block(lr_grid_at(&g, x, ay - 1)->ch);
	CHECK(bars_left == 10);
	CHECK(lr_grid_at(&g, cut + 1, ay - 1)->style == LR_STY_DROPPED);
	CHECK(text_has(&g, "k=10"));
	CHECK(lr_grid_at(&g, cut, 0)->ch == '=');        /* "k=10" centred on it */
	lr_grid_finish(&g);
	/* k >= p: nothing dropped, no marker */
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	lr_plot_spectrum(&g, sigma3, 3, 3, 0);
	CHECK(count_ch(&g, 0x2506) == 0 && count_ch(&g, 0x2591) == 0);
	CHECK(!text_has(&g, "dropped"));
	lr_grid_finish(&g);
}

static void spectrum_truncated(void)
{
	double s[300];
	for (int i = 0; i < 300; i++)
		s[i] = 300 - i;
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 80, 24) == 0);
	lr_plot_spectrum(&g, s, 300, 5, 0);
	int ax, ay, bars = 0;
	CHECK(find_corner(&g, &ax, &ay));
	for (int x = ax + 1; x < g.w; x++)
		bars += is_block(lr_grid_at(&g, x, ay - 1)->ch) || lr_grid_at(&g, x, ay - 1)->ch == 0x2591;
	CHECK(bars == g.w - ax - 2);                     /* one column each, one for the marker */
	char note[64];
	snprintf(note, sizeof note, "\xE2\x80\xA6 first %d of 300 shown", bars);
	CHECK(text_has(&g, note));
	lr_plot_spectrum(&g, s, 300, 5, 1);
	snprintf(note, sizeof note, "... first %d of 300 shown", bars);
	CHECK(text_has(&g, note) && all_ascii(&g));
	lr_grid_finish(&g);
}

static void spectrum_bad_values(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 40, 12) == 0);
	draw_spectrum_nasty(&g, 0);
	CHECK(!text_has(&g, "nan") && !text_has(&g, "inf"));
	CHECK(text_has(&g, "7 \xE2\x94\xA4"));           /* the largest finite value */
	CHECK(count_ch(&g, 0x2506) == 0);                /* k = 9 > p: no marker */
	lr_plot_spectrum(&g, NULL, 5, 1, 0);
	CHECK(text_has(&g, "0 \xE2\x94\x94"));
	lr_plot_spectrum(&g, sigma3, 0, 0, 0);
	CHECK(count_ch(&g, 0x2588) == 0);
	lr_grid_finish(&g);
}

static void spectrum_tiny(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 10, 3) == 0);
	draw_spectrum40(&g, 0);                          /* too small: nothing */
	CHECK(count_ch(&g, ' ') == 30);
	lr_grid_finish(&g);
	CHECK(lr_grid_init(&g, 12, 5) == 0);
	draw_spectrum3(&g, 0);
	CHECK(count_ch(&g, 0x2588) > 0);
	lr_grid_finish(&g);
}

/* Four long legend entries at 80 columns wrap onto a second row, each row
 * starting where the plot area does, and every label is shown; in a grid
 * too short for two legend rows the legend keeps one (cut at the edge) and
 * the plot its three rows. */
static void legend_wraps(void)
{
	static const char *labels[4] = {
		"lr=0.01 sequential rows", "lr=0.02 sequential shuffled",
		"lr=0.005 simultaneous rows", "lr=0.03 simultaneous shuffled"
	};
	make_data();
	struct lr_series s[4];
	for (int i = 0; i < 4; i++)
		s[i] = (struct lr_series){ labels[i], loss_y, EPOCHS - 20 * (size_t)i };
	for (int ascii = 0; ascii < 2; ascii++) {
		struct lr_plot_opts o = loss_opts;
		o.ascii = ascii;
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 80, 24) == 0);
		lr_plot_lines(&g, s, 4, &o);
		for (int i = 0; i < 4; i++)
			CHECK(text_has(&g, labels[i]));
		/* the two last rows start with the samples of series 1 and 3 at
		 * the same column, the plot area's */
		int x0[2] = { -1, -1 };
		for (int r = 0; r < 2; r++) {
			int y = g.h - 2 + r;
			while (++x0[r] < g.w && lr_grid_at(&g, x0[r], y)->ch == ' ')
				;
			CHECK(x0[r] < g.w);
			if (x0[r] < g.w) {
				uint32_t c = lr_grid_at(&g, x0[r], y)->ch;
				CHECK(ascii ? c == (r ? 'o' : '*') : is_braille(c));
			}
		}
		CHECK(x0[0] == x0[1] && x0[0] > 0);
		CHECK(text_has(&g, "epoch"));           /* the x label stays */
		lr_grid_finish(&g);

		CHECK(lr_grid_init(&g, 80, 7) == 0);
		lr_plot_lines(&g, s, 4, &o);
		if (!ascii) {
			int ax, ay;
			CHECK(find_corner(&g, &ax, &ay));
			CHECK(ay >= 4);                /* title and three rows of plot */
		}
		CHECK(text_has(&g, labels[0]));
		CHECK(!text_has(&g, labels[3]));
		lr_grid_finish(&g);
	}
}

SUBTEST_MAIN(T(golden_loss_80x24), T(golden_loss_120x40),
             T(golden_two_80x24), T(golden_two_120x40),
             T(golden_ascii_80x24), T(golden_ascii_120x40), T(golden_two_ascii_80x24),
             T(golden_spectrum3_80x24), T(golden_spectrum3_120x40),
             T(golden_spectrum3_ascii_80x24),
             T(golden_spectrum40_80x24), T(golden_spectrum40_120x40),
             T(golden_spectrum40_ascii_80x24),
             T(inside_grid), T(inside_plot_area), T(tiny_grids), T(tiny_title_only),
             T(log_bad_values), T(log_all_bad), T(single_epoch), T(constant_series),
             T(log_ticks_narrow), T(log_ticks_wide), T(linear_ticks),
             T(spikes_kept), T(continuous), T(floor_in_range), T(floor_reached),
             T(floor_label_clear),
             T(series_patterns), T(ascii_only), T(styles),
             T(spectrum_styles), T(spectrum_dropped_glyphs), T(spectrum_cut), T(spectrum_truncated),
             T(spectrum_bad_values), T(spectrum_tiny), T(legend_wraps))
