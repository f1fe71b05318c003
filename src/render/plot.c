/* Line plots and singular-value bar charts drawn into a character grid.
 *
 * A loss plot, from top to bottom: the title; the plot area with y labels
 * and the axis at its left; the x axis with ticks; the tick labels; the x
 * label; the legend, on as many rows as its entries need (they wrap at the
 * right edge, so a lecturer's four runs are all named at 80 columns). When
 * the grid is short the x label goes first, then the legend's extra rows,
 * the legend, the title and the tick labels; below 4 rows or 4 columns of
 * plot only the title is drawn.
 *
 * In braille mode the plot area is a canvas of 2×4 dots per cell. Every
 * series is drawn as dots, so series are told apart by the pattern of the
 * line as well as by style: series 1 is solid, 2 dotted, 3 dashed and 4
 * dash-dotted (the pattern runs along the path, so steep parts are dotted
 * too), and the legend shows a sample of each pattern. In ASCII mode each
 * cell is one point and series are drawn with '*', '+', 'o' and 'x'.
 *
 * Nothing here allocates: braille dots are read back from the grid (a cell
 * holding U+2800 + bits), so a plot cannot fail. */
#include "plot.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	BRAILLE = 0x2800,
	LABEL_MAX = 32,        /* bytes of one tick label */
	MAX_TICKS = 64,
	LEGEND_SAMPLE = 4,     /* cells of a braille line sample in the legend */
	X_TICK_SPACING = 12,   /* least columns between x tick labels */
	BAR_SLOT_MAX = 10      /* widest bar plus its gap (or an eighth of the width) */
};

/* Box-drawing glyphs for axes and reference lines, Unicode or ASCII. */
struct glyphs {
	uint32_t vline, ytick, corner, hline, xtick, floor, cut, cut_axis;
};
static const struct glyphs uni_glyphs = {
	0x2502, 0x2524, 0x2514, 0x2500, 0x252C, 0x2500, 0x2506, 0x2534
};	/* │ ┤ └ ─ ┬ ─ ┆ ┴ */
static const struct glyphs ascii_glyphs = { '|', '+', '+', '-', '+', '-', '|', '+' };

/* Line patterns of braille series 1..4, as on/off steps along the path. */
static const char *const braille_patterns[] = { "1", "10", "111000", "11110100" };
static const char ascii_marks[] = { '*', '+', 'o', 'x' };

/* ---------------------------------------------------------------- numbers */

/* Replaces the locale's decimal point by '.', so labels read the same
 * whatever LC_NUMERIC the front end set. */
static void c_decimal_point(char *s)
{
	const char *dp = localeconv()->decimal_point;
	size_t n = dp ? strlen(dp) : 0;
	if (n == 0 || (n == 1 && dp[0] == '.'))
		return;
	char *p = strstr(s, dp);
	if (p) {
		*p = '.';
		memmove(p + 1, p + n, strlen(p + n) + 1);
	}
}

/* Decimals needed to write multiples of step exactly (0.25 → 2, 50 → 0). */
static int decimals_for(double step)
{
	for (int d = 0; d < 10; d++) {
		double s = step * pow(10, d);
		if (fabs(s - floor(s + 0.5)) < 1e-6 * s)
			return d;
	}
	return 10;
}

static void fmt_fixed(char *buf, double v, double step)
{
	if (fabs(v) < step * 1e-9)
		v = 0;                          /* no "-0" */
	int d = decimals_for(step);
	if (fabs(v) >= 1e7 || d > 6)
		snprintf(buf, LABEL_MAX, "%.3g", v);
	else
		snprintf(buf, LABEL_MAX, "%.*f", d, v);
	c_decimal_point(buf);
}

/* A log tick m·10^e, written compactly: 0.01 … 9000 in decimals, otherwise
 * 1e-3, 5e+4. */
static void fmt_log(char *buf, double v)
{
	int e = (int)floor(log10(v) + 1e-9);
	double m = v / pow(10, e);
	if (fabs(m - floor(m + 0.5)) < 1e-6 && e >= -2 && e <= 3)
		snprintf(buf, LABEL_MAX, "%.*f", e < 0 ? -e : 0, v);
	else if (fabs(m - floor(m + 0.5)) < 1e-6)
		snprintf(buf, LABEL_MAX, "%de%+d", (int)floor(m + 0.5), e);
	else
		snprintf(buf, LABEL_MAX, "%.3g", v);
	c_decimal_point(buf);
}

/* The smallest of 1, 2, 2.5, 5 × 10^e that is at least x. */
static double nice_step(double x)
{
	static const double m[] = { 1, 2, 2.5, 5, 10 };
	double p = pow(10, floor(log10(x)));
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (m[i] * p >= x * (1 - 1e-9))
			return m[i] * p;
	return 10 * p;
}

/* ---------------------------------------------------------------- y scale */

struct yscale {
	int logy;
	double lo, hi;   /* in axis units: log10 of the value when logy */
	int dots;        /* dot rows of the plot area (cells × 4 in braille) */
	int dpr;         /* dots per cell row: 4 or 1 */
};

/* Values a plot can place: finite, positive on a log axis, and within
 * ±1e300 on a linear one so that no range or step overflows. */
