/* Lessons as language commands, so that batch mode and the terminal both
 * have them: `lessons`, `lesson N|NAME`, `lesson reset N|all`, `next`,
 * `back`, `hint`, `reveal`, `skip`, `check`. A lesson's statements run in
 * the student's own workspace; its checks are expressions evaluated there.
 * The check mode (`lowrank --check FILE`) is a front end's, in src/cli. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lesson_impl.h"
#include "run.h"

static void lesson_state_destroy(struct lr_lesson_state *st)
{
	if (!st)
		return;
	lr_lesson_destroy(st->cur);
	lr_lesson_forget_kept(st);
	lr_free(st);
}

static void say(struct lr_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct lr_session *s, const char *fmt, ...)
{
	struct lr_buf b;
	va_list ap;

	lr_buf_init(&b);
	va_start(ap, fmt);
	lr_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
}

/* ---- running a lesson's statements ---- */

/* A statement's text for echoing, src[from, to): without comment lines and
 * trailing blanks, its continuation lines indented under the first. */
static void stmt_text(struct lr_buf *b, const char *src, size_t from, size_t to)
{
	int first = 1;

	while (from < to) {
		size_t e = from, k = from;
		while (e < to && src[e] != '\n')
			e++;
		while (k < e && (src[k] == ' ' || src[k] == '\t'))
			k++;
		if (k < e && src[k] != '#' && src[k] != '%') {
			size_t z = e;
			while (z > from && (src[z - 1] == ' ' || src[z - 1] == '\t' ||
			                    src[z - 1] == '\r'))
				z--;
			if (!first)
				lr_buf_puts(b, "\n   ");
			lr_buf_add(b, src + from, z - from);
			first = 0;
		}
		from = e + 1;
	}
}

/* A piece of a lesson being run: where its text starts in the file, and
 * what stopped it. */
struct lesson_run {
	struct lr_session *s;
	size_t base;              /* offset in the lesson's text of the piece run */
	struct lr_error *e;       /* borrowed: the error, its place in the whole text */
	struct lr_pos quit;       /* the statement that asked to quit */
};

static void lesson_echo(void *ctx, const char *src, size_t from, size_t to)
{
	struct lesson_run *r = ctx;
	struct lr_buf b;

	lr_buf_init(&b);
	lr_buf_puts(&b, ">> ");
	stmt_text(&b, src, from, to);
	lr_buf_putc(&b, '\n');
	lr_write_buf(r->s, &b);
	lr_buf_finish(&b);
}

static void lesson_ran(void *ctx, const struct lr_stmt *st, int rc)
{
	struct lesson_run *r = ctx;

	if (rc > 0)
		r->quit = st->pos;
}

static int lesson_error(void *ctx, const char *name, const char *src, size_t len,
                        const struct lr_error *e)
{
	struct lesson_run *r = ctx;

	(void)name;
	(void)src;
	(void)len;
	*r->e = *e;
	r->e->pos.offset += r->base;
	return 0;
}

/* The folder of l's file into buf ("." for a bare name): a lesson's
 * imread('data/x.png') reads from beside the lesson, wherever the program
 * was started. */
static const char *lesson_dir(const struct lr_lesson *l, char *buf, size_t n)
{
	const char *slash = strrchr(l->path, '/');

	if (!slash)
		snprintf(buf, n, ".");
	else
		snprintf(buf, n, "%.*s", slash == l->path ? 1 : (int)(slash - l->path), l->path);
	return buf;
}

