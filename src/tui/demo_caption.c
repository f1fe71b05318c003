/* The captions of --demo: see demo_caption.h. */
#include "demo_caption.h"

#include <string.h>

/* The line src[a, e) without its leading blanks and trailing '\r'. */
static void trim(const char *src, size_t *a, size_t *e)
{
	while (*a < *e && (src[*a] == ' ' || src[*a] == '\t'))
		(*a)++;
	while (*e > *a && (src[*e - 1] == '\r' || src[*e - 1] == ' '))
		(*e)--;
}

/* 1 when the line l[0, n) is the directive `#: name` (alone or followed by
 * a blank); *arg is then what follows, trimmed, *argn its length. */
static int directive(const char *l, size_t n, const char *name, const char **arg,
                     size_t *argn)
{
	size_t k = strlen(name), i = 3 + k;

	if (n < i || strncmp(l, "#: ", 3) || strncmp(l + 3, name, k) ||
	    (n > i && l[i] != ' ' && l[i] != '\t'))
		return 0;
	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;
	*arg = l + i;
	*argn = n - i;
	return 1;
}

int lr_demo_is_lesson(const char *src, size_t len)
{
	const char *arg;
	size_t argn;

	for (size_t a = 0; a < len;) {
		const char *nl = memchr(src + a, '\n', len - a);
		size_t e = nl ? (size_t)(nl - src) : len, s = a;
		trim(src, &s, &e);
		if (directive(src + s, e - s, "title", &arg, &argn))
			return 1;
		a = nl ? (size_t)(nl - src) + 1 : len;
	}
	return 0;
}

/* One line of the caption: a heading, or text. */
static void put(struct lr_buf *out, const char *pre, const char *s, size_t n, const char *post)
{
	lr_buf_puts(out, pre);
	lr_buf_add(out, s, n);
	lr_buf_puts(out, post);
	lr_buf_putc(out, '\n');
}

int lr_demo_caption(const char *src, size_t a, size_t e, struct lr_buf *out)
{
	int steps = 0, answer = 0;
	const char *arg;
	size_t argn;

	while (a < e) {
		const char *nl = memchr(src + a, '\n', e - a);
		size_t le = nl ? (size_t)(nl - src) : e, s = a;
		const char *l;
		a = nl ? le + 1 : e;
		trim(src, &s, &le);
		l = src + s;
		if (directive(l, le - s, "title", &arg, &argn))
			put(out, "== ", arg, argn, " ==");
		else if (directive(l, le - s, "step", &arg, &argn))
			steps++, put(out, "-- ", arg, argn, " --");
		else if (directive(l, le - s, "exercise", &arg, &argn))
			steps++, put(out, "-- exercise: ", arg, argn, " --");
		else if (directive(l, le - s, "answer", &arg, &argn))
			answer = 1;
		else if (le - s >= 2 && l[0] == '#' && l[1] == ' ')
			put(out, "", l + 2, le - s - 2, "");
		else if (le - s == 1 && l[0] == '#')
			lr_buf_putc(out, '\n');
	}
	return answer || steps > 1 ? LR_DEMO_PAUSE : 0;
}
