/* `print FILE`, `print -dsvg FILE`, print('FILE'), print('-dpng', 'FILE'):
 * the figure the last statement showed, written for a slide. The figure is
 * noted from the events (interp/figure.c): sgd and plot show the loss,
 * svd and explore the spectrum, explore of a picture, `view image` and
 * imshow the pictures; `view NAME` chooses. SVG for every figure
 * (render/svg.c, pictures embedded as PNG). PNG of the loss curves and the
 * spectrum is that SVG rasterised (image/svg_png.c), so each has one
 * drawing; PNG of the pictures is their pixels, one a pixel of A's. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "command_tables.h"
#include "factor.h"
#include "figure.h"
#include "image.h"
#include "image_io.h"
#include "plotcmd.h"
#include "results.h"
#include "svg.h"
#include "svg_png.h"

static const char usage[] = "print FILE.svg|FILE.png   or   print -dsvg|-dpng FILE";

/* ---- pictures as levels ---- */

struct levels {
	unsigned char *pix;   /* owned */
	size_t w, h;
};

static int levels_of(const struct lr_matrix *M, double lo, double hi, struct levels *l)
{
	l->w = M->cols;
	l->h = M->rows;
	l->pix = lr_malloc(M->rows * M->cols > 0 ? M->rows * M->cols : 1);
	for (size_t i = 0; l->pix && i < M->rows * M->cols; i++)
		l->pix[i] = lr_image_level(M->data[i], lo, hi);
	return l->pix ? 0 : -1;
}

/* A, A_k and A − A_k of the newest SVD at its k, as levels: A and A_k on
 * A's scale, the residual from −max|R| to +max|R| (0 middle gray). */
static int svd_levels(const struct lr_svd_run *r, size_t k, struct levels out[3],
                      double *rmax)
{
	const struct lr_svd *d = &r->svd;
	struct lr_matrix *Ak = lr_mat_create(d->m, d->n), *R = lr_mat_create(d->m, d->n);
	double lo, hi, amax = 0;
	int rc = -1;

	*rmax = 0;
	if (!Ak || !R)
		goto done;
	for (size_t l = 0; l < k && l < d->p; l++)
		lr_mat_add_outer(Ak, d->s[l], d->U, l, d->V, l);
	for (size_t i = 0; i < d->m * d->n; i++) {
		R->data[i] = r->A->data[i] - Ak->data[i];
		*rmax = fmax(*rmax, fabs(R->data[i]));
		amax = fmax(amax, fabs(r->A->data[i]));
	}
	if (*rmax <= 1e-9 * amax)
		*rmax = 0;   /* rounding: an even gray */
	lr_image_scale(r->A, &lo, &hi);
	rc = levels_of(r->A, lo, hi, &out[0]) | levels_of(Ak, lo, hi, &out[1]) |
	     levels_of(R, *rmax > 0 ? -*rmax : -1, *rmax > 0 ? *rmax : 1, &out[2]);
done:
	lr_mat_destroy(Ak);
	lr_mat_destroy(R);
	return rc;
}

static void base64(struct lr_buf *out, const unsigned char *d, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
		             (i + 2 < n ? d[i + 2] : 0);
		lr_buf_putc(out, t[v >> 18 & 63]);
		lr_buf_putc(out, t[v >> 12 & 63]);
		lr_buf_putc(out, i + 1 < n ? t[v >> 6 & 63] : '=');
		lr_buf_putc(out, i + 2 < n ? t[v & 63] : '=');
	}
}

/* One picture in an SVG: caption, then the PNG at x, y, w wide. */
static int svg_picture(struct lr_buf *out, const struct levels *l, double x, double y, double w,
                       const char *caption)
{
	struct lr_buf png;
	struct lr_img_error e;
	double h = w * (double)l->h / (double)l->w;

	lr_buf_init(&png);
	if (lr_img_encode_png(l->pix, l->w, l->h, &png, &e) != LR_IMG_OK || png.failed) {
		lr_buf_finish(&png);
		return -1;
	}
	lr_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2, y - 10);
	lr_svg_text(out, caption);
	lr_buf_printf(out, "</text>\n<image x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
	              "style=\"image-rendering:pixelated\" preserveAspectRatio=\"none\" "
	              "href=\"data:image/png;base64,", x, y, w, h);
	base64(out, (const unsigned char *)png.data, png.len);
	lr_buf_puts(out, "\"/>\n");
	lr_buf_finish(&png);
	return 0;
}

