/* The check mode (`lowrank --check FILE...`): a front end that plays a
 * lesson with its reference answers and reports to FILE streams. */
#ifndef LR_CHECK_H
#define LR_CHECK_H

#include <stdio.h>
#include "command.h"

/* Runs the lesson at path with its reference answers in a fresh session and
 * evaluates every check after its answer; writes "FILE:LINE: ..." to err for
 * each failure (a statement error, a check that does not hold, or an
 * exercise whose checks already hold before its answer runs). Writes a
 * one-line summary to out (may be NULL). Returns 0 if all is well, else 1.
 * The fresh session is given the command tables commands (command.h). */
int lr_check_lesson_file(const char *path, FILE *out, FILE *err,
                         const struct lr_command *const *commands);

#endif
