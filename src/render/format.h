/* Displaying matrices as GNU Octave does: `x = 3` for a scalar, and for a
 * matrix `A =`, a blank line, right-aligned columns, a blank line. Wide
 * matrices wrap in column blocks (" Columns 1 through 8:") at the output
 * width. Hidden entries (masked out) are shown in brackets, NaN as NaN. */
#ifndef LR_FORMAT_H
#define LR_FORMAT_H

#include "lowrank/buf.h"
#include "lowrank/matrix.h"

enum lr_numfmt {
	LR_FMT_SHORT,   /* 4 decimals (scalars: 5 significant digits as Octave) */
	LR_FMT_LONG     /* 15 significant digits */
};

struct lr_fmt_opts {
	enum lr_numfmt numfmt;
	int width;        /* output columns for wrapping (80 in batch mode) */
};

/* Appends the display of `name = m` (name NULL: as disp() shows it, no
 * name and no blank lines). */
void lr_fmt_matrix(struct lr_buf *out, const char *name, const struct lr_matrix *m,
                   const struct lr_fmt_opts *o);
/* As lr_fmt_matrix, for a logical matrix (entries 0 and 1): Octave shows
 * it without room for a sign, `  1  0  1`. */
void lr_fmt_logical(struct lr_buf *out, const char *name, const struct lr_matrix *m,
                    const struct lr_fmt_opts *o);
/* As lr_fmt_matrix, for a complex matrix of real parts re and imaginary
 * parts im (the same shape), in Octave's layout: `z =  3 + 4i`, columns of
 * `re + imi` with one width for every real part and one for every
 * imaginary part (format_complex.c). */
void lr_fmt_complex(struct lr_buf *out, const char *name, const struct lr_matrix *re,
                    const struct lr_matrix *im, const struct lr_fmt_opts *o);
/* Appends an empty matrix as Octave shows it: `name = [](0x3)`. */
void lr_fmt_empty(struct lr_buf *out, const char *name, size_t rows, size_t cols);
/* Before the block of columns [c0, c1) of a matrix of cols columns, for
 * the real and the complex layouts alike: nothing when one block holds
 * them all, else a blank line between blocks and the heading Octave gives
 * (" Columns 1 through 8:" and a blank line). */
void lr_fmt_block_start(struct lr_buf *out, size_t c0, size_t c1, size_t cols);
/* Appends one number as a scalar would show (no name, no newline). */
void lr_fmt_number(struct lr_buf *out, double x, enum lr_numfmt f);
/* Appends `name = text` for a string value. */
void lr_fmt_string(struct lr_buf *out, const char *name, const char *s);

#endif
