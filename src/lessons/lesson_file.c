/* Reading a lesson file (the format is described in lesson.h and README).
 * The whole file is parsed once as REPL input, so a lesson that loads is a
 * script that parses; the `#:` directives, which the parser sees as
 * comments, are then read line by line and every statement is given to the
 * step whose lines hold it. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lesson.h"
#include "parser.h"
#include "session.h"

/* ---- reading ---- */

static char *read_file(const char *path, size_t *len, struct lr_buf *err)
{
	FILE *f = fopen(path, "rb");
	struct lr_buf b;
	char chunk[4096];
	size_t n;

	if (!f) {
		lr_buf_printf(err, "%s: error: cannot open the lesson: %s\n", path, strerror(errno));
		return NULL;
	}
	lr_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lr_buf_add(&b, chunk, n);
	if (ferror(f)) {
		lr_buf_printf(err, "%s: error: cannot read the lesson\n", path);
		fclose(f);
		lr_buf_finish(&b);
		return NULL;
	}
	fclose(f);
	b.len = lr_utf8_skip_bom(b.data, b.len);
	*len = b.len;
	char *s = lr_buf_take(&b);
	if (!s)
		lr_buf_printf(err, "%s: error: out of memory\n", path);
	return s;
}

/* The state of the line scan. */
struct scan {
	struct lr_lesson *l;
	struct lr_buf *err;
	int line;
	size_t line_off;          /* offset of the current line */
	struct lr_buf text;       /* text of the current step */
	struct lr_buf answer;     /* answer lines of the current step */
	int answer_line;          /* line of its `#: answer`, or 0 */
	int *answer_lines;        /* per step, filled when the step ends */
};

static int fail_at(struct scan *c, int col, const char *msg)
{
	struct lr_error e = { 0 };

	e.pos.line = c->line;
	e.pos.col = col;
	e.pos.offset = c->line_off + (size_t)col - 1;
	snprintf(e.msg, sizeof e.msg, "%s", msg);
	lr_error_format(c->err, c->l->path, c->l->src, c->l->len, &e);
	return -1;
}

static struct lr_lesson_step *cur_step(struct scan *c)
{
	return c->l->nsteps ? &c->l->steps[c->l->nsteps - 1] : NULL;
}

/* Trims blank lines at both ends of b and detaches it. */
static char *take_trimmed(struct lr_buf *b)
{
	char *s = lr_buf_take(b), *p, *e;

	if (!s)
		return NULL;
	p = s;
	for (char *q = s; *q == ' ' || *q == '\t' || *q == '\n'; q++)
		if (*q == '\n')
			p = q + 1;
	e = p + strlen(p);
	while (e > p && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	memmove(s, p, (size_t)(e - p));
	s[e - p] = '\0';
	return s;
}

/* Closes the current step: its text and answer become strings. */
static int end_step(struct scan *c)
{
	struct lr_lesson_step *st = cur_step(c);

	if (!st)
		return 0;
	st->text = take_trimmed(&c->text);
	st->answer = take_trimmed(&c->answer);
	c->answer_lines[c->l->nsteps - 1] = c->answer_line;
	if (!st->text || !st->answer)
		return fail_at(c, 1, "out of memory");
	if (st->exercise && !st->nchecks) {
		c->line = st->line;
		return fail_at(c, 1, "this exercise has no '#: check' or '#: expect'");
	}
	if (st->exercise && !c->answer_line) {
		c->line = st->line;
		return fail_at(c, 1, "this exercise has no '#: answer' (its reference statements)");
	}
	return 0;
}

static int new_step(struct scan *c, int exercise, const char *heading)
{
	struct lr_lesson *l = c->l;
	struct lr_lesson_step *steps;
	int *lines;

	if (end_step(c) < 0)
		return -1;
	steps = lr_realloc(l->steps, (l->nsteps + 1) * sizeof *steps);
	if (!steps)
		return fail_at(c, 1, "out of memory");
	l->steps = steps;
	lines = lr_realloc(c->answer_lines, (l->nsteps + 1) * sizeof *lines);
	if (!lines)
		return fail_at(c, 1, "out of memory");
	c->answer_lines = lines;
	memset(&steps[l->nsteps], 0, sizeof *steps);
	steps[l->nsteps].exercise = exercise;
	steps[l->nsteps].line = c->line;
	l->nsteps++;
	lr_buf_reset(&c->text);
	lr_buf_reset(&c->answer);
	c->answer_line = 0;
	if (*heading)
		lr_buf_printf(&c->text, "%s\n", heading);
	return 0;
}

/* Splits `LHS OP RHS [tol T]` at the last OP (" < ", " > ", " ~ ") outside
 * brackets and quotes. Returns the offset of OP's first space, or -1. */
static long find_op(const char *s, const char *op)
{
	int depth = 0;
	char q = 0;
	long at = -1;
	size_t oplen = strlen(op);

	for (size_t i = 0; s[i]; i++) {
		char ch = s[i];
		if (q) {
			if (ch == q)
				q = 0;
			continue;
		}
		if (ch == '"' || (ch == '\'' && i > 0 && s[i - 1] == ' '))
			q = ch;
		else if (ch == '(' || ch == '[')
			depth++;
		else if (ch == ')' || ch == ']')
			depth--;
		else if (depth == 0 && !strncmp(s + i, op, oplen))
			at = (long)i;
	}
	return at;
}

static char *dup_trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return lr_strndup(s, n);
}

