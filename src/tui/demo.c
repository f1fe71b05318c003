/* Demo mode (--demo FILE): each key types the next statement out and runs it;
 * b goes back a step (a fresh session replays the ones before), q leaves.
 * A lesson file's text is shown as captions (demo_caption.c), with pauses
 * before reference answers and after questions that p turns off and on. */
#include "tui_impl.h"

void tui_note(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		lr_sb_write(&tui.sb, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1, LR_SB_NOTE);
	tui.back = 0;
}

/* Reads the file at path into d->src; 0, or -1 with a message on stderr. */
static int demo_read(struct demo *d, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct lr_buf b;
	char chunk[4096];
	size_t n;
	int rc;

	if (!f) {
		fprintf(stderr, "lowrank: cannot open '%s': %s\n", path, strerror(errno));
		return -1;
	}
	lr_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lr_buf_add(&b, chunk, n);
	rc = ferror(f);
	fclose(f);
	if (rc || b.failed) {
		fprintf(stderr, "lowrank: cannot read '%s'\n", path);
		lr_buf_finish(&b);
		return -1;
	}
	d->len = lr_utf8_skip_bom(b.data, b.len);   /* as batch mode reads a script */
	d->src = b.data ? lr_buf_take(&b) : lr_strdup("");
	d->name = strdup(path);
	return d->src && d->name ? 0 : -1;
}

/* Where each statement of d->src starts, found with the language's parser
 * (reading, not running). 0, or -1 with a message on stderr. */
static int demo_split(struct demo *d, const char *path)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	size_t cap = 0;
	int rc;

	lr_parser_init(&p, d->src, d->len, lr_is_command);
	while ((rc = lr_parse_next(&p, &st, &err)) > 0) {
		if (d->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			size_t *ns = realloc(d->start, nc * sizeof *ns), *ne;
			if (ns)
				d->start = ns;
			ne = ns ? realloc(d->end, nc * sizeof *ne) : NULL;
			if (!ne) {
				lr_stmt_destroy(st);
				rc = -2;
				break;
			}
			d->end = ne;
			cap = nc;
		}
		d->start[d->n++] = st->pos.offset;
		lr_stmt_destroy(st);
	}
	lr_parser_finish(&p);
	if (rc == -2) {
		fputs("lowrank: out of memory\n", stderr);
		return -1;
	}
	if (rc < 0) {
		struct lr_buf b;
		lr_buf_init(&b);
		lr_error_format(&b, path, d->src, d->len, &err);
		fprintf(stderr, "%s", b.data && !b.failed ? b.data : "lowrank: a syntax error\n");
		lr_buf_finish(&b);
		return -1;
	}
	return 0;
}

/* The end of the statement at a whose text runs to e at most: without the
 * blank and comment lines that trail it. */
static size_t statement_end(const char *src, size_t a, size_t e)
{
	for (;;) {
		size_t ls, k;
		while (e > a && strchr(" \t\r\n", src[e - 1]))
			e--;
		ls = e;
		while (ls > a && src[ls - 1] != '\n')
			ls--;
		k = ls;
		while (k < e && (src[k] == ' ' || src[k] == '\t'))
			k++;
		if (ls == a || k >= e || (src[k] != '#' && src[k] != '%'))
			return e;
		e = ls;              /* a comment line after the statement */
	}
}

/* Reads FILE and splits it into statements with the language's parser:
 * statement i is the text from its first token to the next statement's,
 * less the blank and comment lines (lesson directives among them) that
 * trail it. 0, or -1 with a message on stderr. */
int tui_demo_load(const char *path)
{
	struct demo *d = &tui.demo;

	if (demo_read(d, path) < 0 || demo_split(d, path) < 0)
		return -1;
	for (size_t i = 0; i < d->n; i++)
		d->end[i] = statement_end(d->src, d->start[i], i + 1 < d->n ? d->start[i + 1] : d->len);
	d->views = calloc(d->n + 1, sizeof *d->views);
	if (!d->views) {
		fputs("lowrank: out of memory\n", stderr);
		return -1;
	}
	d->lesson = lr_demo_is_lesson(d->src, d->len);
	d->pausing = d->lesson;
	return 0;
}

