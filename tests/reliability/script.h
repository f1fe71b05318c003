/* Helpers of the reliability tests: a session whose output is captured in
 * memory (with plain malloc, so that the failure-injection test counts only
 * the program's own allocations), the runner of scripts (session_script.h),
 * and scratch directories. */
#ifndef LR_TEST_SCRIPT_H
#define LR_TEST_SCRIPT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "parser.h"
#include "session_open.h"
#include "session_script.h"

struct capture {
	char *data;     /* malloc'd, NUL-terminated */
	size_t len, cap;
};

static inline void capture_write(void *ctx, const char *s, size_t n)
{
	struct capture *c = ctx;

	if (c->len + n + 1 > c->cap) {
		size_t cap = (c->len + n + 1) * 2;
		char *p = realloc(c->data, cap);
		if (!p)
			abort();
		c->data = p;
		c->cap = cap;
	}
	memcpy(c->data + c->len, s, n);
	c->len += n;
	c->data[c->len] = '\0';
}

static inline void capture_reset(struct capture *c)
{
	c->len = 0;
	if (c->data)
		c->data[0] = '\0';
}

/* A new directory under /tmp (the path in buf), or exits. */
static inline void scratch_dir(char *buf, size_t n, const char *tag)
{
	snprintf(buf, n, "/tmp/lowrank-%s-XXXXXX", tag);
	if (!mkdtemp(buf)) {
		perror("mkdtemp");
		exit(2);
	}
}

/* Number of entries in dir (not . and ..). */
static inline int dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Removes everything inside dir, folders and all (symbolic links are
 * removed, never followed); dir itself stays. A program under test may
 * nest folders there (lesson progress goes to $XDG_STATE_HOME/lowrank/). */
static inline void scratch_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat sb;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			scratch_empty(path);
			rmdir(path);
		} else {
			unlink(path);
		}
	}
	closedir(d);
}

/* Removes dir and everything in it. */
static inline void scratch_remove(const char *dir)
{
	scratch_empty(dir);
	rmdir(dir);
}

/* Whole file into a malloc'd string (NULL if it cannot be read). */
static inline char *slurp_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static inline int write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return -1;
	ok = fwrite(data, 1, n, f) == n;
	return fclose(f) == 0 && ok ? 0 : -1;
}

#endif