static void svg_head(struct lr_buf *out, int w, int h, const char *title)
{
	lr_buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3"
	              ".org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family="
	              "\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"15\">\n<rect width="
	              "\"%d\" height=\"%d\" fill=\"white\"/>\n<text x=\"%d\" y=\"30\" font-size=\"18\" "
	              "font-weight=\"bold\" text-anchor=\"middle\">", w, h, w, h, w, h, w / 2);
	lr_svg_text(out, title);
	lr_buf_puts(out, "</text>\n");
}

/* ---- the figures ---- */

static int figure_loss(struct lr_session *s, struct lr_pos pos, struct lr_buf *out)
{
	const struct lr_run *r = lr_session_last_run(s);
	struct lr_series ser[2];
	struct lr_plot_opts o;
	char title[128], flabel[96];
	size_t ns = 0, e;

	if (!r)
		return lr_fail(s, pos, "print: no training to print yet; run 'sgd A k' first");
	e = r->res.epochs_done > 0 ? (size_t)r->res.epochs_done : 0;
	memset(&o, 0, sizeof o);
	snprintf(title, sizeof title, "SGD loss of %.24s (%zu×%zu), k = %zu, lr %g",
	         r->matrix_name, r->A->rows, r->A->cols, r->opts.rank, r->opts.lr);
	o.title = title;
	o.logy = 1;
	o.xlabel = "epoch";
	o.floor = lr_runs_floor(&r, 1);
	snprintf(flabel, sizeof flabel, "Eckart–Young floor %.4g (best rank %zu)", o.floor,
	         r->opts.rank);
	o.floor_label = flabel;
	ser[ns++] = (struct lr_series){ "loss on observed entries", r->res.loss, e };
	if (r->res.hidden)
		ser[ns++] = (struct lr_series){ "error on hidden entries", r->res.hidden, e };
	lr_svg_lines(out, ser, ns, &o, "sum of squared errors (log scale)");
	return 0;
}

static int figure_spectrum(struct lr_session *s, struct lr_pos pos, struct lr_buf *out)
{
	const struct lr_svd_run *r = lr_session_last_svd(s);
	char title[160];

	if (!r)
		return lr_fail(s, pos, "print: no SVD to print yet; run 'svd A k' or 'explore A' "
		               "first");
	size_t k = lr_figure_rank(s, r);
	snprintf(title, sizeof title, "Singular values of %.24s (%zu×%zu): k = %zu keeps %.2f%% "
	         "of the energy", r->matrix_name, r->A->rows, r->A->cols, k,
	         100 * lr_svd_run_kept(r, k));
	lr_svg_spectrum(out, r->svd.s, r->svd.p, k, title);
	return 0;
}

/* n pictures of one size side by side, 8 white pixels apart, as a PNG. */
static int png_side_by_side(const struct levels *l, int n, struct lr_buf *out)
{
	size_t gap = n > 1 ? 8 : 0, w = l[0].w * (size_t)n + gap * (size_t)(n - 1), h = l[0].h;
	unsigned char *pix = lr_malloc(w * h);
	struct lr_img_error e;
	enum lr_img_status st;

	if (!pix)
		return -1;
	memset(pix, 255, w * h);
	for (int i = 0; i < n; i++)
		for (size_t y = 0; y < h; y++)
			memcpy(pix + y * w + (size_t)i * (l[0].w + gap), l[i].pix + y * l[i].w, l[i].w);
	st = lr_img_encode_png(pix, w, h, out, &e);
	lr_free(pix);
	return st == LR_IMG_OK ? 0 : -1;
}

/* The pictures: imshow's alone, or A, A_k and A − A_k; SVG (png = 0)
 * or PNG (the three side by side, 8 white pixels apart). */
static int figure_pictures(struct lr_session *s, struct lr_pos pos, int shown, int png,
                           struct lr_buf *out)
{
	const struct lr_svd_run *r = lr_session_last_svd(s);
	struct levels l[3] = { { 0 } };
	const char *name = NULL;
	double lo, hi, rmax = 0;
	const struct lr_matrix *M = shown ? lr_session_image(s, &lo, &hi, &name) : NULL;
	int n = 1, rc = -1;
	char cap[3][96], title[160];

