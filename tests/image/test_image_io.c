/* Unit tests of src/image: round trips per format, colour to gray by
 * rgb2gray's weights, and bad, truncated and huge files refused with a
 * status and a sentence (never a crash: every prefix of every file). */
#include <png.h>
#include <zlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jpeglib.h>
#include "check.h"
#include "image_io.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"

static char tmpdir[] = "/tmp/lr-image-XXXXXX";

static const char *temp_path(const char *name)
{
	static char path[256];

	if (!strchr(tmpdir, 'X') || mkdtemp(tmpdir))
		snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

static void cleanup(const char *path)
{
	unlink(path);
	rmdir(tmpdir);
}

/* A w×h picture of levels with edges, flat parts and every level 0..255. */
static unsigned char *pattern(size_t w, size_t h)
{
	unsigned char *p = malloc(w * h);
	for (size_t i = 0; i < w * h; i++)
		p[i] = (unsigned char)((i * 37 + (i / w) * 11) % 256);
	return p;
}

static void check_levels(const struct lr_matrix *m, const unsigned char *p, size_t w, size_t h)
{
	CHECK(m && m->rows == h && m->cols == w);
	for (size_t i = 0; m && i < w * h; i++)
		if (m->data[i] != p[i]) {
			CHECK(m->data[i] == p[i]);
			fprintf(stderr, "  pixel %zu: %g, expected %u\n", i, m->data[i], p[i]);
			break;
		}
}

static void roundtrip(const char *name, enum lr_img_format f)
{
	size_t w = 37, h = 23;
	unsigned char *p = pattern(w, h);
	const char *path = temp_path(name);
	struct lr_img_error e;
	struct lr_matrix *m = NULL;

	CHECK(lr_img_format_of_name(path) == f);
	CHECK(lr_img_write(path, f, p, w, h, &e) == LR_IMG_OK);
	CHECK(lr_img_read(path, &m, &e) == LR_IMG_OK);
	check_levels(m, p, w, h);
	lr_mat_destroy(m);
	cleanup(path);
	free(p);
}

static void png_roundtrip(void) { roundtrip("a.png", LR_IMG_PNG); }
static void pgm_roundtrip(void) { roundtrip("a.PGM", LR_IMG_PNM); }

static void decode(const void *d, size_t n, struct lr_matrix **m, enum lr_img_status want)
{
	struct lr_img_error e;
	enum lr_img_status st = lr_img_decode(d, n, m, &e);

	CHECK(st == want);
	if (st != want)
		fprintf(stderr, "  status %d (%s), expected %d\n", st, e.msg, want);
	CHECK((st == LR_IMG_OK) == (*m != NULL));
}

/* rgb2gray's rounding, as Octave 7.3 gives it for these uint8 colours. */
static void gray_weights(void)
{
	CHECK(lr_img_gray(255, 0, 0) == 76);
	CHECK(lr_img_gray(0, 255, 0) == 150);
	CHECK(lr_img_gray(0, 0, 255) == 29);
	CHECK(lr_img_gray(255, 255, 255) == 255);
	CHECK(lr_img_gray(0, 0, 0) == 0);
	CHECK(lr_img_gray(10, 200, 30) == 124);
}

static void ppm_colour(void)
{
	static const unsigned char ppm[] = "P6\n# two by one\n2 1\n255\n\xff\x00\x00\x0a\xc8\x1e";
	struct lr_matrix *m;

	decode(ppm, sizeof ppm - 1, &m, LR_IMG_OK);
	CHECK(m && m->rows == 1 && m->cols == 2 && m->data[0] == 76 && m->data[1] == 124);
	lr_mat_destroy(m);
}

static void pgm_text_and_16bit(void)
{
	static const char p2[] = "P2 3 2 15\n0 15 5\n# comment\n10 1 2\n";
	static const unsigned char p5[] = "P5 2 1 65535\n\xff\xff\x80\x00";
	struct lr_matrix *m;

	decode(p2, sizeof p2 - 1, &m, LR_IMG_OK);
	CHECK(m && m->rows == 2 && m->cols == 3);
	CHECK(m && m->data[0] == 0 && m->data[1] == 255 && m->data[2] == 85 && m->data[3] == 170);
	lr_mat_destroy(m);
	decode(p5, sizeof p5 - 1, &m, LR_IMG_OK);
	CHECK(m && m->data[0] == 255 && m->data[1] == 128);
	lr_mat_destroy(m);
}

/* A BMP of w×h pixels at bpp bits, rows bottom first unless top_down. */
static size_t make_bmp(unsigned char *b, int w, int h, int bpp, const unsigned char *rows,
                       int ncol, const unsigned char *pal)
{
	size_t stride = (size_t)((w * bpp + 31) / 32) * 4, off = 54 + 4 * (size_t)ncol;
	size_t n = off + stride * (size_t)abs(h);
	int32_t v[] = { (int32_t)n, 0, (int32_t)off, 40, w, h };

	memset(b, 0, n);
	b[0] = 'B';
	b[1] = 'M';
	for (int i = 0; i < 6; i++)
		for (int k = 0; k < 4; k++)
			b[2 + 4 * i + k] = (unsigned char)((uint32_t)v[i] >> (8 * k));
	b[26] = 1;
	b[28] = (unsigned char)bpp;
	b[46] = (unsigned char)ncol;
	if (ncol)
		memcpy(b + 54, pal, 4 * (size_t)ncol);
	for (int y = 0; y < abs(h); y++)
		memcpy(b + off + (size_t)y * stride, rows + (size_t)y * (size_t)(w * bpp / 8 + 1),
		       (size_t)(w * bpp + 7) / 8);
	return n;
}

static void bmp_kinds(void)
{
	/* 24 bits, 2×2, bottom row first: BGR */
	static const unsigned char rgb[] = { 0, 0, 255, 0, 255, 0, 0, 0, 255, 255, 255,
	                                     0, 0, 0 };   /* 7 bytes a row: 6 + a spare */
	static const unsigned char pal[] = { 0, 0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 0 };
	static const unsigned char idx[] = { 0x01, 0, 0x02, 0 };   /* 8 bits, 1×2 */
	static const unsigned char bits[] = { 0x80, 0 };            /* 1 bit, 2×1: 1 0 */
	unsigned char b[256];
	struct lr_matrix *m;
	size_t n = make_bmp(b, 2, 2, 24, rgb, 0, NULL);

	decode(b, n, &m, LR_IMG_OK);
	/* top row is the file's second: yellow (255,255,0), blue */
	CHECK(m && m->data[0] == lr_img_gray(255, 255, 0) && m->data[1] == 29);
	CHECK(m && m->data[2] == 76 && m->data[3] == 150);
	lr_mat_destroy(m);
	n = make_bmp(b, 1, -2, 8, idx, 3, pal);   /* top-down */
	decode(b, n, &m, LR_IMG_OK);
	CHECK(m && m->rows == 2 && m->data[0] == 255 && m->data[1] == 76);
	lr_mat_destroy(m);
	n = make_bmp(b, 2, 1, 1, bits, 2, pal);
	decode(b, n, &m, LR_IMG_OK);
	CHECK(m && m->cols == 2 && m->data[0] == 255 && m->data[1] == 0);
	lr_mat_destroy(m);
	b[54 + 8] = 7;                            /* an index past the palette */
	n = make_bmp(b, 1, -2, 8, (const unsigned char[]){ 0x07, 0, 0, 0 }, 3, pal);
	decode(b, n, &m, LR_IMG_BAD);
}

static size_t make_jpeg(unsigned char **out, const unsigned char *p, int w, int h, int colour)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	unsigned long n = 0;
	unsigned char *row = malloc((size_t)w * 3);

	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	*out = NULL;
	jpeg_mem_dest(&c, out, &n);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = colour ? 3 : 1;
	c.in_color_space = colour ? JCS_RGB : JCS_GRAYSCALE;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 100, TRUE);
	jpeg_start_compress(&c, TRUE);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w * (colour ? 3 : 1); x++)
			row[x] = p[(size_t)y * (size_t)w + (size_t)(x / (colour ? 3 : 1))];
		JSAMPROW r = row;
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return n;
}

