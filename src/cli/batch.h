/* Running a script in batch mode: statement by statement, errors to
 * stderr as FILE:LINE:COL with the line and a caret. A script read from a
 * file or a pipe is read a statement at a time, each run before the next
 * is read, so an endless stream runs in bounded memory and a statement over
 * the session's limit line is refused as soon as it passes it. */
#ifndef LR_BATCH_H
#define LR_BATCH_H

#include <stddef.h>
#include "run.h"
#include "session_open.h"

struct lr_batch_opts {
	int keep_going;   /* carry on after an error */
	int echo;         /* print each statement before its output */
	volatile int *interrupted;  /* set by SIGINT; may be NULL */
};

/* Runs a whole text (-e, --lesson); file names it in messages. */
enum lr_run_result lr_batch_run(struct lr_session *s, const char *file, const char *src,
                                  size_t len, const struct lr_batch_opts *o);

/* Runs the statements read from fd (not closed) until its end, quit, an
 * interrupt or an error (unless keep_going); *res says which. Returns 0, or
 * -1 when reading fails (errno set; the statements before it have run). */
int lr_batch_run_fd(struct lr_session *s, const char *file, int fd,
                    const struct lr_batch_opts *o, enum lr_run_result *res);

#endif
