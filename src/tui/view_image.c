/* The picture mode of the Matrices view: see view_image.h. */
#include "view_image.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"

#define GL(ascii, u, a) ((ascii) ? (a) : (u))

void lr_picture_init(struct lr_picture *pic)
{
	memset(pic, 0, sizeof *pic);
	pic->mode = LR_COLOUR_256;
}

void lr_picture_forget(struct lr_picture *pic)
{
	lr_mat_destroy(pic->Ak);
	lr_mat_destroy(pic->R);
	pic->Ak = pic->R = NULL;
	pic->svd = NULL;
	pic->k = 0;
}

void lr_picture_finish(struct lr_picture *pic)
{
	lr_picture_forget(pic);
}

int lr_picture_sync(struct lr_picture *pic, const struct lr_svd_run *svd, size_t k)
{
	const struct lr_svd *d = &svd->svd;

	if (k > d->p)
		k = d->p;
	if (pic->svd != svd || pic->sig != d->s[0] || !pic->Ak || pic->Ak->rows != d->m ||
	    pic->Ak->cols != d->n ||
	    (pic->k > k && pic->k - k > k)) {   /* from zero is fewer steps */
		lr_mat_destroy(pic->Ak);
		pic->Ak = lr_mat_create(d->m, d->n);
		pic->svd = pic->Ak ? svd : NULL;
		pic->sig = d->s[0];
		pic->k = 0;
		if (!pic->Ak)
			return -1;
	}
	for (; pic->k < k; pic->k++, pic->steps++)
		lr_mat_add_outer(pic->Ak, d->s[pic->k], d->U, pic->k, d->V, pic->k);
	for (; pic->k > k; pic->k--, pic->steps++)
		lr_mat_add_outer(pic->Ak, -d->s[pic->k - 1], d->U, pic->k - 1, d->V, pic->k - 1);
	return 0;
}

/* The residual A − Ak into pic->R; its largest size in *m (0 when it is
 * at the level of rounding against A's largest, so that a rank-exact
 * picture shows an even gray, not magnified noise). */
static int residual(struct lr_picture *pic, const struct lr_matrix *A, double *m)
{
	double amax = 0, rmax = 0;
	size_t n = A->rows * A->cols;

	if (!pic->R || pic->R->rows != A->rows || pic->R->cols != A->cols) {
		lr_mat_destroy(pic->R);
		if (!(pic->R = lr_mat_create(A->rows, A->cols)))
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		double r = A->data[i] - pic->Ak->data[i], a = fabs(A->data[i]);
		pic->R->data[i] = r;
		r = fabs(r);
		amax = a > amax ? a : amax;    /* not fmax: a call per pixel, a third of a frame */
		rmax = r > rmax ? r : rmax;
	}
	*m = rmax <= 1e-9 * amax ? 0 : rmax;
	return 0;
}

/* One picture with its caption above, in a column of w cells from x. */
static void framed(struct lr_grid *g, int x, int y, int w, int h, const struct lr_matrix *M,
                   double lo, double hi, const char *caption, enum lr_colour_mode mode,
                   struct lr_image_fit *fit)
{
	*fit = lr_image_fit(M->rows, M->cols, w, h - 1);
	lr_grid_text(g, x, y, caption, LR_STY_TITLE);
	if (lr_image_draw(g, x, y + 1, fit, M, lo, hi, mode) < 0)
		lr_grid_text(g, x, y + 1, "(out of memory)", LR_STY_DIM);
}

static void scale_line(struct lr_grid *g, int y, const struct lr_matrix *M,
                       const struct lr_image_fit *f, const char *tail, int ascii)
{
	char t[200];

	if (f->cols < 1 || f->rows < 1)
		return;
	snprintf(t, sizeof t, "%zu%s%zu px in %d%s%d cells (%.3g%s%.3g each, area average)%s",
	         M->rows, GL(ascii, "×", "x"), M->cols, f->cols, GL(ascii, "×", "x"), f->rows,
	         (double)M->cols / f->cols, GL(ascii, "×", "x"), (double)M->rows / f->rows, tail);
	lr_grid_text(g, 1, y, t, LR_STY_DIM);
}

static void draw_shown(struct lr_grid *g, int y0, const struct lr_picture *pic,
                       const struct lr_matrix *M, double lo, double hi, const char *name,
                       int ascii)
{
	struct lr_image_fit f;
	char cap[96];

	snprintf(cap, sizeof cap, " imshow: %.24s, %g black to %g white ", name, lo, hi);
	framed(g, 1, y0, g->w - 2, g->h - y0 - 1, M, lo, hi, cap, pic->mode, &f);
	scale_line(g, g->h - 1, M, &f, "", ascii);
}

