/* Pictures in the language: I = imread(FILE), imwrite(A, FILE), imshow(A),
 * image(A), imagesc(A). The files are read and written by src/image; the
 * gray scale (which values are black and white) is render's one rule,
 * lr_image_scale, so imshow, imwrite and the panel agree:
 *   imread gives doubles 0..255 (gray; a colour picture by rgb2gray's
 *   weights); a matrix whose largest value is at most 1 is on the 0..1
 *   scale instead (Octave's for doubles), any other on 0..255.
 * imshow prints the picture in shade characters in batch mode (a terminal
 * shows it in the panel, with one line in the output). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "image.h"
#include "image_io.h"
#include "imagefn.h"
#include "limit.h"

/* What the session keeps of pictures: the one imshow showed last (for the
 * panel), and fingerprints of the last pictures imread gave, so that
 * explore knows a matrix that was read as a picture. */
enum { PRINTS = 8 };

struct lr_shown_image {
	struct lr_matrix *m;   /* owned copy, or NULL */
	double lo, hi;
	char name[32];
	uint64_t prints[PRINTS];   /* a ring of fingerprints, 0 = none */
	size_t next;
	int fresh;                 /* the newest print was read after the last picture,
	                              SVD or kept sgd run was shown: `view image` shows it */
};

void lr_shown_image_destroy(struct lr_shown_image *im)
{
	if (im) {
		lr_mat_destroy(im->m);
		lr_free(im);
	}
}

const struct lr_matrix *lr_session_image(const struct lr_session *s, double *lo, double *hi,
                                         const char **name)
{
	if (!s->shown || !s->shown->m)
		return NULL;
	*lo = s->shown->lo;
	*hi = s->shown->hi;
	*name = s->shown->name;
	return s->shown->m;
}

static struct lr_shown_image *state(struct lr_session *s)
{
	if (!s->shown)
		s->shown = lr_calloc(1, sizeof *s->shown);
	return s->shown;
}

/* FNV-1a over the shape and the bytes of the values; never 0. */
static uint64_t fingerprint(const struct lr_matrix *m)
{
	uint64_t h = 14695981039346656037u;
	size_t dims[2] = { m->rows, m->cols };
	const unsigned char *b = (const unsigned char *)dims;

	for (size_t i = 0; i < sizeof dims; i++)
		h = (h ^ b[i]) * 1099511628211u;
	b = (const unsigned char *)m->data;
	for (size_t i = 0; b && i < m->rows * m->cols * sizeof *m->data; i++)
		h = (h ^ b[i]) * 1099511628211u;
	return h ? h : 1;
}

int lr_image_loaded(const struct lr_session *s, const struct lr_matrix *m)
{
	uint64_t h;

	if (!s->shown || m->rows * m->cols == 0)
		return 0;
	h = fingerprint(m);
	for (size_t i = 0; i < PRINTS; i++)
		if (s->shown->prints[i] == h)
			return 1;
	return 0;
}

/* Keeps a copy of A for the panel (replacing the one before); fn names
 * the command in an error. */
static int keep_shown(struct lr_session *s, struct lr_pos pos, const char *fn,
                      const struct lr_matrix *A, double lo, double hi, const char *name)
{
	struct lr_shown_image *im = state(s);
	struct lr_matrix *m = im ? lr_mat_copy(A) : NULL;

	if (!m)
		return lr_fail(s, pos, "%s: out of memory", fn);
	lr_mat_destroy(im->m);
	im->m = m;
	im->lo = lo;
	im->hi = hi;
	snprintf(im->name, sizeof im->name, "%s", name);
	return 0;
}

/* The batch picture: at most this many characters across and down. */
enum { TEXT_COLS = 72, TEXT_ROWS = 36 };

static void arg_name(const struct lr_node *k, char *buf, size_t n)
{
	if (k->kind == LR_N_IDENT && strlen(k->str) < n)
		snprintf(buf, n, "%s", k->str);
	else
		snprintf(buf, n, "the picture");
}

