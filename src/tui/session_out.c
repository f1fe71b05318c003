/* The output interface of the session: its text to the scrollback, its events
 * to the panel, and whether Ctrl-C or Esc stopped it. */
#include "tui_impl.h"

void tui_out_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (tui.silent)
		return;
	lr_sb_write(&tui.sb, s, n, LR_SB_NORMAL);
	tui.back = 0;
}

/* A command's own view, unless the user asked for the Matrices view (which
 * shows what every command did). */
static void to_view(enum lr_view v)
{
	if (!(tui.pinned && tui.view == LR_VIEW_MATRICES))
		tui.view = v;
}

void tui_choose_view(enum lr_view v)
{
	tui.view = v;
	tui.pinned = v == LR_VIEW_MATRICES;
}

/* The wall time between live frames of the view shown (live_pace.h). */
static long live_min_ns(void)
{
	return tui.pic.on && tui.view == LR_VIEW_MATRICES ? LR_PACE_PICTURE_NS : LR_PACE_FRAME_NS;
}

/* A frame while training: the panel, the rule, the output when it
 * changed, the prompt's line; its cost paces the next (live_pace.h). */
static void live_frame(void)
{
	long t0 = lr_pace_clock_ns(), c0 = lr_pace_cpu_ns(), c1;

	tui.pace.min_ns = live_min_ns();   /* the view may have changed (F2-F5) */
	lr_pace_begin(&tui.pace, t0, c0);
	tui_stamp(&tui.last_frame);
	tui_draw_panel();                  /* and the rule */
	/* the output only when it changed (a resize or PgUp draws it at once,
	 * without waiting for a frame) */
	if (tui.live_gen != tui.sb.gen) {
		tui_draw_output();
		tui.live_gen = tui.sb.gen;
	}
	tui_redisplay();
	c1 = lr_pace_cpu_ns();
	lr_pace_end(&tui.pace, c1);
	tui.draw_ns += lr_pace_clock_ns() - t0;
	tui.draw_cpu_ns += c1 - c0;
	tui.frames++;
}

/* A training begins: the panel follows it, the Loss view or, for a
 * picture, the Matrices view as pictures. */
static void sgd_started(const struct lr_run *run)
{
	tui.row0 = tui.col0 = 0;           /* a new factorisation is seen from its corner */
	tui.live = run;
	/* tui.stop is not cleared here: a Ctrl-C that stopped the last sgd
	 * of a loop must stop the loop too (after_statement clears it) */
	tui.focus = LR_FOCUS_SGD;
	if (lr_image_loaded(tui.s, run->A)) {
		/* a picture learnt, drawn live; the Loss view's floor (an SVD
		 * of the picture, 73 ms at 512×512) waits for the end */
		tui.live_floor = NAN;
		tui.pic.on = 1;
		tui.pic.source = LR_PIC_SGD;
		to_view(LR_VIEW_MATRICES);
	} else {
		tui.live_floor = tui_run_floor(run);
		to_view(LR_VIEW_LOSS);
	}
	tui_stamp(&tui.last_poll);
	/* the first epoch draws at once */
	lr_pace_start(&tui.pace, live_min_ns(), LR_PACE_RATIO, lr_pace_clock_ns());
	tui.live_gen = tui.sb.gen - 1;
}

/* `view NAME`: image is the Matrices view as pictures; an unknown name
 * (the command has refused it) changes nothing. */
static void view_asked(const char *name)
{
	if (name && !strcmp(name, "image")) {
		tui.pic.on = 1;
		tui_choose_view(LR_VIEW_MATRICES);
	} else if (name && lr_view_parse(name) >= 0) {
		if (lr_view_parse(name) == LR_VIEW_MATRICES)
			tui.pic.on = 0;
		tui_choose_view((enum lr_view)lr_view_parse(name));
	}
}

/* A lesson's step shown (text) or the lesson ended (NULL): its text in
 * the Lesson view, which tui_run() brings back after the step's own
 * statements chose their views; at the end, the view from before. */
static void lesson_shown(const char *text)
{
	if (!tui.lesson && tui.view != LR_VIEW_LESSON)
		tui.before_lesson = tui.view;
	free(tui.lesson);
	tui.lesson = text ? strdup(text) : NULL;
	tui.lesson_shown = tui.lesson != NULL;
	if (tui.lesson)
		tui.view = LR_VIEW_LESSON;
	else if (tui.view == LR_VIEW_LESSON)
		tui.view = tui.before_lesson;
}

void tui_out_event(void *ctx, const struct lr_event *ev)
{
	(void)ctx;
	if (tui.silent)
		return;
	switch (ev->kind) {
	case LR_EV_SGD_START:
		sgd_started(ev->run);
		break;
	case LR_EV_SGD_EPOCH:
		if (lr_pace_due(&tui.pace, lr_pace_clock_ns(), lr_pace_cpu_ns))
			live_frame();
		break;
	case LR_EV_SGD_DONE:
		tui.live = NULL;                 /* it may be freed before the panel draws again */
		break;
	case LR_EV_SVD_DONE:
		lr_picture_forget(&tui.pic);
		tui.pic.source = LR_PIC_SVD;
		tui.focus = LR_FOCUS_SVD;
		tui.k = 0;
		tui.row0 = tui.col0 = 0;
		to_view(LR_VIEW_SPECTRUM);
		break;
	case LR_EV_LOSS:
		to_view(LR_VIEW_COMPARE);
		break;
	case LR_EV_VIEW:
		view_asked(ev->name);
		break;
	case LR_EV_IMAGE:
		tui.pic.on = 1;
		tui.pic.source = LR_PIC_SHOWN;
		tui_choose_view(LR_VIEW_MATRICES);
		break;
	case LR_EV_CLEAR:                  /* clc: a clean output area */
		lr_sb_finish(&tui.sb);
		lr_sb_init(&tui.sb);
		tui.back = 0;
		break;
	case LR_EV_LESSON:
		lesson_shown(ev->name);
		break;
	default:
		break;
	}
}

/* Polled after every epoch: reads the keys waiting, at most every 10 ms. */
int tui_out_interrupted(void *ctx)
{
	(void)ctx;
	if (tui_got_sigint) {
		tui_got_sigint = 0;
		tui.stop = 1;
	}
	if (!tui.stop && tui.scr.on && tui_since_ns(&tui.last_poll) >= POLL_NS) {
		int c;
		tui_stamp(&tui.last_poll);
		while ((c = lr_screen_poll(&tui.scr)) != ERR) {
			if (c == 27 || c == 3) {
				tui.stop = 1;
				break;
			}
			tui_handle_panel_key(c);
		}
		/* A long statement (a loop) that is not training: its output and the
		 * panel are drawn as it goes, a frame at a time. */
		if (!tui.live && tui_since_ns(&tui.last_frame) >= FRAME_NS) {
			tui_stamp(&tui.last_frame);
			tui_draw_panel();
			if (tui.live_gen != tui.sb.gen) {
				tui_draw_output();
				tui.live_gen = tui.sb.gen;
			}
			tui_redisplay();
		}
	}
	return tui.stop;
}