/* A smooth picture survives JPEG at quality 100 within a level or two. */
static void jpeg_gray_and_colour(void)
{
	int w = 40, h = 24;
	unsigned char p[40 * 24];
	for (int i = 0; i < w * h; i++)
		p[i] = (unsigned char)(60 + (i % w) * 3 + (i / w) * 2);
	for (int colour = 0; colour < 2; colour++) {
		unsigned char *j;
		size_t n = make_jpeg(&j, p, w, h, colour);
		struct lr_matrix *m;
		double worst = 0;
		decode(j, n, &m, LR_IMG_OK);
		for (int i = 0; m && i < w * h; i++)
			worst = fmax(worst, fabs(m->data[i] - p[i]));
		CHECK(m && m->rows == 24 && m->cols == 40 && worst <= 2);
		lr_mat_destroy(m);
		free(j);
	}
}

static void png_colour_and_16bit(void)
{
	png_image img;
	unsigned char rgb[] = { 255, 0, 0, 10, 200, 30 };
	png_uint_16 wide[] = { 65535, 32768, 0 };
	png_alloc_size_t n = 4096;
	unsigned char mem[4096];
	struct lr_matrix *m;

	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	img.width = 2;
	img.height = 1;
	img.format = PNG_FORMAT_RGB;
	CHECK(png_image_write_to_memory(&img, mem, &n, 0, rgb, 0, NULL));
	decode(mem, n, &m, LR_IMG_OK);
	CHECK(m && m->data[0] == 76 && m->data[1] == 124);
	lr_mat_destroy(m);
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	img.width = 3;
	img.height = 1;
	img.format = PNG_FORMAT_LINEAR_Y;
	n = sizeof mem;
	CHECK(png_image_write_to_memory(&img, mem, &n, 0, wide, 0, NULL));
	decode(mem, n, &m, LR_IMG_OK);
	CHECK(m && m->data[0] == 255 && m->data[1] == 128 && m->data[2] == 0);
	lr_mat_destroy(m);
}

