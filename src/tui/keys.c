/* Keys: those of the panel (F2-F5, scrolling, the explorer) and the rest to
 * readline. */
#include "tui_impl.h"

/* In the Matrices view, when the matrices do not show whole: Shift+arrows
 * scroll them a row or a column, Alt+arrows a screenful, Shift+Home (or
 * Home on an empty prompt) back to the top-left corner. Elsewhere the keys
 * go on as before (Home to readline). */
static int scroll_key(int c)
{
	const struct lr_scroll *at = &tui.scroll;
	long dr = 0, dc = 0, pr = (long)at->page_rows, pc = (long)at->page_cols;

	if (!tui_can_scroll())
		return 0;
	switch (c) {
	case KEY_SR: dr = -1; break;
	case KEY_SF: dr = 1; break;
	case KEY_SLEFT: dc = -1; break;
	case KEY_SRIGHT: dc = 1; break;
	case LR_KEY_ALT_UP: dr = -pr; break;
	case LR_KEY_ALT_DOWN: dr = pr; break;
	case LR_KEY_ALT_LEFT: dc = -pc; break;
	case LR_KEY_ALT_RIGHT: dc = pc; break;
	case KEY_HOME:
		if (rl_end != 0 || tui.pending.len || tui.busy ||
		    RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_MOREINPUT))
			return 0;          /* the line's own Home */
		/* fall through */
	case KEY_SHOME:
		dr = -(long)at->row0;
		dc = -(long)at->col0;
		break;
	default:
		return 0;
	}
	lr_scroll_move(at, dr, dc, &tui.row0, &tui.col0);
	tui_draw_panel();
	tui_redisplay();
	return 1;
}

/* Keys the panel owns whatever the line holds. */
void tui_handle_panel_key(int c)
{
	if (scroll_key(c))
		return;
	if ((c >= KEY_F(2) && c <= KEY_F(5)) || (c == KEY_F(6) && tui.lesson)) {
		tui_choose_view((enum lr_view)(c - KEY_F(2)));
		tui_draw_panel();
		lr_screen_update(&tui.scr);
	} else if (c == KEY_RESIZE) {
		tui_relayout();
	} else if (c == KEY_PPAGE || c == KEY_NPAGE) {
		size_t page = tui.scr.out_h > 2 ? (size_t)tui.scr.out_h - 1 : 1;
		if (c == KEY_PPAGE)
			tui.back += page;
		else
			tui.back = tui.back > page ? tui.back - page : 0;
		tui_draw_rule();
		tui_draw_output();
		tui_redisplay();
	} else if (c == 12) {          /* Ctrl-L */
		lr_screen_clear(&tui.scr);
		tui_draw_all();
	}
}

/* + and - on an empty prompt step the explorer's rank. */
int tui_explore_key(int c)
{
	const struct lr_svd_run *sv = lr_session_last_svd(tui.s);
	struct lr_panel p;
	const struct lr_run *buf[16];
	size_t k;
	long t0, c0;

	if ((c != '+' && c != '-' && c != '=') || rl_end != 0 || tui.pending.len || !sv ||
	    RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_MOREINPUT) ||
	    !(tui.view == LR_VIEW_SPECTRUM ||
	      (tui.view == LR_VIEW_MATRICES && tui.focus == LR_FOCUS_SVD)))
		return 0;
	t0 = lr_pace_clock_ns();
	c0 = lr_pace_cpu_ns();
	tui_panel_state(&p, buf, 16);
	k = lr_panel_rank(&p);
	if (c == '-' && k > 1)
		k--;
	else if (c != '-' && k < sv->svd.p)
		k++;
	tui.k = k;
	lr_session_show_rank(tui.s, k);   /* print writes the rank on the screen */
	tui.focus = LR_FOCUS_SVD;
	tui_draw_panel();
	tui_redisplay();
	/* from the key to the screen (what ncurses wrote), for LOWRANK_TUI_STATS */
	tui.step_ns += lr_pace_clock_ns() - t0;
	tui.step_cpu_ns += lr_pace_cpu_ns() - c0;
	tui.rank_steps++;
	return 1;
}

/* A curses key: the editing keys to readline as the terminal's escape
 * sequences, Home to the scrollback when it is scrolled, the rest to the
 * panel. */
static void special_key(int c)
{
	static const struct { int key; const char *seq; } keys[] = {
		{ KEY_UP, "\033[A" }, { KEY_DOWN, "\033[B" }, { KEY_RIGHT, "\033[C" },
		{ KEY_LEFT, "\033[D" }, { KEY_HOME, "\033[H" }, { KEY_END, "\033[F" },
		{ KEY_DC, "\033[3~" }, { KEY_BACKSPACE, "\177" }, { KEY_ENTER, "\r" }
	};

	if (c == KEY_HOME && scroll_key(c))
		return;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].key == c) {
			tui_feed(keys[i].seq, (int)strlen(keys[i].seq));
			return;
		}
	tui_handle_panel_key(c);
}

/* Esc: Alt+key comes as Esc and the key at once; an Esc on its own
 * (pressed to stop a training that had just ended) would make readline
 * take the next key as Meta-key: Esc-s deleted the s of "svd". So a lone
 * Esc is dropped. */
static void escape_key(void)
{
	int next = lr_screen_poll(&tui.scr);
	char seq[2] = { 27, (char)next };

	if (next == ERR)
		return;
	if (next >= KEY_MIN || next == 27)
		tui_handle_key(next);
	else
		tui_feed(seq, 2);
}

void tui_handle_key(int c)
{
	char ch;

	if (c == ERR)
		return;
	if (c == 3) {
		tui_drop_line();
		return;
	}
	if (c == 26) {                 /* Ctrl-Z: raw mode makes it a key, not SIGTSTP */
		lr_screen_suspend(&tui.scr);
		tui_relayout();                /* the terminal may have been resized meanwhile */
		return;
	}
	if (c >= KEY_MIN) {
		special_key(c);
		return;
	}
	if (c == 12) {
		tui_handle_panel_key(c);
		return;
	}
	if (tui_explore_key(c))
		return;
	if (c == 27) {
		escape_key();
		return;
	}
	ch = (char)c;
	tui_feed(&ch, 1);
}
