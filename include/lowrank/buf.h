/* A growable byte buffer, the one way text is assembled in the program.
 * Ownership: the buffer owns data. On allocation failure the buffer remembers
 * it (failed = 1), later appends do nothing, and the owner reports it once. */
#ifndef LOWRANK_BUF_H
#define LOWRANK_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct lr_buf {
	char *data;     /* owned; always NUL-terminated when len > 0 or after any append */
	size_t len, cap;
	int failed;     /* an allocation failed; contents are incomplete */
};

void lr_buf_init(struct lr_buf *b);
void lr_buf_finish(struct lr_buf *b);
void lr_buf_reset(struct lr_buf *b);               /* len = 0, keeps memory */
void lr_buf_add(struct lr_buf *b, const char *s, size_t n);
void lr_buf_puts(struct lr_buf *b, const char *s);
void lr_buf_putc(struct lr_buf *b, char c);
void lr_buf_printf(struct lr_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lr_buf_vprintf(struct lr_buf *b, const char *fmt, va_list ap);
/* Appends n copies of c. */
void lr_buf_fill(struct lr_buf *b, char c, size_t n);
/* Appends the UTF-8 encoding of code point cp. */
void lr_buf_utf8(struct lr_buf *b, unsigned cp);
/* Decodes one UTF-8 character from s, which holds avail > 0 bytes. Returns
 * the bytes used (at least 1) and sets *cp to the code point, or to -1 for an
 * ill-formed sequence, of which it consumes the maximal subpart (Unicode 15,
 * section 3.9): "\xE2\x82" is one bad character, "\xC0\x80" two. */
size_t lr_utf8_decode(const unsigned char *s, size_t avail, long *cp);
/* Removes a leading UTF-8 byte order mark (as some Windows editors write; it
 * is not part of the text, and Octave skips it too) from the len bytes at s
 * and the NUL after them. Returns the length left. Every reader of a script,
 * lesson or workspace file goes through it, so they agree. */
size_t lr_utf8_skip_bom(char *s, size_t len);
/* Detaches the data (caller owns it, lr_free); the buffer is left empty.
 * An untouched buffer gives "" (allocated). Returns NULL if the buffer had
 * failed (the text is incomplete; `failed` stays set) or out of memory. */
char *lr_buf_take(struct lr_buf *b);

#endif
