/* The check mode: see check.h. Plays a lesson with its reference answers:
 * every claim of a step must hold after the step (`#: claim`), every check
 * of an exercise must fail before its answer and hold after it, and every
 * wrong answer (`#: wrong`), played from a fresh copy of the lesson's state,
 * must fail. Writing to a FILE is a front end's, so this is here. */
#include "check.h"

#include <string.h>

#include "lowrank/buf.h"
#include "lesson.h"
#include "session.h"

struct checker {
	struct lr_session *s;
	struct lr_lesson *l;
	const struct lr_command *const *commands;
	FILE *err;
	int failures;
	size_t nwrong;          /* wrong answers refused */
};

static const struct lr_output quiet = { NULL, NULL, NULL, NULL, NULL };

/* Runs statements in check mode; a failure is reported with its place. */
static int check_run(struct checker *k, size_t first, size_t n)
{
	struct lr_error e;
	struct lr_buf b;

	if (lr_lesson_run(k->s, k->l, first, n, 0, &e) == 0)
		return 0;
	lr_buf_init(&b);
	lr_error_format(&b, k->l->path, k->l->src, k->l->len, &e);
	if (b.data)
		fputs(b.data, k->err);
	lr_buf_finish(&b);
	k->failures++;
	return -1;
}

/* The step's statements, then what it keeps. */
static int check_show(struct checker *k, const struct lr_lesson_step *st)
{
	struct lr_buf why;
	int rc;

	if (check_run(k, st->first, st->nshow) < 0)
		return -1;
	lr_buf_init(&why);
	rc = lr_lesson_keep(k->s, st, &why);
	if (rc < 0) {
		fprintf(k->err, "%s:%d: error: %s\n", k->l->path, st->line,
		        why.data ? why.data : "out of memory");
		k->failures++;
	}
	lr_buf_finish(&why);
	return rc;
}

static void check_claims(struct checker *k, const struct lr_lesson_step *st)
{
	struct lr_buf why;

	lr_buf_init(&why);
	for (size_t i = 0; i < st->nclaims; i++) {
		lr_buf_reset(&why);
		if (!lr_lesson_check_holds(k->s, &st->claims[i], &why)) {
			/* a claim that could not be evaluated says so, for its author */
			int failed = why.data && strstr(why.data, "does not hold yet") == NULL;
			fprintf(k->err, "%s:%d: error: the claim does not hold: %s%s%s%s\n", k->l->path,
			        st->claims[i].line, st->claims[i].lhs, failed ? " (" : "",
			        failed ? why.data : "", failed ? ")" : "");
			k->failures++;
		}
	}
	lr_buf_finish(&why);
}

/* A fresh session with the lesson played up to step `upto` shown: the
 * state a student is in when typing an answer to it. NULL on failure. */
static struct lr_session *fresh_state(struct checker *k, size_t upto)
{
	struct checker c = *k;

	if (!(c.s = lr_session_create_bare(&quiet)))
		return NULL;
	lr_session_set_commands(c.s, k->commands);
	c.failures = 0;
	if (check_run(&c, 0, k->l->nprologue) == 0)
		for (size_t i = 0; i <= upto && !c.failures; i++) {
			const struct lr_lesson_step *st = &k->l->steps[i];
			if (check_show(&c, st) == 0 && i < upto)
				check_run(&c, st->ans_first, st->nans);
		}
	if (c.failures) {
		k->failures++;
		lr_session_destroy(c.s);
		return NULL;
	}
	return c.s;
}

/* Plays wrong answer w of exercise `at`: it must run and must not pass. */
static void check_wrong(struct checker *k, size_t at, size_t w)
{
	const struct lr_lesson_step *st = &k->l->steps[at];
	struct lr_session *s = fresh_state(k, at);
	struct lr_buf why;

	if (!s)
		return;
	lr_buf_init(&why);
	if (lr_lesson_run_answer(s, st->wrongs[w], st->wrong_lines[w], &why) < 0) {
		fprintf(k->err, "%s:%d: error: the wrong answer raised an error, so it tests "
		        "nothing: %s\n", k->l->path, st->wrong_lines[w], why.data ? why.data : "");
		k->failures++;
	} else if (lr_buf_reset(&why), lr_lesson_step_holds(s, st, &why)) {
		fprintf(k->err, "%s:%d: error: the checks accept this wrong answer: %s\n",
		        k->l->path, st->wrong_lines[w], st->wrongs[w]);
		k->failures++;
	} else if (why.data && !strcmp(why.data, LR_LESSON_GENERIC_WHY)) {
		fprintf(k->err, "%s:%d: error: the checks refuse this wrong answer only by failing "
		        "on it, so the student reads no reason: put a check before that says what is "
		        "wrong: %s\n", k->l->path, st->wrong_lines[w], st->wrongs[w]);
		k->failures++;
	} else {
		k->nwrong++;
	}
	lr_buf_finish(&why);
	lr_session_destroy(s);
}

static void check_exercise(struct checker *k, size_t at)
{
	const struct lr_lesson_step *st = &k->l->steps[at];
	struct lr_buf why;

	lr_buf_init(&why);
	if (lr_lesson_step_holds(k->s, st, &why)) {
		fprintf(k->err, "%s:%d: error: the checks of this exercise hold before its answer "
		        "runs, so they cannot tell a right answer from none\n", k->l->path, st->line);
		k->failures++;
	}
	if (check_run(k, st->ans_first, st->nans) == 0) {
		for (size_t i = 0; i < st->nchecks; i++) {
			lr_buf_reset(&why);
			if (!lr_lesson_check_holds(k->s, &st->checks[i], &why)) {
				fprintf(k->err, "%s:%d: error: the check does not hold after the reference "
				        "answer: %s\n", k->l->path, st->checks[i].line,
				        why.data ? why.data : "out of memory");
				k->failures++;
			}
		}
		check_claims(k, st);
	}
	lr_buf_finish(&why);
	for (size_t w = 0; w < st->nwrongs; w++)
		check_wrong(k, at, w);
}

int lr_check_lesson_file(const char *path, FILE *out, FILE *err,
                         const struct lr_command *const *commands)
{
	struct checker k = { NULL, NULL, commands, err, 0, 0 };
	struct lr_buf msg;
	size_t nex = 0;

	lr_buf_init(&msg);
	k.l = lr_lesson_load(path, commands, &msg);
	if (!k.l) {
		fputs(msg.data ? msg.data : "out of memory\n", err);
		lr_buf_finish(&msg);
		return 1;
	}
	lr_buf_finish(&msg);
	if (!(k.s = lr_session_create_bare(&quiet))) {
		fprintf(err, "%s: error: out of memory\n", path);
		lr_lesson_destroy(k.l);
		return 1;
	}
	lr_session_set_commands(k.s, commands);
	if (check_run(&k, 0, k.l->nprologue) == 0) {
		for (size_t i = 0; i < k.l->nsteps; i++) {
			const struct lr_lesson_step *st = &k.l->steps[i];
			if (check_show(&k, st) < 0)
				break;
			if (st->exercise) {
				nex++;
				check_exercise(&k, i);
			} else {
				check_claims(&k, st);
			}
		}
	}
	if (!k.failures && out)
		fprintf(out, "%s: %zu step%s, %zu exercise%s, %zu wrong answer%s refused: every "
		        "check holds\n", path, k.l->nsteps, k.l->nsteps == 1 ? "" : "s", nex,
		        nex == 1 ? "" : "s", k.nwrong, k.nwrong == 1 ? "" : "s");
	lr_session_destroy(k.s);
	lr_lesson_destroy(k.l);
	return k.failures ? 1 : 0;
}
