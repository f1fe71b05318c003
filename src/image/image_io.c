/* Picture files: the dispatch on the first bytes, reading and writing
 * whole files, and the two formats simple enough to read by hand (PGM/PPM
 * in pnm.c terms and BMP below). See image_io.h. */
#include "image_codec.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lowrank/alloc.h"

unsigned char lr_img_gray(unsigned r, unsigned g, unsigned b)
{
	double y = 0.298936 * r + 0.587043 * g + 0.114021 * b + 0.5;

	return (unsigned char)(y >= 255 ? 255 : (unsigned)y);
}

enum lr_img_status lr_img_bad(struct lr_img_error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return LR_IMG_BAD;
}

enum lr_img_status lr_img_alloc(size_t w, size_t h, struct lr_matrix **out,
                                struct lr_img_error *e)
{
	*out = NULL;
	if (w == 0 || h == 0)
		return lr_img_bad(e, "the picture has no pixels (%zux%zu)", w, h);
	if (w > lr_mat_max_elems / h) {
		e->w = w;
		e->h = h;
		return LR_IMG_TOO_BIG;
	}
	*out = lr_mat_create(h, w);
	return *out ? LR_IMG_OK : LR_IMG_NOMEM;
}

/* ---- PGM and PPM (P2, P3 as text; P5, P6 binary) ---- */

struct pnm_in {
	const unsigned char *p, *end;
};

/* The next whole number of the header (or of a text raster), skipping
 * blanks and # comments; -1 at the end or on anything else. */
static long pnm_number(struct pnm_in *in)
{
	long v = 0;
	int digits = 0;

	for (;;) {
		while (in->p < in->end && (*in->p == ' ' || (*in->p >= '\t' && *in->p <= '\r')))
			in->p++;
		if (in->p < in->end && *in->p == '#') {
			while (in->p < in->end && *in->p != '\n' && *in->p != '\r')
				in->p++;
			continue;
		}
		break;
	}
	while (in->p < in->end && *in->p >= '0' && *in->p <= '9' && v < 100000000) {
		v = v * 10 + (*in->p++ - '0');
		digits++;
	}
	return digits && v < 100000000 ? v : -1;
}

/* One sample scaled to 0..255; -1 when the raster ends early or a value
 * passes maxval. */
static long pnm_sample(struct pnm_in *in, int text, long maxval)
{
	long v;

	if (text) {
		v = pnm_number(in);
	} else if (maxval < 256) {
		v = in->p < in->end ? *in->p++ : -1;
	} else {
		v = in->end - in->p >= 2 ? (long)in->p[0] << 8 | in->p[1] : -1;
		in->p += in->end - in->p >= 2 ? 2 : 0;
	}
	if (v < 0 || v > maxval)
		return -1;
	return maxval == 255 ? v : (v * 255 + maxval / 2) / maxval;
}

enum lr_img_status lr_img_decode_pnm(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e)
{
	struct pnm_in in = { data + 2, data + n };
	int kind = data[1] - '0', text = kind == 2 || kind == 3, colour = kind == 3 || kind == 6;
	long w = pnm_number(&in), h = pnm_number(&in), maxval = pnm_number(&in);
	enum lr_img_status st;

	if (w < 0 || h < 0 || maxval < 0)
		return lr_img_bad(e, "the P%d header is damaged: expected width, height and the "
		                  "largest value", kind);
	if (maxval < 1 || maxval > 65535)
		return lr_img_bad(e, "the largest value of a P%d file must be 1 to 65535, found %ld",
		                  kind, maxval);
	if (!text && (in.p >= in.end || !(*in.p == ' ' || (*in.p >= '\t' && *in.p <= '\r'))))
		return lr_img_bad(e, "the P%d header must end in one blank before the pixels", kind);
	in.p += !text;
	st = lr_img_alloc((size_t)w, (size_t)h, out, e);
	if (st != LR_IMG_OK)
		return st;
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
		long r = pnm_sample(&in, text, maxval), g = r, b = r;
		if (colour) {
			g = pnm_sample(&in, text, maxval);
			b = pnm_sample(&in, text, maxval);
		}
		if (r < 0 || g < 0 || b < 0) {
			lr_mat_destroy(*out);
			*out = NULL;
			return lr_img_bad(e, "the P%d pixels end early or pass the largest value %ld "
			                  "(pixel %zu of %zu)", kind, maxval, i + 1,
			                  (size_t)w * (size_t)h);
		}
		(*out)->data[i] = colour ? lr_img_gray((unsigned)r, (unsigned)g, (unsigned)b) : r;
	}
	return LR_IMG_OK;
}

/* ---- BMP: the file header, a BITMAPINFOHEADER (or a later, longer one),
 * a palette for 1, 4 and 8 bits, rows of 4-byte multiples bottom first. ---- */

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

