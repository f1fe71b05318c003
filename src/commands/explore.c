/* `explore A [k] [method=M]`: the rank explorer. Computes the SVD of A (as
 * `svd A k` does, at least the 10 leading triplets) and keeps it, prints what each rank k = 1..min(p, 10) costs and
 * keeps (the error Σ_{i>k} σᵢ², the relative error ‖A − A_k‖/‖A‖, the
 * energy kept and the storage k(m+n+1) against m·n), and asks a terminal
 * for the Spectrum view, where + and - step k. The variables are left
 * alone: exploring binds nothing. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "command_words.h"
#include "factor.h"
#include "remainder.h"

#define EXPLORE_ROWS 10

static const char usage[] = "explore A [k] [method=auto|full|subspace]";

/* Row k's error, Σ_{i>k} σᵢ², as the rounding rule shows it (a new string
 * the caller frees, or NULL when out of memory). */
static char *error_cell(const struct lr_svd_run *r, size_t k, enum lr_numfmt f)
{
	struct lr_buf num;

	lr_buf_init(&num);
	lr_fmt_remainder(&num, lr_svd_run_tail(r, k), lr_svd_run_tail_zero(r, k), 1, f);
	return lr_buf_take(&num);
}

/* The table of ranks 1..min(p, 10), the explored k marked. A partial SVD
 * holds at least those ranks (see lr_cmd_explore), so every row is exact.
 * The error column widens for "0 (zero to rounding)". */
static void explore_text(struct lr_buf *b, const struct lr_svd_run *r, enum lr_numfmt f,
                         int picture)
{
	const struct lr_svd *d = &r->svd;
	size_t known = lr_svd_run_known(r), pmax = lr_svd_run_rank_max(r);
	size_t rows = known < EXPLORE_ROWS ? known : EXPLORE_ROWS;
	char *cell[EXPLORE_ROWS + 1] = { NULL };
	int w = 13;
	char sh[32];

	for (size_t k = 1; k <= rows; k++) {
		cell[k] = error_cell(r, k, f);
		if (cell[k] && (int)strlen(cell[k]) > w)
			w = (int)strlen(cell[k]);
	}
	lr_buf_printf(b, "explore: the rank-k approximations of %s (%s)\n", r->matrix_name,
	              lr_shape(r->A, sh, sizeof sh));
	lr_buf_printf(b, "     k  %*s   rel. error   energy kept   storage\n", w, "error");
	for (size_t k = 1; k <= rows; k++) {
		char st[64];
		snprintf(st, sizeof st, "%zu vs %zu", k * (d->m + d->n + 1), d->m * d->n);
		lr_buf_printf(b, "  %c%3zu  %*s   %9.2f%%   %10.2f%%   %s\n", k == r->k ? '>' : ' ', k,
		              w, cell[k] ? cell[k] : "?",
		              100 * lr_svd_run_rel_error(r, k), 100 * lr_svd_run_kept(r, k), st);
		lr_free(cell[k]);
	}
	if (known < pmax)
		lr_buf_printf(b, "  ... up to k = %zu; only the %zu largest singular values were "
		              "computed\n  (subspace iteration; method=full computes them all)\n",
		              pmax, known);
	else if (d->p > rows)
		lr_buf_printf(b, "  ... up to k = %zu\n", d->p);
	/* a note, so no line of it starts "error:" as a message of failure would */
	lr_buf_puts(b, "Columns: error = ||A - A_k||^2 = sum of s(i)^2 for i > k "
	               "(Eckart-Young-Mirsky);\nrel. error = ||A - A_k|| / ||A||; storage = "
	               "k(m+n+1) numbers of U_k, s, V_k\nagainst m*n.\n");
	lr_buf_printf(b, "> marks k = %zu; on a terminal + and - step k in the %s view%s.\n",
	              r->k, picture ? "picture (Matrices)" : "Spectrum", known < pmax ? " (up to the computed ones)" : "");
}

/* The rank word of `explore A k` (kw; NULL: 1) into *k: a whole number
 * from 1 to p = min(m, n). */
static int explore_rank(struct lr_session *s, const struct lr_word *kw, const char *name,
                        const struct lr_matrix *m, size_t p, double *k)
{
	struct lr_val kv = { 0 };
	char sh[32];
	int ok;

	*k = 1;
	if (!kw)
		return 0;
	if (lr_eval_text(s, kw->text, kw->pos, &kv) < 0)
		return -1;
	ok = kv.v->kind == LR_VAL_MAT && kv.v->m->rows * kv.v->m->cols == 1;
	*k = ok ? kv.v->m->data[0] : NAN;
	lr_val_drop(&kv);
	if (!(*k >= 1 && *k <= (double)p) || *k != floor(*k))
		return lr_fail(s, kw->pos, "the rank for %s (%s) must be a whole number from 1 "
		               "to %zu, found %s", name, lr_shape(m, sh, sizeof sh), p, kw->text);
	return 0;
}

/* The table (unless quiet), then the panel: the Spectrum view, or for a
 * matrix read by imread the Matrices view as pictures. */
static void explore_show(struct lr_session *s, const struct lr_svd_run *r, int quiet,
                         int picture)
{
	struct lr_event ev = { LR_EV_SVD_DONE, NULL, r, NULL };
	struct lr_event view = { LR_EV_VIEW, NULL, NULL, picture ? "image" : "spectrum" };

	if (!quiet) {
		struct lr_buf b;
		lr_buf_init(&b);
		explore_text(&b, r, s->fmt.numfmt, picture);
		lr_write_buf(s, &b);
		lr_buf_finish(&b);
	}
	lr_emit(s, &ev);
	lr_emit(s, &view);
}

int lr_cmd_explore(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_val A = { 0 };
	struct lr_svd_run *r = NULL;
	const struct lr_word *kw = NULL;
	enum lr_svd_method method = LR_SVD_AUTO;
	const struct lr_matrix *m;
	char name[32], sh[32];
	double k;
	size_t p;
	int rc = -1, picture;

	if (st->nwords < 1)
		return lr_fail(s, st->name_pos, "explore: expected the matrix to explore after "
		               "'explore'; usage: %s", usage);
	if (lr_want_words(s, st, 1, 3, usage) < 0)
		return -1;
	lr_word_name(&st->words[0], name, sizeof name);
	if (lr_word_matrix(s, &st->words[0], "the matrix to explore", &A) < 0)
		return -1;
	m = A.v->m;
	p = m->rows < m->cols ? m->rows : m->cols;
	if (p == 0) {
		lr_fail(s, st->words[0].pos, "%s is empty (%s): there is nothing to explore", name,
		        lr_shape(m, sh, sizeof sh));
		goto done;
	}
	if (lr_svd_words(s, st, usage, &kw, &method) < 0)
		goto done;
	if (explore_rank(s, kw, name, m, p, &k) < 0)
		goto done;
	/* every row of the table, even when k is smaller */
	if (lr_svd_request_run(s, m, name, (size_t)k, p < EXPLORE_ROWS ? p : EXPLORE_ROWS, method,
	                       st->words[0].pos, kw ? kw->pos : st->words[0].pos, &r) < 0)
		goto done;
	picture = lr_image_loaded(s, m);
	lr_session_keep_svd(s, r);
	explore_show(s, r, st->quiet, picture);
	rc = 0;
done:
	lr_val_drop(&A);
	return rc;
}