static int valid(double v, int logy)
{
	return logy ? isfinite(v) && v > 0 : fabs(v) <= 1e300;
}

/* Dot row of v, 0 at the top. */
static int y_dot(const struct yscale *s, double v)
{
	double t = s->logy ? log10(v) : v;
	double r = (s->hi - t) / (s->hi - s->lo) * (s->dots - 1);
	if (!(r >= 0))
		return 0;
	if (r > s->dots - 1)
		return s->dots - 1;
	return (int)(r + 0.5);
}

static int y_row(const struct yscale *s, double v)
{
	return y_dot(s, v) / s->dpr;
}

/* The smallest and largest value to show (series and floor); 0 when there
 * is none. */
static int data_range(const struct lr_series *s, size_t ns,
                      const struct lr_plot_opts *o, double *lo, double *hi)
{
	int any = 0;
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t k = 0; k < ns; k++) {
		for (size_t i = 0; s[k].y && i < s[k].n; i++) {
			double v = s[k].y[i];
			if (!valid(v, o->logy))
				continue;
			if (v < *lo) *lo = v;    /* not fmin: a call per point */
			if (v > *hi) *hi = v;
			any = 1;
		}
	}
	if (valid(o->floor, o->logy)) {
		*lo = o->floor < *lo ? o->floor : *lo;
		*hi = o->floor > *hi ? o->floor : *hi;
		any = 1;
	}
	return any;
}

struct tick {
	double v;
	int prio;                 /* 0 placed first */
	int row;
	char label[LABEL_MAX];
};

struct ticks {
	struct tick t[MAX_TICKS];
	int n;
};

static void tick_add(struct ticks *tk, double v, int prio)
{
	if (tk->n < MAX_TICKS)
		tk->t[tk->n++] = (struct tick){ .v = v, .prio = prio };
}

/* Linear axis: the range widened to multiples of a round step, a tick at
 * each multiple. */
static void lin_ticks(struct yscale *s, struct ticks *tk, double lo, double hi, int rows)
{
	if (hi - lo <= 1e-12 * fmax(fabs(lo), fabs(hi)) || hi - lo < 1e-200) {
		double d = fabs(lo) > 1e-200 ? fabs(lo) * 0.5 : 1;   /* a flat series */
		lo -= d;
		hi += d;
	}
	int want = rows / 3 < 2 ? 2 : rows / 3 > 10 ? 10 : rows / 3;
	double step = nice_step((hi - lo) / want);
	s->lo = floor(lo / step + 1e-9) * step;
	s->hi = ceil(hi / step - 1e-9) * step;
	for (int i = 0; i < MAX_TICKS; i++) {
		double v = s->lo + i * step;
		if (v > s->hi + step * 1e-9)
			break;
		tick_add(tk, v, 0);
		fmt_fixed(tk->t[tk->n - 1].label, v, step);
	}
}

/* Log ticks with mantissas from set (a bitmask of 1..9), every `every`-th
 * decade; prio 0 for powers of ten, 1 for 2 and 5, 2 for the rest. */
static void log_candidates(struct ticks *tk, const struct yscale *s, unsigned set, int every)
{
	tk->n = 0;
	for (int e = (int)floor(s->lo) - 1; e <= (int)ceil(s->hi); e++) {
		if (e % every != 0)
			continue;
		for (int m = 1; m <= 9; m++) {
			double t = log10(m) + e;
			if (!(set & (1u << m)) || t < s->lo - 1e-9 || t > s->hi + 1e-9)
				continue;
			tick_add(tk, m * pow(10, e), m == 1 ? 0 : (m == 2 || m == 5) ? 1 : 2);
			fmt_log(tk->t[tk->n - 1].label, m * pow(10, e));
		}
	}
}

/* Log axis over the data range: powers of ten when they give 3 labels, else
 * 1-2-5, else 1..9, else round linear steps (a range under a factor 2). */
static void log_ticks(struct yscale *s, struct ticks *tk, double lo, double hi, int rows)
{
	s->lo = log10(lo);
	s->hi = log10(hi);
	if (s->hi - s->lo < 1e-9) {
		s->lo -= 0.5;
		s->hi += 0.5;
	}
	int every = 1;
	while ((s->hi - s->lo) / every * 2 > rows && every < 1000)
		every = every == 1 ? 2 : every == 2 ? 3 : every * 2;
	log_candidates(tk, s, 1u << 1, every);
	if (tk->n < 3 && every == 1)
		log_candidates(tk, s, (1u << 1) | (1u << 2) | (1u << 5), 1);
	if (tk->n < 3 && every == 1)
		log_candidates(tk, s, 0x3FEu, 1);
	if (tk->n >= 3 || every > 1)
		return;
	double a = pow(10, s->lo), b = pow(10, s->hi);
	double step = nice_step((b - a) / 3);
	tk->n = 0;
	for (double v = ceil(a / step - 1e-9) * step; v <= b * (1 + 1e-9) && tk->n < MAX_TICKS; v += step) {
		tick_add(tk, v, 0);
		fmt_fixed(tk->t[tk->n - 1].label, v, step);
	}
}

