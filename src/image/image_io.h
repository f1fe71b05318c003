/* Picture files: PNG and JPEG through Debian's libpng and libjpeg-turbo,
 * PGM/PPM and uncompressed BMP read here (their headers are a few fields
 * and their pixels plain bytes). A picture becomes a matrix of gray levels
 * 0..255 (doubles, whole numbers); a colour picture is made gray with the
 * weights of Octave's rgb2gray (0.298936 R + 0.587043 G + 0.114021 B,
 * rounded). Writing takes levels 0..255 and gives 8-bit gray PNG or PGM.
 *
 * This folder is file access, not numerics: its own static library, so
 * libpng and libjpeg are linked only where pictures are read or written.
 * Nothing here prints or exits; errors come back as a status and a
 * sentence. */
#ifndef LR_IMAGE_IO_H
#define LR_IMAGE_IO_H

#include <stddef.h>
#include "lowrank/buf.h"
#include "lowrank/matrix.h"

enum lr_img_status {
	LR_IMG_OK = 0,
	LR_IMG_BAD,       /* not a picture we read, damaged or truncated: msg says how */
	LR_IMG_TOO_BIG,   /* w×h pixels would pass the element limit (lr_mat_max_elems) */
	LR_IMG_NOMEM,
	LR_IMG_IO         /* the file could not be opened, read or written: msg says why */
};

enum lr_img_format { LR_IMG_PNG, LR_IMG_JPEG, LR_IMG_PNM, LR_IMG_BMP, LR_IMG_UNKNOWN };

struct lr_img_error {
	char msg[200];    /* a sentence without the file's name, e.g. "truncated JPEG data" */
	size_t w, h;      /* the picture's size when LR_IMG_TOO_BIG */
};

/* Decodes n bytes of a PNG, JPEG, PGM/PPM (P2, P3, P5, P6) or BMP (1, 4, 8,
 * 24 or 32 bits a pixel, uncompressed) into a new h×w matrix of gray levels
 * (*out, owned by the caller). Refuses a picture of more pixels than
 * lr_mat_max_elems before allocating for it. Transparency is ignored (the
 * colours are taken as stored, as Octave's imread gives them); 16-bit
 * samples are scaled to 0..255. */
enum lr_img_status lr_img_decode(const unsigned char *data, size_t n, struct lr_matrix **out,
                                 struct lr_img_error *e);

/* Reads the file at path and decodes it. A file larger than any picture
 * within the element limit could be (LR_IMG_MAX_FILE_BYTES) is refused
 * as LR_IMG_TOO_BIG with w = h = 0, before it is read. */
enum lr_img_status lr_img_read(const char *path, struct lr_matrix **out,
                               struct lr_img_error *e);
/* The largest file lr_img_read reads: 16 MiB plus 4 bytes a pixel of the
 * element limit (an uncompressed 32-bit BMP of the largest picture). */
size_t lr_img_max_file_bytes(void);

/* The format a file name asks for by its ending (.png, .pgm, .jpg/.jpeg,
 * .ppm/.pnm, .bmp; any case), or LR_IMG_UNKNOWN. */
enum lr_img_format lr_img_format_of_name(const char *path);

/* Writes w×h gray levels (row by row, top first) to path as an 8-bit gray
 * PNG or a binary PGM (P5); other formats are LR_IMG_BAD. The file is
 * written whole or, on a failure, removed. */
enum lr_img_status lr_img_write(const char *path, enum lr_img_format f,
                                const unsigned char *pix, size_t w, size_t h,
                                struct lr_img_error *e);

/* An 8-bit gray PNG of w×h levels, appended to out (for a figure that
 * embeds a picture). */
enum lr_img_status lr_img_encode_png(const unsigned char *pix, size_t w, size_t h,
                                     struct lr_buf *out, struct lr_img_error *e);

/* The gray level of a colour pixel, as rgb2gray rounds it. */
unsigned char lr_img_gray(unsigned r, unsigned g, unsigned b);

#endif
