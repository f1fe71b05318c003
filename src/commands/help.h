/* The text of `help` and `help TOPIC`, the same facts as README.md. */
#ifndef LR_HELP_H
#define LR_HELP_H

#include "lowrank/buf.h"
#include "command.h"

/* Appends the help for topic (NULL: the overview). -1 if there is no such
 * topic. A topic is a help section, a command of tables (command.h) or a
 * function name. */
int lr_help(struct lr_buf *out, const struct lr_command *const *tables, const char *topic);

/* The texts the command entries point at (help.c). */
extern const char lr_help_overview[], lr_help_sgd[], lr_help_svd[], lr_help_explore[],
	lr_help_loss[], lr_help_mask[], lr_help_plot[], lr_help_commands[], lr_help_limit[],
	lr_help_save[], lr_help_svds[];
/* help_control.c: if, for, while, do, switch, try, error, warning, ... */
extern const char lr_help_control[];
/* help_control.c: tic, toc, clc, exist, class, isa. */
extern const char lr_help_clock[];
/* help_functions.c: function, addpath, rmpath, nargin, nargout. */
extern const char lr_help_user_functions[];
extern const char lr_help_handles[];
extern const char lr_help_cells[];

#endif