/* Keeps the ticks whose labels fit: by priority, each at least two rows
 * from any kept one. Returns the widest kept label. */
static int place_ticks(struct ticks *tk, const struct yscale *s)
{
	int kept[MAX_TICKS], nk = 0, width = 0;
	for (int prio = 0; prio <= 2; prio++) {
		for (int i = 0; i < tk->n; i++) {
			struct tick *t = &tk->t[i];
			if (t->prio != prio)
				continue;
			t->row = y_row(s, t->v);
			int ok = 1;
			for (int j = 0; j < nk; j++)
				ok &= abs(tk->t[kept[j]].row - t->row) >= 2;
			if (!ok) {
				t->row = -1;
				continue;
			}
			kept[nk++] = i;
			int w = lr_grid_text_len(t->label);
			width = w > width ? w : width;
		}
	}
	return width;
}

/* ---------------------------------------------------------------- layout */

struct layout {
	int title_y, axis_y, ticks_y, xlabel_y, legend_y;  /* -1: not shown */
	int legend_rows;
	int py0, ph;          /* plot area rows */
	int lw, ax;           /* y label width, axis column */
	int px0, pw;          /* plot area columns */
};

/* Splits the rows (legend is the rows the legend wants); returns 0 when not
 * even a small plot fits. */
static int layout_rows(struct layout *L, int h, int title, int legend, int xlabel)
{
	int ticks = 1;
	while (h - 1 - title - ticks - xlabel - legend < 3) {
		if (xlabel)
			xlabel = 0;
		else if (legend)
			legend--;          /* its extra rows first, then the legend */
		else if (title)
			title = 0;
		else if (ticks)
			ticks = 0;
		else
			break;
	}
	L->ph = h - 1 - title - ticks - xlabel - legend;
	if (L->ph < 3)
		return 0;
	L->title_y = title ? 0 : -1;
	L->py0 = title;
	L->axis_y = L->py0 + L->ph;
	L->ticks_y = ticks ? L->axis_y + 1 : -1;
	L->xlabel_y = xlabel ? L->axis_y + 1 + ticks : -1;
	L->legend_y = legend ? h - legend : -1;
	L->legend_rows = legend;
	return 1;
}

static int layout_cols(struct layout *L, int w, int label_width)
{
	L->lw = label_width;
	if (L->lw + 2 + 4 > w)
		L->lw = 0;
	L->ax = L->lw ? L->lw + 1 : 0;
	L->px0 = L->ax + 1;
	L->pw = w - L->px0;
	return L->pw >= 4;
}

static void draw_centered(struct lr_grid *g, int x0, int width, int y, const char *s, int style)
{
	int n = lr_grid_text_len(s);
	int x = n >= width ? x0 : x0 + (width - n) / 2;
	if (x + n > g->w)
		x = g->w - n;
	lr_grid_text(g, x < 0 ? 0 : x, y, s, style);
}

/* ---------------------------------------------------------------- canvas */

/* The plot area as a canvas: dot coordinates in braille, cells in ASCII. */
struct canvas {
	struct lr_grid *g;
	const struct layout *L;
	int ascii, dpc, dpr;     /* dots per cell: 2×4 or 1×1 */
	int cols, rows;          /* dots */
	size_t n;                /* epochs on the x axis */
};