/* Every prefix of a good file is refused as bad, never read past. */
static void every_prefix_bad(const unsigned char *d, size_t n, const char *word)
{
	for (size_t k = 0; k < n; k++) {
		struct lr_img_error e;
		struct lr_matrix *m;
		enum lr_img_status st = lr_img_decode(d, k, &m, &e);
		if (st != LR_IMG_BAD || m || (k > 8 && !strstr(e.msg, word))) {
			CHECK(st == LR_IMG_BAD && !m);
			fprintf(stderr, "  %s prefix of %zu bytes: status %d, '%s'\n", word, k, st, e.msg);
			lr_mat_destroy(m);
			return;
		}
	}
}

static void truncated(void)
{
	unsigned char *p = pattern(16, 9), *j;
	struct lr_buf b;
	struct lr_img_error e;
	unsigned char bmp[256];
	static const unsigned char rgb[] = { 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12, 0 };
	size_t n;

	lr_buf_init(&b);
	{
		png_image img;
		png_alloc_size_t sz = 0;
		memset(&img, 0, sizeof img);
		img.version = PNG_IMAGE_VERSION;
		img.width = 16;
		img.height = 9;
		img.format = PNG_FORMAT_GRAY;
		png_image_write_get_memory_size(img, sz, 0, p, 0, NULL);
		lr_buf_fill(&b, 0, sz);
		CHECK(png_image_write_to_memory(&img, b.data, &sz, 0, p, 0, NULL));
		/* all but IEND (12 bytes) holds every pixel, which libpng accepts */
		every_prefix_bad((unsigned char *)b.data, sz - 12, "PNG");
	}
	n = make_jpeg(&j, p, 16, 9, 1);
	every_prefix_bad(j, n, "JPEG");
	free(j);
	n = make_bmp(bmp, 2, 2, 24, rgb, 0, NULL);
	every_prefix_bad(bmp, n, "BMP");
	every_prefix_bad((const unsigned char *)"P5 4 2 255\n\1\2\3\4\5\6\7\10", 19, "P5");
	(void)e;
	lr_buf_finish(&b);
	free(p);
}

