/* Reading the files of `load` (workspace.c holds the format's description):
 * a line reader that knows where it is, for `FILE:LINE: expected ...`
 * messages, the workspace parser (workspace_read.c) and the CSV and
 * MatrixMarket importers (workspace_import.c). Private to these files. */
#ifndef LR_WORKSPACE_IO_H
#define LR_WORKSPACE_IO_H

#include <stdio.h>
#include "session_impl.h"

#define LR_WS_HEADER "lowrank workspace 1"

/* A text file read one line at a time. Errors go to the session through
 * lr_ws_bad, pointing at the word that named the file. */
struct lr_ws_in {
	struct lr_session *s;   /* borrowed */
	struct lr_pos pos;      /* the file word, where every error points */
	const char *file;       /* borrowed: the name as the user wrote it */
	FILE *f;                /* borrowed */
	char *line;             /* owned (lr_free): the current line, no newline, NUL-ended */
	size_t len, cap;
	long lineno;            /* 1-based number of the current line, 0 before the first */
	int held;               /* the next read hands out the current line again */
	double max_elems;       /* largest matrix the file may hold */
};

/* Reads the next line into in->line (a final '\r' dropped). Returns 1, 0 at
 * the end of the file, or -1 with the error set (read error, NUL byte, out
 * of memory). */
int lr_ws_read_line(struct lr_ws_in *in);
/* Hands the current line out again on the next lr_ws_read_line. */
void lr_ws_unread(struct lr_ws_in *in);
/* Sets the error "FILE:LINE: MSG" and returns -1. */
int lr_ws_bad(struct lr_ws_in *in, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Next blank-separated token of *cur (NUL-terminated in place), or NULL at
 * the end of the line. */
char *lr_ws_token(char **cur);
/* Parses a whole token as a double: what strtod takes, and nan/-nan with
 * their sign. 0, or -1 if it is not a number. */
int lr_ws_number(const char *tok, double *x);
/* The same for a workspace file, which takes only what save writes
 * ("%.17g", inf, -inf, nan, -nan): no hexadecimal, no '+', no "infinity",
 * and no decimal that strtod rounds to an infinity or to zero (1e999,
 * 1e-999), which no saved double becomes. */
int lr_ws_number_exact(const char *tok, double *x);
/* Parses a whole token as a count from 0 to max. 0 or -1. */
int lr_ws_count(const char *tok, double max, size_t *n);
/* The matrix ROWS×COLS, or an error naming what if it is over the limit
 * or memory runs out. NULL after the error is set. */
struct lr_matrix *lr_ws_new_matrix(struct lr_ws_in *in, size_t rows, size_t cols,
                                   const char *what);

/* What a workspace file holds, read completely before anything is bound so
 * that a bad file loads nothing. Everything owned. */
struct lr_ws_stage {
	struct lr_var *vars;
	size_t nvars, cap;
	struct lr_run *runs[LR_MAX_RUNS];   /* oldest first */
	size_t nruns;
	struct lr_svd_run *svd;
	int results;                        /* the file holds kept results */
};

/* Reads a whole workspace file into st (zeroed by the caller). 0, or -1
 * with the error set; st must be finished in both cases. */
int lr_ws_read(struct lr_ws_in *in, struct lr_ws_stage *st);
void lr_ws_stage_finish(struct lr_ws_stage *st);

/* Reads a CSV file (mtx = 0) or a MatrixMarket file (mtx = 1) into *out. 0,
 * or -1 with the error set. */
int lr_ws_import(struct lr_ws_in *in, int mtx, struct lr_matrix **out);


#endif
