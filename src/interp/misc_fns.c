/* tic, toc, clc and exist: functions that need the session (its clock, its
 * output, its variables), as Octave 7 has them. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "builtins.h"
#include "function.h"
#include "session_impl.h"

/* Microseconds of the monotonic clock, as tic's identifier. */
static double now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)(t.tv_nsec / 1000);
}

static int give(struct lr_session *s, const struct lr_node *n, struct lr_value **outs,
                double x)
{
	outs[0] = lr_value_scalar(x);
	return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
}

/* tic: starts the session's timer; id = tic gives the start as an identifier. */
static int fn_tic(struct lr_session *s, const struct lr_node *n, int nargout,
                  struct lr_value **outs)
{
	double t = now_us();

	if (n->nkids > 0)
		return lr_fail(s, n->kids[0]->pos, "tic: expected no arguments (usage: tic, id = tic)");
	if (nargout > 0)
		return give(s, n, outs, t);
	s->tic_us = t;
	return 0;
}

/* toc: the seconds since tic (or since the tic that gave id, toc(id));
 * printed as Octave prints them when no output is asked for. */
static int fn_toc(struct lr_session *s, const struct lr_node *n, int nargout,
                  struct lr_value **outs)
{
	double start = s->tic_us, secs;
	char line[80];

	if (n->nkids > 1)
		return lr_fail(s, n->kids[1]->pos, "toc: expected at most 1 argument (usage: toc, "
		               "toc(id))");
	if (n->nkids == 1) {
		struct lr_val id = { 0 };
		if (lr_eval_matrix(s, n->kids[0], "toc's identifier", &id) < 0)
			return -1;
		if (id.v->m->rows * id.v->m->cols != 1) {
			lr_val_drop(&id);
			return lr_fail(s, n->kids[0]->pos, "toc: the identifier must be a value that "
			               "tic gave");
		}
		start = id.v->m->data[0];
		lr_val_drop(&id);
	}
	if (start < 0)
		return lr_fail(s, n->pos, "toc: function called before timer initialization with "
		               "tic()");
	secs = (now_us() - start) / 1e6;
	if (nargout > 0)
		return give(s, n, outs, secs);
	snprintf(line, sizeof line, "Elapsed time is %g seconds.\n", secs);
	lr_write(s, line, strlen(line));
	return 0;
}

/* clc: the front end clears its output area (the REPL); batch mode prints
 * nothing, as octave-cli does with its output not a terminal. */
static int fn_clc(struct lr_session *s, const struct lr_node *n)
{
	struct lr_event ev = { LR_EV_CLEAR, NULL, NULL, NULL };

	if (n->nkids > 0)
		return lr_fail(s, n->kids[0]->pos, "clc: expected no arguments");
	lr_emit(s, &ev);
	return 0;
}

int lr_session_fn_name(const char *name)
{
	for (size_t i = 0; lr_printers[i].name; i++)
		if (!strcmp(lr_printers[i].name, name))
			return 1;
	return 0;
}

/* What a name is, by Octave's codes: 1 a variable, 2 a file (in the current
 * folder), 5 a function of the program (Octave says 2 for those of its
 * functions written as .m files), 7 a folder, 0 nothing. */
static double exist_code(struct lr_session *s, const char *name, const char *kind)
{
	struct stat st;
	int any = !kind;

	if ((any || !strcmp(kind, "var")) && lr_var_get(s, name))
		return 1;
	if (any || !strcmp(kind, "file")) {   /* user functions, by Octave's codes */
		struct lr_fndef *f = lr_fn_find(s, name);
		if (f)
			return f->file ? 2 : 103;
	}
	if ((any || !strcmp(kind, "builtin")) &&
	    (lr_builtin_find(name) || lr_session_command(s, name) || lr_session_fn_name(name) ||
	     lr_is_named_constant(name)))
		return 5;
	if ((any || !strcmp(kind, "file") || !strcmp(kind, "dir")) && stat(name, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return any || !strcmp(kind, "dir") || !strcmp(kind, "file") ? 7 : 0;
		return !kind || !strcmp(kind, "file") ? 2 : 0;
	}
	return 0;
}

static int fn_exist(struct lr_session *s, const struct lr_node *n, struct lr_value **outs)
{
	struct lr_val a[2] = { { 0 }, { 0 } };
	int rc = 0;

	if (n->nkids < 1 || n->nkids > 2)
		return lr_fail(s, n->pos, "exist: expected 1 or 2 arguments (usage: exist('name'), "
		               "exist('name', 'var'))");
	for (size_t i = 0; i < n->nkids && rc == 0; i++) {
		rc = lr_eval(s, n->kids[i], &a[i]);
		if (rc == 0 && a[i].v->kind != LR_VAL_STR)
			rc = lr_fail(s, n->kids[i]->pos, "exist: argument %zu must be a string", i + 1);
	}
	if (rc == 0 && n->nkids == 2 && strcmp(a[1].v->s, "var") && strcmp(a[1].v->s, "builtin") &&
	    strcmp(a[1].v->s, "file") && strcmp(a[1].v->s, "dir"))
		rc = lr_fail(s, n->kids[1]->pos, "exist: the type must be 'var', 'builtin', 'file' "
		             "or 'dir'");
	if (rc == 0)
		rc = give(s, n, outs, exist_code(s, a[0].v->s, n->nkids == 2 ? a[1].v->s : NULL));
	lr_val_drop(&a[0]);
	lr_val_drop(&a[1]);
	return rc;
}

int lr_misc_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc)
{
	if (!strcmp(n->str, "tic"))
		*rc = fn_tic(s, n, nargout, outs);
	else if (!strcmp(n->str, "toc"))
		*rc = fn_toc(s, n, nargout, outs);
	else if (!strcmp(n->str, "clc"))
		*rc = nargout > 0 ? lr_fail(s, n->pos, "clc gives no value") : fn_clc(s, n);
	else if (!strcmp(n->str, "exist"))
		*rc = fn_exist(s, n, outs);
	else
		return 0;
	return 1;
}
