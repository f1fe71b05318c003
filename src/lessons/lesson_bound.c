/* A time bound on code the lesson runs for itself: a check (or a claim)
 * may call the student's function, and --check plays wrong answers that
 * nobody is there to stop. While bounded, the session's output is replaced
 * by one that passes everything on to the front end's and answers "stop"
 * to the interpreter's polls (loops every 32 steps, calls every 32 calls,
 * long products between tiles) once the deadline has passed, as Ctrl-C
 * does. */
#include <time.h>
#include "lesson_impl.h"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void fwd_write(void *ctx, const char *s, size_t n)
{
	const struct lr_output *u = ((struct lr_lesson_bound *)ctx)->under;

	if (u && u->write)
		u->write(u->ctx, s, n);
}

static void fwd_event(void *ctx, const struct lr_event *ev)
{
	const struct lr_output *u = ((struct lr_lesson_bound *)ctx)->under;

	if (u && u->event)
		u->event(u->ctx, ev);
}

static void fwd_warn(void *ctx, const char *s, size_t n)
{
	const struct lr_output *u = ((struct lr_lesson_bound *)ctx)->under;

	if (u && u->warn)
		u->warn(u->ctx, s, n);
	else
		fwd_write(ctx, s, n);   /* as the interpreter does with no warn hook */
}

static int bound_interrupted(void *ctx)
{
	struct lr_lesson_bound *b = ctx;
	const struct lr_output *u = b->under;

	if (u && u->interrupted && u->interrupted(u->ctx)) {
		b->stopped = 1;
		return 1;
	}
	if (now() > b->deadline) {
		b->expired = 1;
		return 1;
	}
	return 0;
}

void lr_lesson_bound_enter(struct lr_session *s, struct lr_lesson_bound *b, double seconds)
{
	b->under = s->out;
	b->out = (struct lr_output){ b, fwd_write, fwd_event, bound_interrupted, fwd_warn };
	b->deadline = now() + seconds;
	b->expired = b->stopped = 0;
	s->out = &b->out;
}

void lr_lesson_bound_leave(struct lr_session *s, struct lr_lesson_bound *b)
{
	s->out = b->under;
}
