/* Reading a workspace file (the format is described in workspace.c). The
 * whole file is read into a stage first and checked line by line; the first
 * line out of place is reported as `FILE:LINE: expected ...` and nothing is
 * loaded. Every invariant the rest of the language relies on (the factors'
 * shapes, a loss per epoch, k <= min(m, n)) is checked here, so a hand-edited
 * file cannot make `loss` or `plot` read out of bounds. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "limit.h"
#include "sgd_words.h"
#include "workspace_io.h"

#define MAX_LINE ((size_t)1 << 30)   /* a longer line is refused, not read */

/* ---- lines and tokens ---- */

int lr_ws_bad(struct lr_ws_in *in, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lr_fail(in->s, in->pos, "%s:%ld: %s", in->file, in->lineno, msg);
}

static int grow(struct lr_ws_in *in)
{
	size_t cap = in->cap ? in->cap * 2 : 256;
	char *p;

	if (cap > MAX_LINE + 1)
		return lr_ws_bad(in, "expected a line of at most %zu bytes", MAX_LINE);
	p = lr_realloc(in->line, cap);
	if (!p)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	in->line = p;
	in->cap = cap;
	return 0;
}

int lr_ws_read_line(struct lr_ws_in *in)
{
	int c;

	if (in->held) {
		in->held = 0;
		return 1;
	}
	in->len = 0;
	c = getc(in->f);
	if (c == EOF) {
		if (ferror(in->f))
			return lr_fail(in->s, in->pos, "load: cannot read %s: %s", in->file,
			               strerror(errno));
		return 0;
	}
	in->lineno++;
	for (; c != EOF && c != '\n'; c = getc(in->f)) {
		if (c == '\0')
			return lr_ws_bad(in, "expected text, found a NUL byte");
		if (in->len + 1 >= in->cap && grow(in) < 0)
			return -1;
		in->line[in->len++] = (char)c;
	}
	if (ferror(in->f))
		return lr_fail(in->s, in->pos, "load: cannot read %s: %s", in->file, strerror(errno));
	if (!in->cap && grow(in) < 0)
		return -1;
	if (in->len && in->line[in->len - 1] == '\r')
		in->len--;
	in->line[in->len] = '\0';
	return 1;
}

void lr_ws_unread(struct lr_ws_in *in)
{
	in->held = 1;
}

char *lr_ws_token(char **cur)
{
	char *p = *cur, *t;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p) {
		*cur = p;
		return NULL;
	}
	t = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = '\0';
	*cur = p;
	return t;
}

int lr_ws_number(const char *tok, double *x)
{
	const char *t = tok;
	char *end;
	int neg = 0;

	if (*t == '-' || *t == '+')
		neg = *t++ == '-';
	/* NaN by hand: strtod's sign of a NaN is not promised by C. */
	if ((t[0] == 'n' || t[0] == 'N') && (t[1] == 'a' || t[1] == 'A') &&
	    (t[2] == 'n' || t[2] == 'N') && !t[3]) {
		*x = neg ? -NAN : NAN;
		return 0;
	}
	if (!*tok || isspace((unsigned char)*tok))
		return -1;
	errno = 0;
	*x = strtod(tok, &end);   /* ERANGE on a subnormal is fine: the value is exact */
	return *end ? -1 : 0;
}

int lr_ws_number_exact(const char *tok, double *x)
{
	const char *t = tok + (*tok == '-');
	const char *digits;

	if (!strcmp(t, "inf") || !strcmp(t, "nan"))
		return lr_ws_number(tok, x);
	digits = t;
	while (isdigit((unsigned char)*t))
		t++;
	if (t == digits)
		return -1;
	if (*t == '.') {
		const char *frac = ++t;
		while (isdigit((unsigned char)*t))
			t++;
		if (t == frac)
			return -1;
	}
	if (*t == 'e') {
		const char *exp;
		t++;
		if (*t == '+' || *t == '-')
			t++;
		exp = t;
		while (isdigit((unsigned char)*t))
			t++;
		if (t == exp)
			return -1;
	}
	if (*t || lr_ws_number(tok, x) < 0)
		return -1;
	if (errno == ERANGE && (isinf(*x) || *x == 0.0)) {
		/* a true zero written with an exponent (0e5) is still zero */
		for (const char *d = digits; *d && *d != 'e'; d++)
			if (*d >= '1' && *d <= '9')
				return -1;
	}
	return 0;
}