	if (shown && !M)
		return lr_fail(s, pos, "print: no picture shown yet; imshow(A) first");
	if (!shown && (!r || r->svd.p == 0))
		return lr_fail(s, pos, "print: no SVD to draw yet; explore a picture first "
		               "(I = imread(FILE); explore I 20)");
	if (shown) {
		rc = levels_of(M, lo, hi, &l[0]);
		snprintf(title, sizeof title, "%.24s (%zu×%zu), %g black to %g white", name, M->rows,
		         M->cols, lo, hi);
		snprintf(cap[0], sizeof cap[0], "%.24s", name);
	} else {
		size_t k = lr_figure_rank(s, r);
		n = 3;
		rc = svd_levels(r, k, l, &rmax);
		snprintf(title, sizeof title, "%.24s: rank %zu of %zu, storage %zu of %zu numbers, "
		         "rel. error %.2f%%", r->matrix_name, k, lr_svd_run_rank_max(r),
		         k * (r->A->rows + r->A->cols + 1), r->A->rows * r->A->cols,
		         100 * lr_svd_run_rel_error(r, k));
		snprintf(cap[0], sizeof cap[0], "%.24s", r->matrix_name);
		snprintf(cap[1], sizeof cap[1], "%.24s_%zu = U·S·Vᵀ", r->matrix_name, k);
		snprintf(cap[2], sizeof cap[2], "%.24s − %.24s_%zu (±%.3g, 0 gray)", r->matrix_name,
		         r->matrix_name, k, rmax);
	}
	if (rc == 0 && png)
		rc = png_side_by_side(l, n, out);
	else if (rc == 0) {
		double w = n == 1 ? 500 : 250, h = w * (double)l[0].h / (double)l[0].w;
		svg_head(out, n == 1 ? 560 : 830, (int)h + 110, title);
		for (int i = 0; i < n && rc == 0; i++)
			rc = svg_picture(out, &l[i], 30 + i * (w + 25), 80, w, cap[i]);
		lr_buf_puts(out, "</svg>\n");
	}
	for (int i = 0; i < 3; i++)
		lr_free(l[i].pix);
	return rc == 0 ? 0 : lr_fail(s, pos, "print: out of memory");
}

/* Writes the bytes to file (as the user named it), whole or not at all. */
static int write_file(struct lr_session *s, struct lr_pos pos, const char *file,
                      const struct lr_buf *b)
{
	FILE *f = fopen(file, "wb");
	int err = 0;

	if (!f)
		return lr_fail(s, pos, "print: cannot create %s: %s", file, strerror(errno));
	errno = 0;
	if (fwrite(b->data, 1, b->len, f) != b->len || fflush(f) != 0)
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && !err)
		err = errno ? errno : EIO;
	if (err) {
		unlink(file);
		return lr_fail(s, pos, "print: cannot write %s: %s; the file was removed", file,
		               strerror(err));
	}
	return 0;
}

/* Replaces the SVG in b by its PNG at twice its size (an 800×500 figure
 * becomes 1600×1000 pixels, sharp on a projector). */
static int rasterise(struct lr_session *s, struct lr_pos pos, const char *file,
                     struct lr_buf *b)
{
	struct lr_buf png;
	struct lr_img_error e;
	enum lr_img_status st;

	lr_buf_init(&png);
	st = lr_svg_png(b->data, b->len, 2, &png, &e);
	if (st == LR_IMG_OK) {
		lr_buf_finish(b);
		*b = png;   /* b takes png's memory */
		return 0;
	}
	lr_buf_finish(&png);
	return lr_fail(s, pos, "print: cannot write %s as PNG: %s", file, e.msg);
}

/* Prints the current figure to file as device ("svg" or "png"; NULL:
 * from the file's ending). pos points at the file, dpos at the device. */
static int print_figure(struct lr_session *s, const char *device, struct lr_pos dpos,
                        const char *file, struct lr_pos pos)
{
	size_t n = strlen(file);
	int png, rc;
	struct lr_buf b;

	if (s->sandbox)
		return lr_fail(s, pos, "a lesson cannot write files: lessons write only their "
		               "progress, in the program's state directory");
	if (!device)
		device = n > 4 && !strcasecmp(file + n - 4, ".png") ? "png" :
		         n > 4 && !strcasecmp(file + n - 4, ".svg") ? "svg" : NULL;
	if (!device)
		return lr_fail(s, pos, "print: the file name must end in .svg or .png (or give "
		               "-dsvg or -dpng), found '%s'; usage: %s", file, usage);
	if (strcmp(device, "svg") && strcmp(device, "png"))
		return lr_fail(s, dpos, "print: expected -dsvg or -dpng, found '-d%s'", device);
	png = !strcmp(device, "png");
	if (lr_figure_current(s) == LR_FIG_NONE)
		return lr_fail(s, pos, "print: nothing to print yet: sgd, plot, svd, explore or "
		               "imshow shows a figure first");
	lr_buf_init(&b);
	if (lr_figure_current(s) == LR_FIG_LOSS)
		rc = figure_loss(s, pos, &b);
	else if (lr_figure_current(s) == LR_FIG_SPECTRUM)
		rc = figure_spectrum(s, pos, &b);
	else {
		rc = figure_pictures(s, pos, lr_figure_current(s) == LR_FIG_SHOWN, png, &b);
		png = 0;   /* already the pixels */
	}
	if (rc == 0 && b.failed)
		rc = lr_fail(s, pos, "print: out of memory");
	if (rc == 0 && png)
		rc = rasterise(s, pos, file, &b);
	if (rc == 0)
		rc = write_file(s, pos, file, &b);
	lr_buf_finish(&b);
	return rc;
}

