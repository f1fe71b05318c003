/* The ncurses side of the interactive front end: see screen.h. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* wcwidth; ncursesw's pkg-config may set it already */
#endif
#define NCURSES_WIDECHAR 1
#include "screen.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "scrollback.h"
#include "session.h"
#include "workspace.h"

static struct lr_screen *active;     /* for the atexit and signal paths */

static void restore(void)
{
	if (active)
		lr_screen_end(active);
}

static void on_fatal(int sig)
{
	lr_save_abandon();   /* a save being written leaves no temporary file */
	restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ---- styles ---- */

enum { C_DEF = -1 };

static void style(struct lr_screen *s, int i, short fg8, short fg256, attr_t color_attr,
                  attr_t mono_attr)
{
	static short next = 1;

	if (!s->color) {
		s->attr[i] = mono_attr;
		s->pair[i] = 0;
		return;
	}
	init_pair(next, s->colors256 ? fg256 : fg8, C_DEF);
	s->pair[i] = fg8 == C_DEF && fg256 == C_DEF ? 0 : next++;
	s->attr[i] = color_attr;
}

/* How pictures can show here. ncurses sends 24-bit colours only through a
 * description with direct colour (COLORS of 2^24, e.g. TERM=xterm-direct),
 * so COLORTERM=truecolor alone, under a 256-colour TERM, gets the grays. */
static enum lr_colour_mode image_mode(const struct lr_screen *s)
{
	const char *ct = getenv("COLORTERM");

	if (s->ascii || !s->color)
		return LR_COLOUR_SHADE;
	if (ct && (!strcmp(ct, "truecolor") || !strcmp(ct, "24bit")) && COLORS >= 0x1000000)
		return LR_COLOUR_TRUE;
	return COLORS >= 256 ? LR_COLOUR_256 : LR_COLOUR_SHADE;
}

/* Each abstract style of the grid as colour (8 or 256) or, in monochrome,
 * as attributes; the glyphs already tell series and levels apart. */
static void init_styles(struct lr_screen *s)
{
	const char *nc = getenv("NO_COLOR");

	s->color = has_colors() && !(nc && *nc);
	if (s->color) {
		start_color();
		use_default_colors();
		s->colors256 = COLORS >= 256;
	}
	style(s, LR_STY_NORMAL, C_DEF, C_DEF, A_NORMAL, A_NORMAL);
	style(s, LR_STY_DIM, C_DEF, 246, A_NORMAL, A_DIM);
	style(s, LR_STY_BOLD, C_DEF, C_DEF, A_BOLD, A_BOLD);
	style(s, LR_STY_AXIS, C_DEF, 244, A_NORMAL, A_NORMAL);
	style(s, LR_STY_TITLE, COLOR_CYAN, 45, A_BOLD | A_REVERSE, A_BOLD | A_REVERSE);
	style(s, LR_STY_SERIES1, COLOR_CYAN, 39, A_BOLD, A_BOLD);
	style(s, LR_STY_SERIES2, COLOR_MAGENTA, 205, A_BOLD, A_NORMAL);
	style(s, LR_STY_SERIES3, COLOR_YELLOW, 220, A_BOLD, A_NORMAL);
	style(s, LR_STY_SERIES4, COLOR_GREEN, 114, A_BOLD, A_NORMAL);
	style(s, LR_STY_FLOOR, COLOR_GREEN, 76, A_BOLD, A_BOLD);
	style(s, LR_STY_KEPT, COLOR_CYAN, 39, A_BOLD, A_BOLD);
	style(s, LR_STY_DROPPED, COLOR_RED, 167, A_NORMAL, A_DIM);
	style(s, LR_STY_HIDDEN, COLOR_MAGENTA, 171, A_NORMAL, A_UNDERLINE);
	style(s, LR_STY_HEAT0, C_DEF, 240, A_DIM, A_DIM);
	style(s, LR_STY_HEAT1, COLOR_BLUE, 33, A_NORMAL, A_NORMAL);
	style(s, LR_STY_HEAT2, COLOR_CYAN, 44, A_NORMAL, A_NORMAL);
	style(s, LR_STY_HEAT3, COLOR_YELLOW, 214, A_BOLD, A_NORMAL);
	style(s, LR_STY_HEAT4, COLOR_RED, 196, A_BOLD, A_BOLD);
	style(s, LR_SB_ECHO, C_DEF, C_DEF, A_BOLD, A_BOLD);
	style(s, LR_SB_ERROR, COLOR_RED, 203, A_BOLD, A_BOLD);
	style(s, LR_SB_NOTE, C_DEF, 246, A_NORMAL, A_DIM);
	s->image_mode = image_mode(s);
}

/* An ASCII stand-in for a character of the output or the views, for a
 * terminal whose locale is not UTF-8 (or --ascii): there curses cannot show
 * it, and dropping it glued "3×3" into "33" and shifted the rest of the
 * line. One cell for one, so the layout holds. */
static uint32_t ascii_of(uint32_t ch)
{
	static const struct { uint32_t u; char a; } map[] = {
		{ 0xD7, 'x' }, { 0x2212, '-' }, { 0x2010, '-' }, { 0x2011, '-' }, { 0x2013, '-' },
		{ 0x2014, '-' }, { 0xB7, '*' }, { 0x22C5, '*' }, { 0x2219, '*' }, { 0x3C3, 's' },
		{ 0x3A3, 'S' }, { 0x1D40, '\'' }, { 0x1D62, 'i' }, { 0xB2, '2' }, { 0xB3, '3' },
		{ 0xB9, '1' }, { 0x2016, '|' }, { 0x2248, '~' }, { 0x2264, '<' }, { 0x2265, '>' },
		{ 0x2192, '>' }, { 0x2190, '<' }, { 0x2026, '.' }, { 0x22EE, ':' }, { 0x2018, '\'' },
		{ 0x2019, '\'' }, { 0x201C, '"' }, { 0x201D, '"' }, { 0x2591, '.' }, { 0x2592, ':' },
		{ 0x2593, '%' }, { 0x2500, '-' }, { 0x2501, '-' }, { 0x2504, '-' }, { 0x254C, '-' },
		{ 0x2502, '|' }, { 0x2503, '|' }, { 0x2506, '|' }, { 0x250A, '|' }, { 0x2800, ' ' }
	};

	if (ch < 0x80)
		return ch;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].u == ch)
			return (uint32_t)map[i].a;
	if (ch >= 0x2500 && ch < 0x2580)
		return '+';                 /* the other box-drawing corners and joints */
	if (ch >= 0x2580 && ch < 0x25A0)
		return '#';                 /* blocks */
	if (ch > 0x2800 && ch < 0x2900)
		return '*';                 /* braille dots */
	return '?';
}

