/* SVG figures: see svg.h. */
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { W = 800, H = 500, LEFT = 90, RIGHT = 30, TOP = 56, BOTTOM = 70 };

static const char *const colours[] = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };
static const char *const dashes[] = { "", "8 4", "2 3", "8 3 2 3" };

void lr_svg_text(struct lr_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': lr_buf_puts(out, "&amp;"); break;
		case '<': lr_buf_puts(out, "&lt;"); break;
		case '>': lr_buf_puts(out, "&gt;"); break;
		case '"': lr_buf_puts(out, "&quot;"); break;
		default: lr_buf_putc(out, *s);
		}
	}
}

static void begin(struct lr_buf *out, const char *title)
{
	lr_buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	              "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, "
	              "sans-serif\" font-size=\"15\">\n<rect width=\"%d\" height=\"%d\" "
	              "fill=\"white\"/>\n", W, H, W, H, W, H);
	lr_buf_printf(out, "<text x=\"%d\" y=\"32\" font-size=\"18\" font-weight=\"bold\" "
	              "text-anchor=\"middle\">", W / 2);
	lr_svg_text(out, title ? title : "");
	lr_buf_puts(out, "</text>\n");
}

/* The frame of the plot area and the two axis labels. */
static void axes(struct lr_buf *out, const char *xlabel, const char *ylabel)
{
	lr_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
	              "stroke=\"black\"/>\n", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
	lr_buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", (LEFT + W - RIGHT) / 2,
	              H - 22);
	lr_svg_text(out, xlabel ? xlabel : "");
	lr_buf_printf(out, "</text>\n<text transform=\"translate(24 %d) rotate(-90)\" "
	              "text-anchor=\"middle\">", (TOP + H - BOTTOM) / 2);
	lr_svg_text(out, ylabel ? ylabel : "");
	lr_buf_puts(out, "</text>\n");
}

static void tick_label(char *buf, size_t n, double v)
{
	if (v >= 1e-3 && v < 1e5)
		snprintf(buf, n, "%g", v);
	else
		snprintf(buf, n, "%.0e", v);
}

/* x ticks at 1 and round numbers up to n: 1, 2 or 5 times a power of ten. */
static double x_step(size_t n)
{
	double raw = (double)n / 6, p = pow(10, floor(log10(raw > 1 ? raw : 1)));

	return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
}

struct frame {
	double lo, hi;   /* log10 of the y range */
	size_t n;        /* epochs */
};

static double px(const struct frame *f, double x)
{
	return LEFT + (f->n > 1 ? (x - 1) / (double)(f->n - 1) : 0.5) * (W - LEFT - RIGHT);
}

static double py(const struct frame *f, double y)
{
	return H - BOTTOM - (log10(y) - f->lo) / (f->hi - f->lo) * (H - TOP - BOTTOM);
}

static void ticks(struct lr_buf *out, const struct frame *f)
{
	char t[32];
	double step = x_step(f->n);

	for (int e = (int)f->lo; e <= (int)f->hi; e++) {
		double y = py(f, pow(10, e));
		tick_label(t, sizeof t, pow(10, e));
		lr_buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
		              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, y,
		              W - RIGHT, y, LEFT - 8, y + 5, t);
	}
	for (double x = 0; x <= (double)f->n; x += step) {
		double v = x < 1 ? 1 : x;
		lr_buf_printf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
		              "\n<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g</text>\n",
		              px(f, v), H - BOTTOM, px(f, v), H - BOTTOM + 6, px(f, v),
		              H - BOTTOM + 24, v);
	}
}

/* The y range: whole decades around the positive finite values and the floor. */
static struct frame frame_of(const struct lr_series *s, size_t ns, double fl)
{
	struct frame f = { INFINITY, -INFINITY, 1 };

	for (size_t i = 0; i < ns; i++) {
		f.n = s[i].n > f.n ? s[i].n : f.n;
		for (size_t j = 0; j < s[i].n; j++)
			if (isfinite(s[i].y[j]) && s[i].y[j] > 0) {
				f.lo = fmin(f.lo, log10(s[i].y[j]));
				f.hi = fmax(f.hi, log10(s[i].y[j]));
			}
	}
	if (isfinite(fl) && fl > 0) {
		f.lo = fmin(f.lo, log10(fl));
		f.hi = fmax(f.hi, log10(fl));
	}
	if (!isfinite(f.lo))
		f.lo = f.hi = 0;
	f.lo = floor(f.lo);
	f.hi = ceil(f.hi);
	if (f.hi <= f.lo)
		f.hi = f.lo + 1;
	return f;
}

/* One series as polylines, broken where a value cannot be drawn; at most
 * about 2 points a horizontal unit (more epochs are thinned, keeping each
 * stretch's first value). */
static void series(struct lr_buf *out, const struct frame *f, const struct lr_series *s, int i)
{
	size_t stride = s->n > 1400 ? s->n / 1400 : 1;
	int open = 0;

	for (size_t j = 0; j < s->n; j += stride) {
		double y = s->y[j];
		if (!(isfinite(y) && y > 0)) {
			if (open)
				lr_buf_puts(out, "\"/>\n");
			open = 0;
			continue;
		}
		if (!open)
			lr_buf_printf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s%s%s "
			              "points=\"", colours[i % 4], dashes[i % 4][0] ? " stroke-dasharray=\"" :
			              "", dashes[i % 4], dashes[i % 4][0] ? "\"" : "");
		lr_buf_printf(out, "%s%.1f,%.1f", open ? " " : "", px(f, (double)j + 1), py(f, y));
		open = 1;
	}
	if (open)
		lr_buf_puts(out, "\"/>\n");
}

