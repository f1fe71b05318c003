/* Shared inside the lessons library: the lesson being played, and the
 * checks (lesson_check.c) that lesson.c's commands and --check both use. */
#ifndef LR_LESSON_IMPL_H
#define LR_LESSON_IMPL_H

#include "lesson.h"
#include "session_impl.h"

/* A variable the lesson kept (`#: keep`): its name and an owned copy. */
struct lr_kept {
	char *name;               /* owned */
	struct lr_value *v;       /* owned */
};

struct lr_lesson_state {
	struct lr_lesson *cur;   /* owned: the lesson being played, or NULL */
	size_t step;             /* 0-based step on screen */
	size_t hints;            /* hints of this step shown so far */
	int passed;              /* this exercise's checks held */
	int busy;                /* running a lesson's statements */
	int warned;              /* a failure to save was reported */
	struct lr_kept *kept;    /* owned: the lesson's own variables */
	size_t nkept;
};

/* The session's lesson state, made on first use; NULL when out of memory. */
struct lr_lesson_state *lr_lesson_state_get(struct lr_session *s);
/* Forgets the kept variables (a lesson starts or ends). */
void lr_lesson_forget_kept(struct lr_lesson_state *ls);

/* While a check runs, the names it binds over the student's: the kept
 * variables and the last run's settings (run_epochs, run_lr, run_rank,
 * run_seed, run_A, run_UV, run_loss, run_mask). saved[i] is the student's own value of
 * names[i] (owned), or NULL when there was none. */
#define LR_SCOPE_MAX 40
struct lr_lesson_scope {
	const char *names[LR_SCOPE_MAX];   /* borrowed */
	struct lr_value *saved[LR_SCOPE_MAX];
	size_t n;
};

/* Binds them (lesson_scope.c); -1 when out of memory (nothing bound).
 * leave puts the student's values back exactly. */
int lr_lesson_scope_enter(struct lr_session *s, struct lr_lesson_scope *sc);
void lr_lesson_scope_leave(struct lr_session *s, struct lr_lesson_scope *sc);

/* How long a check (or a claim) may run, and a wrong answer played by
 * --check: the student's function that a check calls, or an author's
 * runaway wrong answer, stops there instead of hanging the lesson. */
#define LR_LESSON_CHECK_SECONDS 5.0
#define LR_LESSON_ANSWER_SECONDS 10.0

/* A bound in force (lesson_bound.c): enter replaces the session's output
 * by b->out, which forwards to the one it replaced (borrowed) and stops the
 * running code once `seconds` have passed or the front end asks (Ctrl-C);
 * leave puts the output back. expired or stopped says which, if either. */
struct lr_lesson_bound {
	struct lr_output out;
	const struct lr_output *under;   /* borrowed; may be NULL */
	double deadline;                 /* monotonic clock, seconds */
	int expired, stopped;
};
void lr_lesson_bound_enter(struct lr_session *s, struct lr_lesson_bound *b, double seconds);
void lr_lesson_bound_leave(struct lr_session *s, struct lr_lesson_bound *b);

/* 1 if check c (or every check of st) holds now; 0 with the reason in why. */
int lr_lesson_check_eval(struct lr_session *s, const struct lr_lesson_check *c,
                         struct lr_buf *why);
int lr_lesson_step_eval(struct lr_session *s, const struct lr_lesson_step *st,
                        struct lr_buf *why);

#endif