/* The three pictures of an SVD at rank k, with storage and error. */
static void draw_svd(struct lr_grid *g, int y0, struct lr_picture *pic,
                     const struct lr_svd_run *r, size_t k, int ascii)
{
	const struct lr_matrix *A = r->A;
	int colw = (g->w - 4) / 3, h = g->h - y0 - 2;
	struct lr_image_fit f[3];
	double lo, hi, m;
	char t[200], cap[64], tail[96];
	const char *nm = r->matrix_name;

	if (lr_picture_sync(pic, r, k) < 0 || residual(pic, A, &m) < 0) {
		lr_grid_text(g, 1, y0 + 1, "Out of memory for the pictures.", LR_STY_DIM);
		return;
	}
	lr_image_scale(A, &lo, &hi);
	snprintf(t, sizeof t, "%.16s as pictures: k = %zu of %zu   storage %zu of %zu (%.1f%%)   "
	         "rel. error %.2f%%   + and - step k", nm, k, lr_svd_run_rank_max(r),
	         k * (A->rows + A->cols + 1), A->rows * A->cols,
	         100.0 * (double)(k * (A->rows + A->cols + 1)) / (double)(A->rows * A->cols),
	         100 * lr_svd_run_rel_error(r, k));
	lr_grid_text(g, 1, y0, t, LR_STY_BOLD);
	snprintf(cap, sizeof cap, " %.16s ", nm);
	framed(g, 1, y0 + 1, colw, h, A, lo, hi, cap, pic->mode, &f[0]);
	snprintf(cap, sizeof cap, " %.16s_%zu = %s ", nm, k, GL(ascii, "U·S·Vᵀ", "U*S*V'"));
	framed(g, 2 + colw, y0 + 1, colw, h, pic->Ak, lo, hi, cap, pic->mode, &f[1]);
	if (m > 0)
		snprintf(cap, sizeof cap, " %.16s %s %.16s_%zu  %s%.3g ", nm, GL(ascii, "−", "-"), nm,
		         k, GL(ascii, "±", "+-"), m);
	else
		snprintf(cap, sizeof cap, " %.16s %s %.16s_%zu = 0 (rounding) ", nm,
		         GL(ascii, "−", "-"), nm, k);
	framed(g, 3 + 2 * colw, y0 + 1, colw, h, pic->R, m > 0 ? -m : -1, m > 0 ? m : 1, cap,
	       pic->mode, &f[2]);
	snprintf(tail, sizeof tail, ", %g black %g white", lo, hi);
	scale_line(g, g->h - 1, A, &f[0], tail, ascii);
}

/* The three pictures of an SGD run: A, U·Vᵀ (a product a frame: the
 * factors change every epoch) and the residual; hidden entries of A are
 * drawn as hidden. */
static void draw_sgd(struct lr_grid *g, int y0, struct lr_picture *pic,
                     const struct lr_run *r, int ascii)
{
	const struct lr_matrix *A = r->A;
	struct lr_matrix *UV = NULL;
	int colw = (g->w - 4) / 3, h = g->h - y0 - 2;
	struct lr_image_fit f[3];
	double lo, hi, m;
	long e = r->res.epochs_done;
	char t[200], cap[64], tail[64];
	const char *nm = r->matrix_name;

	if (lr_mat_mul_bt(r->res.U, r->res.V, &UV) != LR_OK) {
		lr_grid_text(g, 1, y0 + 1, "Out of memory for the pictures.", LR_STY_DIM);
		return;
	}
	lr_mat_destroy(pic->Ak);   /* the SVD's cache is spent: it is rebuilt when needed */
	pic->Ak = UV;
	pic->svd = NULL;
	if (residual(pic, A, &m) < 0)
		return;
	lr_image_scale(A, &lo, &hi);
	snprintf(t, sizeof t, "%.16s as pictures: sgd k = %zu, epoch %ld of %ld, loss %.4g", nm,
	         r->opts.rank, e, r->res.epochs_asked, e > 0 ? r->res.loss[e - 1] : NAN);
	lr_grid_text(g, 1, y0, t, LR_STY_BOLD);
	snprintf(cap, sizeof cap, " %.16s ", nm);
	framed(g, 1, y0 + 1, colw, h, A, lo, hi, cap, pic->mode, &f[0]);
	snprintf(cap, sizeof cap, " %s ", GL(ascii, "U·Vᵀ", "U*V'"));
	framed(g, 2 + colw, y0 + 1, colw, h, UV, lo, hi, cap, pic->mode, &f[1]);
	snprintf(cap, sizeof cap, " %.16s %s  %s%.3g ", nm, GL(ascii, "− U·Vᵀ", "- U*V'"),
	         GL(ascii, "±", "+-"), m);
	framed(g, 3 + 2 * colw, y0 + 1, colw, h, pic->R, m > 0 ? -m : -1, m > 0 ? m : 1, cap,
	       pic->mode, &f[2]);
	snprintf(tail, sizeof tail, ", %g black %g white", lo, hi);
	scale_line(g, g->h - 1, A, &f[0], tail, ascii);
}

void lr_picture_draw(struct lr_grid *g, int y0, struct lr_picture *pic,
                     const struct lr_svd_run *svd, size_t k, const struct lr_run *run,
                     int ascii)
{
	int use_svd = svd && svd->svd.p > 0 && k > 0;

	if (g->h - y0 < 4)
		return;
	if (pic->source == LR_PIC_SGD && run && run->res.U && run->res.V) {
		draw_sgd(g, y0, pic, run, ascii);
		return;
	}
	if (pic->shown && (pic->source == LR_PIC_SHOWN || !use_svd)) {
		draw_shown(g, y0, pic, pic->shown, pic->lo, pic->hi,
		           pic->shown_name ? pic->shown_name : "", ascii);
		return;
	}
	if (use_svd) {
		draw_svd(g, y0, pic, svd, k, ascii);
		return;
	}
	lr_grid_text(g, 2, y0 + 1, "No picture yet. Read one and explore it:", LR_STY_NORMAL);
	lr_grid_text(g, 2, y0 + 2, "  I = imread('lessons/data/ascent.png');", LR_STY_NORMAL);
	lr_grid_text(g, 2, y0 + 3, "  explore I 20      (+ and - step the rank)", LR_STY_NORMAL);
	lr_grid_text(g, 2, y0 + 4, "  imshow(I)         (a picture alone)", LR_STY_NORMAL);
}
