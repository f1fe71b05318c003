/* What the view tests share: a session made by running a script, and a
 * file read whole. Static, for the test executables that include it. */
#ifndef LR_VIEW_FIXTURE_H
#define LR_VIEW_FIXTURE_H

#include <stdio.h>
#include <string.h>
#include "check.h"
#include "lowrank/buf.h"
#include "parser.h"
#include "session_open.h"

static void discard(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	(void)s;
	(void)n;
}

static const struct lr_output quiet = { NULL, discard, NULL, NULL, NULL };

/* A session after running src (which must run without error). */
static struct lr_session *session_of(const char *src)
{
	struct lr_session *s = lr_session_create(&quiet);
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error err;
	int rc;

	lr_parser_init(&p, src, strlen(src), lr_is_command);
	while ((rc = lr_parse_next(&p, &st, &err)) > 0) {
		rc = lr_session_exec(s, st, src, &err);
		lr_stmt_destroy(st);
		if (rc < 0)
			fprintf(stderr, "script error: %s\n", err.msg);
		CHECK(rc == 0);
	}
	CHECK(rc == 0);
	lr_parser_finish(&p);
	return s;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct lr_buf b;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	lr_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lr_buf_add(&b, chunk, n);
	fclose(f);
	return lr_buf_take(&b);
}

#endif