/* Adds a check (or, claim set, a claim) to the current step. */
static int add_check(struct scan *c, const char *arg, int expect, int claim, int col)
{
	struct lr_lesson_step *st = cur_step(c);
	struct lr_lesson_check **list = claim ? &st->claims : &st->checks;
	size_t *count = claim ? &st->nclaims : &st->nchecks;
	struct lr_lesson_check k = { LR_CHECK_TRUE, NULL, NULL, NULL, NULL, c->line };
	struct lr_lesson_check *ks;

	if (!expect) {
		k.lhs = lr_strdup(arg);
	} else {
		static const char *const ops[] = { " < ", " > ", " ~ " };
		static const enum lr_check_kind kinds[] = { LR_CHECK_LT, LR_CHECK_GT, LR_CHECK_NEAR };
		long at = -1, tat;
		for (int i = 0; i < 3 && at < 0; i++)
			if ((at = find_op(arg, ops[i])) >= 0)
				k.kind = kinds[i];
		if (at < 0)
			return fail_at(c, col, "expected '#: expect VALUE < LIMIT', 'VALUE > LIMIT' or "
			               "'VALUE ~ TARGET [tol T]' (with spaces around the operator)");
		const char *rhs = arg + at + 3;
		size_t rlen = strlen(rhs);
		if (k.kind == LR_CHECK_NEAR && (tat = find_op(rhs, " tol ")) >= 0) {
			k.tol = dup_trim(rhs + tat + 5, strlen(rhs + tat + 5));
			rlen = (size_t)tat;
		}
		k.lhs = dup_trim(arg, (size_t)at);
		k.rhs = dup_trim(rhs, rlen);
		if (k.lhs && k.rhs && (!*k.lhs || !*k.rhs || (k.tol && !*k.tol))) {
			lr_free(k.lhs);
			lr_free(k.rhs);
			lr_free(k.tol);
			return fail_at(c, col, "an expect needs a value on each side of its operator");
		}
	}
	ks = lr_realloc(*list, (*count + 1) * sizeof *ks);
	if (!ks || !k.lhs || (expect && !k.rhs)) {
		lr_free(k.lhs);
		lr_free(k.rhs);
		lr_free(k.tol);
		if (ks)
			*list = ks;
		return fail_at(c, col, "out of memory");
	}
	*list = ks;
	ks[(*count)++] = k;
	return 0;
}

/* Appends a copy of text to the owned string array *v of *n. */
static int push_str(char ***v, size_t *n, const char *text, size_t len)
{
	char **nv = lr_realloc(*v, (*n + 1) * sizeof *nv);

	if (!nv)
		return -1;
	*v = nv;
	if (!(nv[*n] = lr_strndup(text, len)))
		return -1;
	(*n)++;
	return 0;
}

/* `#: wrong STATEMENTS`: one wrong answer, with its line. */
static int add_wrong(struct scan *c, const char *arg, int col)
{
	struct lr_lesson_step *st = cur_step(c);
	int *lines = lr_realloc(st->wrong_lines, (st->nwrongs + 1) * sizeof *lines);

	if (!lines)
		return fail_at(c, col, "out of memory");
	st->wrong_lines = lines;
	lines[st->nwrongs] = c->line;
	return push_str(&st->wrongs, &st->nwrongs, arg, strlen(arg)) < 0 ?
	       fail_at(c, col, "out of memory") : 0;
}

/* `#: keep NAME...`: variable names, separated by spaces. */
static int add_keeps(struct scan *c, const char *arg, int col)
{
	struct lr_lesson_step *st = cur_step(c);

	for (const char *p = arg; *p; ) {
		size_t n = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_'))
			return fail_at(c, col + (int)(p - arg), "'#: keep' takes variable names");
		while (p[n] && p[n] != ' ' && p[n] != '\t')
			n++;
		if (push_str(&st->keeps, &st->nkeeps, p, n) < 0)
			return fail_at(c, col, "out of memory");
		p += n;
	}
	return 0;
}

