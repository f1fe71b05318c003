/* The Lesson view: the step's text, wrapped. */
#include "views_impl.h"

/* Splits the first line of the step's text, "Lesson N: TITLE (step n of N) ==",
 * into the title and the place ("step n of N"); *body after the blank line. */
static void lesson_parts(const char *text, char *title, size_t nt, char *place, size_t np,
                         const char **body)
{
	const char *nl = strchr(text, '\n'), *open = NULL, *end;
	size_t len = nl ? (size_t)(nl - text) : strlen(text);

	end = text + len;
	if (len >= 3 && !strncmp(end - 3, " ==", 3))
		end -= 3;
	for (const char *q = text; q + 1 < end; q++)
		if (q[0] == ' ' && q[1] == '(')
			open = q;
	place[0] = '\0';
	if (open && end[-1] == ')') {
		snprintf(place, np, "%.*s", (int)(end - open - 3), open + 2);
		end = open;
	}
	snprintf(title, nt, "%.*s", (int)(end - text), text);
	*body = nl ? nl + 1 : text + len;
	while (**body == '\n')
		(*body)++;
}

/* The title on a full-width bar at row y, the place at its right. The
 * place (step 3 of 12, no skip) matters more than the end of a long title
 * the student knows: the title gives way to it, down to 20 cells, and is
 * cut with an ellipsis. */
static void title_bar(struct lr_grid *g, int y, const char *title, const char *place,
                      int ascii)
{
	int px = g->w - 1 - lr_grid_text_len(place);

	for (int x = 0; x < g->w; x++)
		lr_grid_text(g, x, y, " ", LR_STY_TITLE);
	if (place[0] && px - 3 >= 21) {
		if (vw_text_clip(g, 1, y, px - 3, title, LR_STY_TITLE) == px - 3 &&
		    lr_grid_text_len(title) > px - 4)
			lr_grid_text(g, px - 4, y, ascii ? "~" : "…", LR_STY_TITLE);
		lr_grid_text(g, px, y, place, LR_STY_TITLE);
	} else {
		vw_text_clip(g, 1, y, g->w - 1, title, LR_STY_TITLE);
	}
}

/* The step's heading (the first line of *body) in bold, alone, from row
 * *y; *body moves past it. */
static void heading(struct lr_grid *g, int *y, int limit, const char **body)
{
	const char *nl;
	size_t len;

	if (!**body || **body == '\n')
		return;
	nl = strchr(*body, '\n');
	len = nl ? (size_t)(nl - *body) : strlen(*body);
	vw_wrap(g, 2, y, g->w - 2, limit, *body, len, LR_STY_BOLD);
	*body += len;
	if (**body == '\n')
		(*body)++;
}

/* Where the text is cut: a dim line on row y saying it goes on below. */
static void text_cut(struct lr_grid *g, int y, int ascii)
{
	for (int x = 0; x < g->w; x++)
		lr_grid_text(g, x, y, " ", LR_STY_NORMAL);
	vw_text_clip(g, 2, y, g->w - 1, ascii ? "... (the whole text is in the output below)" :
	             "… (the whole text is in the output below)", LR_STY_DIM);
}

/* The paragraphs of body from row y to limit: lines joined up to an empty
 * line; an indented line stands alone (an example to type, a formula with
 * aligned comments) and keeps its spaces when it fits. A text that does
 * not fit ends in text_cut, no higher than row top. */
static void paragraphs(struct lr_grid *g, int y, int top, int limit, const char *body,
                       int ascii)
{
	struct lr_buf para;

	lr_buf_init(&para);
	while (*body && !para.failed) {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		const char *next = nl ? nl + 1 : body + len;
		int alone = len == 0 || body[0] == ' ', fits;
		if (para.len && !alone)
			lr_buf_putc(&para, ' ');
		lr_buf_add(&para, body, len);
		body = next;
		if (!alone && *body && *body != '\n' && *body != ' ')
			continue;           /* the paragraph goes on */
		if (alone && para.len && para.data[0] == ' ' && y < limit &&
		    lr_grid_text_len(para.data) <= g->w - 4) {
			vw_text_clip(g, 2, y++, g->w - 2, para.data, LR_STY_NORMAL);
			fits = 1;
		} else {
			fits = vw_wrap(g, 2, &y, g->w - 2, limit, para.data ? para.data : "",
			                 para.len, LR_STY_NORMAL);
		}
		lr_buf_reset(&para);
		if (!fits || (y >= limit && *body)) {
			text_cut(g, limit - 1 > top ? limit - 1 : top, ascii);
			break;
		}
	}
	lr_buf_finish(&para);
}

void vw_draw_lesson(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	static const char *const step_keys[] = {
		"next: the next step", "back: the one before", "F2-F5: the other views"
	};
	static const char *const ex_keys[] = {
		"check: your answer", "hint: one at a time", "reveal: the answer", "skip: go on",
		"back"
	};
	static const char *const noskip_keys[] = {
		"check: your answer", "hint: one at a time", "reveal: the answer", "back"
	};
	static const int bold[5] = { LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD,
	                             LR_STY_BOLD };
	char title[256], place[96];
	const char *body;
	int y = y0 + 2, limit = g->h - 2, exercise, noskip;

	if (!p->lesson) {
		static const char *const l[] = {
			"No lesson is being played.",
			"Type  lessons  for the list and  lesson 1  to start the first one: its",
			"steps show here, and next, back, hint, check, reveal and skip move",
			"through them while the prompt stays yours."
		};
		vw_hint(g, y0 + 1, l, 4);
		return;
	}
	lesson_parts(p->lesson, title, sizeof title, place, sizeof place, &body);
	exercise = !strncmp(place, "exercise", 8);
	/* an exercise that cannot be skipped ("exercise, step 3 of 4, no skip")
	 * does not offer skip */
	noskip = exercise && strstr(place, ", no skip") != NULL;
	title_bar(g, y0, title, place, p->ascii);
	/* the keys on the bottom row, the text between */
	if (g->h - 1 <= y)
		return;
	vw_flow(g, 2, g->h - 1, g->w - 1, g->h, noskip ? noskip_keys : exercise ? ex_keys : step_keys,
	        bold, noskip ? 4 : exercise ? 5 : 3);
	heading(g, &y, limit, &body);
	paragraphs(g, y, y0 + 2, limit, body, p->ascii);
}

/* Draws the panel into a grid max rows tall and keeps the rows down to the
 * last one written above the keys, a blank row and the keys' row. */
int lr_panel_rows_wanted(const struct lr_panel *p, int w, int max)
{
	struct lr_grid g;
	int last = 0;

	if (p->view != LR_VIEW_LESSON || !p->lesson)
		return 0;
	if (max < LR_PANEL_MIN_LESSON_ROWS)
		return max;
	if (lr_grid_init(&g, w, max) < 0)
		return max;
	lr_panel_draw(&g, p);
	for (int y = 1; y < max - 1; y++)
		for (int x = 0; x < w; x++) {
			const struct lr_cell *c = lr_grid_at(&g, x, y);
			if (c->ch != ' ' || c->style == LR_STY_TITLE)
				last = y;
		}
	lr_grid_finish(&g);
	last += 3;
	if (last < LR_PANEL_MIN_LESSON_ROWS)
		last = LR_PANEL_MIN_LESSON_ROWS;
	return last > max ? max : last;
}