static void cell(struct lr_screen *s, WINDOW *w, int y, int x, uint32_t ch, int sty, int ins)
{
	wchar_t wc[2] = { (wchar_t)ch, 0 };
	cchar_t cc;

	if (s->ascii)
		wc[0] = (wchar_t)(ch = ascii_of(ch));
	if (ch == 0 || ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		wc[0] = L' ';
	if (sty < 0 || sty >= 40)
		sty = 0;
	setcchar(&cc, wc, s->attr[sty], s->pair[sty], NULL);
	if (ins)
		mvwins_wch(w, y, x, &cc);   /* the cursor stays: nothing scrolls */
	else
		mvwadd_wch(w, y, x, &cc);
}

/* The RGB of xterm-256 colour i of the cube (16..231) or the grays
 * (232..255), for a direct-colour terminal; the first 16, which pictures
 * do not use, as black. */
static int xterm_rgb(int i)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };

	if (i >= 232)
		return (8 + 10 * (i - 232)) * 0x10101;
	if (i < 16)
		return 0;
	i -= 16;
	return level[i / 36] << 16 | level[i / 6 % 6] << 8 | level[i % 6];
}

/* A cell of two pixels: ▀ in the upper's colour on the lower's. Pairs come
 * from ncurses' pool (alloc_pair reuses the oldest when it is full); a
 * terminal without them gets the shade character. */