static int add_hint(struct scan *c, const char *arg)
{
	struct lr_lesson_step *st = cur_step(c);
	char **h = lr_realloc(st->hints, (st->nhints + 1) * sizeof *h);

	if (!h)
		return fail_at(c, 1, "out of memory");
	st->hints = h;
	if (!(h[st->nhints] = lr_strdup(arg)))
		return fail_at(c, 1, "out of memory");
	st->nhints++;
	return 0;
}

/* `#: WORD ARG`: one directive. */
static int directive(struct scan *c, const char *d, size_t dlen, int col)
{
	struct lr_lesson_step *st = cur_step(c);
	char word[16] = "", arg[1024];
	size_t i = 0, w = 0;
	int argcol;

	while (i < dlen && (d[i] == ' ' || d[i] == '\t'))
		i++;
	while (i < dlen && d[i] != ' ' && d[i] != '\t' && w + 1 < sizeof word)
		word[w++] = d[i++];
	word[w] = '\0';
	while (i < dlen && (d[i] == ' ' || d[i] == '\t'))
		i++;
	argcol = col + 2 + (int)i;
	while (dlen > i && (d[dlen - 1] == ' ' || d[dlen - 1] == '\t' || d[dlen - 1] == '\r'))
		dlen--;
	if (dlen - i >= sizeof arg)
		return fail_at(c, argcol, "this directive is too long (1023 characters at most)");
	memcpy(arg, d + i, dlen - i);
	arg[dlen - i] = '\0';

	if (!strcmp(word, "title")) {
		if (c->l->title)
			return fail_at(c, col, "the lesson has a title already");
		c->l->title = lr_strdup(arg);
		return c->l->title ? 0 : fail_at(c, col, "out of memory");
	}
	if (!strcmp(word, "step") || !strcmp(word, "exercise"))
		return new_step(c, word[0] == 'e', arg);
	if (!strcmp(word, "noskip")) {
		if (!st)
			c->l->noskip = 1;
		else if (st->exercise)
			st->noskip = 1;
		else
			return fail_at(c, col, "'#: noskip' belongs before the first step (the whole "
			               "lesson) or in an exercise");
		return 0;
	}
	if (strcmp(word, "hint") && strcmp(word, "check") && strcmp(word, "expect") &&
	    strcmp(word, "message") && strcmp(word, "answer") && strcmp(word, "wrong") &&
	    strcmp(word, "claim") && strcmp(word, "keep")) {
		char msg[192];
		snprintf(msg, sizeof msg, "unknown directive '#: %s'; expected title, step, exercise, "
		         "check, expect, message, hint, answer, wrong, claim, keep or noskip", word);
		return fail_at(c, col, msg);
	}
	if (st && (!strcmp(word, "claim") || !strcmp(word, "keep"))) {
		if (!*arg)
			return fail_at(c, col, word[0] == 'c' ? "'#: claim' needs its expression" :
			               "'#: keep' needs the names of variables");
		return word[0] == 'c' ? add_check(c, arg, 0, 1, argcol) : add_keeps(c, arg, argcol);
	}
	if (!st || !st->exercise) {
		char msg[96];
		snprintf(msg, sizeof msg, "'#: %s' belongs in an exercise (after '#: exercise')", word);
		return fail_at(c, col, msg);
	}
	if (!strcmp(word, "answer")) {
		if (c->answer_line)
			return fail_at(c, col, "this exercise has an answer already");
		c->answer_line = c->line;
		return 0;
	}
	if (!*arg) {
		char msg[64];
		snprintf(msg, sizeof msg, "'#: %s' needs its text", word);
		return fail_at(c, col, msg);
	}
	if (!strcmp(word, "hint"))
		return add_hint(c, arg);
	if (!strcmp(word, "wrong"))
		return add_wrong(c, arg, argcol);
	if (!strcmp(word, "message")) {
		if (!st->nchecks || st->checks[st->nchecks - 1].message)
			return fail_at(c, col, "'#: message' follows the '#: check' or '#: expect' it "
			               "explains (one message each)");
		st->checks[st->nchecks - 1].message = lr_strdup(arg);
		return st->checks[st->nchecks - 1].message ? 0 : fail_at(c, col, "out of memory");
	}
	return add_check(c, arg, word[0] == 'e', 0, argcol);
}

