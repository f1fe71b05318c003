/* A file read whole into memory, for the tests that compare with a golden
 * file or read the project's documents. Static, for the executables that
 * include it. */
#ifndef LR_TEST_READ_WHOLE_H
#define LR_TEST_READ_WHOLE_H

#include <stdio.h>
#include "lowrank/buf.h"

/* The bytes of path, NUL-terminated and the caller's (lr_free); NULL when
 * it cannot be opened. */
static inline char *read_whole(const char *path)
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
