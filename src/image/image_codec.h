/* The decoders and encoders behind image_io.c, one per library or format.
 * Each decoder checks the picture's size against the element limit (with
 * lr_img_fits) before it allocates for the pixels. */
#ifndef LR_IMAGE_CODEC_H
#define LR_IMAGE_CODEC_H

#include "image_io.h"
#include "lowrank/buf.h"

enum lr_img_status lr_img_decode_png(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e);
enum lr_img_status lr_img_decode_jpeg(const unsigned char *data, size_t n,
                                      struct lr_matrix **out, struct lr_img_error *e);
enum lr_img_status lr_img_decode_pnm(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e);
enum lr_img_status lr_img_decode_bmp(const unsigned char *data, size_t n,
                                     struct lr_matrix **out, struct lr_img_error *e);

/* LR_IMG_OK and a new h×w matrix in *out when w×h pixels are within the
 * element limit; else LR_IMG_TOO_BIG (w, h in e) or LR_IMG_NOMEM. */
enum lr_img_status lr_img_alloc(size_t w, size_t h, struct lr_matrix **out,
                                struct lr_img_error *e);
/* Sets e's message; returns LR_IMG_BAD. */
enum lr_img_status lr_img_bad(struct lr_img_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
