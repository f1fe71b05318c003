/* Saving and loading the workspace (issue 7).
 *
 *   save FILE             every variable and the kept results (the SGD runs
 *                         and the SVD that `loss` and `plot` use)
 *   save FILE A B ...     only those variables
 *   load FILE             a workspace file: its variables replace same-named
 *                         ones and the others stay; if it holds kept results
 *                         (runs or an SVD), they replace the session's
 *   load A FILE           a CSV or MatrixMarket file into the matrix A
 *
 * FILE is used as written (quotes around it are removed), relative to the
 * current directory: no shell, no ~ or $VAR expansion. A file is written to
 * a temporary file next to it (FILE.tmpPID.N), flushed, fsync'ed and renamed
 * over FILE, so a full disk or a crash leaves the old FILE whole. A file that
 * is corrupt or truncated is refused with `FILE:LINE: expected ...` and
 * nothing of it is loaded.
 *
 * THE WORKSPACE FORMAT (version 1). Text, one item per line, fields separated
 * by one space; readers also take tabs, several blanks and CRLF line ends.
 *
 *   lowrank workspace 1            the header
 *   matrix NAME ROWS COLS          a matrix variable, then ROWS lines of COLS
 *   0.5 -0 inf nan                 numbers (no lines when ROWS or COLS is 0),
 *   mask                           then, if it has a mask, "mask" and ROWS
 *   1 0 1 1                        lines of COLS entries, 1 observed, 0 hidden
 *   logical NAME ROWS COLS         a logical variable (a mask for indexing),
 *   1 0 1                          as a matrix but its numbers 0 or 1 only
 *   string NAME LEN                a string variable of LEN bytes, then the
 *   "it's \"so\"\x0a"              bytes on one line in double quotes; \\, \"
 *                                  and \xHH for every byte outside space..~
 *   run "MATRIX" "LABEL"           a kept SGD run (up to 8, oldest first):
 *   options RANK EPOCHS LR SEED UPDATE ORDER
 *                                  UPDATE is sequential or simultaneous,
 *                                  ORDER rows or shuffled
 *   result DONE ASKED STOPPED DIVERGED OBSERVED HIDDEN_KNOWN
 *                                  epochs done and asked, 1 if stopped early,
 *                                  the diverged epoch or 0, entry counts
 *   matrix A ROWS COLS  ...        the matrix factorised (with its mask),
 *   matrix U ROWS RANK  ...        the factors as above,
 *   matrix V COLS RANK  ...
 *   loss DONE                      then DONE lines: the loss after each epoch
 *   hidden N                       N is 0, or DONE and then DONE lines: the
 *                                  error on hidden entries after each epoch
 *   svd "MATRIX" K                 the kept truncated SVD of rank K:
 *   matrix A ROWS COLS  ...        the matrix decomposed,
 *   singular P                     P = min(ROWS, COLS), then P lines: the
 *                                  singular values, largest first,
 *   matrix U ROWS P  ...           and the thin SVD's factors
 *   matrix V COLS P  ...
 *   end                            the last line; a file without it is
 *                                  truncated and refused
 *
 * Variables come first, sorted by name, then the runs, then the SVD; a
 * reader takes them in any order. Numbers are written with "%.17g", which
 * reads back as the same double, bit for bit: -0, subnormals, inf and -inf
 * included; a NaN is written nan or -nan and reads back as a NaN of that
 * sign. Numbers are read in that form only (no '+', no hexadecimal, no
 * decimal that would round to an infinity or to zero), in any locale.
 *
 * CSV (load A FILE): one row per line, fields separated by commas (or, in a
 * line without a comma, by blanks); an empty field or nan is NaN (an
 * unobserved entry), inf and -inf are infinities; fields may be in double
 * quotes; blank lines and lines starting with # are skipped; every row has
 * as many fields as the first.
 *
 * MatrixMarket (load A FILE.mtx, or any file starting with %): the header
 * `%%MatrixMarket matrix coordinate|array real|integer general|symmetric`,
 * % comment lines, the size line (ROWS COLS ENTRIES, or ROWS COLS for
 * array), then the entries: `I J VALUE` with 1-based indices (entries not
 * listed are 0, as the format says; use `mask` to hide them), or for array
 * one value per line, column by column (a symmetric one: its lower
 * triangle). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* realpath */
#endif
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "command_tables.h"
#include "help.h"
#include "sgd_words.h"
#include "workspace_io.h"

