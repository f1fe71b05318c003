/* The check mode: see check.h. Moved here from the lessons, which now only
 * run statements and evaluate checks; writing to a FILE is a front end's. */
#include "check.h"

#include "lowrank/buf.h"
#include "lesson.h"
#include "session.h"

struct checker {
	struct lr_session *s;
	struct lr_lesson *l;
	FILE *err;
	int failures;
};

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

static void check_exercise(struct checker *k, const struct lr_lesson_step *st)
{
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
	}
	lr_buf_finish(&why);
}

int lr_check_lesson_file(const char *path, FILE *out, FILE *err,
                         const struct lr_command *const *commands)
{
	static const struct lr_output quiet = { NULL, NULL, NULL, NULL, NULL };
	struct checker k = { NULL, NULL, err, 0 };
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
			if (check_run(&k, st->first, st->nshow) < 0)
				break;
			if (st->exercise) {
				nex++;
				check_exercise(&k, st);
			}
		}
	}
	if (!k.failures && out)
		fprintf(out, "%s: %zu step%s, %zu exercise%s: every check holds\n", path,
		        k.l->nsteps, k.l->nsteps == 1 ? "" : "s", nex, nex == 1 ? "" : "s");
	lr_session_destroy(k.s);
	lr_lesson_destroy(k.l);
	return k.failures ? 1 : 0;
}
