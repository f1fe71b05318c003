/* Function files, as Octave finds them: a call of an unknown name NAME
 * looks for NAME.m, then NAME.lr, in the current folder and then in the
 * folders given to addpath. The file's first function is the one called;
 * the others are its subfunctions, seen only from inside the file. A file
 * read is kept with its time and size and read again when they change
 * (checked at most once per statement typed, so a loop calling it costs
 * no system call a step). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "lowrank/alloc.h"
#include "function.h"
#include "parser.h"
#include "session_impl.h"

struct lr_fn_file {
	char *name;                 /* owned: the function's name (the file's, without .m) */
	char *path;                 /* owned */
	struct timespec mtime;
	off_t size;
	unsigned long checked;      /* the statement (stmt_serial) it was last checked in */
	struct lr_fndef *fn;        /* one reference, or NULL when the file has an error */
	char *text;                 /* owned: the file's text when it has an error (quoted) */
	size_t len;
	struct lr_error err;        /* the error, when fn is NULL */
};

static void entry_clear(struct lr_fn_file *e)
{
	lr_free(e->name);
	lr_free(e->path);
	lr_fndef_release(e->fn);
	lr_free(e->text);
	memset(e, 0, sizeof *e);
}

void lr_fn_files_finish(struct lr_session *s)
{
	for (size_t i = 0; i < s->nfn_files; i++)
		entry_clear(&s->fn_files[i]);
	lr_free(s->fn_files);
	s->fn_files = NULL;
	s->nfn_files = 0;
}

/* Takes the definitions of a parsed statement list: the first the entry. */
static struct lr_fndef *link_file(struct lr_stmt **st, size_t n, const char *path)
{
	struct lr_fndef *entry = st[0]->fn;

	entry->subs = lr_calloc(n, sizeof *entry->subs);
	entry->file = lr_strndup(path, strlen(path));
	if (!entry->subs || !entry->file)
		return NULL;
	lr_fndef_ref(entry);
	for (size_t i = 1; i < n; i++) {
		st[i]->fn->parent = entry;
		st[i]->fn->file = lr_strndup(path, strlen(path));
		if (!st[i]->fn->file)
			break;
		entry->subs[entry->nsubs++] = lr_fndef_ref(st[i]->fn);
	}
	return entry;
}

struct lr_fndef *lr_fn_file_parse(struct lr_session *s, const char *path, char *text,
                                  size_t len, struct lr_error *err)
{
	struct lr_parser p;
	struct lr_stmt **st = NULL, *one;
	size_t n = 0;
	int rc;
	struct lr_fndef *entry = NULL;

	lr_parser_init_at(&p, text, len, NULL, 1, s->lim.max_depth);
	lr_parser_set_commands(&p, s->commands);
	p.fn_file = 1;
	while ((rc = lr_parse_next(&p, &one, err)) > 0) {
		struct lr_stmt **t = lr_realloc(st, (n + 1) * sizeof *t);
		if (!t || one->kind != LR_S_FUNCTION) {
			if (t)
				st = t;
			lr_error_set(err, one->pos, t ? "expected a function definition: %s is "
			             "called as a function file (a script is run with 'run' or "
			             "'lowrank FILE')" : "out of memory", path);
			lr_stmt_destroy(one);
			rc = -1;
			break;
		}
		st = t;
		st[n++] = one;
	}
	lr_parser_finish(&p);
	if (rc == 0 && n == 0)
		lr_error_set(err, (struct lr_pos){ 1, 1, 0 }, "expected a function definition in "
		             "%s", path);
	else if (rc == 0 && !(entry = link_file(st, n, path)))
		lr_error_set(err, (struct lr_pos){ 1, 1, 0 }, "out of memory");
	for (size_t i = 0; i < n; i++)
		lr_stmt_destroy(st[i]);
	lr_free(st);
	return entry;
}