static const uint8_t dot_bits[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

static int is_braille(uint32_t ch)
{
	return ch >= BRAILLE && ch <= BRAILLE + 0xFF;
}

static void set_dot(const struct canvas *c, int x, int y, int series)
{
	if (x < 0 || y < 0 || x >= c->cols || y >= c->rows)
		return;
	int cx = c->L->px0 + x / c->dpc, cy = c->L->py0 + y / c->dpr;
	int style = LR_STY_SERIES1 + series % 4;
	if (c->ascii) {
		lr_grid_put(c->g, cx, cy, (uint32_t)ascii_marks[series % 4], style);
		return;
	}
	const struct lr_cell *cell = lr_grid_at(c->g, cx, cy);
	unsigned mask = cell && is_braille(cell->ch) ? cell->ch - BRAILLE : 0;
	mask |= dot_bits[y % 4][x % 2];
	lr_grid_put(c->g, cx, cy, BRAILLE + mask, style);
}

/* Column of epoch index i (0-based): spread over the width when there are
 * fewer epochs than columns, else binned so each column holds a run. The
 * arithmetic is in integers so x_end agrees with it exactly. */
static int x_dot(const struct canvas *c, size_t i)
{
	uint64_t n = c->n, cols = (uint64_t)c->cols;
	if (n <= 1)
		return 0;
	if (n <= cols)
		return (int)((2 * i * (cols - 1) + (n - 1)) / (2 * (n - 1)));
	return (int)(i * cols / n);
}

/* The first epoch index after column x, which holds index i. */
static size_t x_end(const struct canvas *c, size_t i, int x)
{
	uint64_t n = c->n, cols = (uint64_t)c->cols;
	if (n <= cols)
		return i + 1;
	return (size_t)(((uint64_t)x + 1) * n + cols - 1) / cols;
}

/* A pen walks a series' path and leaves dots by its pattern. */
struct pen {
	const struct canvas *c;
	int series;
	const char *pattern;
	size_t len, step;
	int px, py, down;        /* last point of the previous column */
};

static void pen_dot(struct pen *p, int x, int y)
{
	if (p->pattern[p->step++ % p->len] == '1')
		set_dot(p->c, x, y, p->series);
}

/* Bresenham from (x0, y0), which is already drawn, to (x1, y1). */
static void pen_line(struct pen *p, int x0, int y0, int x1, int y1)
{
	int dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
	int dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
	int err = dx + dy;
	while (x0 != x1 || y0 != y1) {
		int e2 = 2 * err;
		if (e2 >= dy) { err += dy; x0 += sx; }
		if (e2 <= dx) { err += dx; y0 += sy; }
		pen_dot(p, x0, y0);
	}
}

/* One column's run of points: first, last and extremes, so that spikes
 * within a column are kept. Values, not dots: only these four are mapped,
 * which keeps log10 out of the per-epoch loop. */
struct column {
	int x;
	double first, last, lo, hi;
};

static void pen_column(struct pen *p, const struct yscale *ys, const struct column *col)
{
	int first = y_dot(ys, col->first), top = y_dot(ys, col->hi), bottom = y_dot(ys, col->lo);
	if (p->down)
		pen_line(p, p->px, p->py, col->x, first);
	else
		pen_dot(p, col->x, first);
	for (int y = first - 1; y >= top; y--)
		pen_dot(p, col->x, y);
	for (int y = first + 1; y <= bottom; y++)
		pen_dot(p, col->x, y);
	p->px = col->x;
	p->py = y_dot(ys, col->last);
	p->down = 1;
}

static void draw_series(const struct canvas *c, const struct yscale *ys,
                        const struct lr_series *s, int series)
{
	struct pen p = { .c = c, .series = series };
	p.pattern = c->ascii ? "1" : braille_patterns[series % 4];
	p.len = strlen(p.pattern);
	/* the open column, in locals so they stay in registers */
	int x = -1;
	double first = 0, last = 0, lo = 0, hi = 0;
	size_t end = 0;                      /* first index after it */
	for (size_t i = 0; s->y && i < s->n; i++) {
		double v = s->y[i];
		if (x >= 0 && i < end && valid(v, ys->logy)) {
			last = v;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
			continue;
		}
		if (x >= 0)
			pen_column(&p, ys, &(struct column){ x, first, last, lo, hi });
		x = -1;
		if (!valid(v, ys->logy)) {
			p.down = 0;                  /* a gap in the data: lift the pen */
			continue;
		}
		x = x_dot(c, i);
		end = x_end(c, i, x);
		first = last = lo = hi = v;
	}
	if (x >= 0)
		pen_column(&p, ys, &(struct column){ x, first, last, lo, hi });
}

/* ---------------------------------------------------------------- axes */

static void draw_y_axis(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                        const struct ticks *tk)
{
	for (int y = 0; y < L->ph; y++)
		lr_grid_put(g, L->ax, L->py0 + y, gl->vline, LR_STY_AXIS);
	for (int i = 0; i < tk->n; i++) {
		const struct tick *t = &tk->t[i];
		if (t->row < 0)
			continue;
		lr_grid_put(g, L->ax, L->py0 + t->row, gl->ytick, LR_STY_AXIS);
		if (L->lw)
			lr_grid_text(g, L->lw - lr_grid_text_len(t->label), L->py0 + t->row,
			             t->label, LR_STY_NORMAL);
	}
	lr_grid_put(g, L->ax, L->axis_y, gl->corner, LR_STY_AXIS);
	for (int x = L->px0; x < g->w; x++)
		lr_grid_put(g, x, L->axis_y, gl->hline, LR_STY_AXIS);
}

/* Places one x tick label if it keeps two columns from the others. */
static void x_label(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                    int cell, size_t epoch, int align, int used[][2], int *nused)
{
	char s[LABEL_MAX];
	snprintf(s, sizeof s, "%zu", epoch);
	int n = (int)strlen(s), x0 = L->px0 + cell;
	int x = align < 0 ? x0 : x0 - (n - 1) / 2;
	if (x + n > g->w)
		x = g->w - n;
	if (x < L->px0 - 1 || *nused >= MAX_TICKS)
		return;
	for (int i = 0; i < *nused; i++)
		if (x < used[i][1] + 2 && used[i][0] < x + n + 2)
			return;
	used[*nused][0] = x;
	used[(*nused)++][1] = x + n;
	lr_grid_put(g, x0, L->axis_y, gl->xtick, LR_STY_AXIS);
	lr_grid_text(g, x, L->ticks_y, s, LR_STY_NORMAL);
}

/* The smallest round step (1, 2, 2.5, 5 × 10^e, whole epochs) that puts
 * x tick labels X_TICK_SPACING columns apart; 0 for none. */
static double x_step(size_t n, int width)
{
	static const double m[] = { 1, 2, 2.5, 5 };
	for (double p = 1; n > 1 && p < 1e18; p *= 10)
		for (size_t i = 0; i < 4; i++) {
			double step = m[i] * p;
			if (step == floor(step) && step * width / (double)(n - 1) >= X_TICK_SPACING)
				return step;
		}
	return 0;
}

/* Ticks at 1, the last epoch and the multiples of a round step between. */
static void draw_x_ticks(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                         const struct canvas *c)
{
	int used[MAX_TICKS][2], nused = 0;
	size_t n = c->n ? c->n : 1;
	x_label(g, L, gl, 0, 1, -1, used, &nused);
	if (n < 2)
		return;
	int last = x_dot(c, n - 1) / c->dpc;
	x_label(g, L, gl, last, n, 0, used, &nused);
	double step = x_step(n, L->pw);
	for (double t = step; step > 0 && t < (double)n && nused < MAX_TICKS; t += step) {
		int cell = x_dot(c, (size_t)t - 1) / c->dpc;
		if (last - cell >= X_TICK_SPACING / 2)   /* not crowding the last one */
			x_label(g, L, gl, cell, (size_t)t, 0, used, &nused);
	}
}

/* ---------------------------------------------------------------- floor */

static int count_used(const struct lr_grid *g, int x, int y, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		const struct lr_cell *c = lr_grid_at(g, x + i, y);
		k += c && c->ch != ' ';
	}
	return k;
}