static void garbage(void)
{
	struct lr_matrix *m;
	struct lr_img_error e;

	CHECK(lr_img_decode((const unsigned char *)"hello, world", 12, &m, &e) == LR_IMG_BAD);
	CHECK(strstr(e.msg, "not a PNG, JPEG, PGM/PPM or BMP file") != NULL);
	CHECK(lr_img_decode((const unsigned char *)"P4 1 1\n\0", 8, &m, &e) == LR_IMG_BAD);
	CHECK(strstr(e.msg, "PBM") != NULL);
	CHECK(lr_img_decode((const unsigned char *)"P5 2 1 0\n\0\0", 11, &m, &e) == LR_IMG_BAD);
	CHECK(lr_img_decode((const unsigned char *)"P5 2 1 9\n\0\12", 11, &m, &e) == LR_IMG_BAD);
	CHECK(lr_img_decode((const unsigned char *)"P5 0 1 9\n", 9, &m, &e) == LR_IMG_BAD);
}

/* Sizes past the element limit are refused from the header, before any
 * pixel is allocated, with the size for the message. */
static void huge(void)
{
	static const unsigned char pgm[] = "P5 60000 50000 255\n";
	/* a PNG's signature and IHDR of 100000 × 3000 gray pixels */
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0"
		"\0\0\x0b\xb8\x08\0\0\0\0";
	/* then the CRC and the start of an IDAT, where libpng stops reading */
	unsigned char ihdr[sizeof png + 4 + 12] = { 0 };
	struct lr_img_error e;
	struct lr_matrix *m;
	uint32_t crc = (uint32_t)crc32(0, png + 12, 17);

	CHECK(lr_img_decode(pgm, sizeof pgm - 1, &m, &e) == LR_IMG_TOO_BIG);
	CHECK(e.w == 60000 && e.h == 50000 && !m);
	memcpy(ihdr, png, sizeof png - 1);
	for (int k = 0; k < 4; k++)
		ihdr[sizeof png - 1 + (size_t)k] = (unsigned char)(crc >> (24 - 8 * k));
	memcpy(ihdr + sizeof png + 3, "\0\0\0\x04IDAT", 8);
	CHECK(lr_img_decode(ihdr, sizeof ihdr, &m, &e) == LR_IMG_TOO_BIG);
	CHECK(e.w == 100000 && e.h == 3000 && !m);
	lr_mat_max_elems = 100;
	{
		unsigned char *p = pattern(20, 10), *j;
		size_t n = make_jpeg(&j, p, 20, 10, 0);
		CHECK(lr_img_decode(j, n, &m, &e) == LR_IMG_TOO_BIG && e.w == 20 && e.h == 10);
		CHECK(lr_img_max_file_bytes() == (16u << 20) + 400);
		free(j);
		free(p);
	}
	lr_mat_max_elems = 100000000;
}

static void file_errors(void)
{
	struct lr_img_error e;
	struct lr_matrix *m;
	unsigned char px = 7;

	CHECK(lr_img_read("no/such/file.png", &m, &e) == LR_IMG_IO && !m);
	CHECK(strstr(e.msg, "No such file") != NULL);
	CHECK(lr_img_read(".", &m, &e) == LR_IMG_IO && strstr(e.msg, "directory") != NULL);
	CHECK(lr_img_write("no/such/dir/a.png", LR_IMG_PNG, &px, 1, 1, &e) == LR_IMG_IO);
	CHECK(lr_img_write("a.bmp", LR_IMG_BMP, &px, 1, 1, &e) == LR_IMG_BAD);
	CHECK(lr_img_format_of_name("x.JPEG") == LR_IMG_JPEG);
	CHECK(lr_img_format_of_name("png") == LR_IMG_UNKNOWN);
	CHECK(lr_img_write(".", LR_IMG_PNM, &px, 1, 1, &e) == LR_IMG_IO);
	CHECK(strstr(e.msg, "cannot create it") != NULL);
}

SUBTEST_MAIN(T(png_roundtrip), T(pgm_roundtrip), T(gray_weights), T(ppm_colour),
             T(pgm_text_and_16bit), T(bmp_kinds), T(jpeg_gray_and_colour),
             T(png_colour_and_16bit), T(truncated), T(garbage), T(huge), T(file_errors))