/* The legend box's width: a sample and the longest label at about 8.5
 * units a character of the 15-unit font. */
static int legend_w(const struct lr_series *s, size_t ns, const char *floor_label)
{
	size_t n = floor_label ? strlen(floor_label) : 0;

	for (size_t i = 0; i < ns; i++)
		if (s[i].label && strlen(s[i].label) > n)
			n = strlen(s[i].label);
	return 56 + (int)(8.5 * (double)n);
}

static void legend_entry(struct lr_buf *out, int row, int lw, const char *colour,
                         const char *dash, const char *label)
{
	int y = TOP + 22 + 22 * row, x = W - RIGHT - lw;

	lr_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
	              "stroke-width=\"2\"%s%s%s/>\n<text x=\"%d\" y=\"%d\">", x, y - 5, x + 30,
	              y - 5, colour, dash[0] ? " stroke-dasharray=\"" : "", dash,
	              dash[0] ? "\"" : "", x + 38, y);
	lr_svg_text(out, label);
	lr_buf_puts(out, "</text>\n");
}

void lr_svg_lines(struct lr_buf *out, const struct lr_series *s, size_t ns,
                  const struct lr_plot_opts *o, const char *ylabel)
{
	double fl = o && isfinite(o->floor) && o->floor > 0 ? o->floor : NAN;
	struct frame f = frame_of(s, ns, fl);
	int rows = 0, lw = legend_w(s, ns, !isnan(fl) ? o->floor_label : NULL);

	begin(out, o ? o->title : NULL);
	ticks(out, &f);
	axes(out, o ? o->xlabel : NULL, ylabel);
	if (!isnan(fl))
		lr_buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#2ca02c\" "
		              "stroke-width=\"2\" stroke-dasharray=\"10 6\"/>\n", LEFT, py(&f, fl),
		              W - RIGHT, py(&f, fl));
	for (size_t i = 0; i < ns; i++)
		series(out, &f, &s[i], (int)i);
	lr_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"white\" "
	              "fill-opacity=\"0.85\" stroke=\"#999\"/>\n", W - RIGHT - lw - 8, TOP + 6,
	              lw, 22 * (int)(ns + !isnan(fl)) + 8);
	for (size_t i = 0; i < ns; i++)
		legend_entry(out, rows++, lw, colours[i % 4], dashes[i % 4],
		             s[i].label ? s[i].label : "series");
	if (!isnan(fl))
		legend_entry(out, rows, lw, "#2ca02c", "10 6",
		             o->floor_label ? o->floor_label : "floor");
	lr_buf_puts(out, "</svg>\n");
}

void lr_svg_spectrum(struct lr_buf *out, const double *sigma, size_t p, size_t k,
                     const char *title)
{
	size_t shown = p > 120 ? 120 : p;
	double top = 0, bw;
	char t[32];

	for (size_t i = 0; i < shown; i++)
		top = isfinite(sigma[i]) && sigma[i] > top ? sigma[i] : top;
	top = top > 0 ? top : 1;
	bw = (double)(W - LEFT - RIGHT) / (double)(shown ? shown : 1);
	begin(out, title);
	for (int q = 0; q <= 4; q++) {
		double y = H - BOTTOM - q / 4.0 * (H - TOP - BOTTOM);
		snprintf(t, sizeof t, "%.4g", top * q / 4);
		lr_buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
		              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, y,
		              W - RIGHT, y, LEFT - 8, y + 5, t);
	}
	for (size_t i = 0; i < shown; i++) {
		double v = isfinite(sigma[i]) && sigma[i] > 0 ? sigma[i] : 0;
		double h = v / top * (H - TOP - BOTTOM);
		lr_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		              "fill=\"%s\"/>\n", LEFT + i * bw + bw * 0.1, H - BOTTOM - h, bw * 0.8, h,
		              i < k ? "#1f77b4" : "#bbbbbb");
		if (shown <= 30 || (i + 1) % (shown <= 60 ? 5 : 10) == 0 || i == 0)
			lr_buf_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%zu</text>\n",
			              LEFT + (i + 0.5) * bw, H - BOTTOM + 22, i + 1);
	}
	if (k < shown)
		lr_buf_printf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
		              "stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n<text x=\"%.1f\" y=\"%d\" "
		              "fill=\"#d62728\">k = %zu</text>\n", LEFT + k * bw, TOP, LEFT + k * bw,
		              H - BOTTOM, LEFT + k * bw + 6, TOP + 18, k);
	if (shown < p)
		lr_buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">the first "
		              "%zu of %zu shown</text>\n", W - RIGHT - 6, TOP + 18, shown, p);
	axes(out, "i", "singular value \xcf\x83\xe1\xb5\xa2 (blue: kept, gray: dropped)");
	lr_buf_puts(out, "</svg>\n");
}