static int want_string(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                       size_t i, const char *what)
{
	if (a[i].v->kind != LR_VAL_STR)
		return lr_fail(s, n->kids[i]->pos, "%s: %s must be a string (a file name in "
		               "quotes), found a matrix", n->str, what);
	if (!a[i].v->s[0])
		return lr_fail(s, n->kids[i]->pos, "%s: %s is empty", n->str, what);
	return 0;
}

static int want_picture(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                        size_t i)
{
	char sh[32];

	if (a[i].v->kind != LR_VAL_MAT)
		return lr_fail(s, n->kids[i]->pos, "%s: the picture must be a matrix, found a string",
		               n->str);
	if (a[i].v->m->rows * a[i].v->m->cols == 0)
		return lr_fail(s, n->kids[i]->pos, "%s: the picture is empty (%s)", n->str,
		               lr_shape(a[i].v->m, sh, sizeof sh));
	return 0;
}

/* The error of src/image as a sentence naming the file. */
static int img_fail(struct lr_session *s, const struct lr_node *n, struct lr_pos pos,
                    const char *file, enum lr_img_status st, const struct lr_img_error *e)
{
	char msg[400];

	switch (st) {
	case LR_IMG_TOO_BIG:
		if (e->w)
			lr_limit_elems_msg(msg, sizeof msg, "%s: %s is %zu×%zu pixels (%.4g elements)",
			                   n->str, file, e->h, e->w, (double)e->h * (double)e->w);
		else
			lr_limit_elems_msg(msg, sizeof msg, "%s: %s is larger than %.4g MB, more than "
			                   "any picture within the element limit takes", n->str, file,
			                   (double)lr_img_max_file_bytes() / 1e6);
		return lr_fail(s, pos, "%s", msg);
	case LR_IMG_NOMEM:
		return lr_fail(s, pos, "%s: out of memory for %s", n->str, file);
	default:
		return lr_fail(s, pos, "%s: %s: %s", n->str, file, e->msg);
	}
}

/* I = imread(FILE) */
static int fn_imread(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                     struct lr_value **outs)
{
	struct lr_img_error e;
	struct lr_matrix *m;
	enum lr_img_status st;

	if (n->nkids != 1)
		return lr_fail(s, n->pos, "imread: expected imread(FILE), found %zu arguments",
		               n->nkids);
	if (want_string(s, n, a, 0, "the file") < 0)
		return -1;
	if (s->data_dir && a[0].v->s[0] != '/') {   /* a lesson's data, beside the lesson */
		char path[4200];
		snprintf(path, sizeof path, "%s/%s", s->data_dir, a[0].v->s);
		st = lr_img_read(path, &m, &e);
	} else {
		st = lr_img_read(a[0].v->s, &m, &e);
	}
	if (st != LR_IMG_OK)
		return img_fail(s, n, n->kids[0]->pos, a[0].v->s, st, &e);
	{
		struct lr_shown_image *im = state(s);
		if (im) {   /* without it explore only misses the picture mode */
			im->prints[im->next++ % PRINTS] = fingerprint(m);
			im->fresh = 1;
		}
	}
	outs[0] = lr_value_mat(m);
	return outs[0] ? 0 : lr_fail(s, n->pos, "imread: out of memory");
}

