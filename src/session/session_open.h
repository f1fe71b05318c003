/* The session a front end opens: the interpreter's session with every
 * command table registered (session_open.c). */
#ifndef LR_SESSION_OPEN_H
#define LR_SESSION_OPEN_H

#include "command.h"
#include "session.h"

/* A new session writing to out (borrowed; must outlive the session), with
 * every command (lr_command_tables), or NULL when out of memory
 */
struct lr_session *lr_session_create(const struct lr_output *out);
/* 1 if name is a command word (sgd, svd, loss, help, ...) of
 * lr_command_tables: what a front end gives the parser (session_open.c). */
int lr_is_command(const char *name);
/* Every command table, NULL-terminated (command.h). */
extern const struct lr_command *const lr_command_tables[];

#endif
