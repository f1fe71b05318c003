/* Running what is typed at the prompt: a line, or the lines of a statement
 * left open, through the one statement loop (lr_session_run_text). */
#include "tui_impl.h"

static void show_error(const char *src, size_t len, const struct lr_error *err, int prompt_w)
{
	struct lr_buf b;
	int single = 1;

	for (size_t i = 0; i + 1 < len; i++)
		single &= src[i] != '\n';
	lr_buf_init(&b);
	if (single && !err->src) {   /* not an error inside a function: its own text */
		int col = prompt_w;
		for (size_t i = 0; i < err->pos.offset && i < len; i++)
			col += ((unsigned char)src[i] & 0xc0) != 0x80;
		lr_buf_fill(&b, ' ', (size_t)col);
		lr_buf_printf(&b, "^\nerror: %s\n", err->msg);
	} else {
		lr_error_format(&b, "input", src, len, err);
	}
	if (!b.failed && b.data)
		lr_sb_write(&tui.sb, b.data, b.len, LR_SB_ERROR);
	lr_buf_finish(&b);
}

/* After each statement typed at the prompt: what it changed on screen. */
static void after_statement(void *ctx, const struct lr_stmt *st, int rc)
{
	(void)ctx;
	(void)st;
	tui.live = NULL;
	if (tui.lesson_shown && tui.lesson)
		tui.view = LR_VIEW_LESSON;   /* the step's text first; F2-F5 show the rest */
	tui.lesson_shown = 0;
	if (tui.stop) {
		if (rc >= 0)   /* else the error says nothing was kept */
			lr_sb_write(&tui.sb, "(stopped: the epochs done are kept)\n", 36, LR_SB_NOTE);
		tui.stop = 0;
	}
	if (rc == 0)
		tui_draw_panel();
}

/* An error stops the rest of what was typed. */
static int prompt_error(void *ctx, const char *name, const char *src, size_t len,
                        const struct lr_error *e)
{
	(void)ctx;
	(void)name;
	show_error(src, len, e, 3);
	return 0;
}

void tui_echo(int cont, const char *s, size_t n)
{
	lr_sb_write(&tui.sb, cont ? CONT_PROMPT : PROMPT, 3, LR_SB_ECHO);
	lr_sb_write(&tui.sb, s, n, LR_SB_ECHO);
	lr_sb_write(&tui.sb, "\n", 1, LR_SB_ECHO);
	tui.back = 0;
}

void tui_run_shown(const char *src, size_t len)
{
	tui.busy = 1;
	tui_draw_output();
	tui_redisplay();
	tui_run(src, len);
	tui.busy = 0;
	tui_draw_all();
}

void tui_run(const char *src, size_t len)
{
	const struct lr_run_hooks h = { NULL, NULL, after_statement, prompt_error, NULL };

	tui.lesson_shown = 0;
	if (lr_session_run_text(tui.s, "input", src, len, 1, &h) == LR_RUN_QUIT) {
		tui.quit = 1;
		tui.exit_status = lr_session_exit_status(tui.s);
	}
}

/* Keeps a whole statement in the history as one entry (a block typed over
 * several lines comes back whole), unless it repeats the last one. */
static void remember(const char *text, size_t n)
{
	char *entry;

	if (n == 0)
		return;
	entry = strndup(text, n);
	if (!entry)
		return;
	if (!history_length || strcmp(history_get(history_base + history_length - 1)->line, entry))
		add_history(entry);
	free(entry);
}

/* A line that would make the statement longer than `limit line`: said,
 * and dropped with the lines before it, neither echoed nor kept in the
 * history. */
static void refuse_long_line(void)
{
	char msg[300];

	lr_limit_msg(msg, sizeof msg, LR_LIMIT_LINE, lr_session_limits(tui.s)->max_line,
	             "error: the statement is too long");
	lr_sb_write(&tui.sb, msg, strlen(msg), LR_SB_ERROR);
	lr_sb_write(&tui.sb, "\n", 1, LR_SB_ERROR);
	lr_buf_reset(&tui.pending);
	rl_set_prompt(PROMPT);
	tui_draw_all();
}

void tui_on_line(char *line)
{
	int cont = tui.pending.len > 0;

	if (!line) {                   /* Ctrl-D on an empty line */
		lr_sb_write(&tui.sb, cont ? CONT_PROMPT "\n" : PROMPT "\n", 4, LR_SB_ECHO);
		tui.quit = 1;
		return;
	}
	if (tui.pending.len + strlen(line) + 1 > lr_session_limits(tui.s)->max_line) {
		free(line);
		refuse_long_line();
		return;
	}
	tui_echo(cont, line, strlen(line));
	lr_buf_puts(&tui.pending, line);
	lr_buf_putc(&tui.pending, '\n');
	free(line);
	if (tui.pending.failed) {
		lr_sb_write(&tui.sb, "error: out of memory\n", 21, LR_SB_ERROR);
		lr_buf_reset(&tui.pending);
		return;
	}
	if (lr_lex_incomplete(tui.pending.data, tui.pending.len)) {
		rl_set_prompt(CONT_PROMPT);
		tui_draw_output();             /* the lines typed so far stay in view */
		tui_redisplay();
		return;
	}
	rl_set_prompt(PROMPT);
	remember(tui.pending.data, tui.pending.len - 1);
	tui_run_shown(tui.pending.data, tui.pending.len);
	lr_buf_reset(&tui.pending);
}

/* Ctrl-C at the prompt: the line (and an open statement) is dropped. */
void tui_drop_line(void)
{
	lr_sb_write(&tui.sb, tui.pending.len ? CONT_PROMPT : PROMPT, 3, LR_SB_ECHO);
	lr_sb_write(&tui.sb, rl_line_buffer ? rl_line_buffer : "", rl_line_buffer ? strlen(rl_line_buffer) : 0,
	            LR_SB_ECHO);
	lr_sb_write(&tui.sb, "^C\n", 3, LR_SB_NOTE);
	lr_buf_reset(&tui.pending);
	rl_callback_sigcleanup();
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	rl_set_prompt(PROMPT);
	tui.back = 0;
	tui_draw_all();
}
