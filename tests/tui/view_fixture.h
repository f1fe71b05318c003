/* What the view tests share: a session made by running a script (which
 * must run without error), a file read whole, and the comparison of a text
 * with its golden file. Static, for the test executables that include it. */
#ifndef LR_VIEW_FIXTURE_H
#define LR_VIEW_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "lowrank/alloc.h"
#include "read_whole.h"
#include "session_script.h"

/* A session after running src (which must run without error). */
static struct lr_session *session_of(const char *src)
{
	struct lr_session *s = lr_session_create(&script_quiet);
	struct lr_error err;
	int rc = script_run(s, src, 0, &err);

	if (rc < 0)
		fprintf(stderr, "script error: %s\n", err.msg);
	CHECK(rc == 0);
	return s;
}

/* Compares text with golden/NAME.txt, or writes it there when
 * LR_UPDATE_GOLDEN=1; a difference names the first line that differs. */
static void check_golden(const char *name, const char *text)
{
	char path[256];
	const char *update = getenv("LR_UPDATE_GOLDEN");
	char *want;

	snprintf(path, sizeof path, "golden/%s.txt", name);
	if (update && !strcmp(update, "1")) {
		FILE *f = fopen(path, "wb");
		CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
		return;
	}
	want = read_whole(path);
	if (!want)
		fprintf(stderr, "%s: cannot read (run with LR_UPDATE_GOLDEN=1 to create it)\n", path);
	CHECK(want != NULL);
	if (want && strcmp(want, text)) {
		int line = 1;
		for (size_t i = 0; want[i] && want[i] == text[i]; i++)
			line += want[i] == '\n';
		fprintf(stderr, "%s: differs from line %d; got:\n%s", path, line, text);
		CHECK(!strcmp(want, text));
	}
	lr_free(want);
}

#endif