/* ---- the C locale for numbers ---- */

/* Numbers are written and read with '.' whatever LC_NUMERIC the front end
 * chose: the thread switches to the C locale for the command. */
struct c_locale {
	locale_t c, old;
};

static void c_locale_enter(struct c_locale *l)
{
	l->c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	l->old = l->c ? uselocale(l->c) : (locale_t)0;
}

static void c_locale_leave(struct c_locale *l)
{
	if (l->c) {
		uselocale(l->old);
		freelocale(l->c);
	}
}

/* ---- writing ---- */

static void put_double(FILE *f, double x)
{
	if (isnan(x))
		fputs(signbit(x) ? "-nan" : "nan", f);
	else
		fprintf(f, "%.17g", x);
}

static void put_quoted(FILE *f, const char *s, size_t n)
{
	putc('"', f);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c > 0x7e)
			fprintf(f, "\\x%02x", c);
		else
			putc(c, f);
	}
	putc('"', f);
}

/* kw is "matrix", or "logical" for a logical variable. */
static void put_matrix_as(FILE *f, const char *kw, const char *name, const struct lr_matrix *m)
{
	size_t n = m->rows * m->cols;

	fprintf(f, "%s %s %zu %zu\n", kw, name, m->rows, m->cols);
	for (size_t i = 0; n && i < m->rows; i++)
		for (size_t j = 0; j < m->cols; j++) {
			put_double(f, LR_AT(m, i, j));
			putc(j + 1 < m->cols ? ' ' : '\n', f);
		}
	if (!n || !m->mask)
		return;
	fputs("mask\n", f);
	for (size_t i = 0; i < m->rows; i++)
		for (size_t j = 0; j < m->cols; j++) {
			putc(m->mask[i * m->cols + j] ? '1' : '0', f);
			putc(j + 1 < m->cols ? ' ' : '\n', f);
		}
}

static void put_matrix(FILE *f, const char *name, const struct lr_matrix *m)
{
	put_matrix_as(f, "matrix", name, m);
}

static void put_lines(FILE *f, const char *key, const double *v, size_t n)
{
	fprintf(f, "%s %zu\n", key, n);
	for (size_t i = 0; i < n; i++) {
		put_double(f, v[i]);
		putc('\n', f);
	}
}

static void put_run(FILE *f, const struct lr_run *r)
{
	const struct lr_sgd_options *o = &r->opts;
	const struct lr_sgd_result *res = &r->res;
	size_t done = (size_t)res->epochs_done;

	fputs("run ", f);
	put_quoted(f, r->matrix_name, strlen(r->matrix_name));
	putc(' ', f);
	put_quoted(f, r->label, strlen(r->label));
	fprintf(f, "\noptions %zu %ld ", o->rank, o->epochs);
	put_double(f, o->lr);
	fprintf(f, " %llu %s %s\n", (unsigned long long)o->seed,
	        lr_sgd_update_words[o->update], lr_sgd_order_words[o->order]);
	fprintf(f, "result %ld %ld %d %ld %zu %zu\n", res->epochs_done, res->epochs_asked,
	        res->stopped != 0, res->diverged_epoch, res->n_observed, res->n_hidden_known);
	put_matrix(f, "A", r->A);
	put_matrix(f, "U", res->U);
	put_matrix(f, "V", res->V);
	put_lines(f, "loss", res->loss, done);
	put_lines(f, "hidden", res->hidden, res->hidden ? done : 0);
}

static void put_svd(FILE *f, const struct lr_svd_run *r)
{
	fputs("svd ", f);
	put_quoted(f, r->matrix_name, strlen(r->matrix_name));
	fprintf(f, " %zu\n", r->k);
	put_matrix(f, "A", r->A);
	put_lines(f, "singular", r->svd.s, r->svd.p);
	put_matrix(f, "U", r->svd.U);
	put_matrix(f, "V", r->svd.V);
}

/* What one save writes: the variables (borrowed) and whether the results go too. */
struct save_set {
	const struct lr_session *s;
	const struct lr_var **vars;
	size_t nvars;
	int results;
};