static void pixel_cell(struct lr_screen *s, WINDOW *w, int y, int x, const struct lr_cell *c,
                       int ins)
{
	static const char ramp[] = " .:-=+*#%@";
	int fg = c->fg, bg = c->bg, pair = -1;
	wchar_t wc[2] = { (wchar_t)c->ch, 0 };
	cchar_t cc;

	if (c->style == LR_STY_PIX_GRAY && s->image_mode == LR_COLOUR_TRUE) {
		fg = fg << 16 | fg << 8 | fg;     /* direct colour: the number is the RGB */
		bg = bg << 16 | bg << 8 | bg;
	} else if (c->style == LR_STY_PIX_GRAY) {
		fg = lr_image_gray256(fg);
		bg = lr_image_gray256(bg);
	} else if (s->image_mode == LR_COLOUR_TRUE) {   /* xterm indices (hidden pixels) */
		fg = xterm_rgb(fg);
		bg = xterm_rgb(bg);
	}
	if (s->color && !s->ascii)
		pair = alloc_pair(fg, bg);
	if (pair < 0) {
		int lf = c->style == LR_STY_PIX_GRAY ? c->fg : 128, lb = c->style == LR_STY_PIX_GRAY ?
		         c->bg : 128;
		wc[0] = (wchar_t)ramp[(lf + lb) * 10 / 512];
		pair = 0;
	}
	setcchar(&cc, wc, A_NORMAL, 0, &pair);
	if (ins)
		mvwins_wch(w, y, x, &cc);
	else
		mvwadd_wch(w, y, x, &cc);
}

/* Forgets what the windows hold, so the next puts copy every cell. */
static void forget_shown(struct lr_screen *s)
{
	lr_grid_finish(&s->panel_shown);
	lr_grid_finish(&s->out_shown);
	lr_grid_finish(&s->rule_shown);
}

/* Copies into w the cells of g that differ from shown (what w holds), all of
 * them when shown does not match g's size, and makes shown a copy of g. Out
 * of memory, shown stays 0×0 and every put copies everything. The last cell
 * is inserted rather than added unless last says otherwise: adding it would
 * scroll the window (it was left out, and an 80-column line above the
 * prompt lost its last character). */
static void put_grid(struct lr_screen *s, WINDOW *w, const struct lr_grid *g,
                     struct lr_grid *shown, int last)
{
	int all = shown->w != g->w || shown->h != g->h || !shown->cells;

	if (!w)
		return;
	if (all) {
		lr_grid_finish(shown);
		lr_grid_init(shown, g->w, g->h);
	}
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++) {
			const struct lr_cell *c = &g->cells[y * g->w + x];
			struct lr_cell *was = shown->cells ? &shown->cells[y * g->w + x] : NULL;
			int ins = !last && y == g->h - 1 && x == g->w - 1;
			if (!all && was && was->ch == c->ch && was->style == c->style &&
			    was->fg == c->fg && was->bg == c->bg)
				continue;
			if (c->style == LR_STY_PIX_GRAY || c->style == LR_STY_PIX_256)
				pixel_cell(s, w, y, x, c, ins);
			else
				cell(s, w, y, x, c->ch, c->style, ins);
			if (was)
				*was = *c;
		}
	wnoutrefresh(w);
}

/* ---- start, end, layout ---- */

/* xterm's sequences the terminal description may lack (tmux sends ESC[1~ for
 * Home whatever TERM says), and the codes of the Alt+arrows. */
