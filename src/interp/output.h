/* How the interpreter talks to a front end: text for standard output, and
 * events (progress and results) for a panel. The interpreter never knows
 * whether it writes to a terminal. */
#ifndef LR_OUTPUT_H
#define LR_OUTPUT_H

#include <stddef.h>

struct lr_run;
struct lr_svd_run;

enum lr_event_kind {
	LR_EV_SGD_START,     /* run: the training about to start (no epochs yet) */
	LR_EV_SGD_EPOCH,     /* run: an epoch finished (called after every epoch) */
	LR_EV_SGD_DONE,      /* run: the training finished or was stopped; the run is kept */
	LR_EV_SVD_DONE,      /* svd: a truncated SVD was computed */
	LR_EV_LOSS,          /* the comparison was shown */
	LR_EV_VIEW,          /* view: the panel view was asked for (name) */
	LR_EV_VARS,          /* variables changed */
	LR_EV_CLEAR,         /* clc: the output area is to be cleared */
	LR_EV_LESSON,        /* lesson: a step was shown (name: the panel text), or the
	                        lesson ended (name NULL) */
	LR_EV_IMAGE,         /* imshow: a picture to show (lr_session_image gives it) */
	LR_EV_SGD_FAILED     /* run: the training started diverged, failed or was stopped
	                        before its first epoch ended; nothing is kept and the run
	                        is freed after this event (what was shown before stays) */
};

struct lr_run;           /* an SGD run kept by the session (see session.c) */
struct lr_svd_run;

struct lr_event {
	enum lr_event_kind kind;
	const struct lr_run *run;          /* borrowed, for the SGD events */
	const struct lr_svd_run *svd;      /* borrowed, for LR_EV_SVD_DONE */
	const char *name;                  /* borrowed: LR_EV_VIEW the view, LR_EV_LESSON the
	                                      step's text for the panel (NULL: lesson over) */
};

struct lr_output {
	void *ctx;
	/* Text meant for standard output. */
	void (*write)(void *ctx, const char *s, size_t n);
	/* Progress and results, for a panel; may be NULL. */
	void (*event)(void *ctx, const struct lr_event *ev);
	/* Polled during long work; nonzero stops it (Ctrl-C, Esc). May be NULL. */
	int (*interrupted)(void *ctx);
	/* Warnings ("warning: ...\n"), as Octave's go to standard error; NULL:
	 * written with write. */
	void (*warn)(void *ctx, const char *s, size_t n);
};

#endif
