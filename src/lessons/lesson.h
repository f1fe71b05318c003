/* Lessons: plain REPL scripts whose structure lives in `#:` comment
 * directives, so one file runs as a script, plays as a lesson and tests
 * itself. lesson_file.c reads the format, lesson_progress.c keeps the
 * student's progress, lesson.c holds the commands (lessons, lesson, next,
 * back, hint, reveal, skip, check) and what the check mode (src/cli) runs. */
#ifndef LR_LESSON_H
#define LR_LESSON_H

#include <stdio.h>
#include "lowrank/buf.h"
#include "ast.h"
#include "command.h"
#include "lr_error.h"

struct lr_session;
struct lr_output;

/* One check of an exercise: `#: check EXPR` (kind CHECK) or
 * `#: expect LHS < RHS`, `LHS > RHS`, `LHS ~ RHS [tol T]`. */
enum lr_check_kind { LR_CHECK_TRUE, LR_CHECK_LT, LR_CHECK_GT, LR_CHECK_NEAR };

struct lr_lesson_check {
	enum lr_check_kind kind;
	char *lhs;              /* owned: the expression (CHECK) or left side */
	char *rhs;              /* owned: right side, or NULL for CHECK */
	char *tol;              /* owned: tolerance expression, or NULL (default) */
	char *message;          /* owned: sprintf arguments of `#: message`, or NULL */
	int line;
};

/* A step: text to read, statements that show something; an exercise adds
 * checks, hints and a reference answer. */
struct lr_lesson_step {
	int exercise;           /* 1 for `#: exercise`, 0 for `#: step` */
	int noskip;             /* `#: noskip` inside the exercise */
	int line;               /* line of the directive */
	char *text;             /* owned: the `# ` lines, joined with newlines */
	size_t first, nshow;    /* statements run when the step is shown */
	size_t ans_first, nans; /* statements of the reference answer */
	char *answer;           /* owned: the answer's source lines, for `reveal` */
	char **hints;           /* owned, nhints owned strings */
	size_t nhints;
	struct lr_lesson_check *checks;  /* owned */
	size_t nchecks;
	/* `#: claim EXPR`: what the step's text says, true after its statements
	 * (an exercise's: after its reference answer); only --check reads them. */
	struct lr_lesson_check *claims;  /* owned */
	size_t nclaims;
	/* `#: wrong STATEMENTS`: answers the checks must refuse (--check plays
	 * each from a fresh copy of the lesson's state). */
	char **wrongs;          /* owned, nwrongs owned strings */
	int *wrong_lines;       /* owned: the line of each */
	size_t nwrongs;
	/* `#: keep NAMES`: the lesson's own variables, copied after the step's
	 * statements run; checks read the copies, not the student's. */
	char **keeps;           /* owned, nkeeps owned strings */
	size_t nkeeps;
};

struct lr_lesson {
	char *path;             /* owned: the file as it was opened */
	char *name;             /* owned: base name without ".lr", e.g. "03-sgd" */
	char *title;            /* owned: `#: title`, or the name */
	int number;             /* leading number of the name, or 0 */
	int noskip;             /* `#: noskip` before the first step */
	char *src;              /* owned: the whole file, NUL-terminated */
	size_t len;
	struct lr_stmt **stmts; /* owned: every statement of the file, in order */
	size_t nstmts;
	size_t nprologue;       /* statements before the first step (run silently) */
	struct lr_lesson_step *steps;  /* owned */
	size_t nsteps;
};

/* Reads and parses a lesson. Returns NULL with "FILE:LINE:COL: error: ..."
 * (and the source line) in err when the file cannot be read, a statement
 * does not parse, or a directive is wrong. Its statements are parsed with
 * the command words of commands (a session's tables, command.h). */
struct lr_lesson *lr_lesson_load(const char *path, const struct lr_command *const *commands,
                                 struct lr_buf *err);
void lr_lesson_destroy(struct lr_lesson *l);

/* The folder of lessons: $LOWRANK_LESSONS, else the installed folder
 * LOWRANK_LESSONS_DIR if it exists, else the source tree's
 * LOWRANK_SOURCE_LESSONS if it exists (both given at build time), else
 * "lessons". */
const char *lr_lesson_dir(void);

/* The lesson files of dir ("NN-name.lr"), sorted; *n set. Returns an owned
 * array of owned paths (free with lr_lesson_free_list), NULL with *n = 0 if
 * there are none or the folder cannot be read. */
char **lr_lesson_list(const char *dir, size_t *n);
void lr_lesson_free_list(char **list, size_t n);

/* Progress (lesson_progress.c): one record per lesson name. step is the
 * 1-based step the student is on; done is 1 once the lesson was finished.
 * Stored in $XDG_STATE_HOME/lowrank/progress (or ~/.local/state/...). */
struct lr_progress {
	char name[64];
	long step;
	int done;
};

/* Reads the records (owned array, lr_free) into *out; 0 records when there
 * is no file. Returns -1 only when out of memory. */
int lr_progress_load(struct lr_progress **out, size_t *n);
/* Replaces the record of p->name (p->step 0 removes it; name NULL or "" with
 * step 0 removes all). Writes a temporary file, fsyncs and renames it, so a
 * crash leaves the old file. Returns 0, or -1 with a reason in why. */
int lr_progress_put(const struct lr_progress *p, char *why, size_t nwhy);

/* Runs statements [first, first + n) of l in s as a lesson runs them
 * (through lr_session_run_text): touching no file, and a statement that
 * asks to quit is an error ("a lesson cannot quit"). echo: show each as
 * ">> ..." on s's output. Returns 0, or -1 at the first error with *e
 * filled, its place counted in l->src. */
int lr_lesson_run(struct lr_session *s, const struct lr_lesson *l, size_t first, size_t n,
                  int echo, struct lr_error *e);

/* Runs text (a wrong answer's statements, its first line numbered line) in
 * s as a student's would run during a lesson: touching no file, and
 * stopped after LR_LESSON_ANSWER_SECONDS (lesson_impl.h). Returns 0, or -1
 * with "LINE:COL: message" of the first error (or "it did not finish in
 * N s") in err. */
int lr_lesson_run_answer(struct lr_session *s, const char *text, int line, struct lr_buf *err);

/* The reason a check gives when its own expression failed on the
 * student's variables (never the error itself: the student did not type
 * it). --check refuses a wrong answer that only this line refuses. */
#define LR_LESSON_GENERIC_WHY "your answer cannot be checked as it is: a variable the " \
	"exercise asks for has a shape, size or value it cannot have (read the exercise " \
	"again, or type 'hint')"

/* Whether check c, or every check of step st, holds in s now; if not, the
 * reason (of the first that does not) is in why. */
int lr_lesson_check_holds(struct lr_session *s, const struct lr_lesson_check *c,
                          struct lr_buf *why);
int lr_lesson_step_holds(struct lr_session *s, const struct lr_lesson_step *st,
                         struct lr_buf *why);

/* Copies the variables st keeps (`#: keep`) into s's lesson state, where
 * checks find them; what a step does after its statements ran. Returns 0,
 * or -1 with the reason in why (a kept name that is not a variable). */
int lr_lesson_keep(struct lr_session *s, const struct lr_lesson_step *st, struct lr_buf *why);

/* The lesson commands: lessons, lesson, next, back, check, hint, reveal,
 * skip (lesson.c). */
extern const struct lr_command lr_lesson_commands[];

#endif
