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

/* 1 if check c (or every check of st) holds now; 0 with the reason in why. */
int lr_lesson_check_eval(struct lr_session *s, const struct lr_lesson_check *c,
                         struct lr_buf *why);
int lr_lesson_step_eval(struct lr_session *s, const struct lr_lesson_step *st,
                        struct lr_buf *why);

#endif