void tui_demo_free(void)
{
	lr_free(tui.demo.src);
	free(tui.demo.name);
	free(tui.demo.start);
	free(tui.demo.end);
	free(tui.demo.views);
	memset(&tui.demo, 0, sizeof tui.demo);
}

static void sleep_ns(long ns)
{
	struct timespec t = { 0, ns };

	nanosleep(&t, NULL);
}

/* Waits up to TYPE_NS for a key: 1 if a key (other than a resize) came. */
static int typing_pause(void)
{
	struct timespec t0;

	tui_stamp(&t0);
	while (tui_since_ns(&t0) < TYPE_NS) {
		int c = lr_screen_poll(&tui.scr);
		if (c == KEY_RESIZE)
			tui_relayout();
		else if (c != ERR)
			return 1;
		else
			sleep_ns(5000000L);
	}
	return 0;
}

/* Writes the caption of the lesson text in src[a, e) above what comes next;
 * returns its flags (LR_DEMO_PAUSE). */
static int caption(size_t a, size_t e)
{
	struct lr_buf b;
	int f;

	lr_buf_init(&b);
	f = lr_demo_caption(tui.demo.src, a, e, &b);
	if (b.len && !b.failed) {
		lr_sb_write(&tui.sb, b.data, b.len, LR_SB_NOTE);
		tui.back = 0;
	}
	lr_buf_finish(&b);
	return f;
}

/* Types t[0, n) out at a readable pace (a key finishes it at once), line
 * by line as a person would, into the input line and then the output, each
 * line after its prompt. line has room for n + 1 bytes. */
static void type_out(const char *t, size_t n, char *line)
{
	size_t ll = 0;
	int fast = 0, cont = 0;

	for (size_t k = 0; k <= n; k++) {
		if (k == n || t[k] == '\n') {
			tui_echo(cont, line, ll);
			ll = 0;
			cont = 1;
			if (k < n) {
				tui_draw_output();
				tui_redisplay();
			}
			continue;
		}
		line[ll++] = t[k];
		line[ll] = '\0';
		if (fast || (k + 1 < n && ((unsigned char)t[k + 1] & 0xc0) == 0x80))
			continue;               /* the rest of a UTF-8 character first */
		lr_screen_put_input(&tui.scr, cont ? CONT_PROMPT : PROMPT, line, ll);
		lr_screen_update(&tui.scr);
		fast = typing_pause();
	}
}

/* Types statement i out (type_out), then runs it with its output and
 * panel; after the last one, the prompt is the user's. */
static void demo_play(size_t i)
{
	const char *t = tui.demo.src + tui.demo.start[i];
	size_t n = tui.demo.end[i] - tui.demo.start[i];
	char *line = malloc(n + 2), *text = malloc(n + 2);

	if (!line || !text) {
		free(line);
		free(text);
		return;
	}
	memcpy(text, t, n);
	text[n] = '\n';
	text[n + 1] = '\0';
	tui.busy = 0;
	type_out(t, n, line);
	free(line);
	if (i == 0)
		tui.demo.view0 = tui.view;
	tui.demo.next = i + 1;
	tui.demo.captioned = 0;
	tui.busy = 1;
	tui_draw_rule();
	tui_draw_output();
	tui_redisplay();
	tui_run(text, n + 1);
	tui.busy = 0;
	free(text);
	tui.demo.views[i] = tui.view;
	if (tui.demo.next >= tui.demo.n && !tui.quit) {
		if (tui.demo.lesson)
			caption(tui.demo.end[i], tui.demo.len);   /* the lesson's last words */
		tui_note("(the end of %s: the prompt is yours)\n", tui.demo.name);
		tui.demo.on = 0;
	}
	tui_draw_all();
}

/* Runs statement i with its output and events dropped. */
static void run_silently(size_t i)
{
	static const struct lr_run_hooks h = { NULL, NULL, NULL, NULL, NULL };
	size_t n = tui.demo.end[i] - tui.demo.start[i];
	char *text = lr_strndup(tui.demo.src + tui.demo.start[i], n);

	if (!text)
		return;
	if (lr_session_run_text(tui.s, tui.demo.name, text, n, 1, &h) == LR_RUN_QUIT)
		tui.quit = 1;
	lr_free(text);
}

/* The limits --limit set, on session s. */
void tui_set_limits(struct lr_session *s)
{
	for (int i = 0; i < LR_LIMIT_COUNT; i++)
		if (tui.limits[i] > 0)
			lr_session_set_limit(s, i, tui.limits[i]);
}