static void put_workspace(FILE *f, const struct save_set *w)
{
	fputs(LR_WS_HEADER "\n", f);
	for (size_t i = 0; i < w->nvars; i++) {
		const struct lr_value *v = w->vars[i]->v;
		if (v->kind == LR_VAL_MAT) {
			put_matrix_as(f, v->logical ? "logical" : "matrix", w->vars[i]->name, v->m);
		} else {
			fprintf(f, "string %s %zu\n", w->vars[i]->name, v->slen);
			put_quoted(f, v->s, v->slen);
			putc('\n', f);
		}
	}
	for (size_t i = 0; w->results && i < w->s->nruns; i++)
		put_run(f, w->s->runs[i]);
	if (w->results && w->s->svd)
		put_svd(f, w->s->svd);
	fputs("end\n", f);
}

/* Makes the rename durable; a file system that cannot sync a directory
 * still has the file, so errors are ignored. */
static void sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (!slash) {
		fd = open(".", O_RDONLY);
	} else {
		dir = lr_strndup(path, slash == path ? 1 : (size_t)(slash - path));
		if (!dir)
			return;
		fd = open(dir, O_RDONLY);
		lr_free(dir);
	}
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* The temporary file a save is writing, for lr_save_abandon: a copy of its
 * name in static storage (a signal handler may not follow pointers to the
 * heap), valid while temp_live is set. A name too long for it is not kept
 * (PATH_MAX is 4096 on Linux; such a save is not protected). */
static char temp_name[4200];
static volatile sig_atomic_t temp_live;

static void temp_keep(const char *name)
{
	size_t n = strlen(name);

	if (n < sizeof temp_name) {
		memcpy(temp_name, name, n + 1);
		temp_live = 1;
	}
}

/* Called once the temporary is renamed or removed: a signal before this
 * unlinks a name that no longer exists, which is harmless. */
static void temp_drop(void)
{
	temp_live = 0;
}

void lr_save_abandon(void)
{
	if (temp_live)
		unlink(temp_name);   /* async-signal-safe */
}

/* Creates FILE.tmpPID.N next to path, with the mode a new file gets (0666
 * less the umask, applied by open itself: no umask() dance, which would
 * race with other threads). The name goes to *tmp (lr_malloc'd). */
static int create_temp(const char *path, char **tmp)
{
	static unsigned counter;
	size_t n = strlen(path) + 40;
	int fd = -1;

	*tmp = lr_malloc(n);
	if (!*tmp) {
		errno = ENOMEM;
		return -1;
	}
	for (int tries = 0; tries < 100; tries++) {
		snprintf(*tmp, n, "%s.tmp%ld.%u", path, (long)getpid(), counter++);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0)
			temp_keep(*tmp);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	return fd;
}

/* Writes the workspace to file (path as the user named it, for messages)
 * through a temporary file next to it: on any failure the temporary is
 * removed and the file untouched. */
static int write_replace(struct lr_session *s, struct lr_pos pos, const char *file,
                         const char *path, const struct save_set *w)
{
	struct stat old;
	int exists = stat(file, &old) == 0, err = 0, fd;
	struct c_locale loc;
	char *tmp;
	FILE *f;

	fd = create_temp(file, &tmp);

	if (fd < 0) {
		err = errno;
		lr_free(tmp);
		if (err == ENOMEM)
			return lr_fail(s, pos, "save: out of memory");
		return lr_fail(s, pos, "save: cannot create a file next to %s: %s", path,
		               strerror(err));
	}
	if (exists)
		(void)fchmod(fd, old.st_mode & 07777);   /* keep the old file's permissions */
	f = fdopen(fd, "w");
	if (!f) {
		err = errno;
		close(fd);
	} else {
		c_locale_enter(&loc);
		errno = 0;
		put_workspace(f, w);
		c_locale_leave(&loc);
		if (ferror(f) || fflush(f) != 0)
			err = errno ? errno : EIO;
		else if (fsync(fileno(f)) != 0)
			err = errno;
		if (fclose(f) != 0 && !err)
			err = errno ? errno : EIO;
	}
	if (!err && rename(tmp, file) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		temp_drop();
		lr_free(tmp);
		return lr_fail(s, pos, "save: cannot write %s: %s; %s", path, strerror(err),
		               exists ? "the old file is left as it was" : "no file was written");
	}
	temp_drop();
	lr_free(tmp);
	sync_dir(file);
	return 0;
}

/* The file a save replaces: path itself, or the file a symbolic link at
 * path points to (replacing the link by a file would cut it). A path that
 * exists and is not a regular file is refused: renaming over /dev/full, a
 * FIFO or /dev/stdout would replace the node itself, not write to it.
 * Returns 0 with *real NULL (use path) or lr_malloc'd (use it), or -1 after
 * reporting the error. */
