/* Saving and loading the workspace (workspace.c): what a front end needs. */
#ifndef LR_WORKSPACE_H
#define LR_WORKSPACE_H

/* Removes the temporary file a `save` is writing (FILE.tmpPID.N), if one
 * is: for a handler of a signal that ends the program (SIGTERM, SIGHUP),
 * which calls it before dying. Async-signal-safe. */
void lr_save_abandon(void);

#endif
