/* Commands that live in their own files: the lessons (lesson.c) and saving
 * and loading the workspace (workspace.c). commands.c asks each in turn. */
#ifndef LR_EXTRA_H
#define LR_EXTRA_H

#include "session_impl.h"

/* 1 if name is a command of that file. */
int lr_lesson_is_command(const char *name);
int lr_workspace_is_command(const char *name);
/* Runs the command (0 or -1 with the session's error set). */
int lr_lesson_command(struct lr_session *s, const struct lr_stmt *st);
int lr_workspace_command(struct lr_session *s, const struct lr_stmt *st);

#endif