/* In braille the floor is a dashed row of dots at the floor's own dot row,
 * drawn over the curves: a box-drawing '─' sits at a cell's mid-height,
 * so a curve that reached the floor in the lower dots of that cell looked
 * below it. Its dots are added to a cell a curve already holds (which keeps
 * the curve's style, so the runs stay told apart); an empty cell takes the
 * floor's style. In ASCII a point is a whole cell, so the '-' goes in the
 * free cells of its row. */
static void floor_line(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                       const struct yscale *ys, double floor_v)
{
	int dot = y_dot(ys, floor_v), row = dot / ys->dpr;
	for (int x = 0; x < L->pw; x += 2) {
		const struct lr_cell *c = lr_grid_at(g, L->px0 + x, L->py0 + row);
		if (!c)
			continue;
		if (ys->dpr == 1) {
			if (c->ch == ' ')
				lr_grid_put(g, L->px0 + x, L->py0 + row, gl->floor, LR_STY_FLOOR);
			continue;
		}
		int curve = is_braille(c->ch) && c->ch != BRAILLE;
		unsigned mask = (curve ? c->ch - BRAILLE : 0) | dot_bits[dot % 4][0] |
		                dot_bits[dot % 4][1];
		lr_grid_put(g, L->px0 + x, L->py0 + row, BRAILLE + mask,
		            curve ? c->style : LR_STY_FLOOR);
	}
}

/* The floor line and its label at the right end on the row above or below,
 * whichever covers less of the curves. */
static void draw_floor(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                       const struct yscale *ys, double floor_v, const char *label)
{
	int row = y_row(ys, floor_v);
	floor_line(g, L, gl, ys, floor_v);
	if (!label || !*label)
		return;
	int n = lr_grid_text_len(label);
	int x = n >= L->pw ? L->px0 : g->w - n;
	int best = -1, best_used = 0;
	const int cand[2] = { row - 1, row + 1 };
	for (int i = 0; i < 2; i++) {
		if (cand[i] < 0 || cand[i] >= L->ph)
			continue;
		int used = count_used(g, x, L->py0 + cand[i], n);
		if (best < 0 || used < best_used) {
			best = cand[i];
			best_used = used;
		}
	}
	lr_grid_text(g, x, L->py0 + (best < 0 ? row : best), label, LR_STY_FLOOR);
}

/* ---------------------------------------------------------------- legend */

/* A sample of a series' line: its pattern along a horizontal row of dots. */
static int legend_sample(struct lr_grid *g, int x, int y, int series, int ascii)
{
	int style = LR_STY_SERIES1 + series % 4;
	if (ascii) {
		lr_grid_put(g, x, y, (uint32_t)ascii_marks[series % 4], style);
		return x + 1;
	}
	const char *pat = braille_patterns[series % 4];
	size_t len = strlen(pat), step = 0;
	for (int i = 0; i < LEGEND_SAMPLE; i++, x++) {
		unsigned mask = 0;
		for (int d = 0; d < 2; d++)
			if (pat[step++ % len] == '1')
				mask |= dot_bits[1][d];
		lr_grid_put(g, x, y, mask ? BRAILLE + mask : ' ', style);
	}
	return x;
}

/* Series k's legend label, or "series k" in fallback. */
static const char *legend_label(const struct lr_series *s, size_t k, char fallback[32])
{
	if (s[k].label && *s[k].label)
		return s[k].label;
	snprintf(fallback, 32, "series %zu", k + 1);
	return fallback;
}

/* Lays the legend's entries out from column x0, four cells apart, starting
 * a new row where the next would pass the right edge. With g NULL it only
 * counts the rows needed; otherwise draws on rows y.. up to rows of them
 * (what does not fit is cut at the edge of the last). */
