/* The student's progress through the lessons: a small text file,
 *   # lowrank lesson progress 1
 *   NAME STEP DONE
 * under $XDG_STATE_HOME/lowrank/ (or ~/.local/state/lowrank/). It is always
 * rewritten whole into a temporary file that is synced and renamed over the
 * old one, so a crash mid-write leaves the old file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "lesson.h"

/* The folder of the file into dir (without a trailing slash); -1 if there
 * is neither an absolute XDG_STATE_HOME nor a HOME. */
static int state_dir(char *dir, size_t n)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");
	int len;

	if (x && x[0] == '/')
		len = snprintf(dir, n, "%s/lowrank", x);
	else if (h && *h)
		len = snprintf(dir, n, "%s/.local/state/lowrank", h);
	else
		return -1;
	return len > 0 && (size_t)len < n ? 0 : -1;
}

/* mkdir -p for the folders of path. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char keep = *p;
			*p = '\0';
			int rc = mkdir(path, 0700);
			*p = keep;
			if (rc < 0 && errno != EEXIST)
				return -1;
			if (!keep)
				return 0;
		}
	}
}

int lr_progress_load(struct lr_progress **out, size_t *n)
{
	char dir[4096], path[4200], line[256];
	struct lr_progress *v = NULL;
	size_t cap = 0;
	FILE *f;

	*out = NULL;
	*n = 0;
	if (state_dir(dir, sizeof dir) < 0)
		return 0;
	snprintf(path, sizeof path, "%s/progress", dir);
	if (!(f = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof line, f)) {
		struct lr_progress p;
		if (line[0] == '#' || sscanf(line, "%63s %ld %d", p.name, &p.step, &p.done) != 3 ||
		    p.step < 1)
			continue;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct lr_progress *nv = lr_realloc(v, nc * sizeof *nv);
			if (!nv) {
				fclose(f);
				lr_free(v);
				*n = 0;
				return -1;
			}
			v = nv;
			cap = nc;
		}
		v[(*n)++] = p;
	}
	fclose(f);
	*out = v;
	return 0;
}

static int write_all(const char *tmp, const struct lr_progress *v, size_t n)
{
	FILE *f = fopen(tmp, "w");
	int ok;

	if (!f)
		return -1;
	fputs("# lowrank lesson progress 1: name, step, done\n", f);
	for (size_t i = 0; i < n; i++)
		if (v[i].step > 0)
			fprintf(f, "%s %ld %d\n", v[i].name, v[i].step, v[i].done);
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok = (fclose(f) == 0) && ok;
	return ok ? 0 : -1;
}

int lr_progress_put(const struct lr_progress *p, char *why, size_t nwhy)
{
	char dir[4096], path[4200], tmp[4300];
	struct lr_progress *v = NULL, *nv;
	size_t n = 0, i;
	int rc = -1;

	if (state_dir(dir, sizeof dir) < 0) {
		snprintf(why, nwhy, "neither XDG_STATE_HOME nor HOME is set");
		return -1;
	}
	if (make_dirs(dir) < 0) {
		snprintf(why, nwhy, "cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof path, "%s/progress", dir);
	snprintf(tmp, sizeof tmp, "%s/progress.tmp.%ld", dir, (long)getpid());
	if (lr_progress_load(&v, &n) < 0)
		goto nomem;
	for (i = 0; i < n; i++) {
		if (!p->name[0] && p->step == 0)
			v[i].step = 0;                   /* reset all */
		else if (!strcmp(v[i].name, p->name))
			break;
	}
	if (p->name[0]) {
		if (i < n) {
			v[i] = *p;
		} else if (p->step > 0) {
			if (!(nv = lr_realloc(v, (n + 1) * sizeof *nv)))
				goto nomem;
			v = nv;
			v[n++] = *p;
		}
	}
	if (write_all(tmp, v, n) < 0 || rename(tmp, path) < 0) {
		snprintf(why, nwhy, "cannot write %s: %s", path, strerror(errno));
		remove(tmp);
		goto done;
	}
	{   /* make the rename itself durable */
		int fd = open(dir, O_RDONLY);
		if (fd >= 0) {
			(void)fsync(fd);
			close(fd);
		}
	}
	rc = 0;
	goto done;
nomem:
	snprintf(why, nwhy, "out of memory");
done:
	lr_free(v);
	return rc;
}
