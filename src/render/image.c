/* Matrices as pictures in a character grid: see image.h. */
#include "image.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"

enum { UPPER_HALF = 0x2580, HIDDEN_CH = '?' };

static const char ramp[] = " .:-=+*#%@";

void lr_image_scale(const struct lr_matrix *A, double *lo, double *hi)
{
	double mx = -INFINITY;
	size_t n = A->rows * A->cols;

	for (size_t i = 0; i < n; i++)
		if (isfinite(A->data[i]) && A->data[i] > mx)
			mx = A->data[i];
	*lo = 0;
	*hi = mx <= 1 ? 1 : 255;
}

unsigned char lr_image_level(double v, double lo, double hi)
{
	double t;

	if (isnan(v) || !(hi > lo))
		return 0;
	t = (v - lo) / (hi - lo) * 255 + 0.5;
	return t <= 0 ? 0 : t >= 255 ? 255 : (unsigned char)t;
}

int lr_image_gray256(int g)
{
	/* xterm's grays 232..255 are levels 8, 18, ..., 238; black (0) and
	 * white (255) are the cube's colours 16 and 231. The nearest, a tie
	 * going to the darker. */
	int i = g < 8 ? 0 : (g - 8 + 4) / 10, d;

	if (i > 23)
		i = 23;
	d = abs(g - (8 + 10 * i));
	if (g <= d)
		return 16;
	return 255 - g < d ? 231 : 232 + i;
}

struct lr_image_fit lr_image_fit(size_t h, size_t w, int max_cols, int max_rows)
{
	struct lr_image_fit f = { 0, 0, 1 };
	double s;

	if (h == 0 || w == 0 || max_cols < 1 || max_rows < 1)
		return f;
	s = fmax(1.0, fmax((double)w / max_cols, (double)h / (2.0 * max_rows)));
	f.cols = (int)fmin(max_cols, fmax(1, floor((double)w / s + 0.5)));
	f.rows = (int)fmin(max_rows, fmax(1, ceil((double)h / (2 * s) - 1e-9)));
	f.scale = s;
	return f;
}

/* The source indices and weights of n output cells over len source
 * indices: cell j covers [j·len/n, (j+1)·len/n), each source index with
 * the part of it inside. first[j] is its first index, w[first[j]+...]
 * the weights, count[j] how many; w is indexed from first[j] + j (each
 * cell's run of weights starts there, at most one past the last index). */
struct spans {
	size_t *first, *count;
	double *w;
};

static int spans_make(struct spans *sp, size_t len, size_t n)
{
	double step = (double)len / n;

	sp->first = lr_mallocarray(2 * n, sizeof *sp->first);
	sp->w = lr_mallocarray(len + n, sizeof *sp->w);
	if (!sp->first || !sp->w)
		return -1;
	sp->count = sp->first + n;
	for (size_t j = 0; j < n; j++) {
		double a = j * step, b = (j + 1) * step;
		size_t k = (size_t)a, c = 0;
		sp->first[j] = k;
		for (; k < len && (double)k < b; k++, c++)
			sp->w[sp->first[j] + j + c] = (b < k + 1.0 ? b : k + 1.0) - (a > k ? a : (double)k);
		sp->count[j] = c;
	}
	return 0;
}

static void spans_free(struct spans *sp)
{
	lr_free(sp->first);
	lr_free(sp->w);
}

/* The sum and weight of row r of A over the columns of span j, NaN and
 * masked entries left out. */
static void row_span(const struct lr_matrix *A, size_t r, const struct spans *sp, size_t j,
                     double *sum, double *wt)
{
	const double *v = A->data + r * A->cols + sp->first[j];
	const double *w = sp->w + sp->first[j] + j;
	const unsigned char *mk = A->mask ? A->mask + r * A->cols + sp->first[j] : NULL;
	double s = 0, t = 0;

	for (size_t c = 0; c < sp->count[j]; c++)
		if (v[c] == v[c] && (!mk || mk[c])) {   /* not NaN, observed */
			s += w[c] * v[c];
			t += w[c];
		}
	*sum = s;
	*wt = t;
}