static void define_keys(struct lr_screen *s)
{
	static const struct { const char *seq; int key; } std[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[H", KEY_HOME },
		{ "\033[F", KEY_END }, { "\033[1;2A", KEY_SR }, { "\033[1;2B", KEY_SF },
		{ "\033[1;2D", KEY_SLEFT }, { "\033[1;2C", KEY_SRIGHT }, { "\033[1;2H", KEY_SHOME }
	};
	static const char *const alt[4] = { "\033[1;3A", "\033[1;3B", "\033[1;3D", "\033[1;3C" };

	for (size_t i = 0; i < sizeof std / sizeof std[0]; i++)
		if (key_defined(std[i].seq) == 0)
			define_key(std[i].seq, std[i].key);
	for (int i = 0; i < 4; i++) {
		int c = key_defined(alt[i]);
		if (c == 0 && define_key(alt[i], LR_KEY_ALT_UP + i) == OK)
			c = LR_KEY_ALT_UP + i;
		s->alt_keys[i] = c > 0 ? c : -1;
	}
}

/* ncurses' code for an Alt+arrow as LR_KEY_ALT_*. */
static int alt_key(const struct lr_screen *s, int c)
{
	for (int i = 0; i < 4; i++)
		if (c == s->alt_keys[i])
			return LR_KEY_ALT_UP + i;
	return c;
}

int lr_screen_start(struct lr_screen *s, int ascii)
{
	static const int fatal[] = { SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT,
	                             SIGFPE, SIGILL };

	SCREEN *scr;
	const char *cup;

	memset(s, 0, sizeof *s);
	s->ascii = ascii;
	scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return -1;
	/* a terminal that cannot place the cursor (TERM=dumb, Emacs' shell)
	 * would get the panel, output and prompt run together */
	cup = tigetstr("cup");
	if (!cup || cup == (const char *)-1) {
		endwin();
		delscreen(scr);
		return -1;
	}
	s->on = 1;
	active = s;
	atexit(restore);
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		signal(fatal[i], on_fatal);
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	define_keys(s);
	init_styles(s);
	return 0;
}

void lr_screen_end(struct lr_screen *s)
{
	if (!s->on)
		return;
	s->on = 0;
	endwin();
	if (active == s) {
		WINDOW **ws[] = { &s->panel, &s->rule, &s->out, &s->input };
		for (size_t i = 0; i < 4; i++)
			if (*ws[i]) {
				delwin(*ws[i]);
				*ws[i] = NULL;
			}
		lr_grid_finish(&s->panel_grid);
		lr_grid_finish(&s->out_grid);
		forget_shown(s);
		active = NULL;
	}
}

static WINDOW *win(WINDOW *old, int h, int w, int y, int x)
{
	if (old)
		delwin(old);
	return h > 0 && w > 0 ? newwin(h, w, y, x) : NULL;
}

void lr_screen_layout(struct lr_screen *s)
{
	int y;

	if (!s->on)
		return;
	s->rows = LINES;
	s->cols = COLS;
	s->small = s->cols < LR_SCREEN_MIN_COLS || s->rows < LR_SCREEN_MIN_ROWS;
	s->panel_h = s->small ? 0 : s->rows * 3 / 5;
	if (s->panel_want > 0 && s->panel_want < s->panel_h)
		s->panel_h = s->panel_want;
	s->out_h = s->rows - s->panel_h - 2;
	if (s->out_h < 0)
		s->out_h = 0;
	y = 0;
	if (s->panel)
		delwin(s->panel);
	s->panel = s->panel_h ? newwin(s->panel_h, s->cols, 0, 0) : NULL;
	y += s->panel_h;
	s->rule = win(s->rule, 1, s->cols, y, 0);
	y += 1;
	s->out = win(s->out, s->out_h, s->cols, y, 0);
	s->input = win(s->input, 1, s->cols, s->rows - 1, 0);
	lr_grid_finish(&s->panel_grid);
	lr_grid_finish(&s->out_grid);
	lr_grid_init(&s->panel_grid, s->cols, s->panel_h);
	lr_grid_init(&s->out_grid, s->cols, s->out_h);
	forget_shown(s);               /* new windows hold nothing yet */
	if (s->input) {
		keypad(s->input, TRUE);
		wtimeout(s->input, -1);
	}
	clearok(curscr, TRUE);
	wnoutrefresh(stdscr);
}

int lr_screen_has_panel(const struct lr_screen *s)
{
	return s->on && s->panel != NULL;
}

void lr_screen_put_panel(struct lr_screen *s)
{
	if (s->on)
		put_grid(s, s->panel, &s->panel_grid, &s->panel_shown, 0);
}

void lr_screen_put_output(struct lr_screen *s)
{
	if (s->on)
		put_grid(s, s->out, &s->out_grid, &s->out_shown, 0);
}

void lr_screen_put_rule(struct lr_screen *s, const char *msg, int bold)
{
	struct lr_grid g;
	int x = 2;

	if (!s->on || !s->rule || lr_grid_init(&g, s->cols, 1) < 0)
		return;
	if (s->small) {
		char note[96];
		snprintf(note, sizeof note, "panel hidden: the terminal is %dx%d, it needs %dx%d",
		         s->cols, s->rows, LR_SCREEN_MIN_COLS, LR_SCREEN_MIN_ROWS);
		if (lr_grid_text_len(note) > s->cols)
			snprintf(note, sizeof note, "panel hidden: terminal under %dx%d",
			         LR_SCREEN_MIN_COLS, LR_SCREEN_MIN_ROWS);
		lr_grid_text(&g, 0, 0, note, LR_STY_DIM);
	} else {
		for (int i = 0; i < s->cols; i++)
			lr_grid_put(&g, i, 0, s->ascii ? '-' : 0x2500, LR_STY_AXIS);
		lr_grid_text(&g, x, 0, " ", LR_STY_AXIS);
		x = lr_grid_text(&g, x + 1, 0, msg, bold ? LR_STY_BOLD : LR_STY_DIM);
		lr_grid_text(&g, x, 0, " ", LR_STY_AXIS);
	}
	put_grid(s, s->rule, &g, &s->rule_shown, 1);
	lr_grid_finish(&g);
}

/* Decodes UTF-8 into wide characters with their columns; returns the count.
 * Bytes that do not decode show as '?'; control characters as '^X'-like '?'. */
static size_t decode(const char *t, size_t len, wchar_t *wc, int *wd, size_t *off, size_t cap)
{
	mbstate_t st;
	size_t n = 0, i = 0;

	memset(&st, 0, sizeof st);
	while (i < len && n < cap) {
		wchar_t c;
		size_t r = mbrtowc(&c, t + i, len - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&st, 0, sizeof st);
			c = L'?';
			r = 1;
		}
		if (c == L'\n')   /* a block recalled from the history: its line breaks */
			c = MB_CUR_MAX > 1 ? L'\u21b5' : L'|';
		int w = wcwidth(c);
		if (w < 0) {
			c = L'?';
			w = 1;
		}
		wc[n] = c;
		wd[n] = w;
		off[n] = i;
		n++;
		i += r;
	}
	return n;
}