static int legend_flow(struct lr_grid *g, int w, int x0, int y, int rows,
                       const struct lr_series *s, size_t ns, int ascii)
{
	int x = x0, row = 1;
	for (size_t k = 0; k < ns; k++) {
		char fallback[32];
		const char *label = legend_label(s, k, fallback);
		int need = (ascii ? 1 : LEGEND_SAMPLE) + 1 + lr_grid_text_len(label);
		if (x > x0 && x + need > w && (!g || row < rows)) {
			x = x0;
			row++;
		}
		if (!g) {
			x += need + 4;
			continue;
		}
		if (x >= w)
			break;
		x = legend_sample(g, x, y + row - 1, (int)k, ascii);
		x = lr_grid_text(g, x + 1, y + row - 1, label, LR_STY_NORMAL) + 4;
	}
	return row;
}

static void draw_legend(struct lr_grid *g, const struct layout *L,
                        const struct lr_series *s, size_t ns, int ascii)
{
	legend_flow(g, g->w, L->px0, L->legend_y, L->legend_rows, s, ns, ascii);
}

/* ---------------------------------------------------------------- lines */

/* The y range and its labelled ticks; returns the widest label. */
static int plot_ticks(struct yscale *ys, struct ticks *tk, const struct lr_series *s,
                      size_t ns, const struct lr_plot_opts *o, int rows)
{
	double lo, hi;
	tk->n = 0;
	if (!data_range(s, ns, o, &lo, &hi)) {
		lo = o->logy ? 1 : 0;    /* nothing to show: an empty frame */
		hi = o->logy ? 10 : 1;
	}
	if (o->logy)
		log_ticks(ys, tk, lo, hi, rows);
	else
		lin_ticks(ys, tk, lo, hi, rows);
	return place_ticks(tk, ys);
}

void lr_plot_lines(struct lr_grid *g, const struct lr_series *s, size_t ns,
                   const struct lr_plot_opts *o)
{
	static const struct lr_plot_opts none = { .floor = NAN };
	if (!g || !g->cells)
		return;
	if (!o)
		o = &none;
	if (!s)
		ns = 0;
	lr_grid_clear(g);
	struct layout L;
	int title = o->title && *o->title;
	int legend = ns > 1 || (ns == 1 && s[0].label && *s[0].label);
	const struct glyphs *gl = o->ascii ? &ascii_glyphs : &uni_glyphs;
	int dpr = o->ascii ? 1 : 4;
	struct yscale ys;
	struct ticks tk;
	/* The legend's rows depend on where the plot area starts, which
	 * depends on the y labels, which depend on the rows left: laid out
	 * with one legend row, then again with the rows it wants. */
	int ok = 0;
	for (int pass = 0; pass < 2; pass++) {
		ok = layout_rows(&L, g->h, title, legend, o->xlabel && *o->xlabel);
		ys = (struct yscale){ .logy = o->logy, .dots = ok ? L.ph * dpr : 1, .dpr = dpr };
		ok = ok && layout_cols(&L, g->w, plot_ticks(&ys, &tk, s, ns, o, L.ph));
		int want = ok && legend ? legend_flow(NULL, g->w, L.px0, 0, 0, s, ns, o->ascii) : legend;
		if (want == legend)
			break;
		legend = want;
	}
	if (!ok) {
		if (title)
			draw_centered(g, 0, g->w, 0, o->title, LR_STY_TITLE);
		return;
	}
	struct canvas c = { g, &L, o->ascii, o->ascii ? 1 : 2, dpr, 0, ys.dots, 0 };
	c.cols = L.pw * c.dpc;
	for (size_t k = 0; k < ns; k++)
		c.n = s[k].y && s[k].n > c.n ? s[k].n : c.n;
	for (size_t k = ns; k-- > 0;)    /* series 1 last, so it is on top */
		draw_series(&c, &ys, &s[k], (int)k);
	if (valid(o->floor, o->logy))
		draw_floor(g, &L, gl, &ys, o->floor, o->floor_label);
	draw_y_axis(g, &L, gl, &tk);
	if (L.ticks_y >= 0)
		draw_x_ticks(g, &L, gl, &c);
	if (L.title_y >= 0)
		draw_centered(g, L.px0, L.pw, L.title_y, o->title, LR_STY_TITLE);
	if (L.xlabel_y >= 0)
		draw_centered(g, L.px0, L.pw, L.xlabel_y, o->xlabel, LR_STY_NORMAL);
	if (L.legend_y >= 0)
		draw_legend(g, &L, s, ns, o->ascii);
}

/* ---------------------------------------------------------------- spectrum */

struct bars {
	size_t shown;            /* bars drawn (the rest are cut off) */
	int slot, bar, lead;     /* columns per bar, bar width, gap before it */
	int cut;                 /* column of the cut-off marker, or -1 */
};

/* Column where bar i starts; the marker column follows bar k-1. */
static int bar_x(const struct layout *L, const struct bars *b, size_t i, size_t k)
{
	return L->px0 + (int)i * b->slot + b->lead + (b->cut >= 0 && i >= k);
}