/* The row pass for a picture with no hidden entries: four rows at a time,
 * each sum the same as row_span's, term by term and in the same order (so
 * the pictures do not change by a bit), but with no test per entry and four
 * independent sums in flight: the pass was bound by the latency of one
 * running sum. 0, or -1 when a sum is not finite (a NaN or an infinity is
 * in A: the caller takes the careful way). */
static int rows_plain(const struct lr_matrix *A, const struct spans *sp, size_t out_w,
                      double *sum, double *wt)
{
	size_t n = A->cols, r = 0;
	double bad = 0;

	for (size_t j = 0; j < out_w; j++) {
		const double *w = sp->w + sp->first[j] + j;
		double t = 0;
		for (size_t c = 0; c < sp->count[j]; c++)
			t += w[c];
		wt[j] = t;
	}
	for (; r + 4 <= A->rows; r += 4) {
		const double *v = A->data + r * n;
		for (size_t j = 0; j < out_w; j++) {
			const double *w = sp->w + sp->first[j] + j, *x = v + sp->first[j];
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (size_t c = 0; c < sp->count[j]; c++) {
				s0 += w[c] * x[c];
				s1 += w[c] * x[c + n];
				s2 += w[c] * x[c + 2 * n];
				s3 += w[c] * x[c + 3 * n];
			}
			sum[r * out_w + j] = s0;
			sum[(r + 1) * out_w + j] = s1;
			sum[(r + 2) * out_w + j] = s2;
			sum[(r + 3) * out_w + j] = s3;
			bad += (s0 - s0) + (s1 - s1) + (s2 - s2) + (s3 - s3);   /* NaN if one is not finite */
		}
	}
	for (; r < A->rows; r++)
		for (size_t j = 0; j < out_w; j++) {
			const double *w = sp->w + sp->first[j] + j, *x = A->data + r * n + sp->first[j];
			double s0 = 0;
			for (size_t c = 0; c < sp->count[j]; c++)
				s0 += w[c] * x[c];
			sum[r * out_w + j] = s0;
			bad += s0 - s0;
		}
	if (bad != 0)
		return -1;
	for (r = 1; r < A->rows; r++)
		memcpy(wt + r * out_w, wt, out_w * sizeof *wt);
	return 0;
}

/* Averages of A over out_h × out_w areas, NaN (and masked entries) left
 * out; NaN where more than half an area has no value. Separable: first across columns
 * (sum and weight kept per row), then down the rows, with the weights of
 * each span found once. A picture with no mask and no NaN (a photograph)
 * takes rows_plain's way across its columns. */
static int resample(const struct lr_matrix *A, size_t out_h, size_t out_w, double *out)
{
	struct spans cs = { 0 }, rs = { 0 };
	double *sum = lr_mallocarray(A->rows * out_w, 2 * sizeof *sum), *wt, area;
	double *s = lr_mallocarray(out_w, 2 * sizeof *s), *t;
	int rc = -1;

	if (!sum || !s || spans_make(&cs, A->cols, out_w) < 0 ||
	    spans_make(&rs, A->rows, out_h) < 0)
		goto done;
	wt = sum + A->rows * out_w;
	t = s + out_w;
	area = (double)A->cols / out_w * ((double)A->rows / out_h);
	if (A->mask || rows_plain(A, &cs, out_w, sum, wt) < 0)
		for (size_t r = 0; r < A->rows; r++)
			for (size_t j = 0; j < out_w; j++)
				row_span(A, r, &cs, j, &sum[r * out_w + j], &wt[r * out_w + j]);
	for (size_t i = 0; i < out_h; i++) {
		const double *w = rs.w + rs.first[i] + i;
		for (size_t j = 0; j < out_w; j++)
			s[j] = t[j] = 0;
		/* a row at a time, each cell's terms in the order of its rows */
		for (size_t c = 0; c < rs.count[i]; c++) {
			const double *sr = sum + (rs.first[i] + c) * out_w, *tr = wt + (rs.first[i] + c) * out_w;
			for (size_t j = 0; j < out_w; j++) {
				s[j] += w[c] * sr[j];
				t[j] += w[c] * tr[j];
			}
		}
		/* hidden when more than half of it is (a pixel of a picture
		 * with 30 % hidden at random mostly is not, at a coarse scale) */
		for (size_t j = 0; j < out_w; j++)
			out[i * out_w + j] = t[j] > 0 && t[j] >= 0.5 * area * (1 - 1e-12) ? s[j] / t[j] :
			                     NAN;
	}
	rc = 0;
done:
	spans_free(&cs);
	spans_free(&rs);
	lr_free(sum);
	lr_free(s);
	return rc;
}