int lr_lesson_run(struct lr_session *s, const struct lr_lesson *l, size_t first, size_t n,
                  int echo, struct lr_error *e)
{
	char dir[4096];
	struct lesson_run r = { s, 0, e, { 0, 0, 0 } };
	const struct lr_run_hooks h = { &r, echo ? lesson_echo : NULL, lesson_ran, lesson_error,
	                                NULL };
	enum lr_run_result res;
	size_t end;

	if (n == 0)
		return 0;
	/* from the start of the first statement's line, so columns count as in the file */
	r.base = l->stmts[first]->pos.offset;
	while (r.base > 0 && l->src[r.base - 1] != '\n')
		r.base--;
	end = first + n < l->nstmts ? l->stmts[first + n]->pos.offset : l->len;
	s->sandbox++;   /* a lesson's own statements touch no file */
	s->data_dir = lesson_dir(l, dir, sizeof dir);   /* but read their own data */
	res = lr_session_run_text(s, l->path, l->src + r.base, end - r.base,
	                          l->stmts[first]->pos.line, &h);
	s->data_dir = NULL;
	s->sandbox--;
	if (res == LR_RUN_QUIT) {
		s->quit = 0;
		e->pos = r.quit;
		e->pos.offset += r.base;
		snprintf(e->msg, sizeof e->msg, "a lesson cannot quit");
	}
	return res == LR_RUN_OK || res == LR_RUN_RETURN ? 0 : -1;   /* return ends the text */
}

static int wrong_error(void *ctx, const char *name, const char *src, size_t len,
                       const struct lr_error *e)
{
	(void)name;
	(void)src;
	(void)len;
	lr_buf_printf(ctx, "%d:%d: %s", e->pos.line, e->pos.col, e->msg);
	return 0;
}

int lr_lesson_run_answer(struct lr_session *s, const char *text, int line, struct lr_buf *err)
{
	const struct lr_run_hooks h = { err, NULL, NULL, wrong_error, NULL };
	struct lr_lesson_bound b;
	enum lr_run_result res;

	s->sandbox++;
	lr_lesson_bound_enter(s, &b, LR_LESSON_ANSWER_SECONDS);
	res = lr_session_run_text(s, "answer", text, strlen(text), line, &h);
	lr_lesson_bound_leave(s, &b);
	s->sandbox--;
	if (b.expired) {   /* an endless loop in a wrong answer: say so, not "interrupted" */
		lr_buf_reset(err);
		lr_buf_printf(err, "it did not finish in %g s", LR_LESSON_ANSWER_SECONDS);
		return -1;
	}
	if (res == LR_RUN_QUIT) {
		s->quit = 0;
		lr_buf_puts(err, "a lesson cannot quit");
	}
	return res == LR_RUN_OK ? 0 : -1;
}

/* Runs statements [first, first+n) of l. echo: show each as ">> ...";
 * quiet: no output at all. On an error the session's error names the
 * lesson's file, line and column (at pos, the command that ran them). */
static int run_stmts(struct lr_session *s, struct lr_lesson *l, size_t first, size_t n,
                     int echo, int quiet, struct lr_pos pos)
{
	const struct lr_output *saved_out = s->out;
	struct lr_output q = { NULL, NULL, NULL, NULL, NULL };
	const char *saved_src = s->src;
	struct lr_error *saved_err = s->err, e;
	int rc;

	if (quiet) {
		if (saved_out) {
			q.ctx = saved_out->ctx;
			q.interrupted = saved_out->interrupted;
		}
		s->out = &q;
	}
	s->lesson->busy = 1;
	rc = lr_lesson_run(s, l, first, n, echo && !quiet, &e);
	s->src = saved_src;
	s->err = saved_err;
	if (rc < 0)
		lr_fail(s, pos, "%s:%d:%d: %s", l->path, e.pos.line, e.pos.col, e.msg);
	s->lesson->busy = 0;
	s->out = saved_out;
	return rc;
}

/* ---- progress ---- */

struct lr_lesson_state *lr_lesson_state_get(struct lr_session *s)
{
	if (!s->lesson) {
		s->lesson = lr_calloc(1, sizeof *s->lesson);
		s->lesson_destroy = lesson_state_destroy;
	}
	return s->lesson;
}

static void save(struct lr_session *s, const struct lr_lesson *l, long step, int done)
{
	struct lr_progress p;
	char why[300];

	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", l->name);
	p.step = step;
	p.done = done;
	if (lr_progress_put(&p, why, sizeof why) < 0 && !s->lesson->warned) {
		say(s, "note: lesson progress is not saved: %s\n", why);
		s->lesson->warned = 1;
	}
}