static void bar_layout(struct bars *b, const struct layout *L, size_t p, size_t k)
{
	int avail = L->pw - 1;       /* one column kept for the marker */
	b->shown = p < (size_t)avail ? p : (size_t)avail;
	b->slot = p ? avail / (int)b->shown : 1;
	if (p > (size_t)avail || b->slot < 1)
		b->slot = 1;
	int slot_max = L->pw / 8 > BAR_SLOT_MAX ? L->pw / 8 : BAR_SLOT_MAX;
	if (b->slot > slot_max)
		b->slot = slot_max;
	int gap = b->slot >= 2 ? (b->slot / 4 > 1 ? b->slot / 4 : 1) : 0;
	b->bar = b->slot - gap;
	b->lead = gap - gap / 2;
	b->cut = k < b->shown ? L->px0 + (int)k * b->slot : -1;
}

/* One bar from the bottom of the plot area up, in eighths of a cell
 * (Unicode). A kept bar is solid; a dropped one is shaded in its whole
 * cells, with its last fraction as an eighth block in the dropped style
 * (there are no shaded eighth blocks; rounding a dropped bar up to a whole
 * shaded cell drew σ3 = 0.35 taller than a kept σ2 = 0.70 in lesson 4), and
 * at least ▁ when nonzero, so it stays visible. The cut mark ┆ tells the
 * two apart where colour does not. ASCII rounds to whole cells and shows a
 * '.' for a bar shorter than half a cell. */
static int draw_bar(struct lr_grid *g, const struct layout *L, int x, int width,
                    double frac, int kept, int ascii)
{
	long eighths = lround(frac * L->ph * 8);
	long full = eighths / 8, rem = eighths % 8;
	int style = kept ? LR_STY_KEPT : LR_STY_DROPPED;
	uint32_t body = ascii ? (kept ? '#' : ':') : kept ? 0x2588 : 0x2591;
	uint32_t top = 0;
	if (ascii) {
		full = (eighths + 4) / 8;
		top = full == 0 && eighths > 0 ? '.' : 0;
	} else if (kept) {
		top = rem > 0 ? 0x2580 + (uint32_t)rem : 0;   /* ▁ … ▇ */
	} else {
		/* A dropped bar's top in quarters of braille dots (⣀ ⣤ ⣶), never
		 * taller than its eighths but for the least visible one: an eighth
		 * block there was the kept glyph, so a short dropped bar looked kept
		 * wherever there is no colour (NO_COLOR, monochrome). */
		static const uint32_t quarter[4] = { 0, 0x28C0, 0x28E4, 0x28F6 };
		long q = rem / 2;
		if (q == 0 && (rem > 0 || (full == 0 && frac > 0)))
			q = 1;
		top = quarter[q];
	}
	int y = L->axis_y - 1;
	for (int dx = 0; dx < width; dx++) {
		y = L->axis_y - 1;
		for (long i = 0; i < full && y >= L->py0; i++, y--)
			lr_grid_put(g, x + dx, y, body, style);
		if (top && y >= L->py0)
			lr_grid_put(g, x + dx, y--, top, style);
	}
	return y;
}

/* Writes each value above its bar when every label fits its slot with a
 * space to spare: the numbers a lesson talks about, on screen. Returns 1 if
 * they fit (then bars are drawn one row lower). */
static int values_fit(const double *sigma, const struct bars *b)
{
	char s[LABEL_MAX];
	for (size_t i = 0; i < b->shown; i++)
		if (snprintf(s, sizeof s, "%.4g", isfinite(sigma[i]) ? sigma[i] : 0) >= b->slot)
			return 0;
	return b->shown > 0;
}

static void value_label(struct lr_grid *g, const struct bars *b, int x, int y, double v)
{
	char s[LABEL_MAX];
	int n = snprintf(s, sizeof s, "%.4g", isfinite(v) ? v : 0);
	c_decimal_point(s);
	lr_grid_text(g, x + (b->bar - n) / 2, y, s, LR_STY_NORMAL);
}

/* Index labels under the bars: every one when they fit, else 1 and the
 * multiples of 5, 10, 20, 50, ... */
static size_t label_step(size_t slot, size_t width)
{
	if (slot >= width)
		return 1;
	for (size_t m = 1; m < (size_t)1e15; m *= 10) {
		static const size_t f[] = { 5, 10, 20 };
		for (size_t i = 0; i < 3; i++)
			if (f[i] * m * slot >= width)
				return f[i] * m;
	}
	return (size_t)-1;
}

static void spectrum_labels(struct lr_grid *g, const struct layout *L, const struct bars *b,
                            size_t k)
{
	char s[LABEL_MAX];
	int end = -10, width = snprintf(s, sizeof s, "%zu", b->shown) + 1;
	size_t step = label_step((size_t)b->slot, (size_t)width);
	for (size_t i = 0; i < b->shown; i++) {
		if (i != 0 && (i + 1) % step != 0)
			continue;
		int n = snprintf(s, sizeof s, "%zu", i + 1);
		int x = bar_x(L, b, i, k) + (b->bar - 1) / 2 - (n - 1) / 2;
		if (x <= end || x + n > g->w)       /* a space between labels */
			continue;
		end = lr_grid_text(g, x, L->ticks_y, s, LR_STY_NORMAL);
	}
}

/* "kept σ1–σ2" or "dropped σ3" ("kept 1-2" in ASCII); with brief set,
 * just the word. */
