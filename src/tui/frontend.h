/* The interactive front end, which the program (src/cli) calls: GNU
 * Readline at the prompt inside an ncurses screen with a panel above it.
 * Here in src/tui, so that src/cli uses src/tui and not the other way. */
#ifndef LR_FRONTEND_H
#define LR_FRONTEND_H

/* ascii: draw with ASCII characters only (also when the locale is not UTF-8).
 * first: a statement run at the start as if typed (e.g. "lesson 3"), or NULL.
 * demo: a script to play one statement per key press (--demo), or NULL; 2
 * (with a message on stderr) when it cannot be read or parsed. */
/* limits: LR_LIMIT_COUNT values (limit.h) for the session, 0 for the
 * default, or NULL; valid ones (main checks them). */
int lr_frontend_interactive(int ascii, const char *first, const char *demo,
                            const double *limits);

#endif
