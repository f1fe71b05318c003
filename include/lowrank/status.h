/* Status codes returned by every fallible call of the numeric core.
 * The core never prints or exits: it returns one of these and the caller
 * (the language) turns it into a message with a position. */
#ifndef LOWRANK_STATUS_H
#define LOWRANK_STATUS_H

enum lr_status {
	LR_OK = 0,
	LR_ERR_NOMEM,     /* an allocation failed */
	LR_ERR_SHAPE,     /* operand shapes do not agree */
	LR_ERR_RANK,      /* rank 0 or above min(m, n) */
	LR_ERR_ARG,       /* an argument out of its domain (epochs <= 0, lr <= 0 or not finite, ...) */
	LR_ERR_MASK,      /* the mask has the wrong shape, or hides every entry */
	LR_ERR_NONFINITE, /* an infinite entry in the data */
	LR_ERR_DIVERGED,  /* the loss became non-finite; the result names the epoch */
	LR_ERR_LAPACK,    /* LAPACK failed to converge or reported an illegal argument */
	LR_ERR_TOO_BIG,   /* the request exceeds a configured limit */
	LR_ERR_SINGULAR,  /* the matrix is singular to machine precision (rcond < eps) */
	LR_ERR_STOPPED    /* the caller's poll asked to stop; nothing was produced */
};

/* A short English phrase for a status, e.g. "out of memory". Never NULL. */
const char *lr_status_str(enum lr_status st);

#endif
