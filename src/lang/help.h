/* The text of `help` and `help TOPIC`, the same facts as README.md. */
#ifndef LR_HELP_H
#define LR_HELP_H

#include "lowrank/buf.h"

/* Appends the help for topic (NULL: the overview). -1 if there is no such
 * topic. A topic is a help section, a command or a function name. */
int lr_help(struct lr_buf *out, const char *topic);

#endif