struct bmp {
	size_t w, h, stride, off, pal_off, ncolours;
	unsigned bpp;
	int top_down;
};

static enum lr_img_status bmp_header(const unsigned char *d, size_t n, struct bmp *b,
                                     struct lr_img_error *e)
{
	uint32_t dib, comp;
	int32_t w, h;

	if (n < 54 || (dib = le32(d + 14)) < 40 || dib > n - 14)
		return lr_img_bad(e, "the BMP header is truncated or of an old kind (OS/2) not read");
	w = (int32_t)le32(d + 18);
	h = (int32_t)le32(d + 22);
	b->bpp = le16(d + 28);
	comp = le32(d + 30);
	if (w <= 0 || h == 0 || h == INT32_MIN)
		return lr_img_bad(e, "the BMP size %ldx%ld is not a picture's", (long)w, (long)h);
	if (!(comp == 0 || (comp == 3 && b->bpp == 32)))
		return lr_img_bad(e, "compressed BMP files (compression %u) are not read; only "
		                  "uncompressed ones", (unsigned)comp);
	if (b->bpp != 1 && b->bpp != 4 && b->bpp != 8 && b->bpp != 24 && b->bpp != 32)
		return lr_img_bad(e, "BMP files of %u bits a pixel are not read (1, 4, 8, 24, 32 are)",
		                  b->bpp);
	b->w = (size_t)w;
	b->top_down = h < 0;
	b->h = (size_t)(h < 0 ? -(int64_t)h : h);
	b->stride = (((size_t)w * b->bpp + 31) / 32) * 4;
	b->off = le32(d + 10);
	b->pal_off = 14 + dib;
	b->ncolours = b->bpp <= 8 ? (le32(d + 46) ? le32(d + 46) : 1u << b->bpp) : 0;
	if (b->ncolours > 256 || b->pal_off + 4 * b->ncolours > n)
		return lr_img_bad(e, "the BMP palette is damaged or truncated");
	return LR_IMG_OK;
}

/* The gray level of pixel x of a row. */
static unsigned bmp_pixel(const struct bmp *b, const unsigned char *d, const unsigned char *row,
                          size_t x, int *bad)
{
	size_t idx;

	if (b->bpp >= 24) {
		const unsigned char *p = row + x * (b->bpp / 8);
		return lr_img_gray(p[2], p[1], p[0]);
	}
	idx = (row[x * b->bpp / 8] >> (8 - b->bpp - (x * b->bpp) % 8)) & ((1u << b->bpp) - 1);
	if (idx >= b->ncolours) {
		*bad = 1;
		return 0;
	}
	const unsigned char *c = d + b->pal_off + 4 * idx;
	return lr_img_gray(c[2], c[1], c[0]);
}

enum lr_img_status lr_img_decode_bmp(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e)
{
	struct bmp b = { 0 };
	enum lr_img_status st = bmp_header(data, n, &b, e);
	int bad = 0;

	if (st != LR_IMG_OK)
		return st;
	if ((st = lr_img_alloc(b.w, b.h, out, e)) != LR_IMG_OK)
		return st;
	if (b.off > n || (n - b.off) / b.stride < b.h) {
		lr_mat_destroy(*out);
		*out = NULL;
		return lr_img_bad(e, "the BMP pixels are truncated: %zu rows of %zu bytes do not fit",
		                  b.h, b.stride);
	}
	for (size_t y = 0; y < b.h; y++) {
		const unsigned char *row = data + b.off + (b.top_down ? y : b.h - 1 - y) * b.stride;
		for (size_t x = 0; x < b.w; x++)
			LR_AT(*out, y, x) = bmp_pixel(&b, data, row, x, &bad);
	}
	if (bad) {
		lr_mat_destroy(*out);
		*out = NULL;
		return lr_img_bad(e, "a BMP pixel names a colour past the end of the palette");
	}
	return LR_IMG_OK;
}

/* ---- dispatch, files ---- */

enum lr_img_status lr_img_decode(const unsigned char *d, size_t n, struct lr_matrix **out,
                                 struct lr_img_error *e)
{
	*out = NULL;
	e->msg[0] = 0;
	e->w = e->h = 0;
	if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8))
		return lr_img_decode_png(d, n, out, e);
	if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return lr_img_decode_jpeg(d, n, out, e);
	if (n >= 2 && d[0] == 'B' && d[1] == 'M')
		return lr_img_decode_bmp(d, n, out, e);
	if (n >= 3 && d[0] == 'P' && strchr("2356", d[1]) && d[1])
		return lr_img_decode_pnm(d, n, out, e);
	if (n >= 2 && d[0] == 'P' && (d[1] == '1' || d[1] == '4'))
		return lr_img_bad(e, "PBM bitmaps (P1, P4) are not read; PGM and PPM are");
	return lr_img_bad(e, "not a PNG, JPEG, PGM/PPM or BMP file (its first bytes are none "
	                  "of theirs)");
}

