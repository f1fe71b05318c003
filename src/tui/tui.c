/* The interactive front end: GNU Readline's callback interface at the prompt
 * inside an ncurses screen, with the panel of views.c above the output.
 * See /work/shared/TUI-NOTES.md for why each readline setting is as it is.
 *
 * The screen, top to bottom: the panel (tab line and the active view), a
 * rule with key hints, the output (scrollback.c) and the one-line input.
 * A terminal under 60×18 gets the output and the prompt alone. */
#include "tui_impl.h"

struct tui T;
volatile sig_atomic_t got_sigint;

/* ---- time ---- */

long since_ns(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000000000L + (now.tv_nsec - t->tv_nsec);
}

void stamp(struct timespec *t)
{
	clock_gettime(CLOCK_MONOTONIC, t);
}

/* ---- start and end ---- */

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static const char welcome[] =
	"lowrank " LOWRANK_VERSION ": low-rank factorisation, by gradient descent and by SVD.\n"
	"Try:  A = rand(8, 6)   sgd A 2   svd A 2   loss   (help lists the rest)\n";

int lr_frontend_interactive(const int *width, int ascii, const char *first, const char *demo,
                            const double *limits)
{
	struct sigaction sa;
	const char *cs;

	(void)width;
	memset(&T, 0, sizeof T);
	if (demo && demo_load(demo) < 0) {
		demo_free();
		return 2;
	}
	T.demo.on = demo != NULL;
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");     /* the language's numbers use '.' */
	cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8"))
		ascii = 1;
	T.out = (struct lr_output){ &T, out_write, out_event, out_interrupted };
	T.view = LR_VIEW_MATRICES;
	T.s = lr_session_create(&T.out);
	if (!T.s) {
		fputs("lowrank: out of memory\n", stderr);
		return 1;
	}
	lr_session_set_ascii(T.s, ascii);
	for (int i = 0; limits && i < LR_LIMIT_COUNT; i++)
		T.limits[i] = limits[i];
	set_limits(T.s);
	lr_sb_init(&T.sb);
	lr_buf_init(&T.pending);
	setup_readline();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);   /* no SA_RESTART: wgetch returns */
	if (lr_screen_start(&T.scr, ascii) < 0) {
		const char *term = getenv("TERM");
		fprintf(stderr, "lowrank: this terminal (TERM=%s) cannot show the interactive "
		        "screen.\nRun a script (lowrank FILE), statements (lowrank -e '...'), or "
		        "lowrank --plain, which runs what you type once you end it with Ctrl-D.\n",
		        term ? term : "");
		lr_session_destroy(T.s);
		return 1;
	}
	lr_sb_write(&T.sb, welcome, sizeof welcome - 1, LR_SB_NOTE);
	rl_callback_handler_install(PROMPT, on_line);
	relayout();
	if (T.demo.on) {
		note("demo of %s: %zu statements. Each key types and runs the next one; b goes "
		     "back a step, q leaves to the free prompt.\n", T.demo.name, T.demo.n);
		T.demo.on = T.demo.n > 0;
		draw_all();
	}
	if (first && !T.demo.on) {
		/* --lesson N: the statement runs as if typed at the prompt */
		size_t n = strlen(first);
		lr_sb_write(&T.sb, PROMPT, 3, LR_SB_ECHO);
		lr_sb_write(&T.sb, first, n, LR_SB_ECHO);
		lr_sb_write(&T.sb, "\n", 1, LR_SB_ECHO);
		T.busy = 1;
		draw_output();
		redisplay();
		run(first, n);
		T.busy = 0;
		draw_all();
	}
	while (!T.quit) {
		int c = lr_screen_getch(&T.scr);
		if (got_sigint) {
			got_sigint = 0;
			if (!T.demo.on)
				drop_line();
		}
		if (T.demo.on)
			demo_key(c);
		else
			handle_key(c);
	}
	rl_callback_handler_remove();
	save_history();
	lr_screen_end(&T.scr);
	if (T.hist_problem[0])
		fprintf(stderr, "lowrank: %s\n", T.hist_problem);
	if (getenv("LOWRANK_TUI_STATS")) {
		fprintf(stderr, "lowrank: %ld live frames, %.3f ms each\n", T.frames,
		        T.frames ? (double)T.draw_ns / (double)T.frames / 1e6 : 0.0);
		fprintf(stderr, "lowrank: %ld Eckart-Young floors computed, %.3f ms in all\n",
		        T.floors, (double)T.floor_ns / 1e6);
	}
	lr_session_destroy(T.s);
	lr_sb_finish(&T.sb);
	lr_buf_finish(&T.pending);
	free(T.hist_path);
	free(T.lesson);
	demo_free();
	if (rl_outstream && rl_outstream != stdout)
		fclose(rl_outstream);
	rl_outstream = NULL;
	return T.exit_status;
}