/* imwrite(A, FILE): A on the scale lr_image_scale says, rounded to 0..255. */
static int fn_imwrite(struct lr_session *s, const struct lr_node *n, const struct lr_val *a)
{
	const struct lr_matrix *A;
	struct lr_img_error e;
	enum lr_img_format f;
	enum lr_img_status st;
	unsigned char *pix;
	double lo, hi;
	size_t np;

	if (n->nkids != 2)
		return lr_fail(s, n->pos, "imwrite: expected imwrite(A, FILE), found %zu arguments",
		               n->nkids);
	if (s->sandbox)
		return lr_fail(s, n->pos, "a lesson cannot write files: lessons write only their "
		               "progress, in the program's state directory");
	if (want_picture(s, n, a, 0) < 0 || want_string(s, n, a, 1, "the file") < 0)
		return -1;
	A = a[0].v->m;
	f = lr_img_format_of_name(a[1].v->s);
	if (f != LR_IMG_PNG && f != LR_IMG_PNM)
		return lr_fail(s, n->kids[1]->pos, "imwrite: the file name must end in .png or "
		               ".pgm (the formats written), found '%s'", a[1].v->s);
	np = A->rows * A->cols;
	for (size_t i = 0; i < np; i++)
		if (!isfinite(A->data[i]))
			return lr_fail(s, n->kids[0]->pos, "imwrite: the picture has a NaN or Inf "
			               "element (at %zu, %zu), which is no gray level", i / A->cols + 1,
			               i % A->cols + 1);
	if (!(pix = lr_malloc(np)))
		return lr_fail(s, n->pos, "imwrite: out of memory");
	lr_image_scale(A, &lo, &hi);
	for (size_t i = 0; i < np; i++)
		pix[i] = lr_image_level(A->data[i], lo, hi);
	st = lr_img_write(a[1].v->s, f, pix, A->cols, A->rows, &e);
	lr_free(pix);
	return st == LR_IMG_OK ? 0 : img_fail(s, n, n->kids[1]->pos, a[1].v->s, st, &e);
}

static void minmax(const struct lr_matrix *A, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t i = 0; i < A->rows * A->cols; i++)
		if (isfinite(A->data[i])) {
			*lo = fmin(*lo, A->data[i]);
			*hi = fmax(*hi, A->data[i]);
		}
	if (!(*lo < *hi)) {   /* one value (or none): Octave shows it as the middle */
		*lo = isfinite(*lo) ? *lo - 1 : 0;
		*hi = *lo + 2;
	}
}

void lr_image_read_seen(struct lr_session *s)
{
	if (s->shown)
		s->shown->fresh = 0;
}

/* The variable holding the picture imread gave last (a name before ans,
 * which holds it too after a bare imread), or NULL. */
static const struct lr_var *read_last(const struct lr_session *s)
{
	const struct lr_var *found = NULL;
	uint64_t h = s->shown->prints[(s->shown->next - 1) % PRINTS];

	for (size_t i = 0; i < s->nvars; i++) {
		const struct lr_value *v = s->vars[i].v;
		if (v->kind != LR_VAL_MAT || v->im || v->m->rows * v->m->cols == 0 ||
		    fingerprint(v->m) != h)
			continue;
		found = &s->vars[i];
		if (strcmp(found->name, "ans"))
			break;
	}
	return found;
}

