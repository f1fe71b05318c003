/* The command tables of the commands layer: lr_base_commands (commands.c)
 * and lr_workspace_commands (workspace.c). The lessons hold their own
 * (lesson.h); the session a front end opens registers them all. */
#ifndef LR_COMMAND_TABLES_H
#define LR_COMMAND_TABLES_H

#include "command.h"

/* sgd, svd, loss, mask, unmask, explore, plot, format, who, clear, seed,
 * limit, view, help, quit, exit. */
extern const struct lr_command lr_base_commands[];
/* save and load. */
extern const struct lr_command lr_workspace_commands[];
/* print (printcmd.c). */
extern const struct lr_command lr_figure_commands[];
/* csvwrite, dlmwrite, csvread, loss_history (datafn.c). */
extern const struct lr_command lr_data_commands[];

#endif
