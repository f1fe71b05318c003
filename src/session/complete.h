/* Tab completion for the front ends (complete.c). */
#ifndef LR_COMPLETE_H
#define LR_COMPLETE_H

#include <stddef.h>

struct lr_session;

/* Tab completion of the word at byte start of line, of which prefix has been
 * typed: calls fn for each word that may stand there and starts with prefix.
 * After `view` the view names, after `lesson` the lesson names, after
 * `format` short and long; after `update=`, `order=`, `method=` their
 * values; else variables, functions and commands, and the options (with
 * their '=') of `sgd` from its third word on, of `svd` and `explore` too. */
void lr_session_complete(const struct lr_session *s, const char *line, size_t start,
                         const char *prefix, void (*fn)(void *ctx, const char *word),
                         void *ctx);

#endif