int lr_image_show_read(struct lr_session *s, struct lr_pos pos)
{
	const struct lr_var *var;
	double lo, hi;

	if (!s->shown || !s->shown->fresh || !s->shown->next || !(var = read_last(s)))
		return 0;
	lr_image_scale(var->v->m, &lo, &hi);
	if (keep_shown(s, pos, "view", var->v->m, lo, hi, var->name) < 0)
		return -1;
	struct lr_event ev = { LR_EV_IMAGE, NULL, NULL, s->shown->name };
	lr_emit(s, &ev);
	if (s->out->event) {   /* a terminal: say what the panel shows, as imshow does */
		char sh[32], line[160];
		int n = snprintf(line, sizeof line, "view: %s, the picture just read (%s), %g black "
		                 "to %g white\n", s->shown->name, lr_shape(var->v->m, sh, sizeof sh),
		                 lo, hi);
		lr_write(s, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	}
	return 1;
}

/* imshow(A), imshow(A, []), imshow(A, [lo hi]); image(A); imagesc(A). */
static int display_range(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                         double *lo, double *hi)
{
	const struct lr_matrix *A = a[0].v->m, *r;
	int is_imshow = !strcmp(n->str, "imshow");

	if (n->nkids > (is_imshow ? 2u : 1u))
		return lr_fail(s, n->pos, "%s: expected %s, found %zu arguments", n->str,
		               is_imshow ? "imshow(A), imshow(A, []) or imshow(A, [lo hi])" :
		               !strcmp(n->str, "image") ? "image(A)" : "imagesc(A)", n->nkids);
	if (!strcmp(n->str, "image")) {   /* A's values index a 64-gray colormap */
		*lo = 1;
		*hi = 64;
		return 0;
	}
	if (!strcmp(n->str, "imagesc") || (n->nkids == 2 && a[1].v->kind == LR_VAL_MAT &&
	                                    a[1].v->m->rows * a[1].v->m->cols == 0)) {
		minmax(A, lo, hi);
		return 0;
	}
	if (n->nkids == 1) {
		lr_image_scale(A, lo, hi);
		return 0;
	}
	r = a[1].v->kind == LR_VAL_MAT ? a[1].v->m : NULL;
	if (!r || r->rows * r->cols != 2 || !(r->data[0] < r->data[1]) || !isfinite(r->data[0]) ||
	    !isfinite(r->data[1]))
		return lr_fail(s, n->kids[1]->pos, "imshow: the range must be [] or [lo hi] with lo "
		               "< hi");
	*lo = r->data[0];
	*hi = r->data[1];
	return 0;
}

static int fn_show(struct lr_session *s, const struct lr_node *n, const struct lr_val *a)
{
	char name[32];
	double lo, hi;

	if (n->nkids < 1)
		return lr_fail(s, n->pos, "%s: expected the picture as argument 1", n->str);
	if (want_picture(s, n, a, 0) < 0 || display_range(s, n, a, &lo, &hi) < 0)
		return -1;
	arg_name(n->kids[0], name, sizeof name);
	if (keep_shown(s, n->pos, n->str, a[0].v->m, lo, hi, name) < 0)   /* for `view image` too */
		return -1;
	{
		/* always emitted: print notes the figure from it (printcmd.c) */
		struct lr_event ev = { LR_EV_IMAGE, NULL, NULL, name };
		lr_emit(s, &ev);
	}
	struct lr_buf b;
	char sh[32];
	lr_buf_init(&b);
	if (s->out->event)   /* a terminal: the picture is in the panel */
		lr_buf_printf(&b, "%s: %s (%s) in the panel, %g black to %g white\n", n->str, name,
		              lr_shape(a[0].v->m, sh, sizeof sh), lo, hi);
	else {
		lr_buf_printf(&b, "%s: ", n->str);
		lr_image_text(&b, name, a[0].v->m, lo, hi, TEXT_COLS, TEXT_ROWS);
	}
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	return 0;
}

int lr_image_function(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc)
{
	static const char *const names[] = { "imread", "imwrite", "imshow", "image", "imagesc" };
	struct lr_val args[2] = { 0 };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(n->str, names[i]))
			break;
	if (i == sizeof names / sizeof names[0])
		return 0;
	if (i > 0 && nargout > 0)
		*rc = lr_fail(s, n->pos, "%s gives no value", n->str);
	else if (n->nkids > 2)
		*rc = lr_fail(s, n->kids[2]->pos, "%s: expected at most %d arguments, found %zu",
		              n->str, i == 0 ? 1 : 2, n->nkids);
	else if (nargout > 1)
		*rc = lr_fail(s, n->pos, "imread gives one output (the gray levels), but %d were "
		              "asked for", nargout);
	else {
		*rc = 0;
		for (size_t k = 0; k < n->nkids && *rc == 0; k++)
			*rc = lr_eval(s, n->kids[k], &args[k]);
		if (*rc == 0)
			*rc = i == 0 ? fn_imread(s, n, args, outs) : i == 1 ? fn_imwrite(s, n, args) :
			      fn_show(s, n, args);
		for (size_t k = 0; k < 2; k++)
			lr_val_drop(&args[k]);
	}
	return 1;
}