static int saved_record(const char *name, struct lr_progress *out)
{
	struct lr_progress *v;
	size_t n;
	int found = 0;

	if (lr_progress_load(&v, &n) < 0)
		return 0;
	for (size_t i = 0; i < n && !found; i++)
		if (!strcmp(v[i].name, name)) {
			*out = v[i];
			found = 1;
		}
	lr_free(v);
	return found;
}

/* ---- showing steps ---- */

static void heading(struct lr_buf *b, const struct lr_lesson *l, size_t step)
{
	const struct lr_lesson_step *st = &l->steps[step];

	if (l->number)
		lr_buf_printf(b, "Lesson %d: ", l->number);
	/* ", no skip" tells the student, and the panel, which leaves 'skip' out
	 * of the exercise's keys */
	lr_buf_printf(b, "%s (%s %zu of %zu%s) ==\n\n", l->title, st->exercise ? "exercise, step" :
	              "step", step + 1, l->nsteps,
	              st->exercise && (l->noskip || st->noskip) ? ", no skip" : "");
	if (st->text[0])
		lr_buf_printf(b, "%s\n", st->text);
}

static void emit_panel(struct lr_session *s, const char *text)
{
	struct lr_event ev = { LR_EV_LESSON, NULL, NULL, text };

	lr_emit(s, &ev);
}

/* Keeps the step's own variables (`#: keep`) for its checks. */
static int keep(struct lr_session *s, const struct lr_lesson *l,
                const struct lr_lesson_step *st, struct lr_pos pos)
{
	struct lr_buf why;
	int rc;

	lr_buf_init(&why);
	rc = lr_lesson_keep(s, st, &why);
	if (rc < 0)
		lr_fail(s, pos, "%s:%d: %s", l->path, st->line, why.data ? why.data : "out of memory");
	lr_buf_finish(&why);
	return rc;
}

/* Shows step i: its text, then runs its statements for the student to see. */
static int show_step(struct lr_session *s, struct lr_pos pos, size_t i)
{
	struct lr_lesson_state *ls = s->lesson;
	struct lr_lesson *l = ls->cur;
	const struct lr_lesson_step *st = &l->steps[i];
	struct lr_buf b;
	struct lr_progress rec;
	int done = saved_record(l->name, &rec) && rec.done;

	ls->step = i;
	ls->hints = 0;
	ls->passed = 0;
	save(s, l, (long)i + 1, done);
	lr_buf_init(&b);
	lr_buf_puts(&b, "\n== ");
	heading(&b, l, i);
	if (!b.failed)
		emit_panel(s, b.data + 4);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	if (run_stmts(s, l, st->first, st->nshow, 1, 0, pos) < 0 || keep(s, l, st, pos) < 0)
		return -1;
	if (st->exercise)
		say(s, "(your turn: type statements, then 'check'; %s if stuck)\n",
		    l->noskip || st->noskip ? "'hint' or 'reveal'" : "'hint', 'reveal' or 'skip'");
	else
		say(s, "(type 'next' to go on%s)\n", i ? ", 'back' to go back" : "");
	return 0;
}

/* Replays steps [0, upto) silently: what a resumed lesson needs in the
 * workspace (the reference answers stand in for the student's). */
static int replay(struct lr_session *s, struct lr_pos pos, size_t upto)
{
	struct lr_lesson *l = s->lesson->cur;

	if (run_stmts(s, l, 0, l->nprologue, 0, 1, pos) < 0)
		return -1;
	for (size_t i = 0; i < upto; i++) {
		const struct lr_lesson_step *st = &l->steps[i];
		if (run_stmts(s, l, st->first, st->nshow, 0, 1, pos) < 0 || keep(s, l, st, pos) < 0 ||
		    run_stmts(s, l, st->ans_first, st->nans, 0, 1, pos) < 0)
			return -1;
	}
	return 0;
}