static void put_cell(struct lr_grid *g, int x, int y, double up, double down, double lo,
                     double hi, enum lr_colour_mode mode)
{
	int a, b;

	if ((isnan(up) || isnan(down)) && mode == LR_COLOUR_SHADE) {
		lr_grid_put(g, x, y, HIDDEN_CH, LR_STY_HIDDEN);
		return;
	}
	if (isnan(up) || isnan(down)) {   /* the hidden pixel in magenta, the other gray */
		lr_grid_pixels(g, x, y, UPPER_HALF, LR_STY_PIX_256,
		               isnan(up) ? LR_IMAGE_HIDDEN : lr_image_gray256(lr_image_level(up, lo, hi)),
		               isnan(down) ? LR_IMAGE_HIDDEN :
		               lr_image_gray256(lr_image_level(down, lo, hi)));
		return;
	}
	a = lr_image_level(up, lo, hi);
	b = lr_image_level(down, lo, hi);
	if (mode == LR_COLOUR_TRUE)
		lr_grid_pixels(g, x, y, UPPER_HALF, LR_STY_PIX_GRAY, a, b);
	else if (mode == LR_COLOUR_256)
		lr_grid_pixels(g, x, y, UPPER_HALF, LR_STY_PIX_256, lr_image_gray256(a),
		               lr_image_gray256(b));
	else
		lr_grid_put(g, x, y, (uint32_t)ramp[(a + b) * 10 / 512], LR_STY_NORMAL);
}

int lr_image_draw(struct lr_grid *g, int x, int y, const struct lr_image_fit *cells,
                  const struct lr_matrix *A, double lo, double hi, enum lr_colour_mode mode)
{
	size_t w = (size_t)cells->cols, h = 2 * (size_t)cells->rows;
	double *px;

	if (cells->cols < 1 || cells->rows < 1 || A->rows == 0 || A->cols == 0)
		return 0;
	px = lr_mallocarray(w * h, sizeof *px);
	if (!px || resample(A, h, w, px) < 0) {
		lr_free(px);
		return -1;
	}
	for (int r = 0; r < cells->rows; r++)
		for (int c = 0; c < cells->cols; c++)
			put_cell(g, x + c, y + r, px[2 * r * w + c], px[(2 * r + 1) * w + c], lo, hi,
			         mode);
	lr_free(px);
	return 0;
}

void lr_image_text(struct lr_buf *out, const char *name, const struct lr_matrix *A,
                   double lo, double hi, int max_cols, int max_rows)
{
	struct lr_image_fit f = lr_image_fit(A->rows, A->cols, max_cols, max_rows);
	struct lr_grid g;

	lo += 0.0;   /* no "-0" in the message */
	hi = hi == 0 ? 0 : hi;
	lo = lo == 0 ? 0 : lo;
	lr_buf_printf(out, "%s (%zu×%zu pixels), %g black to %g white: %d×%d characters, "
	              "each the average of %.3g×%.3g pixels\n", name, A->rows, A->cols, lo, hi,
	              f.cols, f.rows, (double)A->cols / (f.cols ? f.cols : 1),
	              (double)A->rows / (f.rows ? f.rows : 1));
	if (lr_grid_init(&g, f.cols, f.rows) < 0 || lr_image_draw(&g, 0, 0, &f, A, lo, hi,
	                                                       LR_COLOUR_SHADE) < 0) {
		lr_buf_puts(out, "(out of memory: the picture is not drawn)\n");
		lr_grid_finish(&g);
		return;
	}
	lr_grid_to_text(&g, out);
	lr_grid_finish(&g);
}
