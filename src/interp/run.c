/* The statement loop: see run.h. */
#include "run.h"

#include "parser.h"
#include "session_impl.h"

/* Hands an error to the hook; 1 to go on. */
static int report(const struct lr_run_hooks *h, const char *name, const char *src, size_t len,
                  const struct lr_error *e)
{
	return h->error ? h->error(h->ctx, name, src, len, e) : 0;
}

enum lr_run_result lr_session_run_text(struct lr_session *s, const char *name, const char *src,
                                       size_t len, int first_line,
                                       const struct lr_run_hooks *h)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	enum lr_run_result res = LR_RUN_OK;
	int rc;

	lr_parser_init_at(&p, src, len, NULL, first_line, lr_session_limits(s)->max_depth);
	lr_parser_set_commands(&p, s->commands);
	while ((rc = lr_parse_next(&p, &st, &err)) != 0) {
		if (rc < 0) {
			res = LR_RUN_ERRORS;
			if (!report(h, name, src, len, &err))
				break;
			lr_parser_recover(&p);
			continue;
		}
		if (h->echo)
			h->echo(h->ctx, src, st->pos.offset,
			        p.tok.kind == LR_TOK_EOF ? len : p.tok.pos.offset);
		rc = lr_session_exec(s, st, src, &err);
		if (h->ran)
			h->ran(h->ctx, st, rc);
		lr_stmt_destroy(st);
		if (h->interrupted && h->interrupted(h->ctx)) {
			res = LR_RUN_INTERRUPTED;
			break;
		}
		if (rc == 2) {   /* return: the rest of the text does not run */
			res = LR_RUN_RETURN;
			break;
		}
		if (rc > 0) {
			res = LR_RUN_QUIT;
			break;
		}
		if (rc < 0) {
			res = LR_RUN_ERRORS;
			if (!report(h, name, src, len, &err))
				break;
		}
	}
	lr_parser_finish(&p);
	return res;
}