static void finish(struct lr_session *s)
{
	struct lr_lesson_state *ls = s->lesson;
	struct lr_lesson *l = ls->cur;
	size_t n;
	char **list = lr_lesson_list(lr_lesson_dir(), &n);
	const char *next = NULL;

	save(s, l, 1, 1);
	say(s, "\nLesson %d (%s) is done: well done.\n", l->number, l->title);
	for (size_t i = 0; i < n && !next; i++)
		if (atoi(strrchr(list[i], '/') + 1) > l->number)
			next = strrchr(list[i], '/') + 1;
	if (next && l->number)
		say(s, "Next: 'lesson %d'; 'lessons' lists them all.\n", atoi(next));
	else
		say(s, "'lessons' lists them all.\n");
	lr_lesson_free_list(list, n);
	lr_lesson_destroy(ls->cur);
	ls->cur = NULL;
	lr_lesson_forget_kept(ls);
	emit_panel(s, NULL);
}

static int advance(struct lr_session *s, struct lr_pos pos)
{
	struct lr_lesson_state *ls = s->lesson;

	if (ls->step + 1 < ls->cur->nsteps)
		return show_step(s, pos, ls->step + 1);
	finish(s);
	return 0;
}

/* ---- finding a lesson ---- */

/* The path of the lesson a word names: a number, a name ("03-sgd" or
 * "sgd", or a unique prefix), or a path to a .lr file. */
static int find_lesson(struct lr_session *s, const struct lr_word *w, char **path)
{
	const char *dir = lr_lesson_dir(), *t = w->text;
	size_t n, hit = 0, nhits = 0, tl = strlen(t);
	char **list;
	int num = 1;

	if (strchr(t, '/') || (tl > 3 && !strcmp(t + tl - 3, ".lr"))) {
		*path = lr_strdup(t);
		return *path ? 0 : lr_fail(s, w->pos, "out of memory");
	}
	for (const char *p = t; *p; p++)
		num &= *p >= '0' && *p <= '9';
	list = lr_lesson_list(dir, &n);
	if (!list)
		return lr_fail(s, w->pos, "no lessons found in '%s' (set LOWRANK_LESSONS to the "
		               "folder of the lessons)", dir);
	for (size_t i = 0; i < n; i++) {
		const char *b = strrchr(list[i], '/') + 1, *rest = strchr(b, '-') + 1;
		size_t bl = strlen(b) - 3;
		int match = num ? atoi(b) == atoi(t) :
		            (!strncmp(b, t, tl) && tl <= bl) || !strncmp(rest, t, tl);
		int exact = !num && ((tl == bl && !strncmp(b, t, tl)) ||
		                     (tl == bl - (size_t)(rest - b) && !strncmp(rest, t, tl)));
		if (exact) {
			hit = i;
			nhits = 1;
			break;
		}
		if (match) {
			hit = i;
			nhits++;
		}
	}
	if (nhits == 1)
		*path = lr_strdup(list[hit]);
	lr_lesson_free_list(list, n);
	if (nhits == 0)
		return lr_fail(s, w->pos, "no lesson '%s' in '%s'; 'lessons' lists them", t, dir);
	if (nhits > 1)
		return lr_fail(s, w->pos, "'%s' names more than one lesson; 'lessons' lists them", t);
	return *path ? 0 : lr_fail(s, w->pos, "out of memory");
}

static struct lr_lesson *load_or_fail(struct lr_session *s, struct lr_pos pos, const char *path)
{
	struct lr_buf err;
	struct lr_lesson *l;

	lr_buf_init(&err);
	l = lr_lesson_load(path, s->commands, &err);
	if (!l) {
		char *nl = err.data ? strchr(err.data, '\n') : NULL, *e;
		if (nl)
			*nl = '\0';
		if (err.data && (e = strstr(err.data, ": error: ")) != NULL)  /* one "error:" */
			memmove(e + 2, e + 9, strlen(e + 9) + 1);
		lr_fail(s, pos, "cannot play the lesson: %s", err.data ? err.data : "out of memory");
	}
	lr_buf_finish(&err);
	return l;
}

/* ---- the commands ---- */

