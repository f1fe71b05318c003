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

/* Draws one line of text word-wrapped into [x, xmax), from row *y while
 * *y < ymax; returns 0 if it did not fit. */
static int wrap_line(struct lr_grid *g, int x, int *y, int xmax, int ymax, const char *s,
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

void vw_draw_lesson(struct lr_grid *g, const struct lr_panel *p, int y0)
{
	static const char *const step_keys[] = {
		"next: the next step", "back: the one before", "F2-F5: the other views"
	};
	static const char *const ex_keys[] = {
		"check: your answer", "hint: one at a time", "reveal: the answer", "skip: go on",
		"back"
	};
	static const int bold[5] = { LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD, LR_STY_BOLD,
	                             LR_STY_BOLD };
	char title[256], place[96];
	const char *body;
	int y = y0, limit, exercise;
	struct lr_buf para;

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
	/* the title on a full-width bar, the place at its right */
	for (int x = 0; x < g->w; x++)
		lr_grid_text(g, x, y, " ", LR_STY_TITLE);
	vw_text_clip(g, 1, y, g->w - 1, title, LR_STY_TITLE);
	if (place[0] && lr_grid_text_len(title) + lr_grid_text_len(place) + 5 <= g->w)
		lr_grid_text(g, g->w - 1 - lr_grid_text_len(place), y, place, LR_STY_TITLE);
	y += 2;
	/* the keys on the bottom row, the text between */
	if (g->h - 1 <= y)
		return;
	vw_flow(g, 2, g->h - 1, g->w - 1, g->h, exercise ? ex_keys : step_keys, bold,
	        exercise ? 5 : 3);
	limit = g->h - 2;
	/* the step's heading (its first line) in bold, alone */
	if (*body && *body != '\n') {
		const char *nl = strchr(body, '\n');
		size_t len = nl ? (size_t)(nl - body) : strlen(body);
		wrap_line(g, 2, &y, g->w - 2, limit, body, len, LR_STY_BOLD);
		body += len;
		if (*body == '\n')
			body++;
	}
	/* paragraphs: lines joined up to an empty line; an indented line stands
	 * alone (an example to type, a formula with aligned comments) and keeps
	 * its spaces when it fits */
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
			fits = wrap_line(g, 2, &y, g->w - 2, limit, para.data ? para.data : "",
			                 para.len, LR_STY_NORMAL);
		}
		lr_buf_reset(&para);
		if (!fits || (y >= limit && *body)) {
			int ny = limit - 1 > y0 + 2 ? limit - 1 : y0 + 2;
			for (int x = 0; x < g->w; x++)
				lr_grid_text(g, x, ny, " ", LR_STY_NORMAL);
			vw_text_clip(g, 2, ny, g->w - 1, p->ascii ?
			          "... (the whole text is in the output below)" :
			          "… (the whole text is in the output below)", LR_STY_DIM);
			break;
		}
	}
	lr_buf_finish(&para);
}
