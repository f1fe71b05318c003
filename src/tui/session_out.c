/* The output interface of the session: its text to the scrollback, its events
 * to the panel, and whether Ctrl-C or Esc stopped it. */
#include "tui_impl.h"

void out_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (T.silent)
		return;
	lr_sb_write(&T.sb, s, n, LR_SB_NORMAL);
	T.back = 0;
}

/* A command's own view, unless the user asked for the Matrices view (which
 * shows what every command did). */
static void to_view(enum lr_view v)
{
	if (!(T.pinned && T.view == LR_VIEW_MATRICES))
		T.view = v;
}

void choose_view(enum lr_view v)
{
	T.view = v;
	T.pinned = v == LR_VIEW_MATRICES;
}

void out_event(void *ctx, const struct lr_event *ev)
{
	(void)ctx;
	if (T.silent)
		return;
	switch (ev->kind) {
	case LR_EV_SGD_START:
		T.row0 = T.col0 = 0;           /* a new factorisation is seen from its corner */
		T.live = ev->run;
		T.live_floor = run_floor(ev->run);
		T.stop = 0;
		T.focus = LR_FOCUS_SGD;
		to_view(LR_VIEW_LOSS);
		stamp(&T.last_frame);
		stamp(&T.last_poll);
		T.last_frame.tv_sec -= 1;      /* the first epoch draws at once */
		T.live_gen = T.sb.gen - 1;
		break;
	case LR_EV_SGD_EPOCH:
		if (since_ns(&T.last_frame) >= FRAME_NS) {
			struct timespec t0;
			stamp(&t0);
			stamp(&T.last_frame);
			draw_panel();              /* and the rule */
			/* the output only when it changed (a resize or PgUp draws it
			 * at once, without waiting for a frame) */
			if (T.live_gen != T.sb.gen) {
				draw_output();
				T.live_gen = T.sb.gen;
			}
			redisplay();
			T.draw_ns += since_ns(&t0);
			T.frames++;
		}
		break;
	case LR_EV_SGD_DONE:
		T.live = NULL;                 /* it may be freed before the panel draws again */
		break;
	case LR_EV_SVD_DONE:
		T.focus = LR_FOCUS_SVD;
		T.k = 0;
		T.row0 = T.col0 = 0;
		to_view(LR_VIEW_SPECTRUM);
		break;
	case LR_EV_LOSS:
		to_view(LR_VIEW_COMPARE);
		break;
	case LR_EV_VIEW:
		if (ev->name && lr_view_parse(ev->name) >= 0)
			choose_view((enum lr_view)lr_view_parse(ev->name));
		break;
	case LR_EV_LESSON:
		/* a step shown: its text in the Lesson view, which run() brings
		 * back after the step's own statements chose their views */
		if (!T.lesson && T.view != LR_VIEW_LESSON)
			T.before_lesson = T.view;
		free(T.lesson);
		T.lesson = ev->name ? strdup(ev->name) : NULL;
		T.lesson_shown = T.lesson != NULL;
		if (T.lesson)
			T.view = LR_VIEW_LESSON;
		else if (T.view == LR_VIEW_LESSON)
			T.view = T.before_lesson;
		break;
	default:
		break;
	}
}

/* Polled after every epoch: reads the keys waiting, at most every 10 ms. */
int out_interrupted(void *ctx)
{
	(void)ctx;
	if (got_sigint) {
		got_sigint = 0;
		T.stop = 1;
	}
	if (!T.stop && T.scr.on && since_ns(&T.last_poll) >= POLL_NS) {
		int c;
		stamp(&T.last_poll);
		while ((c = lr_screen_poll(&T.scr)) != ERR) {
			if (c == 27 || c == 3) {
				T.stop = 1;
				break;
			}
			handle_panel_key(c);
		}
	}
	return T.stop;
}
