/* Showing an error: "FILE:LINE:COL: error: MSG", the source line and a
 * caret under the place, as both front ends print it. */
#include <stdio.h>
#include <string.h>
#include "lowrank/buf.h"
#include "lr_error.h"

/* One character of src: its code point or -1, and *used its bytes. */
static long utf8_decode(const unsigned char *s, size_t avail, size_t *used)
{
	long cp;

	*used = lr_utf8_decode(s, avail, &cp);
	return cp;
}

/* Terminal columns of a code point: 0 for combining marks, 2 for East Asian
 * wide ones, else 1 (enough to keep a caret under the right character). */
static int cp_width(long cp)
{
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp == 0xfe0f)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	    (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

/* Quotes src[from, to) on one line: control bytes and invalid UTF-8 become
 * '?', so the text is printable and the caret line below can match it. */
static void quote_text(struct lr_buf *out, const char *src, size_t from, size_t to)
{
	for (size_t i = from; i < to;) {
		size_t used;
		long cp = utf8_decode((const unsigned char *)src + i, to - i, &used);
		if (cp < 0 || (cp < 0x20 && cp != '\t') || cp == 0x7f)
			lr_buf_putc(out, '?');
		else
			lr_buf_add(out, src + i, used);
		i += used;
	}
}

/* The caret line's padding for src[from, to): a tab for a tab, else as many
 * blanks as the characters take on a terminal. */
static void caret_pad(struct lr_buf *out, const char *src, size_t from, size_t to)
{
	for (size_t i = from; i < to;) {
		size_t used;
		long cp = utf8_decode((const unsigned char *)src + i, to - i, &used);
		if (cp == '\t')
			lr_buf_putc(out, '\t');
		else
			lr_buf_fill(out, ' ', cp < 0 ? 1 : (size_t)cp_width(cp));
		i += used;
	}
}

/* Characters (not bytes) in src[from, to): the column a person counts. */
static int count_chars(const char *src, size_t from, size_t to)
{
	int n = 0;

	for (size_t i = from; i < to; n++) {
		size_t used;
		utf8_decode((const unsigned char *)src + i, to - i, &used);
		i += used;
	}
	return n;
}

/* Lines longer than this are quoted as a window around the error. */
#define QUOTE_MAX 160
#define QUOTE_SIDE 60

static void format_one(struct lr_buf *out, const char *file, const char *src, size_t len,
                       const struct lr_error *err)
{
	size_t off = err->pos.offset, start, end, from, to;

	if (!src || off > len) {
		lr_buf_printf(out, "%s:%d:%d: error: %s\n", file, err->pos.line, err->pos.col,
		              err->msg);
		return;
	}
	start = off;
	while (start > 0 && src[start - 1] != '\n')
		start--;
	end = off;
	while (end < len && src[end] != '\n')
		end++;
	if (end > start && src[end - 1] == '\r')   /* a CRLF file */
		end--;
	lr_buf_printf(out, "%s:%d:%d: error: %s\n", file, err->pos.line,
	              count_chars(src, start, off) + 1, err->msg);
	from = start;
	to = end;
	if (end - start > QUOTE_MAX) {   /* a 1 MB line is quoted around the place */
		from = off > start + QUOTE_SIDE ? off - QUOTE_SIDE : start;
		to = end - off > QUOTE_SIDE ? off + QUOTE_SIDE : end;
		while (from > start && ((unsigned char)src[from] & 0xc0) == 0x80)
			from--;
		while (to < end && ((unsigned char)src[to] & 0xc0) == 0x80)
			to++;
	}
	lr_buf_puts(out, from > start ? "  ..." : "  ");
	quote_text(out, src, from, to);
	lr_buf_puts(out, to < end ? "...\n  " : "\n  ");
	if (from > start)
		lr_buf_puts(out, "   ");
	caret_pad(out, src, from, off < to ? off : to);
	lr_buf_puts(out, "^\n");
}

void lr_error_format(struct lr_buf *out, const char *file, const char *src, size_t len,
                     const struct lr_error *err)
{
	if (!err->src) {
		format_one(out, file, src, len, err);
		return;
	}
	/* inside a function: its own text, then the calls that led there */
	format_one(out, err->file ? err->file : file, err->src, err->srclen, err);
	if (!err->nframes)
		return;
	lr_buf_puts(out, "error: called from\n");
	for (int i = 0; i < err->nframes; i++) {
		const struct lr_error_frame *f = &err->frames[i];
		if (i == err->nframes - 1 && err->nskipped)
			lr_buf_printf(out, "    ... %d more calls\n", err->nskipped);
		lr_buf_printf(out, "    %s at %s:%d:%d\n", f->name, f->file ? f->file : file,
		              f->pos.line, f->pos.col);
	}
	lr_buf_printf(out, "    %s:%d:%d\n", file, err->top.line, err->top.col);
}