/* print [-dDEVICE] FILE, the words in either order. */
static int cmd_print(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_word *file = NULL, *dev = NULL;

	for (size_t i = 0; i < st->nwords; i++) {
		const struct lr_word *w = &st->words[i];
		if (!strncmp(w->text, "-d", 2) && !dev)
			dev = w;
		else if (w->text[0] != '-' && !file)
			file = w;
		else
			return lr_fail(s, w->pos, "print: unexpected '%s'; usage: %s", w->text, usage);
	}
	if (!file)
		return lr_fail(s, st->name_pos, "print: expected the file to write; usage: %s", usage);
	return print_figure(s, dev ? dev->text + 2 : NULL, dev ? dev->pos : file->pos, file->text,
	                    file->pos);
}

/* print('FILE'), print('-dsvg', 'FILE') */
static int call_print(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc)
{
	struct lr_val a[2] = { { 0 } };
	const char *dev = NULL;
	size_t f = n->nkids == 2 ? 1 : 0;

	(void)outs;
	if (nargout > 0)
		*rc = lr_fail(s, n->pos, "print writes a file and gives no value");
	else if (n->nkids < 1 || n->nkids > 2)
		*rc = lr_fail(s, n->pos, "print: expected print(FILE) or print('-dsvg', FILE), found "
		              "%zu arguments", n->nkids);
	else {
		*rc = 0;
		for (size_t i = 0; i < n->nkids && *rc == 0; i++) {
			*rc = lr_eval(s, n->kids[i], &a[i]);
			if (*rc == 0 && a[i].v->kind != LR_VAL_STR)
				*rc = lr_fail(s, n->kids[i]->pos, "print: argument %zu must be a string", i + 1);
		}
		if (*rc == 0 && f == 1) {
			if (strncmp(a[0].v->s, "-d", 2))
				*rc = lr_fail(s, n->kids[0]->pos, "print: expected '-dsvg' or '-dpng' as "
				              "argument 1, found '%s'", a[0].v->s);
			dev = a[0].v->s + 2;
		}
		if (*rc == 0)
			*rc = print_figure(s, dev, n->kids[0]->pos, a[f].v->s, n->kids[f]->pos);
		lr_val_drop(&a[0]);
		lr_val_drop(&a[1]);
	}
	return 1;
}

static const char help_print[] =
"print FILE.svg   print FILE.png   print -dsvg FILE   print('FILE'), print('-dpng', 'FILE')\n"
"  Writes the figure the last statement showed, for a slide: sgd and plot show\n"
"  the loss (the newest run's loss per epoch on a log axis, its hidden error,\n"
"  the Eckart-Young floor, a legend), svd and explore the singular values with\n"
"  the cut-off at k, explore of a picture and 'view image' A, A_k and A - A_k at\n"
"  the k on the screen, imshow its picture; 'view NAME' chooses. SVG is text written\n"
"  directly (15-18 point fonts, labelled axes; pictures embedded as PNG). PNG of\n"
"  the loss and the spectrum is that SVG drawn at 1600x1000 pixels on white; PNG\n"
"  of the pictures is their pixels (the three side by side, 8 pixels apart).\n";

static const char *const print_args[] = { "-dsvg", "-dpng", NULL };

const struct lr_command lr_figure_commands[] = {
	{ "print", cmd_print, call_print, print_args, NULL, 0, NULL,
	  "print FILE.svg|FILE.png   print -dsvg|-dpng FILE",
	  "the figure shown last as SVG or PNG, for a slide", help_print },
	{ NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL }
};