static int cmd_lessons(struct lr_session *s, const struct lr_stmt *st)
{
	const char *dir = lr_lesson_dir();
	size_t n, np = 0;
	char **list;
	struct lr_progress *recs = NULL;
	struct lr_buf b;

	if (st->nwords)
		return lr_fail(s, st->words[0].pos, "lessons: unexpected word '%s'; usage: lessons",
		               st->words[0].text);
	if (!(list = lr_lesson_list(dir, &n)))
		return lr_fail(s, st->name_pos, "no lessons found in '%s' (set LOWRANK_LESSONS to the "
		               "folder of the lessons)", dir);
	if (lr_progress_load(&recs, &np) < 0)
		np = 0;
	lr_buf_init(&b);
	lr_buf_printf(&b, "Lessons ('lesson N' starts or resumes one):\n");
	for (size_t i = 0; i < n; i++) {
		struct lr_buf err;
		struct lr_lesson *l;
		lr_buf_init(&err);
		l = lr_lesson_load(list[i], s->commands, &err);
		lr_buf_finish(&err);
		if (!l) {
			lr_buf_printf(&b, "     %-40s (cannot be read: 'lesson' shows why)\n", list[i]);
			continue;
		}
		const struct lr_progress *r = NULL;
		for (size_t k = 0; k < np; k++)
			if (!strcmp(recs[k].name, l->name))
				r = &recs[k];
		int playing = s->lesson && s->lesson->cur && !strcmp(s->lesson->cur->name, l->name);
		lr_buf_printf(&b, "  %c%2d  %-44s  ", playing ? '>' : ' ', l->number, l->title);
		if (r && r->done)
			lr_buf_puts(&b, "done\n");
		else if (r)
			lr_buf_printf(&b, "step %ld of %zu\n", r->step, l->nsteps);
		else
			lr_buf_printf(&b, "%zu steps\n", l->nsteps);
		lr_lesson_destroy(l);
	}
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	lr_free(recs);
	lr_lesson_free_list(list, n);
	return 0;
}

static int lesson_reset(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_lesson_state *ls = s->lesson;
	struct lr_progress p;
	struct lr_lesson *l = NULL;
	char why[300], *path = NULL;

	memset(&p, 0, sizeof p);
	if (strcmp(st->words[1].text, "all")) {
		if (find_lesson(s, &st->words[1], &path) < 0)
			return -1;
		l = load_or_fail(s, st->words[1].pos, path);
		lr_free(path);
		if (!l)
			return -1;
		snprintf(p.name, sizeof p.name, "%s", l->name);
	}
	if (lr_progress_put(&p, why, sizeof why) < 0) {
		lr_lesson_destroy(l);
		return lr_fail(s, st->name_pos, "lesson reset: %s", why);
	}
	int playing = ls->cur && (!l || !strcmp(ls->cur->name, l->name));
	if (l)
		say(s, "The progress of lesson %d (%s) is reset.\n", l->number, l->title);
	else
		say(s, "The progress of every lesson is reset.\n");
	lr_lesson_destroy(l);
	if (!playing)
		return 0;
	/* the lesson being played starts again, as 'lesson N' would start it */
	say(s, "Lesson %d (%s) starts again from step 1.\n", ls->cur->number, ls->cur->title);
	lr_lesson_forget_kept(ls);
	if (replay(s, st->name_pos, 0) < 0)
		return -1;
	return show_step(s, st->name_pos, 0);
}

