/* Numbers to and from text files, for slides and spreadsheets:
 * csvwrite(FILE, A), dlmwrite(FILE, A, DELIM), A = csvread(FILE), and
 * h = loss_history(), the loss per epoch of the newest sgd run: commands
 * with function forms (a table of their own), since csvread reads as
 * `load` does (workspace_import.c). Written
 * as Octave's dlmwrite writes ("%.16g", NaN, Inf, -Inf); read as `load A
 * FILE.csv` reads. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "command_tables.h"
#include "workspace_io.h"

static int want_file(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                     size_t i)
{
	if (a[i].v->kind != LR_VAL_STR || !a[i].v->s[0])
		return lr_fail(s, n->kids[i]->pos, "%s: the file must be a non-empty string (a name "
		               "in quotes)", n->str);
	return 0;
}

static void put_number(FILE *f, double x)
{
	if (isnan(x))
		fputs("NaN", f);
	else if (isinf(x))
		fputs(x > 0 ? "Inf" : "-Inf", f);
	else
		fprintf(f, "%.16g", x);
}

/* The delimiter: Octave's escapes \t, \n and \\ apply to it. */
static int delimiter(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                     char *d, size_t len)
{
	const char *p;
	size_t k = 0;

	if (n->nkids < 3) {
		snprintf(d, len, ",");
		return 0;
	}
	if (a[2].v->kind != LR_VAL_STR)
		return lr_fail(s, n->kids[2]->pos, "dlmwrite: the delimiter must be a string, such as "
		               "',' or '\\t'");
	for (p = a[2].v->s; *p && k + 1 < len; p++) {
		if (p[0] == '\\' && (p[1] == 't' || p[1] == 'n' || p[1] == '\\')) {
			p++;
			d[k++] = *p == 't' ? '\t' : *p == 'n' ? '\n' : '\\';
		} else {
			d[k++] = *p;
		}
	}
	d[k] = 0;
	return 0;
}

/* A's rows, one a line, values separated by d, in the C locale (a decimal
 * point, whatever LC_NUMERIC says). */
static void put_rows(FILE *f, const struct lr_matrix *A, const char *d)
{
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), old = c ? uselocale(c) : 0;

	for (size_t i = 0; i < A->rows; i++) {
		for (size_t j = 0; j < A->cols; j++) {
			if (j)
				fputs(d, f);
			put_number(f, LR_AT(A, i, j));
		}
		fputc('\n', f);
	}
	if (c) {
		uselocale(old);
		freelocale(c);
	}
}

/* csvwrite(FILE, A), dlmwrite(FILE, A), dlmwrite(FILE, A, DELIM) */
static int fn_write(struct lr_session *s, const struct lr_node *n, const struct lr_val *a)
{
	const struct lr_matrix *A;
	char d[16];
	FILE *f;
	int err = 0;

	if (n->nkids < 2 || n->nkids > (strcmp(n->str, "csvwrite") ? 3u : 2u))
		return lr_fail(s, n->pos, "%s: expected %s, found %zu arguments", n->str,
		               strcmp(n->str, "csvwrite") ? "dlmwrite(FILE, A) or dlmwrite(FILE, A, "
		               "DELIM)" : "csvwrite(FILE, A)", n->nkids);
	if (s->sandbox)
		return lr_fail(s, n->pos, "a lesson cannot write files: lessons write only their "
		               "progress, in the program's state directory");
	if (want_file(s, n, a, 0) < 0 || delimiter(s, n, a, d, sizeof d) < 0)
		return -1;
	if (a[1].v->kind != LR_VAL_MAT)
		return lr_fail(s, n->kids[1]->pos, "%s: the values must be a matrix, found a string",
		               n->str);
	A = a[1].v->m;
	if (!(f = fopen(a[0].v->s, "w")))
		return lr_fail(s, n->kids[0]->pos, "%s: cannot create %s: %s", n->str, a[0].v->s,
		               strerror(errno));
	errno = 0;
	put_rows(f, A, d);
	if (ferror(f) || fflush(f) != 0)
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && !err)
		err = errno ? errno : EIO;
	if (err) {
		unlink(a[0].v->s);
		return lr_fail(s, n->kids[0]->pos, "%s: cannot write %s: %s; the file was removed",
		               n->str, a[0].v->s, strerror(err));
	}
	return 0;
}

/* A = csvread(FILE): what `load A FILE.csv` reads. */
static int fn_csvread(struct lr_session *s, const struct lr_node *n, const struct lr_val *a,
                      struct lr_value **outs)
{
	struct lr_ws_in in;
	struct lr_matrix *m = NULL;
	locale_t c, old;
	FILE *f;
	int rc;

	if (n->nkids != 1)
		return lr_fail(s, n->pos, "csvread: expected csvread(FILE), found %zu arguments",
		               n->nkids);
	if (want_file(s, n, a, 0) < 0)
		return -1;
	if (!(f = fopen(a[0].v->s, "r")))
		return lr_fail(s, n->kids[0]->pos, "csvread: cannot open %s: %s", a[0].v->s,
		               strerror(errno));
	memset(&in, 0, sizeof in);
	in.s = s;
	in.pos = n->kids[0]->pos;
	in.file = a[0].v->s;
	in.f = f;
	in.max_elems = fmin(s->lim.max_elems, (double)lr_mat_max_elems);
	c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	old = c ? uselocale(c) : (locale_t)0;
	rc = lr_ws_import(&in, 0, &m);
	if (c) {
		uselocale(old);
		freelocale(c);
	}
	lr_free(in.line);
	fclose(f);
	if (rc < 0)
		return -1;
	outs[0] = lr_value_mat(m);
	return outs[0] ? 0 : lr_fail(s, n->pos, "csvread: out of memory");
}