/* Replaces the session with a fresh one, as the program starts it (the
 * --limit values, the terminal's width and characters), and forgets what
 * the panel showed of the old one. -1 when out of memory (the old one is
 * kept). */
static int fresh_session(void)
{
	struct lr_session *fresh = lr_session_create(&tui.out);

	if (!fresh)
		return -1;
	lr_session_destroy(tui.s);
	tui.s = fresh;
	tui_set_limits(tui.s);
	lr_session_set_ascii(tui.s, tui.scr.ascii);
	lr_session_set_width(tui.s, tui.scr.cols > 20 ? tui.scr.cols - 1 : 20);
	tui.live = NULL;
	tui.k = 0;
	tui.focus = LR_FOCUS_NONE;
	free(tui.lesson);
	tui.lesson = NULL;
	return 0;
}

/* What b did: back to statement to + 1, the ones before run again. */
static void say_back(size_t to)
{
	if (to == 0)
		tui_note("(back to the start: a fresh workspace; a key plays statement 1)\n");
	else if (to == 1)
		tui_note("(back: statement 1 ran again quietly; a key plays statement 2)\n");
	else
		tui_note("(back: statements 1 to %zu ran again quietly; a key plays statement %zu)\n",
		         to, to + 1);
}

/* b: a fresh session runs the script quietly up to the statement before
 * the last one played, which the next key plays again. */
static void demo_back(void)
{
	size_t to;

	if (tui.demo.next == 0) {
		tui_note("(the first statement: there is nothing to go back to)\n");
		tui_draw_all();
		return;
	}
	if (fresh_session() < 0) {
		tui_note("(out of memory: cannot go back)\n");
		tui_draw_all();
		return;
	}
	to = tui.demo.next - 1;
	/* the view the step it returns to showed (the replay's events are
	 * dropped, so it would stay on the view of the step left) */
	tui.view = to ? tui.demo.views[to - 1] : tui.demo.view0;
	if (tui.view == LR_VIEW_LESSON)
		tui.view = LR_VIEW_MATRICES;
	tui.demo.captioned = 0;
	tui.busy = 1;
	tui.silent = 1;
	tui_draw_rule();
	tui_redisplay();
	for (size_t i = 0; i < to && !tui.quit; i++)
		run_silently(i);
	tui.silent = 0;
	tui.busy = 0;
	tui.stop = 0;
	tui.demo.next = to;
	say_back(to);
	tui_draw_all();
}

/* A key plays statement next: in a lesson file its caption first (the
 * step's title and text), and when that asks for it and pausing is on, the
 * statement waits for one more key, so the class predicts or answers first. */
static void demo_next(void)
{
	struct demo *d = &tui.demo;
	size_t i = d->next;

	if (d->lesson && !d->captioned) {
		int f = caption(i ? d->end[i - 1] : 0, d->start[i]);
		d->captioned = 1;
		if ((f & LR_DEMO_PAUSE) && d->pausing) {
			tui_note("(the class answers first: a key plays statement %zu)\n", i + 1);
			tui_draw_all();
			return;
		}
	}
	demo_play(i);
}

void tui_demo_key(int c)
{
	if (c == ERR)
		return;
	if (c >= KEY_MIN || c == 12) {
		tui_handle_panel_key(c);
		return;
	}
	if (tui_explore_key(c))
		return;
	if (c == 27 || c == 3)
		return;    /* Esc or Ctrl-C a moment after a training ended: not a way out */
	if (c == 'q' || c == 'Q' || c == 4) {
		tui.demo.on = 0;
		tui_note("(demo left after statement %zu of %zu: the workspace is kept, the prompt is "
		         "yours)\n", tui.demo.next, tui.demo.n);
		tui_draw_all();
	} else if (c == 'b' || c == 'B') {
		demo_back();
	} else if (c == 'p' || c == 'P') {
		tui.demo.pausing = !tui.demo.pausing;
		tui_note(tui.demo.pausing ? "(pauses on: before a reference answer and after a "
		         "question, a key more plays the statement)\n" :
		         "(pauses off: each key plays the next statement)\n");
		tui_draw_all();
	} else if (tui.demo.next < tui.demo.n) {
		demo_next();
	}
}
