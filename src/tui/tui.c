/* The interactive front end: GNU Readline's callback interface at the prompt
 * inside an ncurses screen, with the panel of views (views.c) above the
 * output. This file starts and ends it and reads its keys; tui_impl.h
 * says which file holds the rest. Why each readline setting is as it is:
 * tui_setup_readline (rl_glue.c).
 *
 * The screen, top to bottom: the panel (tab line and the active view), a
 * rule with key hints, the output (scrollback.c) and the one-line input.
 * A terminal under 60×18 gets the output and the prompt alone. */
#include "tui_impl.h"

struct tui tui;
volatile sig_atomic_t tui_got_sigint;

/* ---- time ---- */

long tui_since_ns(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000000000L + (now.tv_nsec - t->tv_nsec);
}

void tui_stamp(struct timespec *t)
{
	clock_gettime(CLOCK_MONOTONIC, t);
}

/* ---- start and end ---- */

static void on_sigint(int sig)
{
	(void)sig;
	tui_got_sigint = 1;
}

static const char welcome[] =
	"lowrank " LOWRANK_VERSION ": low-rank factorisation, by gradient descent and by SVD.\n"
	"Try:  A = rand(8, 6)   sgd A 2   svd A 2   loss   (help lists the rest)\n";

/* The session, the scrollback, readline and the SIGINT handler; the
 * screen's character set (ASCII unless the locale is UTF-8). 0, or -1 when
 * out of memory. */
static int start(int *ascii, const double *limits)
{
	struct sigaction sa;
	const char *cs;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");     /* the language's numbers use '.' */
	cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8"))
		*ascii = 1;
	tui.out = (struct lr_output){ &tui, tui_out_write, tui_out_event, tui_out_interrupted, NULL };
	tui.view = LR_VIEW_MATRICES;
	tui.s = lr_session_create(&tui.out);
	if (!tui.s)
		return -1;
	lr_session_set_ascii(tui.s, *ascii);
	for (int i = 0; limits && i < LR_LIMIT_COUNT; i++)
		tui.limits[i] = limits[i];
	tui_set_limits(tui.s);
	lr_sb_init(&tui.sb);
	lr_buf_init(&tui.pending);
	tui_setup_readline();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);   /* no SA_RESTART: wgetch returns */
	return 0;
}

/* The first screen: the welcome, then the demo's note or first's statement
 * (--lesson N), which runs as if typed at the prompt. */
static void first_screen(const char *first)
{
	if (!tui.demo.on)          /* a lecturer's screen starts with the lesson */
		lr_sb_write(&tui.sb, welcome, sizeof welcome - 1, LR_SB_NOTE);
	rl_callback_handler_install(PROMPT, tui_on_line);
	tui_relayout();
	if (tui.demo.on) {
		tui_note("demo of %s: %zu statements. Each key types and runs the next one; b goes "
		         "back a step, q leaves to the free prompt.\n", tui.demo.name, tui.demo.n);
		tui.demo.on = tui.demo.n > 0;
		tui_draw_all();
	}
	if (first && !tui.demo.on) {
		tui_echo(0, first, strlen(first));
		tui_run_shown(first, strlen(first));
	}
}

/* Keys until a statement quits or the user leaves. */
static void key_loop(void)
{
	while (!tui.quit) {
		int c = lr_screen_getch(&tui.scr);
		if (tui_got_sigint) {
			tui_got_sigint = 0;
			if (!tui.demo.on)
				tui_drop_line();
		}
		if (tui.demo.on)
			tui_demo_key(c);
		else
			tui_handle_key(c);
	}
}

/* Leaves the screen: the history written, what went wrong with it said,
 * and the cost of the live frames when LOWRANK_TUI_STATS is set. */
static void end_screen(void)
{
	rl_callback_handler_remove();
	tui_save_history();
	lr_screen_end(&tui.scr);
	if (tui.hist_problem[0])
		fprintf(stderr, "lowrank: %s\n", tui.hist_problem);
	if (getenv("LOWRANK_TUI_STATS")) {
		fprintf(stderr, "lowrank: %ld live frames, %.3f ms each, %.3f ms of CPU each\n",
		        tui.frames, tui.frames ? (double)tui.draw_ns / (double)tui.frames / 1e6 : 0.0,
		        tui.frames ? (double)tui.draw_cpu_ns / (double)tui.frames / 1e6 : 0.0);
		fprintf(stderr, "lowrank: %ld Eckart-Young floors computed, %.3f ms in all\n",
		        tui.floors, (double)tui.floor_ns / 1e6);
		fprintf(stderr, "lowrank: %ld picture frames, %.3f ms each, %lu rank-one updates\n",
		        tui.pic_frames, tui.pic_frames ? (double)tui.pic_ns /
		        (double)tui.pic_frames / 1e6 : 0.0, tui.pic.steps);
		fprintf(stderr, "lowrank: %ld rank steps, %.3f ms each from the key to the screen, "
		        "%.3f ms of CPU\n", tui.rank_steps, tui.rank_steps ? (double)tui.step_ns /
		        (double)tui.rank_steps / 1e6 : 0.0, tui.rank_steps ? (double)tui.step_cpu_ns /
		        (double)tui.rank_steps / 1e6 : 0.0);
	}
}

/* Frees what start and the demo took; safe on any part not taken. */
static void finish(void)
{
	lr_session_destroy(tui.s);
	lr_picture_finish(&tui.pic);
	lr_sb_finish(&tui.sb);
	lr_buf_finish(&tui.pending);
	free(tui.hist_path);
	free(tui.lesson);
	tui_demo_free();
	if (rl_outstream && rl_outstream != stdout)
		fclose(rl_outstream);
	rl_outstream = NULL;
}

int lr_frontend_interactive(int ascii, const char *first, const char *demo,
                            const double *limits)
{
	int status = 1;

	memset(&tui, 0, sizeof tui);
	if (demo && tui_demo_load(demo) < 0) {
		status = 2;
		goto out;
	}
	tui.demo.on = demo != NULL;
	if (start(&ascii, limits) < 0) {
		fputs("lowrank: out of memory\n", stderr);
		goto out;
	}
	if (lr_screen_start(&tui.scr, ascii) < 0) {
		const char *term = getenv("TERM");
		fprintf(stderr, "lowrank: this terminal (TERM=%s) cannot show the interactive "
		        "screen.\nRun a script (lowrank FILE), statements (lowrank -e '...'), or "
		        "lowrank --plain, which runs what you type once you end it with Ctrl-D.\n",
		        term ? term : "");
		goto out;
	}
	first_screen(first);
	key_loop();
	end_screen();
	status = tui.exit_status;
out:
	finish();
	return status;
}
