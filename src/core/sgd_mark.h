/* Private to the core and its benchmark: lr_sgd_run with a hook called at
 * the phase boundaries of every epoch, so a benchmark can time the updates
 * and the loss pass apart without the core reading a clock, and the tests
 * can run the portable kernels on a machine that has AVX2. */
#ifndef LOWRANK_SGD_MARK_H
#define LOWRANK_SGD_MARK_H

#include "lowrank/sgd.h"

enum lr_sgd_phase {
	LR_SGD_EPOCH_START,   /* before the shuffle (if any) */
	LR_SGD_UPDATES_DONE,  /* after the epoch's updates, before the loss pass */
	LR_SGD_LOSS_DONE      /* after the loss (and hidden loss) pass */
};

/* Called at each phase boundary; ctx is borrowed. */
typedef void (*lr_sgd_mark_fn)(void *ctx, enum lr_sgd_phase phase);

struct lr_sgd_hooks {
	lr_sgd_mark_fn mark;   /* may be NULL */
	void *ctx;             /* borrowed, handed to mark */
	int portable;          /* 1: the portable kernels even where AVX2 ones would run */
	int list;              /* 1: the list of entries even where the kernels could walk
	                          A itself (every entry observed, in row order), so a test
	                          can show both give the same bits */
};

/* Exactly lr_sgd_run, with the hooks above (h may be NULL). */
enum lr_status lr_sgd_run_hooked(const struct lr_matrix *A, const struct lr_sgd_options *o,
                                 struct lr_sgd_result *res, const struct lr_sgd_hooks *h);

#endif