static int save_target(struct lr_session *s, struct lr_pos pos, const char *path, char **real)
{
	struct stat st;
	char *r;

	*real = NULL;
	if (lstat(path, &st) != 0)
		return 0;                         /* a new file (or an error create_temp reports) */
	if (S_ISLNK(st.st_mode)) {
		if (!(r = realpath(path, NULL)))
			return lr_fail(s, pos, "save: cannot follow the link %s: %s; no file was written",
			               path, strerror(errno));
		*real = lr_strdup(r);
		free(r);                          /* realpath's own malloc */
		if (!*real)
			return lr_fail(s, pos, "save: out of memory");
		if (stat(*real, &st) != 0)
			return 0;
	}
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {   /* a directory: rename says so */
		lr_free(*real);
		*real = NULL;
		return lr_fail(s, pos, "save: %s is not a regular file (a device, a pipe or a "
		               "socket); nothing was written", path);
	}
	return 0;
}

/* Writes the workspace to path through a temporary file in the same
 * directory: on any failure the temporary is removed and path untouched. */
static int write_atomic(struct lr_session *s, struct lr_pos pos, const char *path,
                        const struct save_set *w)
{
	char *real;
	int rc;

	if (save_target(s, pos, path, &real) < 0)
		return -1;
	rc = write_replace(s, pos, real ? real : path, path, w);
	lr_free(real);
	return rc;
}

/* ---- the commands ---- */

/* The path a word names: its text, without quotes around it. */
static char *word_path(struct lr_session *s, const struct lr_word *w, const char *cmd)
{
	const char *t = w->text;
	size_t n = strlen(t);
	char *p;

	if (n >= 2 && (t[0] == '\'' || t[0] == '"') && t[n - 1] == t[0])
		t++, n -= 2;
	if (n == 0) {
		lr_fail(s, w->pos, "%s: expected a file name", cmd);
		return NULL;
	}
	p = lr_strndup(t, n);
	if (!p)
		lr_fail(s, w->pos, "%s: out of memory", cmd);
	return p;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct lr_var *const *)a)->name,
	              (*(const struct lr_var *const *)b)->name);
}

static const struct lr_var *find_var(const struct lr_session *s, const char *name)
{
	for (size_t i = 0; i < s->nvars; i++)
		if (!strcmp(s->vars[i].name, name))
			return &s->vars[i];
	return NULL;
}

/* Chooses what to save: every variable (sorted) or the ones named. */
static int save_choose(struct lr_session *s, const struct lr_stmt *st, struct save_set *w)
{
	w->s = s;
	w->results = st->nwords == 1;
	w->vars = lr_mallocarray(w->results ? s->nvars + 1 : st->nwords, sizeof *w->vars);
	if (!w->vars)
		return lr_fail(s, st->name_pos, "save: out of memory");
	if (w->results) {
		for (size_t i = 0; i < s->nvars; i++)
			w->vars[w->nvars++] = &s->vars[i];
		qsort(w->vars, w->nvars, sizeof *w->vars, by_name);
		return 0;
	}
	for (size_t i = 1; i < st->nwords; i++) {
		const struct lr_word *wd = &st->words[i];
		const struct lr_var *v = find_var(s, wd->text);
		int again = 0;
		if (!lr_is_name(wd->text))
			return lr_fail(s, wd->pos, "save: expected a variable name, found '%s'", wd->text);
		if (!v)
			return lr_fail(s, wd->pos, "save: unknown variable '%s'", wd->text);
		for (size_t j = 0; j < w->nvars; j++)
			again |= w->vars[j] == v;
		if (!again)
			w->vars[w->nvars++] = v;
	}
	return 0;
}

/* "3 variables, 2 runs and an SVD" into buf. */
static void count_text(char *buf, size_t size, size_t nvars, size_t nruns, int svd)
{
	char runs[40];

	snprintf(runs, sizeof runs, "%zu run%s", nruns, nruns == 1 ? "" : "s");
	snprintf(buf, size, "%zu variable%s%s%s%s", nvars, nvars == 1 ? "" : "s",
	         nruns ? (svd ? ", " : " and ") : "", nruns ? runs : "", svd ? " and an SVD" : "");
}

/* The workspace format holds real matrices and strings: a complex variable
 * is refused by name rather than saved without its imaginary part. */
