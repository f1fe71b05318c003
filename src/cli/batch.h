/* Running a whole script in batch mode: statement by statement, errors to
 * stderr as FILE:LINE:COL with the line and a caret. */
#ifndef LR_BATCH_H
#define LR_BATCH_H

#include <stddef.h>
#include "session.h"

struct lr_batch_opts {
	int keep_going;   /* carry on after an error */
	int echo;         /* print each statement before its output */
	volatile int *interrupted;  /* set by SIGINT; may be NULL */
};

/* Result of running a text. */
enum lr_batch_result { LR_BATCH_OK, LR_BATCH_ERRORS, LR_BATCH_QUIT, LR_BATCH_INTERRUPTED };

enum lr_batch_result lr_batch_run(struct lr_session *s, const char *file, const char *src,
                                  size_t len, const struct lr_batch_opts *o);

#endif
