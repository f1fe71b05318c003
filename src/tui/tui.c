/* Placeholder interactive front end: a plain prompt, one line at a time,
 * until the readline + ncurses front end replaces it. */
#include <stdio.h>
#include <string.h>
#include "frontend.h"
#include "lowrank/buf.h"
#include "batch.h"
#include "lexer.h"

static void out_write(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	fwrite(s, 1, n, stdout);
}

int lr_frontend_interactive(const int *width, int ascii)
{
	struct lr_output out = { NULL, out_write, NULL, NULL };
	struct lr_session *s = lr_session_create(&out);
	struct lr_batch_opts o = { 1, 0, NULL };
	struct lr_buf text;
	char line[4096];
	int rc = 0;

	if (!s)
		return 1;
	lr_session_set_width(s, *width);
	lr_session_set_ascii(s, ascii);
	lr_buf_init(&text);
	for (;;) {
		fputs(text.len ? ".. " : ">> ", stdout);
		fflush(stdout);
		if (!fgets(line, sizeof line, stdin))
			break;
		lr_buf_puts(&text, line);
		if (text.failed)
			break;
		if (lr_lex_incomplete(text.data, text.len))
			continue;
		if (lr_batch_run(s, "<stdin>", text.data, text.len, &o) == LR_BATCH_QUIT) {
			rc = lr_session_exit_status(s);
			break;
		}
		lr_buf_reset(&text);
	}
	lr_buf_finish(&text);
	lr_session_destroy(s);
	return rc;
}