/* One line of the file: a directive, step text, answer text or other. */
static int scan_line(struct scan *c, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i + 1 < n && s[i] == '#' && s[i + 1] == ':')
		return directive(c, s + i + 2, n - i - 2, (int)i + 1);
	if (!cur_step(c))
		return 0;
	if (c->answer_line) {
		lr_buf_add(&c->answer, s, n);
		lr_buf_putc(&c->answer, '\n');
	} else if (i < n && s[i] == '#' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\r')) {
		size_t from = i + 2 < n ? i + 2 : n;
		while (n > from && s[n - 1] == '\r')
			n--;
		lr_buf_add(&c->text, s + from, n - from);
		lr_buf_putc(&c->text, '\n');
	}
	return 0;
}

static int parse_all(struct lr_lesson *l, const struct lr_command *const *commands,
                     struct lr_buf *err, int **lines)
{
	struct lr_parser p;
	struct lr_stmt *st;
	struct lr_error e;
	size_t cap = 0;
	int rc;

	lr_parser_init(&p, l->src, l->len, NULL);
	lr_parser_set_commands(&p, commands);
	while ((rc = lr_parse_next(&p, &st, &e)) > 0) {
		if (l->nstmts == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct lr_stmt **v = lr_realloc(l->stmts, nc * sizeof *v);
			int *ln = lr_realloc(*lines, nc * sizeof *ln);
			if (ln)
				*lines = ln;
			if (v)
				l->stmts = v;
			if (!v || !ln) {
				lr_stmt_destroy(st);
				lr_parser_finish(&p);
				lr_buf_printf(err, "%s: error: out of memory\n", l->path);
				return -1;
			}
			cap = nc;
		}
		(*lines)[l->nstmts] = st->pos.line;
		l->stmts[l->nstmts++] = st;
	}
	lr_parser_finish(&p);
	if (rc < 0) {
		lr_error_format(err, l->path, l->src, l->len, &e);
		return -1;
	}
	return 0;
}

/* The offset of the start of line n (1-based) of l's text, and the line of
 * offset off. */
static size_t line_start(const struct lr_lesson *l, int n)
{
	size_t i = 0;

	for (int k = 1; k < n && i < l->len; i++)
		if (l->src[i] == '\n')
			k++;
	return i;
}

static int line_of(const struct lr_lesson *l, size_t off)
{
	int n = 1;

	for (size_t i = 0; i < off && i < l->len; i++)
		n += l->src[i] == '\n';
	return n;
}

/* A block (for ... end) is one statement, so it belongs to one part of one
 * step: a `#: step`, `#: exercise` or `#: answer` between its first line
 * and its end would split it, and is refused at the directive. */
static int check_spans(struct scan *c, const int *lines)
{
	const struct lr_lesson *l = c->l;

	for (size_t i = 0; i < l->nstmts; i++) {
		int first = lines[i], last = line_of(l, l->stmts[i]->end ? l->stmts[i]->end - 1 : 0);
		for (size_t j = 0; j < l->nsteps && last > first; j++) {
			int at[2] = { l->steps[j].line, c->answer_lines[j] };
			for (int k = 0; k < 2; k++) {
				if (at[k] <= first || at[k] > last)
					continue;
				char msg[200];
				snprintf(msg, sizeof msg, "this directive is inside the block that starts at "
				         "line %d: a block must end before the next step, exercise or "
				         "answer", first);
				c->line = at[k];
				c->line_off = line_start(l, at[k]);
				return fail_at(c, 1, msg);
			}
		}
	}
	return 0;
}

/* Gives each statement to the step whose lines hold it. */
static void assign(struct lr_lesson *l, const int *lines, const int *answer_lines)
{
	size_t j = 0;

	for (size_t i = 0; i < l->nstmts; i++) {
		int ln = lines[i];
		if (!l->nsteps || ln < l->steps[0].line) {
			l->nprologue = i + 1;
			continue;
		}
		while (j + 1 < l->nsteps && l->steps[j + 1].line < ln)
			j++;
		struct lr_lesson_step *st = &l->steps[j];
		if (answer_lines[j] && ln > answer_lines[j]) {
			if (!st->nans)
				st->ans_first = i;
			st->nans++;
		} else {
			if (!st->nshow)
				st->first = i;
			st->nshow++;
		}
	}
}

static void set_name(struct lr_lesson *l)
{
	const char *b = strrchr(l->path, '/');
	size_t n;

	b = b ? b + 1 : l->path;
	n = strlen(b);
	if (n > 3 && !strcmp(b + n - 3, ".lr"))
		n -= 3;
	l->name = lr_strndup(b, n);
	l->number = atoi(b);
}

