/* SVG to PNG through librsvg and cairo, loaded on first use; see svg_png.h.
 * The header gives the types only: every function is found with dlsym in
 * librsvg-2.so.2 and the libraries it loads (glib, gobject, cairo). */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <librsvg/rsvg.h>
#include "svg_png.h"

#define MAX_SIDE 8192

static struct {
	RsvgHandle *(*new_from_data)(const guint8 *, gsize, GError **);
	gboolean (*size)(RsvgHandle *, gdouble *, gdouble *);
	gboolean (*render)(RsvgHandle *, cairo_t *, const RsvgRectangle *, GError **);
	void (*unref)(gpointer);
	void (*error_free)(GError *);
	cairo_surface_t *(*surface_create)(cairo_format_t, int, int);
	cairo_status_t (*surface_status)(cairo_surface_t *);
	void (*surface_destroy)(cairo_surface_t *);
	cairo_status_t (*write_png)(cairo_surface_t *, cairo_write_func_t, void *);
	cairo_t *(*create)(cairo_surface_t *);
	void (*set_rgb)(cairo_t *, double, double, double);
	void (*paint)(cairo_t *);
	void (*destroy)(cairo_t *);
} fn;

/* The symbols, in the order of the fields of fn. */
static const char *const names[] = {
	"rsvg_handle_new_from_data", "rsvg_handle_get_intrinsic_size_in_pixels",
	"rsvg_handle_render_document", "g_object_unref", "g_error_free",
	"cairo_image_surface_create", "cairo_surface_status", "cairo_surface_destroy",
	"cairo_surface_write_to_png_stream", "cairo_create", "cairo_set_source_rgb",
	"cairo_paint", "cairo_destroy"
};

/* 1 when every function was found; tried once per process. */
static int load(void)
{
	static int tried, ok;
	void *lib;

	if (tried)
		return ok;
	tried = 1;
	lib = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return 0;
	_Static_assert(sizeof fn == sizeof names / sizeof names[0] * sizeof(void (*)(void)),
	               "one name per function");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		void *p = dlsym(lib, names[i]);
		if (!p)
			return 0;   /* the library stays loaded: it may not unload cleanly */
		memcpy((char *)&fn + i * sizeof(void (*)(void)), &p, sizeof p);
	}
	ok = 1;
	return ok;
}

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int len)
{
	struct lr_buf *out = closure;

	lr_buf_add(out, (const char *)data, len);
	return out->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static enum lr_img_status fail(struct lr_img_error *e, enum lr_img_status st, const char *why,
                               GError *g)
{
	snprintf(e->msg, sizeof e->msg, "%s%s%s", why, g ? ": " : "", g ? g->message : "");
	if (g)
		fn.error_free(g);
	return st;
}

/* Paints the handle's document w×h on white and appends it as PNG. */
static enum lr_img_status draw(RsvgHandle *h, int w, int ht, struct lr_buf *out,
                               struct lr_img_error *e)
{
	cairo_surface_t *surf = fn.surface_create(CAIRO_FORMAT_ARGB32, w, ht);
	RsvgRectangle port = { 0, 0, w, ht };
	enum lr_img_status st = LR_IMG_OK;
	GError *g = NULL;
	cairo_t *cr;

	if (fn.surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		fn.surface_destroy(surf);
		return fail(e, LR_IMG_NOMEM, "out of memory for the picture", NULL);
	}
	cr = fn.create(surf);
	fn.set_rgb(cr, 1, 1, 1);   /* a slide's background, whatever the SVG paints */
	fn.paint(cr);
	if (!fn.render(h, cr, &port, &g))
		st = fail(e, LR_IMG_BAD, "librsvg could not draw the figure", g);
	fn.destroy(cr);
	if (st == LR_IMG_OK && (fn.write_png(surf, append, out) != CAIRO_STATUS_SUCCESS ||
	                        out->failed))
		st = fail(e, LR_IMG_NOMEM, "out of memory writing the PNG", NULL);
	fn.surface_destroy(surf);
	return st;
}

enum lr_img_status lr_svg_png(const char *svg, size_t n, double scale, struct lr_buf *out,
                              struct lr_img_error *e)
{
	GError *g = NULL;
	RsvgHandle *h;
	double w = 0, ht = 0;
	enum lr_img_status st;

	memset(e, 0, sizeof *e);
	if (!load())
		return fail(e, LR_IMG_IO, "PNG figures need librsvg-2.so.2 (Debian's librsvg2-2), "
		            "which could not be loaded; print -dsvg FILE.svg works without it", NULL);
	h = fn.new_from_data((const guint8 *)svg, n, &g);
	if (!h)
		return fail(e, LR_IMG_BAD, "librsvg refused the figure", g);
	if (!fn.size(h, &w, &ht) || !(w * scale >= 1 && ht * scale >= 1) ||
	    w * scale > MAX_SIDE || ht * scale > MAX_SIDE)
		st = fail(e, LR_IMG_BAD, "the figure has no size in pixels within 8192", NULL);
	else
		st = draw(h, (int)lround(w * scale), (int)lround(ht * scale), out, e);
	fn.unref(h);
	return st;
}
