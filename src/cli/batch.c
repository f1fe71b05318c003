/* Batch mode: see batch.h. */
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "limit.h"
#include "lexer.h"
#include "run.h"

static int report(void *ctx, const char *file, const char *src, size_t len,
                  const struct lr_error *e);

static void show_error(const char *file, const char *src, size_t len, const struct lr_error *e)
{
	struct lr_buf b;

	fflush(stdout);   /* keep errors in order with the output before them */
	lr_buf_init(&b);
	lr_error_format(&b, file, src, len, e);
	if (!b.failed && b.data)
		fputs(b.data, stderr);
	lr_buf_finish(&b);
}

static void echo(void *ctx, const char *src, size_t from, size_t to)
{
	(void)ctx;
	while (to > from && (src[to - 1] == '\n' || src[to - 1] == ' ' || src[to - 1] == '\t' ||
	                     src[to - 1] == '\r'))
		to--;
	printf(">> %.*s\n", (int)(to - from), src + from);
}

/* A run in progress: its result so far. */
struct runner {
	struct lr_session *s;
	const char *file;
	const struct lr_batch_opts *o;
	enum lr_run_result res;
};

static int report(void *ctx, const char *file, const char *src, size_t len,
                  const struct lr_error *e)
{
	struct runner *r = ctx;

	show_error(file, src, len, e);
	r->res = LR_RUN_ERRORS;   /* kept even if a return ends the text after it */
	return r->o->keep_going;
}

static int interrupted(void *ctx)
{
	const struct runner *r = ctx;

	return r->o->interrupted && *r->o->interrupted;
}

/* Runs the statements of src[0, len), whose first line is numbered
 * first_line in the script. Returns 1 when the run must stop (quit, an
 * interrupt, or an error without keep_going), else 0. */
static int run_text(struct runner *r, const char *src, size_t len, int first_line)
{
	const struct lr_run_hooks h = { r, r->o->echo ? echo : NULL, NULL, report, interrupted };
	enum lr_run_result res = lr_session_run_text(r->s, r->file, src, len, first_line, &h);

	if (res == LR_RUN_RETURN)   /* return: the script ends here, as in Octave */
		return 1;
	if (res != LR_RUN_OK)
		r->res = res;
	return res == LR_RUN_QUIT || res == LR_RUN_INTERRUPTED ||
	       (res == LR_RUN_ERRORS && !r->o->keep_going);
}

enum lr_run_result lr_batch_run(struct lr_session *s, const char *file, const char *src,
                                size_t len, const struct lr_batch_opts *o)
{
	struct runner r = { s, file, o, LR_RUN_OK };

	run_text(&r, src, len, 1);
	return r.res;
}

/* ---- reading a stream statement by statement ---- */

#define READ_SIZE 65536

/* The input held: buf[start, len) read and not yet run. The statement
 * being gathered begins at start and has been scanned up to scanned. */
struct reader {
	int fd;
	char *buf;                  /* owned */
	size_t start, len, cap, scanned;
	int line;                   /* the number of the statement's first line */
	int eof, first;
	struct lr_lex_scan sc;
};

/* Line numbers stop growing here, so that those of a statement (at most
 * LR_LIMIT_LINE_MAX bytes, so as many lines) still fit an int: an endless
 * stream would pass INT_MAX lines in about an hour. */
#define LINE_CAP (INT_MAX - (int)LR_LIMIT_LINE_MAX)

static void add_lines(struct reader *rd, size_t k)
{
	rd->line = k >= (size_t)(LINE_CAP - rd->line) ? LINE_CAP : rd->line + (int)k;
}