static int cmd_lesson(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_lesson_state *ls = s->lesson;
	struct lr_lesson *l;
	struct lr_progress rec;
	char *path = NULL;
	size_t at = 0;

	if (st->nwords == 2 && !strcmp(st->words[0].text, "reset"))
		return lesson_reset(s, st);
	if (st->nwords > 1)
		return lr_fail(s, st->words[1].pos, "lesson: unexpected word '%s'; usage: lesson N|NAME "
		               "or lesson reset N|all", st->words[1].text);
	if (st->nwords == 0) {
		if (ls->cur)
			return show_step(s, st->name_pos, ls->step);
		return cmd_lessons(s, st);
	}
	if (find_lesson(s, &st->words[0], &path) < 0)
		return -1;
	l = load_or_fail(s, st->words[0].pos, path);
	lr_free(path);
	if (!l)
		return -1;
	if (ls->cur && !strcmp(ls->cur->path, l->path)) {
		lr_lesson_destroy(l);
		return show_step(s, st->name_pos, ls->step);
	}
	lr_lesson_destroy(ls->cur);
	lr_lesson_forget_kept(ls);
	ls->cur = l;
	if (saved_record(l->name, &rec) && !rec.done && rec.step > 1 &&
	    (size_t)rec.step <= l->nsteps)
		at = (size_t)rec.step - 1;
	if (at)
		say(s, "Resuming lesson %d at step %zu of %zu (the earlier steps ran quietly).\n",
		    l->number, at + 1, l->nsteps);
	if (replay(s, st->name_pos, at) < 0)
		return -1;
	return show_step(s, st->name_pos, at);
}

/* Moving through a lesson: next, back, hint, reveal, skip, check. */
static int cmd_move(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_lesson_state *ls = s->lesson;
	const struct lr_lesson_step *step;
	const char *w = st->name;
	struct lr_buf why;
	int ok;

	if (st->nwords)
		return lr_fail(s, st->words[0].pos, "%s: unexpected word '%s'; usage: %s", w,
		               st->words[0].text, w);
	if (!ls->cur)
		return lr_fail(s, st->name_pos, "%s: no lesson is being played; 'lessons' lists "
		               "them and 'lesson N' starts one", w);
	step = &ls->cur->steps[ls->step];
	if (!strcmp(w, "back")) {
		if (ls->step == 0) {
			say(s, "This is the first step.\n");
			return 0;
		}
		return show_step(s, st->name_pos, ls->step - 1);
	}
	if (!step->exercise) {
		if (!strcmp(w, "next") || !strcmp(w, "skip"))
			return advance(s, st->name_pos);
		say(s, "This step is not an exercise: nothing to %s. Type 'next' to go on.\n", w);
		return 0;
	}
	if (!strcmp(w, "hint")) {
		if (ls->hints < step->nhints) {
			ls->hints++;
			say(s, "Hint %zu of %zu: %s\n", ls->hints, step->nhints, step->hints[ls->hints - 1]);
		} else {
			say(s, "No more hints; 'reveal' shows the reference answer.\n");
		}
		return 0;
	}
	if (!strcmp(w, "reveal")) {
		struct lr_buf b;
		lr_buf_init(&b);
		lr_buf_puts(&b, "The reference answer (type it, or 'skip' to have it run):\n    ");
		for (const char *p = step->answer; *p; p++)
			lr_buf_puts(&b, *p == '\n' ? "\n    " : (char[2]){ *p, '\0' });
		lr_buf_putc(&b, '\n');
		lr_write_buf(s, &b);
		lr_buf_finish(&b);
		return 0;
	}
	if (!strcmp(w, "skip")) {
		if (ls->cur->noskip || step->noskip)
			return lr_fail(s, st->name_pos, "skip: this %s cannot be skipped; 'hint' and "
			               "'reveal' can help", ls->cur->noskip ? "lesson" : "exercise");
		say(s, "Skipped; the reference answer runs:\n");
		if (run_stmts(s, ls->cur, step->ans_first, step->nans, 1, 0, st->name_pos) < 0)
			return -1;
		return advance(s, st->name_pos);
	}
	/* check, next: next checks again, so an answer broken after 'check'
	 * said Correct does not finish the exercise */
	lr_buf_init(&why);
	ok = lr_lesson_step_eval(s, step, &why);
	if (!ok && ls->passed && !strcmp(w, "next"))
		say(s, "Your answer no longer passes.\n");
	if (!ok)
		say(s, "Not yet: %s\n", why.failed || !why.data ? "out of memory" : why.data);
	lr_buf_finish(&why);
	if (!ok)
		return 0;
	ls->passed = 1;
	if (!strcmp(w, "next")) {
		say(s, "Correct.\n");
		return advance(s, st->name_pos);
	}
	say(s, "Correct! Type 'next' to go on.\n");
	return 0;
}

