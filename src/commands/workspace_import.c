/* `load A FILE`: a CSV or MatrixMarket file into one matrix (formats in
 * workspace.c). Like the workspace reader, the whole file is read and
 * checked before anything is bound, and the first bad line is named. */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "limit.h"
#include "workspace_io.h"

static int nomem(struct lr_ws_in *in)
{
	return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
}

static int blank(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '\0';
}

/* ---- CSV ---- */

/* Growing storage for the numbers of a CSV file, row after row. */
struct cells {
	double *v;
	size_t n, cap;
};

static int push(struct lr_ws_in *in, struct cells *c, double x)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		double *p = lr_mallocarray(cap, sizeof *p);
		if (!p)
			return nomem(in);
		if (c->n)
			memcpy(p, c->v, c->n * sizeof *p);
		lr_free(c->v);
		c->v = p;
		c->cap = cap;
	}
	c->v[c->n++] = x;
	return 0;
}

/* One field, trimmed of blanks and of double quotes around it: empty or
 * nan is NaN. */
static int csv_field(struct lr_ws_in *in, char *f, size_t col, double *x)
{
	char *e = f + strlen(f);

	while (*f == ' ' || *f == '\t')
		f++;
	while (e > f && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e - f >= 2 && *f == '"' && e[-1] == '"')
		f++, e--;
	*e = '\0';
	if (!*f) {
		*x = NAN;
		return 0;
	}
	if (lr_ws_number(f, x) < 0)
		return lr_ws_bad(in, "expected a number or an empty field in column %zu, found '%.40s'",
		                 col, f);
	return 0;
}

/* The fields of one line: separated by commas, or by blanks when the line
 * has no comma. Returns the number of fields or -1. */
static long csv_line(struct lr_ws_in *in, struct cells *c)
{
	char *p = in->line;
	size_t col = 0;

	if (!strchr(p, ',')) {
		char *t;
		while ((t = lr_ws_token(&p)) != NULL) {
			double x;
			if (csv_field(in, t, ++col, &x) < 0 || push(in, c, x) < 0)
				return -1;
		}
		return (long)col;
	}
	for (;;) {
		char *comma = strchr(p, ',');
		double x;
		if (comma)
			*comma = '\0';
		if (csv_field(in, p, ++col, &x) < 0 || push(in, c, x) < 0)
			return -1;
		if (!comma)
			return (long)col;
		p = comma + 1;
	}
}

static int read_csv(struct lr_ws_in *in, struct lr_matrix **out)
{
	struct cells c = { NULL, 0, 0 };
	size_t rows = 0, cols = 0;
	long first = 0;
	int rc;

	while ((rc = lr_ws_read_line(in)) > 0) {
		long n;
		if (in->lineno == 1)
			lr_utf8_skip_bom(in->line, strlen(in->line));
		if (blank(in->line) || in->line[0] == '#')
			continue;
		n = csv_line(in, &c);
		if (n < 0)
			goto fail;
		if (!rows) {
			cols = (size_t)n;
			first = in->lineno;
		} else if ((size_t)n != cols) {
			lr_ws_bad(in, "expected %zu fields as on line %ld, found %ld", cols, first, n);
			goto fail;
		}
		rows++;
		if ((double)rows * (double)cols > in->max_elems) {
			char msg[400];
			lr_limit_msg(msg, sizeof msg, LR_LIMIT_ELEMENTS, in->max_elems,
			             "the matrix would be at least %zu×%zu", rows, cols);
			lr_ws_bad(in, "%s", msg);
			goto fail;
		}
	}
	if (rc < 0)
		goto fail;
	*out = lr_ws_new_matrix(in, rows, cols, "the matrix");
	if (!*out)
		goto fail;
	if (c.n)
		memcpy((*out)->data, c.v, c.n * sizeof *c.v);
	lr_free(c.v);
	return 0;
fail:
	lr_free(c.v);
	return -1;
}

/* ---- MatrixMarket ---- */

struct mm_header {
	int array;       /* array, else coordinate */
	int symmetric;   /* symmetric, else general */
};

static int lower_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != *b)
			return 0;
	return *a == *b;
}

static int mm_banner(struct lr_ws_in *in, struct mm_header *h)
{
	char *cur, *t[5];
	int rc = lr_ws_read_line(in);

	if (rc < 0)
		return -1;
	if (rc == 0)
		in->lineno = 1;
	cur = rc ? in->line : (char *)"";
	for (int i = 0; i < 5; i++)
		t[i] = lr_ws_token(&cur);
	if (!t[0] || strcmp(t[0], "%%MatrixMarket") || !t[1] || !lower_eq(t[1], "matrix"))
		return lr_ws_bad(in, "expected the header '%%%%MatrixMarket matrix coordinate|array "
		                 "real|integer general|symmetric'");
	if (t[2] && (lower_eq(t[2], "coordinate") || lower_eq(t[2], "array")))
		h->array = lower_eq(t[2], "array");
	else
		return lr_ws_bad(in, "expected coordinate or array, found '%.40s'", t[2] ? t[2] : "");
	if (!t[3] || !(lower_eq(t[3], "real") || lower_eq(t[3], "integer") ||
	               lower_eq(t[3], "double")))
		return lr_ws_bad(in, "expected real or integer entries, found '%.40s'",
		                 t[3] ? t[3] : "");
	if (t[4] && (lower_eq(t[4], "general") || lower_eq(t[4], "symmetric")))
		h->symmetric = lower_eq(t[4], "symmetric");
	else
		return lr_ws_bad(in, "expected general or symmetric, found '%.40s'", t[4] ? t[4] : "");
	return 0;
}