void lr_screen_put_input(struct lr_screen *s, const char *prompt, const char *line,
                         size_t point)
{
	enum { CAP = 4096 };
	static wchar_t wc[CAP];
	static int wd[CAP];
	static size_t off[CAP];
	size_t plen = strlen(prompt), llen = strlen(line), n, np;
	int cursor = 0, col = 0, start = 0;

	if (!s->on || !s->input)
		return;
	np = decode(prompt, plen, wc, wd, off, CAP);
	n = np + decode(line, llen, wc + np, wd + np, off + np, CAP - np);
	for (size_t i = 0; i < n; i++)
		if (i < np || off[i] < point)
			cursor += wd[i];
	/* horizontal scrolling: keep the cursor on screen with some context */
	if (cursor > s->cols - 2)
		start = cursor - (s->cols - 2) + s->cols / 4;
	werase(s->input);
	for (size_t i = 0; i < n; i++) {
		if (col >= start && col - start + wd[i] <= s->cols - 1) {
			cchar_t cc;
			wchar_t one[2] = { wc[i], 0 };
			int sty = i < np ? LR_SB_ECHO : LR_STY_NORMAL;
			setcchar(&cc, one, s->attr[sty], s->pair[sty], NULL);
			mvwadd_wch(s->input, 0, col - start, &cc);
		}
		col += wd[i];
	}
	wmove(s->input, 0, cursor - start);
	wnoutrefresh(s->input);
}

void lr_screen_update(struct lr_screen *s)
{
	if (!s->on)
		return;
	if (s->input)
		wnoutrefresh(s->input);
	doupdate();
}

void lr_screen_suspend(struct lr_screen *s)
{
	void (*old)(int);

	if (!s->on)
		return;
	def_prog_mode();
	endwin();
	old = signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);                /* stopped here until the shell's fg */
	signal(SIGTSTP, old);
	reset_prog_mode();
	clearok(curscr, TRUE);
	forget_shown(s);
}

void lr_screen_clear(struct lr_screen *s)
{
	if (!s->on)
		return;
	clearok(curscr, TRUE);
	forget_shown(s);
}

int lr_screen_getch(struct lr_screen *s)
{
	if (!s->on || !s->input)
		return ERR;
	wtimeout(s->input, -1);
	return alt_key(s, wgetch(s->input));
}

int lr_screen_poll(struct lr_screen *s)
{
	int c;

	if (!s->on || !s->input)
		return ERR;
	wtimeout(s->input, 0);
	c = wgetch(s->input);
	wtimeout(s->input, -1);
	return alt_key(s, c);
}