static void legend_entry(char *s, size_t size, const char *word, size_t a, size_t b,
                         int ascii, int brief)
{
	const char *sig = ascii ? "" : "σ";
	if (brief)
		snprintf(s, size, "%s", word);
	else if (a == b)
		snprintf(s, size, "%s %s%zu", word, sig, a);
	else
		snprintf(s, size, "%s %s%zu%s%s%zu", word, sig, a, ascii ? "-" : "–", sig, b);
}

/* The legend row: which glyph is kept and which dropped, and how many bars
 * were cut off; shortened when the full text does not fit. */
static void spectrum_legend(struct lr_grid *g, const struct layout *L, size_t p, size_t k,
                            size_t shown, int ascii)
{
	char kept[64] = "", dropped[64] = "", note[64] = "";
	for (int brief = 0; brief < 2; brief++) {
		if (k > 0)
			legend_entry(kept, sizeof kept, "kept", 1, k < p ? k : p, ascii, brief);
		if (k < p)
			legend_entry(dropped, sizeof dropped, "dropped", k + 1, p, ascii, brief);
		if (shown < p)
			snprintf(note, sizeof note, brief ? "%s%zu/%zu shown" : "%sfirst %zu of %zu shown",
			         ascii ? "... " : "… ", shown, p);
		int width = (k > 0) * (lr_grid_text_len(kept) + 6) +
		            (k < p) * (lr_grid_text_len(dropped) + 6) + lr_grid_text_len(note);
		if (L->px0 + width <= g->w + 4)
			break;
	}
	int x = L->px0, y = L->legend_y;
	if (k > 0) {
		lr_grid_put(g, x, y, ascii ? '#' : 0x2588, LR_STY_KEPT);
		x = lr_grid_text(g, x + 2, y, kept, LR_STY_NORMAL) + 4;
	}
	if (k < p) {
		lr_grid_put(g, x, y, ascii ? ':' : 0x2591, LR_STY_DROPPED);
		x = lr_grid_text(g, x + 2, y, dropped, LR_STY_NORMAL) + 4;
	}
	lr_grid_text(g, x, y, note, LR_STY_DIM);
}

/* The cut-off marker: a dashed vertical line between bars k and k+1, its
 * label above it (or beside its top when there is no row above). */
static void spectrum_cut(struct lr_grid *g, const struct layout *L, const struct glyphs *gl,
                         const struct bars *b, size_t k, int label_y)
{
	char s[LABEL_MAX];
	int n = snprintf(s, sizeof s, "k=%zu", k);
	for (int y = L->py0; y < L->axis_y; y++)
		lr_grid_put(g, b->cut, y, gl->cut, LR_STY_FLOOR);
	lr_grid_put(g, b->cut, L->axis_y, gl->cut_axis, LR_STY_AXIS);
	if (label_y >= 0)
		lr_grid_text(g, b->cut - (n - 1) / 2, label_y, s, LR_STY_FLOOR);
	else
		lr_grid_text(g, b->cut + 1, L->py0, s, LR_STY_FLOOR);
}

void lr_plot_spectrum(struct lr_grid *g, const double *sigma, size_t p, size_t k,
                      int ascii)
{
	if (!g || !g->cells)
		return;
	if (!sigma)
		p = 0;
	lr_grid_clear(g);
	const struct glyphs *gl = ascii ? &ascii_glyphs : &uni_glyphs;
	double max = 0;
	for (size_t i = 0; i < p; i++)
		if (isfinite(sigma[i]) && sigma[i] > max)
			max = sigma[i];
	char top[LABEL_MAX];
	snprintf(top, sizeof top, "%.4g", max);
	c_decimal_point(top);
	struct layout L;
	int marker = k < p;
	if (!layout_rows(&L, g->h, marker, 1, 0) || !layout_cols(&L, g->w, lr_grid_text_len(top)))
		return;
	struct bars b;
	bar_layout(&b, &L, p, k);
	int values = L.ph >= 6 && values_fit(sigma, &b);
	if (values) {                    /* the values say it: no max label */
		top[0] = 0;
		layout_cols(&L, g->w, 1);
		bar_layout(&b, &L, p, k);
	}
	struct layout BL = L;            /* the bars' rows: one fewer with values */
	BL.py0 += values;
	BL.ph -= values;
	for (size_t i = 0; i < b.shown; i++) {
		double v = isfinite(sigma[i]) && sigma[i] > 0 && max > 0 ? sigma[i] / max : 0;
		int x = bar_x(&L, &b, i, k);
		int y = draw_bar(g, &BL, x, b.bar, v, i < k, ascii);
		if (values)
			value_label(g, &b, x, y, sigma[i]);
	}
	struct ticks tk = { .n = !values };
	tk.t[0] = (struct tick){ .v = max, .row = values };
	memcpy(tk.t[0].label, top, sizeof top);
	draw_y_axis(g, &L, gl, &tk);
	if (L.lw)
		lr_grid_text(g, L.lw - 1, L.axis_y, "0", LR_STY_NORMAL);
	if (b.cut >= 0)
		spectrum_cut(g, &L, gl, &b, k, L.title_y);
	if (L.ticks_y >= 0)
		spectrum_labels(g, &L, &b, k);
	if (L.legend_y >= 0)
		spectrum_legend(g, &L, p, k, b.shown, ascii);
}
