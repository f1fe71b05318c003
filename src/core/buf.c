/* A growable byte buffer. Capacity doubles so n appends cost O(n) in total;
 * the first failed allocation latches `failed` and every later append is a
 * no-op, so callers check once at the end instead of after every append. */
#include "lowrank/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lowrank/alloc.h"

enum { BUF_MIN_CAP = 64 };

void lr_buf_init(struct lr_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void lr_buf_finish(struct lr_buf *b)
{
	lr_free(b->data);
	lr_buf_init(b);
}

void lr_buf_reset(struct lr_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Makes room for extra more bytes plus the terminating NUL; 0 on failure
 * (and the buffer is marked failed). */
static int reserve(struct lr_buf *b, size_t extra)
{
	if (b->failed)
		return 0;
	if (extra >= SIZE_MAX - b->len) {
		b->failed = 1;
		return 0;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : BUF_MIN_CAP;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = lr_realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return 0;
	}
	b->data = p;
	b->cap = cap;
	return 1;
}

void lr_buf_add(struct lr_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void lr_buf_puts(struct lr_buf *b, const char *s)
{
	lr_buf_add(b, s, strlen(s));
}

void lr_buf_putc(struct lr_buf *b, char c)
{
	lr_buf_add(b, &c, 1);
}

void lr_buf_printf(struct lr_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lr_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void lr_buf_vprintf(struct lr_buf *b, const char *fmt, va_list ap)
{
	if (b->failed)
		return;
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		/* An encoding error: the text cannot be produced. */
		b->failed = 1;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void lr_buf_fill(struct lr_buf *b, char c, size_t n)
{
	if (!reserve(b, n))
		return;
	memset(b->data + b->len, (unsigned char)c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Surrogates and values past U+10FFFF are not characters; they become
 * U+FFFD so the output is always valid UTF-8. */
void lr_buf_utf8(struct lr_buf *b, unsigned cp)
{
	char u[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	lr_buf_add(b, u, n);
}

/* Returns NULL when the buffer failed (its contents are incomplete) or when
 * even an empty string cannot be allocated; `failed` is left as it was so
 * the owner can still tell. */
char *lr_buf_take(struct lr_buf *b)
{
	char *s = b->data;
	int failed = b->failed;
	if (failed) {
		lr_free(s);
		s = NULL;
	} else if (!s) {
		s = lr_strdup("");
	}
	lr_buf_init(b);
	b->failed = failed;
	return s;
}

size_t lr_utf8_skip_bom(char *s, size_t len)
{
	if (!s || len < 3 || memcmp(s, "\xEF\xBB\xBF", 3) != 0)
		return len;
	memmove(s, s + 3, len - 3 + 1);
	return len - 3;
}

size_t lr_utf8_decode(const unsigned char *s, size_t avail, long *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;   /* allowed range of the next byte */
	size_t need, i;
	long v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0F;
		if (c == 0xE0) lo = 0xA0;        /* no overlongs */
		if (c == 0xED) hi = 0x9F;        /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07;
		if (c == 0xF0) lo = 0x90;        /* no overlongs */
		if (c == 0xF4) hi = 0x8F;        /* nothing above U+10FFFF */
	} else {
		*cp = -1;                        /* 80..C1, F5..FF never start a character */
		return 1;
	}
	for (i = 1; i <= need; i++) {
		unsigned b = i < avail ? s[i] : 0;
		if (b < lo || b > hi) {
			*cp = -1;
			return i;
		}
		v = (v << 6) | (long)(b & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return i;
}
