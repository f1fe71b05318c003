/* The output above the prompt: see scrollback.h. */
#include "scrollback.h"

#include <string.h>
#include "lowrank/alloc.h"

void lr_sb_init(struct lr_scrollback *sb)
{
	memset(sb, 0, sizeof *sb);
	lr_buf_init(&sb->partial);
	sb->lines = lr_calloc(LR_SB_MAX_LINES, sizeof *sb->lines);
}

void lr_sb_finish(struct lr_scrollback *sb)
{
	for (size_t i = 0; sb->lines && i < LR_SB_MAX_LINES; i++)
		lr_free(sb->lines[i].text);
	lr_free(sb->lines);
	lr_buf_finish(&sb->partial);
	memset(sb, 0, sizeof *sb);
}

static void end_line(struct lr_scrollback *sb)
{
	struct lr_sb_line *l;
	char *t;

	if (sb->partial.failed || !sb->lines) {
		lr_buf_reset(&sb->partial);
		return;
	}
	t = lr_strndup(sb->partial.data ? sb->partial.data : "", sb->partial.len);
	lr_buf_reset(&sb->partial);
	if (!t)
		return;
	if (sb->n == LR_SB_MAX_LINES) {    /* drop the oldest */
		l = &sb->lines[sb->first];
		lr_free(l->text);
		sb->first = (sb->first + 1) % LR_SB_MAX_LINES;
		sb->n--;
	}
	l = &sb->lines[(sb->first + sb->n) % LR_SB_MAX_LINES];
	l->text = t;
	l->cells = (size_t)lr_grid_text_len(t);
	l->style = sb->partial_style;
	sb->n++;
}

void lr_sb_write(struct lr_scrollback *sb, const char *s, size_t n, int style)
{
	if (n)
		sb->gen++;
	for (size_t i = 0; i < n; i++) {
		if (sb->partial.len == 0)
			sb->partial_style = style;
		if (s[i] == '\n') {
			end_line(sb);
		} else if (s[i] == '\t') {
			size_t col = lr_grid_text_len(sb->partial.data ? sb->partial.data : "");
			lr_buf_fill(&sb->partial, ' ', 8 - col % 8);
		} else if (s[i] != '\r') {
			lr_buf_putc(&sb->partial, s[i]);
		}
	}
}

static const struct lr_sb_line *line_at(const struct lr_scrollback *sb, size_t i)
{
	return &sb->lines[(sb->first + i) % LR_SB_MAX_LINES];
}

static size_t rows_of_cells(size_t n, int w)
{
	return n == 0 ? 1 : (n + (size_t)w - 1) / (size_t)w;
}

static size_t rows_of(const char *text, int w)
{
	return rows_of_cells((size_t)lr_grid_text_len(text), w);
}

size_t lr_sb_rows(const struct lr_scrollback *sb, int w)
{
	size_t r = 0;

	if (w < 1)
		return 0;
	for (size_t i = 0; i < sb->n; i++)
		r += rows_of_cells(line_at(sb, i)->cells, w);
	if (sb->partial.len && sb->partial.data)
		r += rows_of(sb->partial.data, w);
	return r;
}

/* Draws text wrapped at g->w with its first row at row y (rows above the
 * grid are clipped). */
static void draw_wrapped(struct lr_grid *g, int y, const char *text, int style)
{
	size_t n = (size_t)lr_grid_text_len(text);
	struct lr_grid one;

	if (lr_grid_init(&one, n ? (int)n : 1, 1) < 0)
		return;
	lr_grid_text(&one, 0, 0, text, style);
	for (int x = 0; x < one.w; x++) {
		int row = y + x / g->w, col = x % g->w;
		lr_grid_put(g, col, row, one.cells[x].ch, style);
	}
	lr_grid_finish(&one);
}

void lr_sb_draw(const struct lr_scrollback *sb, struct lr_grid *g, size_t back)
{
	long y;

	lr_grid_clear(g);
	if (g->w < 1 || g->h < 1)
		return;
	/* the row (from the top of the grid) of the end of the text */
	y = (long)g->h + (long)back;
	if (sb->partial.len && sb->partial.data) {
		y -= (long)rows_of(sb->partial.data, g->w);
		if (y < g->h)
			draw_wrapped(g, (int)y, sb->partial.data, sb->partial_style);
	}
	for (size_t i = sb->n; i-- > 0 && y > 0;) {
		const struct lr_sb_line *l = line_at(sb, i);
		y -= (long)rows_of_cells(l->cells, g->w);
		if (y < g->h)
			draw_wrapped(g, (int)y, l->text, l->style);
	}
}
