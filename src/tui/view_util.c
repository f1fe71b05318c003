/* Small drawing helpers the views share: copying a grid, clipped text,
 * numbers, flowing and wrapped text and the hints of an empty view. */
#include "views_impl.h"

/* Copies src's rows from `from` on to (x0, y0 + from). */
void vw_blit_from(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0, int from)
{
	for (int y = from; y < src->h; y++)
		for (int x = 0; x < src->w; x++) {
			const struct lr_cell *c = &src->cells[y * src->w + x];
			lr_grid_put(dst, x0 + x, y0 + y, c->ch, c->style);
		}
}

void vw_blit(struct lr_grid *dst, const struct lr_grid *src, int x0, int y0)
{
	vw_blit_from(dst, src, x0, y0, 0);
}

/* Text clipped to the columns [x, xmax). */
int vw_text_clip(struct lr_grid *g, int x, int y, int xmax, const char *s, int style)
{
	struct lr_grid row;
	int n = lr_grid_text_len(s);

	if (n <= xmax - x)
		return lr_grid_text(g, x, y, s, style);
	if (lr_grid_init(&row, xmax - x, 1) < 0)
		return x;
	lr_grid_text(&row, 0, 0, s, style);
	vw_blit(g, &row, x, y);
	lr_grid_finish(&row);
	return xmax;
}

void vw_num(char *buf, size_t n, double x)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_fmt_number(&b, x, LR_FMT_SHORT);
	snprintf(buf, n, "%s", b.data && !b.failed ? b.data : "?");
	lr_buf_finish(&b);
}

/* num, by the rounding rule (remainder.h); returns 1 when shown as zero to
 * rounding. A bare 0 when note is 0 (the caller says the note itself). */
int vw_num_r(char *buf, size_t n, double x, int zero, int note)
{
	struct lr_buf b;
	int r;

	lr_buf_init(&b);
	r = lr_fmt_remainder(&b, x, zero, note, LR_FMT_SHORT);
	snprintf(buf, n, "%s", b.data && !b.failed ? b.data : "?");
	lr_buf_finish(&b);
	return r;
}

/* Lays items out left to right with gaps, wrapping into the next rows;
 * returns the row after the last one used. */
int vw_flow(struct lr_grid *g, int x0, int y, int xmax, int ymax,
            const char *const *items, const int *styles, int n)
{
	int x = x0;

	for (int i = 0; i < n && y < ymax; i++) {
		int w = lr_grid_text_len(items[i]);
		if (x > x0 && x + w > xmax) {
			x = x0;
			if (++y >= ymax)
				break;
		}
		x = vw_text_clip(g, x, y, xmax, items[i], styles[i]) + 3;
	}
	return y + 1;
}

/* Draws one line of text (len bytes of s) word-wrapped into [x, xmax), from
 * row *y while *y < ymax, advancing *y; returns 0 if it did not fit. */
int vw_wrap(struct lr_grid *g, int x, int *y, int xmax, int ymax, const char *s,
                     size_t len, int style)
{
	char buf[512];
	size_t n = 0;
	const char *p = s, *e = s + len;

	if (len == 0) {
		if (*y >= ymax)
			return 0;
		(*y)++;
		return 1;
	}
	while (p < e) {
		const char *w = p;
		size_t wl;
		while (w < e && *w != ' ')
			w++;
		wl = (size_t)(w - p);
		if (n > 0) {
			char t[512];
			snprintf(t, sizeof t, "%.*s %.*s", (int)n, buf, (int)wl, p);
			if (lr_grid_text_len(t) > xmax - x) {
				if (*y >= ymax)
					return 0;
				vw_text_clip(g, x, (*y)++, xmax, buf, style);
				n = 0;
			}
		}
		if (n > 0 && n + 1 < sizeof buf)
			buf[n++] = ' ';
		if (n + wl >= sizeof buf)
			wl = sizeof buf - n - 1;
		memcpy(buf + n, p, wl);
		n += wl;
		buf[n] = '\0';
		p = w;
		while (p < e && *p == ' ')
			p++;
	}
	if (n > 0) {
		if (*y >= ymax)
			return 0;
		vw_text_clip(g, x, (*y)++, xmax, buf, style);
	}
	return 1;
}

void vw_hint(struct lr_grid *g, int y, const char *const *lines, int n)
{
	for (int i = 0; i < n; i++)
		vw_text_clip(g, 2, y + i, g->w, lines[i], i == 0 ? LR_STY_BOLD : LR_STY_NORMAL);
}