static size_t count_lines(const char *s, size_t n)
{
	size_t k = 0;
	const char *e = s + n;

	while (s < e && (s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

/* Reads what is there (up to READ_SIZE bytes, waiting only when nothing
 * is), first moving what is held to the front; -1 on an error (errno set).
 * A UTF-8 byte order mark at the start of the script (as some Windows
 * editors write) is dropped, as Octave does. */
static int fill(struct reader *rd, volatile int *interrupted)
{
	ssize_t n;

	if (rd->start > 0) {
		memmove(rd->buf, rd->buf + rd->start, rd->len - rd->start);
		rd->len -= rd->start;
		rd->scanned -= rd->start;
		rd->start = 0;
	}
	if (rd->cap - rd->len < READ_SIZE) {
		size_t cap = rd->cap ? rd->cap * 2 : READ_SIZE * 2;
		char *nb;
		while (cap - rd->len < READ_SIZE)
			cap *= 2;
		nb = lr_realloc(rd->buf, cap);
		if (!nb) {
			errno = ENOMEM;
			return -1;
		}
		rd->buf = nb;
		rd->cap = cap;
	}
	/* What the statements run so far printed is out before the program
	 * waits for more of its input: another program may be reading it to
	 * decide what to write next. */
	fflush(stdout);
	do
		n = read(rd->fd, rd->buf + rd->len, READ_SIZE);
	while (n < 0 && errno == EINTR && !(interrupted && *interrupted));
	if (n < 0)
		return interrupted && *interrupted ? 0 : -1;
	if (n == 0)
		rd->eof = 1;
	rd->len += (size_t)n;
	if (rd->first) {
		/* decided once the bytes held can no longer be the start of one */
		size_t k = rd->len < 3 ? rd->len : 3;
		if (rd->len >= 3 || rd->eof || memcmp(rd->buf, "\xEF\xBB\xBF", k) != 0) {
			rd->first = 0;
			if (rd->len >= 3 && !memcmp(rd->buf, "\xEF\xBB\xBF", 3)) {
				rd->len -= 3;
				memmove(rd->buf, rd->buf + 3, rd->len);
			}
		}
	}
	return 0;
}

/* The statement at start: how many bytes it takes, 0 if more must be read
 * first (or the input has ended with nothing), or (size_t)-1 if it has
 * grown over max bytes. It ends at the end of a line where no bracket is
 * open and no "..." goes on. */
static size_t next_statement(struct reader *rd, double max)
{
	if (rd->first && !rd->eof)
		return 0;   /* a byte order mark may be arriving */
	while (rd->scanned < rd->len) {
		const char *nl = memchr(rd->buf + rd->scanned, '\n', rd->len - rd->scanned);
		size_t end = nl ? (size_t)(nl - rd->buf) + 1 : rd->len;
		if ((double)(end - rd->start) > max)
			return (size_t)-1;
		if (!nl && !rd->eof)
			break;
		rd->scanned = end;
		if (!lr_lex_scan_more(&rd->sc, rd->buf + rd->start, end - rd->start) || !nl)
			return end - rd->start;
	}
	if ((double)(rd->len - rd->start) > max)
		return (size_t)-1;
	return rd->eof ? rd->len - rd->start : 0;
}

/* Drops the n bytes at start (a statement run or refused). */
static void consume(struct reader *rd, size_t n, int max_depth)
{
	add_lines(rd, count_lines(rd->buf + rd->start, n));
	rd->start += n;
	rd->scanned = rd->start;
	lr_lex_scan_init(&rd->sc, max_depth);
}

/* Refuses the statement at start for its length, and drops it up to the
 * end of the line where it passed the limit (reading on to find it) so
 * that keep_going can carry on after it. */
static int too_long(struct runner *r, struct reader *rd, double max)
{
	struct lr_error err;
	size_t held = rd->len - rd->start;

	memset(&err, 0, sizeof err);
	err.pos.line = rd->line;
	err.pos.col = 1;
	lr_limit_msg(err.msg, sizeof err.msg, LR_LIMIT_LINE, max, "the statement is too long");
	show_error(r->file, rd->buf + rd->start, held < 200 ? held : 200, &err);
	r->res = LR_RUN_ERRORS;
	if (!r->o->keep_going)
		return 1;
	for (;;) {
		size_t from = (size_t)max < rd->len - rd->start ? rd->start + (size_t)max : rd->start;
		const char *nl = memchr(rd->buf + from, '\n', rd->len - from);
		if (nl) {
			consume(rd, (size_t)(nl - rd->buf) + 1 - rd->start,
			        lr_session_limits(r->s)->max_depth);
			return 0;
		}
		add_lines(rd, count_lines(rd->buf + rd->start, rd->len - rd->start));
		rd->start = rd->scanned = rd->len;
		if (rd->eof)
			return 0;
		if (fill(rd, r->o->interrupted) < 0)
			return -1;
	}
}

int lr_batch_run_fd(struct lr_session *s, const char *file, int fd,
                    const struct lr_batch_opts *o, enum lr_run_result *res)
{
	struct runner r = { s, file, o, LR_RUN_OK };
	struct reader rd;
	int rc = 0;

	memset(&rd, 0, sizeof rd);
	rd.fd = fd;
	rd.line = 1;
	rd.first = 1;
	lr_lex_scan_init(&rd.sc, lr_session_limits(s)->max_depth);
	for (;;) {
		double max = lr_session_limits(s)->max_line;
		size_t n = next_statement(&rd, max);
		if (o->interrupted && *o->interrupted) {
			r.res = LR_RUN_INTERRUPTED;
			break;
		}
		if (n == (size_t)-1) {
			rc = too_long(&r, &rd, max);
			if (rc != 0)
				break;
		} else if (n > 0) {
			/* The statement runs in place: the buffer is not touched meanwhile. */
			if (run_text(&r, rd.buf + rd.start, n, rd.line))
				break;
			consume(&rd, n, lr_session_limits(s)->max_depth);
		} else if (rd.eof) {
			break;
		} else if (fill(&rd, o->interrupted) < 0) {
			rc = -1;
			break;
		}
	}
	lr_free(rd.buf);
	*res = r.res;
	return rc < 0 ? -1 : 0;
}
