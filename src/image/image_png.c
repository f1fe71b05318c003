/* PNG through libpng's simplified API (png_image), which reports errors as
 * a return value and a message, so no setjmp is needed on our side. */
#include "image_codec.h"

#include <png.h>
#include <string.h>
#include "lowrank/alloc.h"

/* The pixels as stored: colours with alpha (not composited) for 8-bit
 * files; 16-bit files are read linear, as their samples are, and scaled. */
static png_uint_32 read_format(const png_image *img, int *channels, int *wide)
{
	int colour = (img->format & PNG_FORMAT_FLAG_COLOR) != 0;

	*wide = (img->format & PNG_FORMAT_FLAG_LINEAR) != 0;
	if (*wide) {
		*channels = colour ? 3 : 1;
		return colour ? PNG_FORMAT_LINEAR_RGB : PNG_FORMAT_LINEAR_Y;
	}
	*channels = colour ? 4 : 2;
	return colour ? PNG_FORMAT_RGBA : PNG_FORMAT_GA;
}

static unsigned sample(const void *buf, int wide, size_t i)
{
	if (wide)
		return (unsigned)((((const png_uint_16 *)buf)[i] * 255u + 32767u) / 65535u);
	return ((const png_byte *)buf)[i];
}

enum lr_img_status lr_img_decode_png(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e)
{
	png_image img;
	enum lr_img_status st;
	int channels, wide;
	void *buf;

	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, data, n))
		return lr_img_bad(e, "damaged PNG: %s", img.message);
	img.format = read_format(&img, &channels, &wide);
	st = lr_img_alloc(img.width, img.height, out, e);
	if (st != LR_IMG_OK) {
		png_image_free(&img);
		return st;
	}
	buf = lr_mallocarray((size_t)img.width * img.height, (size_t)channels * (wide ? 2 : 1));
	if (!buf) {
		png_image_free(&img);
		lr_mat_destroy(*out);
		*out = NULL;
		return LR_IMG_NOMEM;
	}
	if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) {
		st = lr_img_bad(e, "damaged or truncated PNG: %s", img.message);
		lr_mat_destroy(*out);
		*out = NULL;
	} else {
		size_t np = (size_t)img.width * img.height;
		for (size_t i = 0; i < np; i++) {
			size_t k = i * (size_t)channels;
			(*out)->data[i] = channels >= 3 ?
				lr_img_gray(sample(buf, wide, k), sample(buf, wide, k + 1),
				            sample(buf, wide, k + 2)) : sample(buf, wide, k);
		}
	}
	png_image_free(&img);
	lr_free(buf);
	return st;
}

enum lr_img_status lr_img_encode_png(const unsigned char *pix, size_t w, size_t h,
                                     struct lr_buf *out, struct lr_img_error *e)
{
	png_image img;
	png_alloc_size_t size = 0;
	void *mem;

	if (w > 0x7fffffff || h > 0x7fffffff)
		return lr_img_bad(e, "a PNG is at most 2^31-1 pixels a side");
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)w;
	img.height = (png_uint_32)h;
	img.format = PNG_FORMAT_GRAY;
	if (!png_image_write_get_memory_size(img, size, 0, pix, 0, NULL))
		return lr_img_bad(e, "cannot encode the PNG: %s", img.message);
	mem = lr_malloc(size);
	if (!mem)
		return LR_IMG_NOMEM;
	if (!png_image_write_to_memory(&img, mem, &size, 0, pix, 0, NULL)) {
		lr_free(mem);
		return lr_img_bad(e, "cannot encode the PNG: %s", img.message);
	}
	lr_buf_add(out, mem, size);
	lr_free(mem);
	return LR_IMG_OK;
}