static int no_complex(struct lr_session *s, const struct lr_stmt *st, const struct save_set *w)
{
	for (size_t i = 0; i < w->nvars; i++)
		if (w->vars[i]->v->kind == LR_VAL_MAT && w->vars[i]->v->im)
			return lr_fail(s, st->words[0].pos, "save: %s is complex, which the workspace "
			               "format does not hold; save real(%s) and imag(%s) instead",
			               w->vars[i]->name, w->vars[i]->name, w->vars[i]->name);
		else if (w->vars[i]->v->kind == LR_VAL_FN)
			return lr_fail(s, st->words[0].pos, "save: %s is a function handle, which the "
			               "workspace format does not hold; save func2str(%s) instead",
			               w->vars[i]->name, w->vars[i]->name);
		else if (w->vars[i]->v->kind == LR_VAL_CELL)
			return lr_fail(s, st->words[0].pos, "save: %s is a cell array, which the "
			               "workspace format does not hold; save its elements instead",
			               w->vars[i]->name);
	return 0;
}

static int cmd_save(struct lr_session *s, const struct lr_stmt *st)
{
	struct save_set w = { 0 };
	char *path;
	int rc = -1;

	if (st->nwords == 0)
		return lr_fail(s, st->name_pos, "save: expected a file name; usage: save FILE [NAME ...]");
	path = word_path(s, &st->words[0], "save");
	if (!path)
		return -1;
	if (save_choose(s, st, &w) == 0 && no_complex(s, st, &w) == 0 &&
	    write_atomic(s, st->words[0].pos, path, &w) == 0) {
		if (!st->quiet) {
			char what[96], line[160];
			size_t nruns = w.results ? s->nruns : 0;
			int n;
			count_text(what, sizeof what, w.nvars, nruns, w.results && s->svd);
			n = snprintf(line, sizeof line, "saved %s to %.*s\n", what, 60, path);
			lr_write(s, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
		}
		rc = 0;
	}
	lr_free(w.vars);
	lr_free(path);
	return rc;
}

/* Binds name (taken, lr_malloc'd) to v (taken) without allocating: the
 * caller has reserved room. */
static void bind(struct lr_session *s, char *name, struct lr_value *v)
{
	for (size_t i = 0; i < s->nvars; i++)
		if (!strcmp(s->vars[i].name, name)) {
			lr_value_destroy(s->vars[i].v);
			s->vars[i].v = v;
			lr_free(name);
			return;
		}
	s->vars[s->nvars].name = name;
	s->vars[s->nvars++].v = v;
}

/* Puts what was read into the session: nothing here can fail. */
static void commit(struct lr_session *s, struct lr_ws_stage *st)
{
	for (size_t i = 0; i < st->nvars; i++)
		bind(s, st->vars[i].name, st->vars[i].v);
	st->nvars = 0;
	if (st->results) {
		for (size_t i = 0; i < s->nruns; i++)
			lr_run_destroy(s->runs[i]);
		s->nruns = 0;
		for (size_t i = 0; i < st->nruns; i++) {
			st->runs[i]->owner = s;
			lr_session_keep_run(s, st->runs[i]);
		}
		st->nruns = 0;
		lr_session_keep_svd(s, st->svd);
		st->svd = NULL;
	}
}

static FILE *open_in(struct lr_session *s, const struct lr_word *w, const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f)
		lr_fail(s, w->pos, "load: cannot open %s: %s", path, strerror(errno));
	return f;
}

static void init_in(struct lr_ws_in *in, struct lr_session *s, const struct lr_word *w,
                    const char *path, FILE *f)
{
	memset(in, 0, sizeof *in);
	in->s = s;
	in->pos = w->pos;
	in->file = path;
	in->f = f;
	in->max_elems = fmin(s->lim.max_elems, (double)lr_mat_max_elems);
}