int lr_ws_count(const char *tok, double max, size_t *n)
{
	double v = 0;

	if (!*tok)
		return -1;
	for (const char *p = tok; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
		if (v > max)
			return -1;
	}
	*n = (size_t)v;
	return 0;
}

struct lr_matrix *lr_ws_new_matrix(struct lr_ws_in *in, size_t rows, size_t cols,
                                   const char *what)
{
	struct lr_matrix *m;

	if ((double)rows * (double)cols > in->max_elems) {
		char msg[400];
		lr_limit_msg(msg, sizeof msg, LR_LIMIT_ELEMENTS, in->max_elems, "%s is %zu×%zu", what,
		             rows, cols);
		lr_ws_bad(in, "%s", msg);
		return NULL;
	}
	m = lr_mat_create(rows, cols);
	if (!m)
		lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	return m;
}

/* ---- the parts of a workspace file ---- */

/* The next line, which must exist: the file ends early otherwise. */
static int need_line(struct lr_ws_in *in, const char *what)
{
	int rc = lr_ws_read_line(in);

	if (rc == 0) {
		in->lineno++;
		return lr_ws_bad(in, "expected %s, found the end of the file (it is truncated)", what);
	}
	return rc;
}

/* Checks that nothing follows on the line. */
static int line_end(struct lr_ws_in *in, char **cur, const char *after)
{
	char *t = lr_ws_token(cur);

	if (t)
		return lr_ws_bad(in, "expected the end of the line after %s, found '%.40s'", after, t);
	return 0;
}

/* "KEY" at the start of the line; *cur is left after it. */
static int keyword(struct lr_ws_in *in, const char *key, char **cur)
{
	char *t;

	if (need_line(in, key) < 0)
		return -1;
	*cur = in->line;
	t = lr_ws_token(cur);
	if (!t || strcmp(t, key))
		return lr_ws_bad(in, "expected '%s', found '%.40s'", key, t ? t : "");
	return 0;
}

static int count_field(struct lr_ws_in *in, char **cur, const char *what, double max, size_t *n)
{
	char *t = lr_ws_token(cur);

	if (!t || lr_ws_count(t, max, n) < 0)
		return lr_ws_bad(in, "expected %s (a whole number from 0 to %.15g), found '%.40s'",
		                 what, max, t ? t : "");
	return 0;
}

