/* addpath and rmpath: the folders searched for function files after the
 * current one (function_file.c), first given first searched, as Octave's
 * addpath puts a folder in front. */
#include <string.h>
#include <sys/stat.h>
#include "lowrank/alloc.h"
#include "session_impl.h"

/* Removes dir from the path; 1 if it was there. */
static int drop(struct lr_session *s, const char *dir)
{
	for (size_t i = 0; i < s->npath; i++)
		if (!strcmp(s->path[i], dir)) {
			lr_free(s->path[i]);
			memmove(s->path + i, s->path + i + 1, (s->npath - i - 1) * sizeof *s->path);
			s->npath--;
			return 1;
		}
	return 0;
}

/* Puts dir in front of the path (once). */
static int add(struct lr_session *s, const struct lr_node *at, const char *dir)
{
	struct stat sb;
	char **t, *copy;

	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return lr_fail(s, at->pos, "addpath: '%s' is not a folder", dir);
	drop(s, dir);
	t = lr_realloc(s->path, (s->npath + 1) * sizeof *t);
	copy = t ? lr_strndup(dir, strlen(dir)) : NULL;
	if (t)
		s->path = t;
	if (!copy)
		return lr_fail(s, at->pos, "out of memory");
	memmove(s->path + 1, s->path, s->npath * sizeof *s->path);
	s->path[0] = copy;
	s->npath++;
	return 0;
}

/* Each argument: a folder name, as a string. */
static int each_dir(struct lr_session *s, const struct lr_node *n)
{
	int adding = !strcmp(n->str, "addpath");

	if (n->nkids == 0)
		return lr_fail(s, n->pos, "%s: expected a folder (usage: %s('folder', ...))", n->str,
		               n->str);
	for (size_t i = n->nkids; i-- > 0;) {   /* the first ends up in front, as Octave */
		struct lr_val v = { 0 };
		int rc;
		if (lr_eval(s, n->kids[i], &v) < 0)
			return -1;
		if (v.v->kind != LR_VAL_STR)
			rc = lr_fail(s, n->kids[i]->pos, "%s: expected a folder name as a string",
			             n->str);
		else if (adding)
			rc = add(s, n->kids[i], v.v->s);
		else if (!drop(s, v.v->s))
			rc = lr_fail(s, n->kids[i]->pos, "rmpath: '%s' is not on the path", v.v->s);
		else
			rc = 0;
		lr_val_drop(&v);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int lr_path_function(struct lr_session *s, const struct lr_node *n, int nargout, int *rc)
{
	if (strcmp(n->str, "addpath") && strcmp(n->str, "rmpath"))
		return 0;
	if (nargout > 0)
		*rc = lr_fail(s, n->pos, "%s gives no value", n->str);
	else if (s->sandbox)
		*rc = lr_fail(s, n->pos, "%s: a lesson's statements do not use files", n->str);
	else
		*rc = each_dir(s, n);
	return 1;
}