static int load_workspace(struct lr_session *s, const struct lr_stmt *st, const char *path)
{
	struct lr_ws_stage stage = { 0 };
	struct lr_ws_in in;
	struct c_locale loc;
	FILE *f = open_in(s, &st->words[0], path);
	int rc;

	if (!f)
		return -1;
	init_in(&in, s, &st->words[0], path, f);
	c_locale_enter(&loc);
	rc = lr_ws_read(&in, &stage);
	c_locale_leave(&loc);
	lr_free(in.line);
	fclose(f);
	if (rc == 0 && lr_var_reserve(s, stage.nvars) < 0)
		rc = lr_fail(s, st->words[0].pos, "load: out of memory");
	if (rc == 0) {
		size_t nv = stage.nvars, nr = stage.nruns;
		int svd = stage.svd != NULL;
		commit(s, &stage);
		if (!st->quiet) {
			char what[96], line[160];
			int n;
			count_text(what, sizeof what, nv, nr, svd);
			n = snprintf(line, sizeof line, "loaded %s from %.*s\n", what, 60, path);
			lr_write(s, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
		}
	}
	lr_ws_stage_finish(&stage);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcasecmp(s + n - k, suffix);
}

static int load_matrix(struct lr_session *s, const struct lr_stmt *st, const char *path)
{
	const struct lr_word *w = &st->words[1];
	struct lr_matrix *m = NULL;
	struct lr_value *v;
	struct lr_ws_in in;
	struct c_locale loc;
	char *name;
	FILE *f;
	int rc, c;

	if (!lr_is_name(st->words[0].text))
		return lr_fail(s, st->words[0].pos, "load: expected a variable name, found '%s'; "
		               "usage: load FILE   or   load NAME FILE.csv|FILE.mtx", st->words[0].text);
	f = open_in(s, w, path);
	if (!f)
		return -1;
	init_in(&in, s, w, path, f);
	c = getc(f);
	if (c != EOF)
		ungetc(c, f);
	c_locale_enter(&loc);
	rc = lr_ws_import(&in, ends_with(path, ".mtx") || c == '%', &m);
	c_locale_leave(&loc);
	lr_free(in.line);
	fclose(f);
	if (rc < 0)
		return -1;
	name = lr_strdup(st->words[0].text);
	v = lr_value_mat(m);
	if (!name || !v || lr_var_reserve(s, 1) < 0) {
		lr_free(name);
		lr_value_destroy(v);
		return lr_fail(s, w->pos, "load: out of memory");
	}
	bind(s, name, v);
	if (!st->quiet) {
		char line[200], sh[32];
		size_t nan = 0;
		int n;
		for (size_t i = 0; i < v->m->rows * v->m->cols; i++)
			nan += isnan(v->m->data[i]) != 0;
		n = snprintf(line, sizeof line, "%s: %s from %.*s", st->words[0].text,
		             lr_shape(v->m, sh, sizeof sh), 60, path);
		if (n > 0 && (size_t)n < sizeof line && nan)
			n += snprintf(line + n, sizeof line - (size_t)n, ", %zu NaN (unobserved)", nan);
		if (n > 0 && (size_t)n < sizeof line - 1) {
			line[n++] = '\n';
			lr_write(s, line, (size_t)n);
		}
	}
	return 0;
}

static int cmd_load(struct lr_session *s, const struct lr_stmt *st)
{
	static const char usage[] = "load FILE   or   load NAME FILE.csv|FILE.mtx";
	char *path;
	int rc;

	if (st->nwords == 0 || st->nwords > 2) {
		struct lr_pos pos = st->nwords ? st->words[2].pos : st->name_pos;
		return lr_fail(s, pos, "load: %s; usage: %s", st->nwords ? "unexpected word" :
		               "expected a file name", usage);
	}
	path = word_path(s, &st->words[st->nwords - 1], "load");
	if (!path)
		return -1;
	rc = st->nwords == 1 ? load_workspace(s, st, path) : load_matrix(s, st, path);
	lr_free(path);
	return rc;
}

/* A lesson's own statements run with s->sandbox set: they touch no files. */
static int refuse_sandbox(struct lr_session *s, const struct lr_stmt *st)
{
	return lr_fail(s, st->name_pos, "a lesson cannot %s files: lessons write only "
	               "their progress, in the program's state directory", st->name);
}

static int run_save(struct lr_session *s, const struct lr_stmt *st)
{
	return s->sandbox ? refuse_sandbox(s, st) : cmd_save(s, st);
}

static int run_load(struct lr_session *s, const struct lr_stmt *st)
{
	return s->sandbox ? refuse_sandbox(s, st) : cmd_load(s, st);
}

const struct lr_command lr_workspace_commands[] = {
	{ "load", run_load, NULL, NULL, NULL, 0, NULL, "load FILE   load A FILE.csv|FILE.mtx",
	  "read a workspace file, or a matrix from CSV or MatrixMarket", lr_help_save },
	{ "save", run_save, NULL, NULL, NULL, 0, NULL, "save FILE [NAME...]",
	  "write the workspace, or some variables, to a file", lr_help_save },
	{ NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL }
};