/* Reads the whole file: its text (owned by the caller) or NULL. */
static char *read_all(const char *path, size_t size, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = f ? lr_malloc(size + 1) : NULL;

	if (text) {
		*len = fread(text, 1, size, f);
		text[*len] = '\0';
	}
	if (f)
		fclose(f);
	return text;
}

/* (Re)reads the file at path into e. */
static void load(struct lr_session *s, struct lr_fn_file *e, const char *name,
                 const char *path, const struct stat *sb)
{
	size_t len = 0;
	char *text;

	entry_clear(e);
	e->name = lr_strndup(name, strlen(name));
	e->path = lr_strndup(path, strlen(path));
	e->mtime = sb->st_mtim;
	e->size = sb->st_size;
	e->checked = s->stmt_serial;
	text = read_all(path, (size_t)sb->st_size, &len);
	if (!text || !e->name || !e->path) {
		lr_free(text);
		lr_error_set(&e->err, (struct lr_pos){ 1, 1, 0 }, "cannot read %s", path);
		return;
	}
	e->fn = lr_fn_file_parse(s, path, text, len, &e->err);
	if (e->fn) {
		lr_free(text);
		return;
	}
	e->text = text;   /* kept for quoting the error */
	e->len = len;
}

/* The file for name: "NAME.m" or "NAME.lr" in the current folder or on
 * the path, with its status; 0 if none. */
static int locate(const struct lr_session *s, const char *name, char *path, size_t n,
                  struct stat *sb)
{
	static const char *const exts[] = { ".m", ".lr" };

	for (size_t d = 0; d <= s->npath; d++)
		for (size_t k = 0; k < 2; k++) {
			if (d == 0)
				snprintf(path, n, "%s%s", name, exts[k]);
			else
				snprintf(path, n, "%s/%s%s", s->path[d - 1], name, exts[k]);
			if (stat(path, sb) == 0 && S_ISREG(sb->st_mode))
				return 1;
		}
	return 0;
}

static struct lr_fn_file *cached(struct lr_session *s, const char *name)
{
	for (size_t i = 0; i < s->nfn_files; i++)
		if (s->fn_files[i].name && !strcmp(s->fn_files[i].name, name))
			return &s->fn_files[i];
	return NULL;
}

/* Says the file's error (the call then fails with it). */
static struct lr_fndef *failed(struct lr_session *s, struct lr_fn_file *e)
{
	*s->err = e->err;
	s->err->src = e->text;
	s->err->srclen = e->len;
	s->err->file = e->path;
	s->fn_failed = 1;
	return NULL;
}

int lr_fn_plain_name(const char *w)
{
	size_t n = strlen(w);

	if (n == 0 || n > 200 || (w[0] >= '0' && w[0] <= '9'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(w[i] == '_' || (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z') ||
		      (w[i] >= '0' && w[i] <= '9')))
			return 0;
	return 1;
}

struct lr_fndef *lr_fn_file_find(struct lr_session *s, const char *name)
{
	struct lr_fn_file *e = cached(s, name), *t;
	char path[4096];
	struct stat sb;

	if (s->sandbox || !lr_fn_plain_name(name))
		return NULL;
	if (e && e->checked == s->stmt_serial)
		return e->fn ? e->fn : failed(s, e);
	if (!locate(s, name, path, sizeof path, &sb))
		return NULL;
	if (e && !strcmp(e->path, path) && e->size == sb.st_size &&
	    e->mtime.tv_sec == sb.st_mtim.tv_sec && e->mtime.tv_nsec == sb.st_mtim.tv_nsec) {
		e->checked = s->stmt_serial;
		return e->fn ? e->fn : failed(s, e);
	}
	if (!e) {
		t = lr_realloc(s->fn_files, (s->nfn_files + 1) * sizeof *t);
		if (!t)
			return NULL;
		s->fn_files = t;
		e = &s->fn_files[s->nfn_files++];
		memset(e, 0, sizeof *e);
	}
	load(s, e, name, path, &sb);
	return e->fn ? e->fn : failed(s, e);
}
