/* GNU Readline inside the screen: its callback interface fed with the keys
 * ncurses reads, its line drawn by us, its completion shown in our output. */
#include "tui_impl.h"

static int rl_getc_cb(FILE *f)
{
	(void)f;
	return tui.inq_pos < tui.inq_n ? tui.inq[tui.inq_pos++] : EOF;
}

static int rl_avail_cb(void)
{
	return tui.inq_pos < tui.inq_n;
}

void tui_feed(const char *bytes, int n)
{
	tui.inq_n = 0;
	tui.inq_pos = 0;
	for (int i = 0; i < n && i < (int)sizeof tui.inq; i++)
		tui.inq[tui.inq_n++] = (unsigned char)bytes[i];
	while (tui.inq_pos < tui.inq_n && !tui.quit)
		rl_callback_read_char();
}

static int startup_hook(void)
{
	/* whatever ~/.inputrc says, the settings this screen relies on */
	rl_variable_bind("editing-mode", "emacs");
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_variable_bind("bell-style", "none");
	rl_variable_bind("page-completions", "off");
	rl_variable_bind("echo-control-characters", "off");
	rl_variable_bind("horizontal-scroll-mode", "on");
	rl_bind_key('\t', rl_complete);
	rl_bind_key(18, rl_reverse_search_history);
	return 0;
}

struct words {
	char **w;
	size_t n, cap;
};

static void add_word(void *ctx, const char *word)
{
	struct words *ws = ctx;

	for (size_t i = 0; i < ws->n; i++)
		if (!strcmp(ws->w[i], word))
			return;
	if (ws->n + 2 >= ws->cap) {
		size_t cap = ws->cap ? ws->cap * 2 : 16;
		char **nw = realloc(ws->w, cap * sizeof *nw);
		if (!nw)
			return;
		ws->w = nw;
		ws->cap = cap;
	}
	ws->w[ws->n] = strdup(word);
	if (ws->w[ws->n])
		ws->n++;
}

static int cmp_words(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Completion: the words from lr_session_complete, which reads the line
 * before the cursor. The list is handed to readline, which frees it. */
static char **complete(const char *text, int start, int end)
{
	struct words ws = { NULL, 0, 0 };
	size_t common;

	(void)end;
	rl_attempted_completion_over = 1;
	lr_session_complete(tui.s, rl_line_buffer, (size_t)start, text, add_word, &ws);
	if (ws.n == 0) {
		free(ws.w);
		return NULL;
	}
	qsort(ws.w, ws.n, sizeof *ws.w, cmp_words);
	common = strlen(ws.w[0]);
	for (size_t i = 1; i < ws.n; i++) {
		size_t j = 0;
		while (j < common && ws.w[i][j] == ws.w[0][j])
			j++;
		common = j;
	}
	memmove(ws.w + 1, ws.w, ws.n * sizeof *ws.w);
	ws.w[0] = strndup(ws.w[1], common);
	if (ws.n == 1) {
		free(ws.w[0]);
		ws.w[0] = ws.w[1];
		ws.w[1] = NULL;
		if (ws.w[0][strlen(ws.w[0]) - 1] == '=')
			rl_completion_suppress_append = 1;
	} else {
		ws.w[ws.n + 1] = NULL;
	}
	if (!ws.w[0]) {
		for (size_t i = 1; i <= ws.n; i++)
			free(ws.w[i]);
		free(ws.w);
		return NULL;
	}
	return ws.w;
}

/* The list of matches, in columns in the output instead of on stdout. */
static void display_matches(char **m, int n, int max)
{
	struct lr_buf b;
	int colw = max + 2, per = tui.scr.cols / colw, shown = n > 120 ? 120 : n;

	if (per < 1)
		per = 1;
	lr_buf_init(&b);
	lr_buf_printf(&b, "%s%s\n", tui.pending.len ? CONT_PROMPT : PROMPT, rl_line_buffer);
	for (int i = 0; i < shown; i++) {
		lr_buf_printf(&b, "%-*s", i % per == per - 1 || i == shown - 1 ? 0 : colw, m[i + 1]);
		if (i % per == per - 1 || i == shown - 1)
			lr_buf_putc(&b, '\n');
	}
	if (shown < n)
		lr_buf_printf(&b, "... and %d more\n", n - shown);
	if (!b.failed && b.data)
		lr_sb_write(&tui.sb, b.data, b.len, LR_SB_NOTE);
	lr_buf_finish(&b);
	tui.back = 0;
	tui_draw_rule();
	tui_draw_output();
	tui_redisplay();
}

void tui_setup_readline(void)
{
	rl_readline_name = "lowrank";
	rl_catch_signals = 0;          /* ncurses owns the signals and resizing */
	rl_catch_sigwinch = 0;
	rl_prep_term_function = NULL;  /* ncurses owns the terminal's modes */
	rl_deprep_term_function = NULL;
	rl_change_environment = 0;     /* exported LINES/COLUMNS would hide resizes from ncurses */
	rl_getc_function = rl_getc_cb; /* the keys ncurses read; both hooks together, */
	rl_input_available_hook = rl_avail_cb;  /* for multi-byte keys and searches */
	rl_redisplay_function = tui_redisplay;  /* the line is drawn in our input window */
	rl_startup_hook = startup_hook;
	rl_attempted_completion_function = complete;
	rl_completion_display_matches_hook = display_matches;
	rl_basic_word_break_characters = " \t\n\"'`<>=;|&{([,+-*/^:~!";
	rl_outstream = fopen("/dev/null", "w");   /* nothing of readline's reaches the screen */
	using_history();
	stifle_history(1000);
	tui.hist_path = tui_history_path();
	if (tui.hist_path)
		read_history(tui.hist_path);
}
