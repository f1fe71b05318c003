/* error(...) and warning(...), as Octave 7 takes their arguments: one
 * argument is the message as it is; with more, the first is a printf
 * template, unless it is an identifier ('pkg:what', no blanks) followed by
 * the template. error stops the statement with the message (a try block
 * catches it: err.message, err.identifier); warning writes "warning: MSG"
 * to the front end's error stream and goes on. */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lr_printf.h"
#include "cell.h"
#include "fn_handle.h"
#include "session_impl.h"

#define MAX_ARGS 64

/* Whether text is an identifier such as Octave:some-id (a ':' inside, no
 * blanks). */
static int is_id(const struct lr_value *v)
{
	const char *colon;

	if (v->kind != LR_VAL_STR || v->slen == 0 || strpbrk(v->s, " \t\n"))
		return 0;
	colon = strchr(v->s, ':');
	return colon && colon != v->s && colon[1] != '\0';
}

/* The message of error/warning(args) into b; its identifier (or "") into id. */
static int message(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
                   struct lr_buf *b, char *id, size_t idlen)
{
	size_t first = 0;
	const struct lr_value *argv[MAX_ARGS];
	char msg[256];

	id[0] = '\0';
	if (n->nkids >= 2 && is_id(args[0].v)) {
		snprintf(id, idlen, "%s", args[0].v->s);
		first = 1;
	}
	if (args[first].v->kind != LR_VAL_STR)
		return lr_fail(s, n->kids[first]->pos, "%s: expected the message as a string, "
		               "found a matrix", n->str);
	if (n->nkids == 1) {   /* one argument: the text as it is, no template */
		lr_buf_add(b, args[0].v->s, args[0].v->slen);
		return 0;
	}
	for (size_t i = first + 1; i < n->nkids; i++)
		argv[i - first - 1] = args[i].v;
	if (lr_format_printf_escapes(b, args[first].v->s, args[first].v->slen, !args[first].v->dq,
	                             argv, (int)(n->nkids - first - 1), msg, sizeof msg) < 0)
		return lr_fail(s, n->kids[first]->pos, "%s", msg);
	return 0;
}

static int warnings_off;   /* warning('off', 'all') */

/* warning('off'|'on', ...): all warnings are turned off or on; a single
 * identifier is accepted and turns all of them, there being no per-id state. */
static int switch_warnings(const struct lr_val *args, size_t nargs)
{
	const struct lr_value *v = args[0].v;

	if (v->kind != LR_VAL_STR || (strcmp(v->s, "off") && strcmp(v->s, "on")) || nargs > 2)
		return 0;
	if (nargs == 1 || (args[1].v->kind == LR_VAL_STR && !strcmp(args[1].v->s, "all")))
		warnings_off = v->s[1] == 'f';
	return 1;
}

static int run(struct lr_session *s, const struct lr_node *n, const struct lr_val *args)
{
	struct lr_buf b;
	char id[sizeof s->err_id];
	int is_error = n->str[0] == 'e', rc;

	if (!is_error && switch_warnings(args, n->nkids))
		return 0;
	lr_buf_init(&b);
	rc = message(s, n, args, &b, id, sizeof id);
	if (rc == 0 && b.failed)
		rc = lr_fail(s, n->pos, "out of memory");
	if (rc == 0) {
		while (b.len > 0 && b.data[b.len - 1] == '\n')   /* Octave drops it */
			b.data[--b.len] = '\0';
		if (is_error) {
			rc = lr_fail(s, n->pos, "%s", b.data ? b.data : "");
			memcpy(s->err_id, id, sizeof id);
		} else if (!warnings_off) {
			lr_warn(s, b.data ? b.data : "");   /* "warning: MSG" to the error stream */
		}
	}
	lr_buf_finish(&b);
	return rc;
}

int lr_flow_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc)
{
	struct lr_val args[MAX_ARGS];

	if (lr_misc_function(s, n, nargout, outs, rc) || lr_path_function(s, n, nargout, rc) ||
	    lr_feval_function(s, n, nargout, outs, rc) || lr_handle_function(s, n, nargout, outs, rc) ||
	    lr_cell_function(s, n, nargout, outs, rc))
		return 1;
	if (strcmp(n->str, "error") && strcmp(n->str, "warning"))
		return 0;
	if (nargout > 0) {
		*rc = lr_fail(s, n->pos, "%s gives no value", n->str);
		return 1;
	}
	if (n->nkids == 0 || n->nkids > MAX_ARGS) {
		*rc = lr_fail(s, n->pos, "%s needs a message: %s('format', values...), with at most "
		              "%d arguments", n->str, n->str, MAX_ARGS);
		return 1;
	}
	memset(args, 0, sizeof args);
	*rc = 0;
	for (size_t i = 0; i < n->nkids && *rc == 0; i++)
		*rc = lr_eval(s, n->kids[i], &args[i]);
	if (*rc == 0)
		*rc = run(s, n, args);
	for (size_t i = 0; i < n->nkids; i++)
		lr_val_drop(&args[i]);
	return 1;
}
