/* The prompt's history: read at start, written at exit, under $XDG_STATE_HOME. */
#include "tui_impl.h"

char *tui_history_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4096], *p;
	size_t n;

	if (xdg && *xdg == '/')
		snprintf(dir, sizeof dir, "%s/lowrank", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/state/lowrank", home);
	else
		return NULL;
	/* make each missing directory, as mkdir -p */
	for (p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(tui.hist_problem, sizeof tui.hist_problem, "history not kept: %s: %s", dir,
		         strerror(errno));
		return NULL;
	}
	n = strlen(dir) + sizeof "/history";
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/history", dir);
	return p;
}

/* Written to a temporary file and renamed, so a crash never leaves half;
 * when it fails the old file stays whole and the reason is kept for the
 * line said at exit. */
void tui_save_history(void)
{
	char tmp[4200];
	int err;

	if (!tui.hist_path)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", tui.hist_path, (long)getpid());
	err = write_history(tmp);       /* 0 or an errno */
	if (err == 0 && rename(tmp, tui.hist_path) < 0)
		err = errno;
	if (err == 0)
		return;
	remove(tmp);
	snprintf(tui.hist_problem, sizeof tui.hist_problem, "history not saved to %s: %s",
	         tui.hist_path, strerror(err));
}