static int number_field(struct lr_ws_in *in, char **cur, const char *what, double *x)
{
	char *t = lr_ws_token(cur);

	if (!t || lr_ws_number_exact(t, x) < 0)
		return lr_ws_bad(in, "expected %s, found '%.40s'", what, t ? t : "");
	return 0;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A double-quoted text starting at *cur (after blanks), decoded into out
 * (lr_malloc'd, NUL-ended) with its length. */
static int quoted(struct lr_ws_in *in, char **cur, const char *what, char **out, size_t *n)
{
	char *p = *cur, *d;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '"')
		return lr_ws_bad(in, "expected %s in double quotes", what);
	d = *out = lr_malloc(strlen(p) + 1);
	if (!d)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	for (p++; *p != '"'; p++) {
		if (!*p || (unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			break;
		if (*p != '\\') {
			*d++ = *p;
			continue;
		}
		p++;
		if (*p == '\\' || *p == '"')
			*d++ = *p;
		else if (*p == 'x' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			*d++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			lr_free(*out);
			*out = NULL;
			return lr_ws_bad(in, "expected an escape \\\\, \\\" or \\xHH in %s", what);
		}
	}
	if (*p != '"') {
		lr_free(*out);
		*out = NULL;
		return lr_ws_bad(in, "expected %s to end with '\"' (bytes outside space..~ "
		                 "are written \\xHH)", what);
	}
	*d = '\0';
	*n = (size_t)(d - *out);
	*cur = p + 1;
	return 0;
}

/* A quoted text into a fixed buffer (names and labels of kept results). */
static int quoted_into(struct lr_ws_in *in, char **cur, const char *what, char *buf, size_t size)
{
	char *t;
	size_t n;

	if (quoted(in, cur, what, &t, &n) < 0)
		return -1;
	if (n >= size || strlen(t) != n) {
		lr_free(t);
		return lr_ws_bad(in, "expected %s of at most %zu characters", what, size - 1);
	}
	memcpy(buf, t, n + 1);
	lr_free(t);
	return 0;
}

/* ROWS lines of COLS numbers, then an optional mask block. */
static int matrix_body(struct lr_ws_in *in, struct lr_matrix *m, const char *name)
{
	size_t n = m->rows * m->cols;
	int rc;

	for (size_t i = 0; n && i < m->rows; i++) {
		char *cur;
		if (need_line(in, "a row of numbers") < 0)
			return -1;
		cur = in->line;
		for (size_t j = 0; j < m->cols; j++) {
			char *t = lr_ws_token(&cur);
			if (!t || lr_ws_number_exact(t, &LR_AT(m, i, j)) < 0)
				return lr_ws_bad(in, "expected %zu numbers in row %zu of %s, found '%.40s' "
				                 "as number %zu", m->cols, i + 1, name, t ? t : "", j + 1);
		}
		if (line_end(in, &cur, "the last number of the row") < 0)
			return -1;
	}
	rc = lr_ws_read_line(in);
	if (rc <= 0 || strcmp(in->line, "mask") != 0) {
		if (rc > 0)
			lr_ws_unread(in);
		return rc < 0 ? -1 : 0;
	}
	if (n == 0)
		return 0;
	m->mask = lr_malloc(n);
	if (!m->mask)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	for (size_t i = 0; i < m->rows; i++) {
		char *cur;
		if (need_line(in, "a row of the mask") < 0)
			return -1;
		cur = in->line;
		for (size_t j = 0; j < m->cols; j++) {
			char *t = lr_ws_token(&cur);
			if (!t || (strcmp(t, "0") && strcmp(t, "1")))
				return lr_ws_bad(in, "expected %zu mask entries (0 or 1) in row %zu of the "
				                 "mask of %s, found '%.40s'", m->cols, i + 1, name, t ? t : "");
			m->mask[i * m->cols + j] = (unsigned char)(t[0] == '1');
		}
		if (line_end(in, &cur, "the last mask entry of the row") < 0)
			return -1;
	}
	return 0;
}

/* The rest of "matrix NAME ROWS COLS" (at cur) and the body. With role
 * set, NAME must be it; else a variable name, copied to *name (lr_malloc). */
static int matrix_block(struct lr_ws_in *in, char *cur, const char *role, char **name,
                        struct lr_matrix **out)
{
	char *t = lr_ws_token(&cur), what[300];
	size_t rows, cols;

	*out = NULL;
	if (role && (!t || strcmp(t, role) != 0))
		return lr_ws_bad(in, "expected the matrix %s, found '%.40s'", role, t ? t : "");
	if (!role && (!t || !lr_is_field_name(t)))
		return lr_ws_bad(in, "expected a variable name, found '%.40s'", t ? t : "");
	snprintf(what, sizeof what, "%s", t);
	if (name && !(*name = lr_strdup(t)))
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	if (count_field(in, &cur, "the number of rows", 1e15, &rows) < 0 ||
	    count_field(in, &cur, "the number of columns", 1e15, &cols) < 0 ||
	    line_end(in, &cur, "the number of columns") < 0)
		return -1;
	*out = lr_ws_new_matrix(in, rows, cols, "the matrix");
	if (!*out)
		return -1;
	return matrix_body(in, *out, what);
}

/* A role matrix of a kept result: "matrix ROLE R C" with the shape given. */
static int role_matrix(struct lr_ws_in *in, const char *role, size_t rows, size_t cols,
                       struct lr_matrix **out)
{
	char *cur;
	long line;

	if (keyword(in, "matrix", &cur) < 0)
		return -1;
	line = in->lineno;
	if (matrix_block(in, cur, role, NULL, out) < 0)
		return -1;
	if (rows != (size_t)-1 && ((*out)->rows != rows || (*out)->cols != cols)) {
		in->lineno = line;
		return lr_ws_bad(in, "expected %s to be %zu×%zu, found %zu×%zu", role, rows, cols,
		                 (*out)->rows, (*out)->cols);
	}
	return 0;
}

/* N lines of one number each, into an lr_malloc'd array. */
static int number_lines(struct lr_ws_in *in, size_t n, const char *what, double **out)
{
	*out = lr_mallocarray(n ? n : 1, sizeof **out);
	if (!*out)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	for (size_t i = 0; i < n; i++) {
		char *cur;
		if (need_line(in, what) < 0)
			return -1;
		cur = in->line;
		if (number_field(in, &cur, what, &(*out)[i]) < 0 || line_end(in, &cur, "the number") < 0)
			return -1;
	}
	return 0;
}

/* ---- variables ---- */

static int stage_var(struct lr_ws_in *in, struct lr_ws_stage *st, char *name, struct lr_value *v,
                     long line)
{
	for (size_t i = 0; i < st->nvars; i++)
		if (!strcmp(st->vars[i].name, name)) {
			in->lineno = line;
			lr_free(name);
			lr_value_destroy(v);
			return lr_ws_bad(in, "expected each variable once, found '%s' again",
			                 st->vars[i].name);
		}
	if (st->nvars == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 8;
		struct lr_var *p = lr_realloc(st->vars, cap * sizeof *p);
		if (!p) {
			lr_free(name);
			lr_value_destroy(v);
			return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
		}
		st->vars = p;
		st->cap = cap;
	}
	st->vars[st->nvars].name = name;
	st->vars[st->nvars++].v = v;
	return 0;
}

/* "matrix NAME R C ..." or, with logical, "logical NAME R C ..." whose
 * numbers must be 0 or 1. */
static int read_matrix_var(struct lr_ws_in *in, struct lr_ws_stage *st, char *cur, int logical)
{
	char *name = NULL;
	struct lr_matrix *m = NULL;
	struct lr_value *v;
	long line = in->lineno;

	if (matrix_block(in, cur, NULL, &name, &m) < 0) {
		lr_free(name);
		lr_mat_destroy(m);
		return -1;
	}
	for (size_t i = 0; logical && i < m->rows * m->cols; i++)
		if (m->data[i] != 0.0 && m->data[i] != 1.0) {
			double bad = m->data[i];
			in->lineno = line + 1 + (long)(i / m->cols);
			lr_free(name);
			lr_mat_destroy(m);
			return lr_ws_bad(in, "expected 0 or 1 in a logical matrix, found %.17g", bad);
		}
	v = logical ? lr_value_bool(m) : lr_value_mat(m);
	if (!v) {
		lr_free(name);
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	}
	return stage_var(in, st, name, v, line);
}

static int read_string_var(struct lr_ws_in *in, struct lr_ws_stage *st, char *cur)
{
	char *t = lr_ws_token(&cur), *name, *text = NULL;
	size_t len, n;
	long line = in->lineno;
	struct lr_value *v;

	if (!t || !lr_is_field_name(t))
		return lr_ws_bad(in, "expected a variable name, found '%.40s'", t ? t : "");
	name = t;
	if (count_field(in, &cur, "the length of the string", 1e15, &len) < 0 ||
	    line_end(in, &cur, "the length") < 0)
		return -1;
	name = lr_strdup(name);
	if (!name)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	if (need_line(in, "the string in double quotes") < 0)
		goto fail;
	cur = in->line;
	if (quoted(in, &cur, "the string", &text, &n) < 0 || line_end(in, &cur, "the string") < 0)
		goto fail;
	if (n != len) {
		lr_ws_bad(in, "expected a string of %zu bytes as its header says, found %zu", len, n);
		goto fail;
	}
	v = lr_value_str(text, n);
	lr_free(text);
	if (!v) {
		lr_free(name);
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	}
	return stage_var(in, st, name, v, line);
fail:
	lr_free(text);
	lr_free(name);
	return -1;
}

/* ---- kept results ---- */

static int seed_field(struct lr_ws_in *in, char **cur, uint64_t *seed)
{
	char *t = lr_ws_token(cur), *end;
	unsigned long long v;

	errno = 0;
	v = t && *t >= '0' && *t <= '9' ? strtoull(t, &end, 10) : 0;
	if (!t || *t < '0' || *t > '9' || *end || errno == ERANGE)
		return lr_ws_bad(in, "expected the seed (a whole number), found '%.40s'", t ? t : "");
	*seed = (uint64_t)v;
	return 0;
}

/* options RANK EPOCHS LR SEED UPDATE ORDER */
static int run_options(struct lr_ws_in *in, struct lr_run *r)
{
	struct lr_sgd_options *o = &r->opts;
	char *cur, *t;
	size_t rank, epochs;
	int i;

	lr_sgd_options_init(o);
	if (keyword(in, "options", &cur) < 0 ||
	    count_field(in, &cur, "the rank", 1e9, &rank) < 0 ||
	    count_field(in, &cur, "the number of epochs", 1e15, &epochs) < 0 ||
	    number_field(in, &cur, "the learning rate", &o->lr) < 0 ||
	    seed_field(in, &cur, &o->seed) < 0)
		return -1;
	if (rank < 1 || epochs < 1 || !(o->lr > 0) || !isfinite(o->lr))
		return lr_ws_bad(in, "expected a rank and epochs of at least 1 and a positive "
		                 "finite learning rate");
	o->rank = rank;
	o->epochs = (long)epochs;
	t = lr_ws_token(&cur);
	if ((i = lr_word_index(t, lr_sgd_update_words)) < 0)
		return lr_ws_bad(in, "expected sequential or simultaneous, found '%.40s'", t ? t : "");
	o->update = (enum lr_sgd_update)i;
	t = lr_ws_token(&cur);
	if ((i = lr_word_index(t, lr_sgd_order_words)) < 0)
		return lr_ws_bad(in, "expected rows or shuffled, found '%.40s'", t ? t : "");
	o->order = (enum lr_sgd_order)i;
	return line_end(in, &cur, "the order");
}

/* result DONE ASKED STOPPED DIVERGED OBSERVED HIDDEN_KNOWN */
static int run_result(struct lr_ws_in *in, struct lr_sgd_result *res)
{
	char *cur;
	size_t done, asked, stopped, diverged;

	if (keyword(in, "result", &cur) < 0 ||
	    count_field(in, &cur, "the epochs done", 1e15, &done) < 0 ||
	    count_field(in, &cur, "the epochs asked", 1e15, &asked) < 0 ||
	    count_field(in, &cur, "stopped (0 or 1)", 1, &stopped) < 0 ||
	    count_field(in, &cur, "the diverged epoch", 1e15, &diverged) < 0 ||
	    count_field(in, &cur, "the number of observed entries", 1e15, &res->n_observed) < 0 ||
	    count_field(in, &cur, "the number of known hidden entries", 1e15,
	                &res->n_hidden_known) < 0 ||
	    line_end(in, &cur, "the number of known hidden entries") < 0)
		return -1;
	if (done < 1 || done > asked)
		return lr_ws_bad(in, "expected at least 1 epoch done and no more than asked, "
		                 "found %zu of %zu", done, asked);
	res->epochs_done = (long)done;
	res->epochs_asked = (long)asked;
	res->stopped = (int)stopped;
	res->diverged_epoch = (long)diverged;
	return 0;
}

/* The loss history: "loss DONE" and DONE numbers, "hidden 0|DONE" and as many. */
static int run_history(struct lr_ws_in *in, struct lr_sgd_result *res)
{
	char *cur;
	size_t n, done = (size_t)res->epochs_done;

	if (keyword(in, "loss", &cur) < 0 || count_field(in, &cur, "the length", 1e15, &n) < 0 ||
	    line_end(in, &cur, "the length") < 0)
		return -1;
	if (n != done)
		return lr_ws_bad(in, "expected a loss for each of the %zu epochs done, found %zu", done, n);
	if (number_lines(in, n, "a loss value", &res->loss) < 0)
		return -1;
	if (keyword(in, "hidden", &cur) < 0 || count_field(in, &cur, "the length", 1e15, &n) < 0 ||
	    line_end(in, &cur, "the length") < 0)
		return -1;
	if (n != 0 && n != done)
		return lr_ws_bad(in, "expected 0 or %zu hidden errors, found %zu", done, n);
	return n ? number_lines(in, n, "a hidden error", &res->hidden) : 0;
}

/* run "MATRIX" "LABEL", options, result, matrices A U V, the history. */
static int read_run(struct lr_ws_in *in, struct lr_ws_stage *st, char *cur)
{
	struct lr_run *r;
	size_t p;
	long line;

	if (st->nruns == LR_MAX_RUNS)
		return lr_ws_bad(in, "expected at most %d runs", LR_MAX_RUNS);
	r = lr_calloc(1, sizeof *r);
	if (!r)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	st->runs[st->nruns++] = r;      /* the stage owns it from here */
	r->owner = in->s;
	if (quoted_into(in, &cur, "the matrix name", r->matrix_name, sizeof r->matrix_name) < 0 ||
	    quoted_into(in, &cur, "the label", r->label, sizeof r->label) < 0 ||
	    line_end(in, &cur, "the label") < 0 || run_options(in, r) < 0)
		return -1;
	line = in->lineno;
	if (run_result(in, &r->res) < 0 || role_matrix(in, "A", (size_t)-1, 0, &r->A) < 0)
		return -1;
	p = r->A->rows < r->A->cols ? r->A->rows : r->A->cols;
	if (r->opts.rank > p) {
		in->lineno = line;     /* the options line, where the rank is */
		return lr_ws_bad(in, "expected a rank of at most %zu for a %zu×%zu matrix, found %zu",
		                 p, r->A->rows, r->A->cols, r->opts.rank);
	}
	if (role_matrix(in, "U", r->A->rows, r->opts.rank, &r->res.U) < 0 ||
	    role_matrix(in, "V", r->A->cols, r->opts.rank, &r->res.V) < 0)
		return -1;
	return run_history(in, &r->res);
}

/* svd "MATRIX" K, the matrix, the singular values, U and V. */
static int read_svd(struct lr_ws_in *in, struct lr_ws_stage *st, char *cur)
{
	struct lr_svd_run *r;
	struct lr_svd *d;
	size_t k, n;
	long line = in->lineno;

	if (st->svd)
		return lr_ws_bad(in, "expected at most one svd");
	r = st->svd = lr_calloc(1, sizeof *r);
	if (!r)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	d = &r->svd;
	if (quoted_into(in, &cur, "the matrix name", r->matrix_name, sizeof r->matrix_name) < 0 ||
	    count_field(in, &cur, "the rank", 1e9, &k) < 0 || line_end(in, &cur, "the rank") < 0 ||
	    role_matrix(in, "A", (size_t)-1, 0, &r->A) < 0)
		return -1;
	d->m = r->A->rows;
	d->n = r->A->cols;
	d->p = d->m < d->n ? d->m : d->n;
	r->k = k;
	if (k < 1 || k > d->p) {
		in->lineno = line;
		return lr_ws_bad(in, "expected a rank from 1 to %zu for a %zu×%zu matrix, found %zu",
		                 d->p, d->m, d->n, k);
	}
	if (keyword(in, "singular", &cur) < 0 || count_field(in, &cur, "the count", 1e15, &n) < 0 ||
	    line_end(in, &cur, "the count") < 0)
		return -1;
	/* a subspace iteration's SVD holds only its leading values (k or more) */
	if (n < k || n > d->p)
		return lr_ws_bad(in, "expected %zu singular values (or from %zu to %zu for a partial "
		                 "SVD), found %zu", d->p, k, d->p, n);
	d->p = n;
	if (number_lines(in, n, "a singular value", &d->s) < 0 ||
	    role_matrix(in, "U", d->m, d->p, &d->U) < 0 || role_matrix(in, "V", d->n, d->p, &d->V) < 0)
		return -1;
	if (lr_svd_run_measure(r) != LR_OK)
		return lr_fail(in->s, in->pos, "load: out of memory reading %s", in->file);
	return 0;
}

/* ---- the whole file ---- */

void lr_ws_stage_finish(struct lr_ws_stage *st)
{
	for (size_t i = 0; i < st->nvars; i++) {
		lr_free(st->vars[i].name);
		lr_value_destroy(st->vars[i].v);
	}
	lr_free(st->vars);
	for (size_t i = 0; i < st->nruns; i++)
		lr_run_destroy(st->runs[i]);
	lr_svd_run_destroy(st->svd);
	memset(st, 0, sizeof *st);
}

static int after_end(struct lr_ws_in *in)
{
	for (;;) {
		int rc = lr_ws_read_line(in);
		if (rc <= 0)
			return rc;
		for (const char *p = in->line; *p; p++)
			if (!isspace((unsigned char)*p))
				return lr_ws_bad(in, "expected nothing after 'end', found '%.40s'", p);
	}
}

int lr_ws_read(struct lr_ws_in *in, struct lr_ws_stage *st)
{
	int rc = lr_ws_read_line(in);

	if (rc < 0)
		return -1;
	if (rc == 0 || strcmp(in->line, LR_WS_HEADER) != 0) {
		if (rc == 0)
			in->lineno = 1;
		return lr_ws_bad(in, "expected the header '" LR_WS_HEADER "' of a workspace file "
		                 "(a CSV or MatrixMarket file loads into a variable: load NAME FILE)");
	}
	for (;;) {
		char *cur, *t;
		if (need_line(in, "matrix, logical, string, run, svd or end") < 0)
			return -1;
		cur = in->line;
		t = lr_ws_token(&cur);
		if (t && (!strcmp(t, "run") || !strcmp(t, "svd")))
			st->results = 1;
		if (t && (!strcmp(t, "matrix") || !strcmp(t, "logical")))
			rc = read_matrix_var(in, st, cur, !strcmp(t, "logical"));
		else if (t && !strcmp(t, "string"))
			rc = read_string_var(in, st, cur);
		else if (t && !strcmp(t, "run"))
			rc = read_run(in, st, cur);
		else if (t && !strcmp(t, "svd"))
			rc = read_svd(in, st, cur);
		else if (t && !strcmp(t, "end"))
			return line_end(in, &cur, "end") < 0 ? -1 : after_end(in);
		else
			return lr_ws_bad(in, "expected matrix, logical, string, run, svd or end, found '%.40s'",
			                 t ? t : "an empty line");
		if (rc < 0)
			return -1;
	}
}
