/* Batch mode: see batch.h. */
#include "batch.h"

#include <stdio.h>
#include <string.h>
#include "lowrank/buf.h"
#include "parser.h"

static void report(const char *file, const char *src, size_t len, const struct lr_error *e)
{
	struct lr_buf b;

	fflush(stdout);   /* keep errors in order with the output before them */
	lr_buf_init(&b);
	lr_error_format(&b, file, src, len, e);
	if (!b.failed && b.data)
		fputs(b.data, stderr);
	lr_buf_finish(&b);
}

static void echo(const char *src, size_t from, size_t to)
{
	while (to > from && (src[to - 1] == '\n' || src[to - 1] == ' ' || src[to - 1] == '\t' ||
	                     src[to - 1] == '\r'))
		to--;
	printf(">> %.*s\n", (int)(to - from), src + from);
}

enum lr_batch_result lr_batch_run(struct lr_session *s, const char *file, const char *src,
                                  size_t len, const struct lr_batch_opts *o)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	enum lr_batch_result res = LR_BATCH_OK;

	lr_parser_init(&p, src, len, lr_is_command);
	for (;;) {
		int rc = lr_parse_next(&p, &st, &err);
		if (rc == 0)
			break;
		if (rc > 0) {
			if (o->echo)
				echo(src, st->pos.offset, p.tok.kind == LR_TOK_EOF ? len : p.tok.pos.offset);
			rc = lr_session_exec(s, st, src, &err);
			lr_stmt_destroy(st);
			if (o->interrupted && *o->interrupted) {
				res = LR_BATCH_INTERRUPTED;
				break;
			}
			if (rc > 0) {
				res = LR_BATCH_QUIT;
				break;
			}
			if (rc == 0)
				continue;
			report(file, src, len, &err);
		} else {
			report(file, src, len, &err);
			lr_parser_recover(&p);
		}
		res = LR_BATCH_ERRORS;
		if (!o->keep_going)
			break;
	}
	lr_parser_finish(&p);
	return res;
}