/* [h, hidden] = loss_history(): the newest run's loss per epoch (a column),
 * and its error on the hidden entries whose values are known (empty when
 * there are none). */
static int fn_history(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs)
{
	const struct lr_run *r = lr_session_last_run(s);
	size_t e;
	struct lr_matrix *h, *hid;

	if (n->nkids)
		return lr_fail(s, n->pos, "loss_history: expected no arguments");
	if (!r)
		return lr_fail(s, n->pos, "loss_history: no sgd has run yet; try 'sgd A 2' first");
	e = r->res.epochs_done > 0 ? (size_t)r->res.epochs_done : 0;
	h = lr_mat_create(e, 1);
	hid = lr_mat_create(r->res.hidden ? e : 0, r->res.hidden ? 1 : 0);
	if ((e && !h) || !hid || (r->res.hidden && e && !hid->data)) {
		lr_mat_destroy(h);
		lr_mat_destroy(hid);
		return lr_fail(s, n->pos, "loss_history: out of memory");
	}
	for (size_t i = 0; i < e; i++) {
		h->data[i] = r->res.loss[i];
		if (r->res.hidden)
			hid->data[i] = r->res.hidden[i];
	}
	outs[0] = lr_value_mat(h);
	if (nargout > 1)
		outs[1] = lr_value_mat(hid);
	else
		lr_mat_destroy(hid);
	if (!outs[0] || (nargout > 1 && !outs[1]))
		return lr_fail(s, n->pos, "loss_history: out of memory");
	return 0;
}

static int data_call(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc)
{
	static const char *const names[] = { "csvwrite", "dlmwrite", "csvread", "loss_history" };
	struct lr_val args[3] = { 0 };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(n->str, names[i]))
			break;
	if (i == sizeof names / sizeof names[0])
		return 0;
	if (i < 2 && nargout > 0)
		*rc = lr_fail(s, n->pos, "%s writes a file and gives no value", n->str);
	else if (nargout > (i == 3 ? 2 : 1))
		*rc = lr_fail(s, n->pos, "%s gives at most %d output%s, but %d were asked for",
		              n->str, i == 3 ? 2 : 1, i == 3 ? "s" : "", nargout);
	else if (n->nkids > 3)
		*rc = lr_fail(s, n->kids[3]->pos, "%s: expected at most 3 arguments, found %zu",
		              n->str, n->nkids);
	else if (i == 3)
		*rc = fn_history(s, n, nargout, outs);
	else {
		*rc = 0;
		for (size_t k = 0; k < n->nkids && *rc == 0; k++)
			*rc = lr_eval(s, n->kids[k], &args[k]);
		if (*rc == 0)
			*rc = i < 2 ? fn_write(s, n, args) : fn_csvread(s, n, args, outs);
		for (size_t k = 0; k < 3; k++)
			lr_val_drop(&args[k]);
	}
	return 1;
}

/* `csvwrite f A` in command syntax would pass the words as strings (as
 * Octave does): refused, with the function form to write instead. */
static int data_run(struct lr_session *s, const struct lr_stmt *st)
{
	if (!strcmp(st->name, "loss_history") && st->nwords == 0) {
		struct lr_value *outs[2] = { 0 };
		struct lr_node call;
		int rc = 0;
		memset(&call, 0, sizeof call);
		call.str = st->name;
		call.pos = st->name_pos;
		data_call(s, &call, 1, outs, &rc);
		if (rc == 0)
			lr_show(s, "ans", outs[0]);
		lr_value_destroy(outs[0]);
		return rc;
	}
	return lr_fail(s, st->name_pos, "%s takes its arguments in parentheses: %s", st->name,
	               !strcmp(st->name, "csvread") ? "A = csvread(FILE)" :
	               !strcmp(st->name, "loss_history") ? "h = loss_history()" :
	               !strcmp(st->name, "csvwrite") ? "csvwrite(FILE, A)" :
	               "dlmwrite(FILE, A, DELIM)");
}

static const char help_data[] =
"csvwrite(FILE, A)       A as text, one row a line, values separated by commas\n"
"dlmwrite(FILE, A, D)    the same with the delimiter D (',' unless given; '\\t')\n"
"A = csvread(FILE)       read it back (as 'load A FILE.csv': an empty field is NaN)\n"
"h = loss_history()      the newest sgd run's loss per epoch, a column;\n"
"[h, e] = loss_history() and its error on the hidden entries (empty if none)\n"
"  Numbers are written as Octave's dlmwrite writes them: 16 significant digits,\n"
"  NaN, Inf, -Inf. For a slide: csvwrite('loss.csv', [(1:numel(h))' h]).\n";

const struct lr_command lr_data_commands[] = {
	{ "csvread", data_run, data_call, NULL, NULL, 0, NULL, "A = csvread(FILE)",
	  "read a CSV file of numbers (as load A FILE.csv)", help_data },
	{ "csvwrite", data_run, data_call, NULL, NULL, 0, NULL, "csvwrite(FILE, A)",
	  "write A as comma-separated text, as Octave's dlmwrite", help_data },
	{ "dlmwrite", data_run, data_call, NULL, NULL, 0, NULL, "dlmwrite(FILE, A, DELIM)",
	  "write A as text with a delimiter", help_data },
	{ "loss_history", data_run, data_call, NULL, NULL, 0, NULL,
	  "h = loss_history(), [h, e] = loss_history()",
	  "the newest sgd run's loss per epoch (and hidden error)", help_data },
	{ NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL }
};
