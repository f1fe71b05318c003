/* The interactive front end (src/tui): GNU Readline at the prompt inside an
 * ncurses screen with a panel above it. Returns the exit status. */
#ifndef LR_FRONTEND_H
#define LR_FRONTEND_H

int lr_frontend_interactive(const int *width, int ascii);

#endif
