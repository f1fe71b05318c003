/* The character grid every drawing goes into, and its conversion to and
 * from UTF-8. The grid holds code points, not bytes, so a drawing can be
 * copied cell by cell into a terminal window or compared as text. */
#include "grid.h"

#include <stddef.h>
#include <stdint.h>

#include "lowrank/alloc.h"

enum { REPLACEMENT = 0xFFFD };

int lr_grid_init(struct lr_grid *g, int w, int h)
{
	g->w = g->h = 0;
	g->cells = NULL;
	if (w <= 0 || h <= 0)
		return 0;
	g->cells = lr_mallocarray((size_t)w * (size_t)h, sizeof *g->cells);
	if (!g->cells)
		return -1;
	g->w = w;
	g->h = h;
	lr_grid_clear(g);
	return 0;
}

void lr_grid_finish(struct lr_grid *g)
{
	lr_free(g->cells);
	g->cells = NULL;
	g->w = g->h = 0;
}

void lr_grid_clear(struct lr_grid *g)
{
	size_t n = (size_t)g->w * (size_t)g->h;
	for (size_t i = 0; i < n; i++) {
		g->cells[i].ch = ' ';
		g->cells[i].style = LR_STY_NORMAL;
		g->cells[i].fg = g->cells[i].bg = 0;
	}
}

void lr_grid_put(struct lr_grid *g, int x, int y, uint32_t ch, int style)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return;
	struct lr_cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
	c->ch = ch;
	c->style = (uint8_t)style;
	c->fg = c->bg = 0;
}

void lr_grid_pixels(struct lr_grid *g, int x, int y, uint32_t ch, int style, int fg, int bg)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return;
	struct lr_cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
	c->ch = ch;
	c->style = (uint8_t)style;
	c->fg = (uint8_t)fg;
	c->bg = (uint8_t)bg;
}

const struct lr_cell *lr_grid_at(const struct lr_grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return NULL;
	return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

/* Characters a terminal would act on rather than show. */
static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Decodes one code point from s (NUL-terminated): U+FFFD for an ill-formed
 * sequence. Returns the bytes used (at least 1). */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
	long v;
	/* The NUL ends any sequence, so no length is needed. */
	size_t n = lr_utf8_decode(s, (size_t)-1, &v);

	*cp = v < 0 ? REPLACEMENT : (uint32_t)v;
	return n;
}

int lr_grid_text(struct lr_grid *g, int x, int y, const char *utf8, int style)
{
	const unsigned char *s = (const unsigned char *)utf8;
	if (!s)
		return x;
	while (*s) {
		uint32_t cp;
		s += decode(s, &cp);
		if (is_control(cp))
			cp = REPLACEMENT;
		lr_grid_put(g, x, y, cp, style);
		x++;
	}
	return x;
}

int lr_grid_text_len(const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	int n = 0;
	if (!s)
		return 0;
	while (*s) {
		uint32_t cp;
		s += decode(s, &cp);
		n++;
	}
	return n;
}

/* Encodes cp into out (4 bytes at most); returns the length. */
static size_t encode(uint32_t cp, char *out)
{
	if (cp == 0)
		cp = ' ';
	else if (is_control(cp) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static int is_blank(uint32_t ch)
{
	return ch == ' ' || ch == 0;
}

void lr_grid_to_text(const struct lr_grid *g, struct lr_buf *out)
{
	char tmp[4];
	for (int y = 0; y < g->h; y++) {
		const struct lr_cell *row = &g->cells[(size_t)y * (size_t)g->w];
		int end = g->w;
		while (end > 0 && is_blank(row[end - 1].ch))
			end--;
		for (int x = 0; x < end; x++)
			lr_buf_add(out, tmp, encode(row[x].ch, tmp));
		lr_buf_putc(out, '\n');
	}
}