size_t lr_img_max_file_bytes(void)
{
	size_t extra = (size_t)16 << 20;

	if (lr_mat_max_elems > (SIZE_MAX - extra) / 4)
		return SIZE_MAX;
	return extra + 4 * lr_mat_max_elems;
}

static enum lr_img_status io_error(struct lr_img_error *e, const char *what, int err)
{
	snprintf(e->msg, sizeof e->msg, "%s: %s", what, strerror(err));
	return LR_IMG_IO;
}

/* The whole of an open regular file into *buf (lr_malloc'd). */
static enum lr_img_status slurp(FILE *f, unsigned char **buf, size_t *n,
                                struct lr_img_error *e)
{
	struct stat st;

	if (fstat(fileno(f), &st) != 0)
		return io_error(e, "cannot read it", errno);
	if (S_ISDIR(st.st_mode))
		return io_error(e, "cannot read it", EISDIR);
	if (!S_ISREG(st.st_mode))
		return lr_img_bad(e, "it is not a regular file (a device, a pipe or a socket)");
	if ((uintmax_t)st.st_size > lr_img_max_file_bytes())
		return LR_IMG_TOO_BIG;
	*n = (size_t)st.st_size;
	*buf = lr_malloc(*n ? *n : 1);
	if (!*buf)
		return LR_IMG_NOMEM;
	if (fread(*buf, 1, *n, f) != *n) {
		int err = ferror(f) ? errno : EIO;
		lr_free(*buf);
		*buf = NULL;
		return io_error(e, "cannot read it", err ? err : EIO);
	}
	return LR_IMG_OK;
}

enum lr_img_status lr_img_read(const char *path, struct lr_matrix **out,
                               struct lr_img_error *e)
{
	unsigned char *buf = NULL;
	enum lr_img_status st;
	size_t n = 0;
	FILE *f;

	*out = NULL;
	e->msg[0] = 0;
	e->w = e->h = 0;
	if (!(f = fopen(path, "rb")))
		return io_error(e, "cannot open it", errno);
	st = slurp(f, &buf, &n, e);
	fclose(f);
	if (st == LR_IMG_OK)
		st = lr_img_decode(buf, n, out, e);
	lr_free(buf);
	return st;
}

enum lr_img_format lr_img_format_of_name(const char *path)
{
	static const struct { const char *ext; enum lr_img_format f; } map[] = {
		{ ".png", LR_IMG_PNG }, { ".pgm", LR_IMG_PNM }, { ".ppm", LR_IMG_PNM },
		{ ".pnm", LR_IMG_PNM }, { ".jpg", LR_IMG_JPEG }, { ".jpeg", LR_IMG_JPEG },
		{ ".bmp", LR_IMG_BMP }
	};
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		size_t k = strlen(map[i].ext);
		if (n > k && !strcasecmp(path + n - k, map[i].ext))
			return map[i].f;
	}
	return LR_IMG_UNKNOWN;
}

static void encode_pgm(const unsigned char *pix, size_t w, size_t h, struct lr_buf *out)
{
	lr_buf_printf(out, "P5\n%zu %zu\n255\n", w, h);
	lr_buf_add(out, (const char *)pix, w * h);
}

enum lr_img_status lr_img_write(const char *path, enum lr_img_format f,
                                const unsigned char *pix, size_t w, size_t h,
                                struct lr_img_error *e)
{
	enum lr_img_status st = LR_IMG_OK;
	struct lr_buf b;
	FILE *fp;
	int err = 0;

	e->msg[0] = 0;
	if (f != LR_IMG_PNG && f != LR_IMG_PNM)
		return lr_img_bad(e, "only PNG and PGM files are written");
	lr_buf_init(&b);
	if (f == LR_IMG_PNG)
		st = lr_img_encode_png(pix, w, h, &b, e);
	else
		encode_pgm(pix, w, h, &b);
	if (st == LR_IMG_OK && b.failed)
		st = LR_IMG_NOMEM;
	if (st != LR_IMG_OK) {
		lr_buf_finish(&b);
		return st;
	}
	if (!(fp = fopen(path, "wb"))) {
		lr_buf_finish(&b);
		return io_error(e, "cannot create it", errno);
	}
	errno = 0;
	if (fwrite(b.data, 1, b.len, fp) != b.len || fflush(fp) != 0)
		err = errno ? errno : EIO;
	if (fclose(fp) != 0 && !err)
		err = errno ? errno : EIO;
	lr_buf_finish(&b);
	if (err) {
		unlink(path);   /* a part of a picture is worse than none */
		return io_error(e, "cannot write it", err);
	}
	return LR_IMG_OK;
}