struct lr_lesson *lr_lesson_load(const char *path, const struct lr_command *const *commands,
                                 struct lr_buf *err)
{
	struct lr_lesson *l = lr_calloc(1, sizeof *l);
	struct scan c;
	int *lines = NULL, rc = -1;

	if (!l || !(l->path = lr_strdup(path))) {
		lr_free(l);
		lr_buf_printf(err, "%s: error: out of memory\n", path);
		return NULL;
	}
	memset(&c, 0, sizeof c);
	c.l = l;
	c.err = err;
	lr_buf_init(&c.text);
	lr_buf_init(&c.answer);
	set_name(l);
	if (!l->name || !(l->src = read_file(path, &l->len, err)) || parse_all(l, commands, err, &lines) < 0)
		goto done;
	for (size_t i = 0; i <= l->len; ) {
		size_t e = i;
		while (e < l->len && l->src[e] != '\n')
			e++;
		c.line++;
		c.line_off = i;
		if (scan_line(&c, l->src + i, e - i) < 0)
			goto done;
		i = e + 1;
	}
	c.line++;
	if (end_step(&c) < 0)
		goto done;
	if (!l->nsteps) {
		lr_buf_printf(err, "%s:1:1: error: a lesson needs at least one '#: step' or "
		              "'#: exercise'\n", path);
		goto done;
	}
	if (!l->title && !(l->title = lr_strdup(l->name)))
		goto done;
	if (check_spans(&c, lines) < 0)
		goto done;
	assign(l, lines, c.answer_lines);
	rc = 0;
done:
	lr_buf_finish(&c.text);
	lr_buf_finish(&c.answer);
	lr_free(c.answer_lines);
	lr_free(lines);
	if (rc < 0) {
		lr_lesson_destroy(l);
		return NULL;
	}
	return l;
}

static void free_checks(struct lr_lesson_check *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		lr_free(v[k].lhs);
		lr_free(v[k].rhs);
		lr_free(v[k].tol);
		lr_free(v[k].message);
	}
	lr_free(v);
}

void lr_lesson_destroy(struct lr_lesson *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nsteps; i++) {
		struct lr_lesson_step *st = &l->steps[i];
		lr_free(st->text);
		lr_free(st->answer);
		for (size_t h = 0; h < st->nhints; h++)
			lr_free(st->hints[h]);
		lr_free(st->hints);
		free_checks(st->checks, st->nchecks);
		free_checks(st->claims, st->nclaims);
		for (size_t k = 0; k < st->nwrongs; k++)
			lr_free(st->wrongs[k]);
		lr_free(st->wrongs);
		lr_free(st->wrong_lines);
		for (size_t k = 0; k < st->nkeeps; k++)
			lr_free(st->keeps[k]);
		lr_free(st->keeps);
	}
	lr_free(l->steps);
	for (size_t i = 0; i < l->nstmts; i++)
		lr_stmt_destroy(l->stmts[i]);
	lr_free(l->stmts);
	lr_free(l->src);
	lr_free(l->title);
	lr_free(l->name);
	lr_free(l->path);
	lr_free(l);
}

/* ---- finding lessons ---- */

static int is_dir(const char *path)
{
	DIR *d = opendir(path);

	if (d)
		closedir(d);
	return d != NULL;
}

const char *lr_lesson_dir(void)
{
	const char *d = getenv("LOWRANK_LESSONS");

	if (d && *d)
		return d;
#ifdef LOWRANK_LESSONS_DIR
	if (is_dir(LOWRANK_LESSONS_DIR))
		return LOWRANK_LESSONS_DIR;
#endif
#ifdef LOWRANK_SOURCE_LESSONS
	if (is_dir(LOWRANK_SOURCE_LESSONS))
		return LOWRANK_SOURCE_LESSONS;
#endif
	return "lessons";
}

static int is_lesson_name(const char *n)
{
	size_t len = strlen(n);

	if (!(n[0] >= '0' && n[0] <= '9') || len < 4 || strcmp(n + len - 3, ".lr"))
		return 0;
	while (*n >= '0' && *n <= '9')
		n++;
	return *n == '-';
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **lr_lesson_list(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **list = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (!is_lesson_name(e->d_name))
			continue;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			char **v = lr_realloc(list, nc * sizeof *v);
			if (!v)
				break;
			list = v;
			cap = nc;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *p = lr_malloc(len);
		if (!p)
			break;
		snprintf(p, len, "%s/%s", dir, e->d_name);
		list[(*n)++] = p;
	}
	closedir(d);
	if (*n)
		qsort(list, *n, sizeof *list, by_str);
	if (!*n) {
		lr_free(list);
		list = NULL;
	}
	return list;
}

void lr_lesson_free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lr_free(list[i]);
	lr_free(list);
}