/* The next line that is not a comment or blank; 0 at the end. */
static int mm_line(struct lr_ws_in *in)
{
	int rc;

	while ((rc = lr_ws_read_line(in)) > 0)
		if (in->line[0] != '%' && !blank(in->line))
			return 1;
	return rc;
}

static int mm_need(struct lr_ws_in *in, const char *what, size_t k, size_t n)
{
	int rc = mm_line(in);

	if (rc == 0) {
		in->lineno++;
		return lr_ws_bad(in, "expected %s %zu of %zu, found the end of the file", what, k + 1, n);
	}
	return rc;
}

static int mm_index(struct lr_ws_in *in, char **cur, size_t max, const char *what, size_t *i)
{
	char *t = lr_ws_token(cur);

	if (!t || lr_ws_count(t, 1e15, i) < 0 || *i < 1 || *i > max)
		return lr_ws_bad(in, "expected a %s index from 1 to %zu, found '%.40s'", what, max,
		                 t ? t : "");
	(*i)--;
	return 0;
}

static int mm_value(struct lr_ws_in *in, char **cur, double *x)
{
	char *t = lr_ws_token(cur);

	if (!t || lr_ws_number(t, x) < 0)
		return lr_ws_bad(in, "expected a number, found '%.40s'", t ? t : "");
	if (lr_ws_token(cur))
		return lr_ws_bad(in, "expected the end of the line after the value");
	return 0;
}

static int mm_coordinate(struct lr_ws_in *in, const struct mm_header *h, size_t nz,
                         struct lr_matrix *m)
{
	unsigned char *seen = lr_calloc(m->rows * m->cols, 1);
	int rc = -1;

	if (!seen)
		return nomem(in);
	for (size_t k = 0; k < nz; k++) {
		char *cur;
		size_t i, j;
		double x;
		if (mm_need(in, "entry", k, nz) < 0)
			goto done;
		cur = in->line;
		if (mm_index(in, &cur, m->rows, "row", &i) < 0 ||
		    mm_index(in, &cur, m->cols, "column", &j) < 0 || mm_value(in, &cur, &x) < 0)
			goto done;
		if (h->symmetric && j > i) {
			lr_ws_bad(in, "expected an entry on or below the diagonal of a symmetric matrix, "
			          "found (%zu, %zu)", i + 1, j + 1);
			goto done;
		}
		if (seen[i * m->cols + j]) {
			lr_ws_bad(in, "expected each entry once, found (%zu, %zu) again", i + 1, j + 1);
			goto done;
		}
		seen[i * m->cols + j] = 1;
		LR_AT(m, i, j) = x;
		if (h->symmetric)
			LR_AT(m, j, i) = x;
	}
	rc = 0;
done:
	lr_free(seen);
	return rc;
}

/* Column by column; a symmetric one gives its lower triangle. */
static int mm_array(struct lr_ws_in *in, const struct mm_header *h, struct lr_matrix *m)
{
	size_t n = h->symmetric ? m->rows * (m->rows + 1) / 2 : m->rows * m->cols, k = 0;

	for (size_t j = 0; j < m->cols; j++)
		for (size_t i = h->symmetric ? j : 0; i < m->rows; i++, k++) {
			char *cur;
			double x;
			if (mm_need(in, "value", k, n) < 0)
				return -1;
			cur = in->line;
			if (mm_value(in, &cur, &x) < 0)
				return -1;
			LR_AT(m, i, j) = x;
			if (h->symmetric)
				LR_AT(m, j, i) = x;
		}
	return 0;
}

static int read_mtx(struct lr_ws_in *in, struct lr_matrix **out)
{
	struct mm_header h = { 0, 0 };
	size_t rows, cols, nz = 0;
	char *cur, *t;
	int rc;

	*out = NULL;
	if (mm_banner(in, &h) < 0 || mm_need(in, "the size line", 0, 1) < 0)
		return -1;
	cur = in->line;
	t = lr_ws_token(&cur);
	rc = t ? lr_ws_count(t, 1e15, &rows) : -1;
	t = rc == 0 ? lr_ws_token(&cur) : NULL;
	rc = t ? lr_ws_count(t, 1e15, &cols) : -1;
	if (rc == 0 && !h.array) {
		t = lr_ws_token(&cur);
		rc = t ? lr_ws_count(t, 1e15, &nz) : -1;
	}
	if (rc < 0 || lr_ws_token(&cur))
		return lr_ws_bad(in, h.array ? "expected the size line 'ROWS COLS'" :
		                 "expected the size line 'ROWS COLS ENTRIES'");
	if (h.symmetric && rows != cols)
		return lr_ws_bad(in, "expected a square symmetric matrix, found %zu×%zu", rows, cols);
	if (!h.array && (double)nz > (double)rows * (double)cols)
		return lr_ws_bad(in, "expected at most %zu×%zu entries, found %zu", rows, cols, nz);
	*out = lr_ws_new_matrix(in, rows, cols, "the matrix");
	if (!*out)
		return -1;
	rc = h.array ? mm_array(in, &h, *out) : mm_coordinate(in, &h, nz, *out);
	if (rc == 0 && (rc = mm_line(in)) > 0)
		rc = lr_ws_bad(in, "expected the end of the file after the entries the size line "
		               "announced, found '%.40s'", in->line);
	if (rc < 0) {
		lr_mat_destroy(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int lr_ws_import(struct lr_ws_in *in, int mtx, struct lr_matrix **out)
{
	*out = NULL;
	return mtx ? read_mtx(in, out) : read_csv(in, out);
}