/* Every lesson command: refused while the lesson's own statements run. */
static int run_lesson_command(struct lr_session *s, const struct lr_stmt *st)
{
	if (!lr_lesson_state_get(s))
		return lr_fail(s, st->name_pos, "out of memory");
	if (s->lesson->busy)
		return lr_fail(s, st->name_pos, "'%s' cannot be used inside a lesson", st->name);
	if (!strcmp(st->name, "lessons"))
		return cmd_lessons(s, st);
	if (!strcmp(st->name, "lesson"))
		return cmd_lesson(s, st);
	return cmd_move(s, st);
}

/* The lesson names ("matrices" of 01-matrices.lr), as `lesson` accepts them. */
static void complete_name(const char *prefix, lr_word_fn fn, void *ctx)
{
	size_t n = 0, pl = strlen(prefix);
	char **list = lr_lesson_list(lr_lesson_dir(), &n);

	for (size_t i = 0; i < n; i++) {
		char *b = strrchr(list[i], '/'), *name = b ? strchr(b, '-') : NULL;
		size_t len = name ? strlen(name + 1) : 0;
		if (len > 3 && !strcmp(name + 1 + len - 3, ".lr")) {
			name[1 + len - 3] = '\0';
			if (!strncmp(name + 1, prefix, pl))
				fn(ctx, name + 1);
		}
	}
	lr_lesson_free_list(list, n);
}

/* `lesson` completes with the lesson names, or `reset`; `lesson reset`
 * with the names or `all`. */
static int complete_lesson(size_t arg, const char *arg1, const char *prefix, lr_word_fn fn,
                           void *ctx)
{
	static const char *const reset[] = { "reset", NULL }, *const all[] = { "all", NULL };

	if (arg != 1 && (arg != 2 || strcmp(arg1, "reset")))
		return 0;
	for (size_t i = 0; (arg == 1 ? reset : all)[i]; i++)
		if (!strncmp((arg == 1 ? reset : all)[i], prefix, strlen(prefix)))
			fn(ctx, (arg == 1 ? reset : all)[i]);
	complete_name(prefix, fn, ctx);
	return 1;
}

/* `help lessons` and the help of each lesson command. */
static const char help_lessons[] =
"lessons              list the lessons with your progress\n"
"lesson N             start lesson N (or NAME), or resume it where you left it\n"
"next  back           the next step (an exercise is checked first), the previous one\n"
"check                check your answer to the exercise\n"
"hint                 the next hint, one at a time\n"
"reveal               show the reference answer\n"
"skip                 run the reference answer and go on (unless the lesson forbids it)\n"
"lesson reset N|all   forget the progress (the lesson being played starts again)\n"
"Progress is saved after every step; 'lowrank --lesson N' starts a lesson from the shell.\n";

const struct lr_command lr_lesson_commands[] = {
	{ "back", run_lesson_command, NULL, NULL, NULL, 0, NULL, "back",
	  "the previous step of the lesson", help_lessons },
	{ "check", run_lesson_command, NULL, NULL, NULL, 0, NULL, "check",
	  "check your answer to the exercise", help_lessons },
	{ "hint", run_lesson_command, NULL, NULL, NULL, 0, NULL, "hint",
	  "the next hint, one at a time", help_lessons },
	{ "lesson", run_lesson_command, NULL, NULL, NULL, 0, complete_lesson,
	  "lesson N   lesson reset N|all",
	  "start or resume a lesson; 'lesson reset' forgets progress", help_lessons },
	{ "lessons", run_lesson_command, NULL, NULL, NULL, 0, NULL, "lessons",
	  "list the lessons with your progress", help_lessons },
	{ "next", run_lesson_command, NULL, NULL, NULL, 0, NULL, "next",
	  "the next step (an exercise is checked first)", help_lessons },
	{ "reveal", run_lesson_command, NULL, NULL, NULL, 0, NULL, "reveal",
	  "show the reference answer", help_lessons },
	{ "skip", run_lesson_command, NULL, NULL, NULL, 0, NULL, "skip",
	  "run the reference answer and go on", help_lessons },
	{ NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL }
};

