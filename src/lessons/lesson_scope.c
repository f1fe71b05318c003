/* What a check sees beyond the student's workspace: the lesson's own
 * variables, kept when the step that made them ran (`#: keep`), so that a
 * student who overwrites A is still checked against the lesson's A; and
 * the newest SGD run's settings, so that a check can hold the student to
 * the task's epochs, rank and matrix. Bound for the check only. */
#include <math.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lesson_impl.h"

void lr_lesson_forget_kept(struct lr_lesson_state *ls)
{
	for (size_t i = 0; i < ls->nkept; i++) {
		lr_free(ls->kept[i].name);
		lr_value_destroy(ls->kept[i].v);
	}
	lr_free(ls->kept);
	ls->kept = NULL;
	ls->nkept = 0;
}

/* Replaces (or adds) the kept copy of name. */
static int keep_one(struct lr_lesson_state *ls, const char *name, const struct lr_value *v)
{
	struct lr_value *copy = lr_value_copy(v);
	struct lr_kept *k;

	if (!copy)
		return -1;
	for (size_t i = 0; i < ls->nkept; i++)
		if (!strcmp(ls->kept[i].name, name)) {
			lr_value_destroy(ls->kept[i].v);
			ls->kept[i].v = copy;
			return 0;
		}
	k = lr_realloc(ls->kept, (ls->nkept + 1) * sizeof *k);
	if (!k || !(k[ls->nkept].name = lr_strdup(name))) {
		if (k)
			ls->kept = k;
		lr_value_destroy(copy);
		return -1;
	}
	ls->kept = k;
	k[ls->nkept++].v = copy;
	return 0;
}

int lr_lesson_keep(struct lr_session *s, const struct lr_lesson_step *st, struct lr_buf *why)
{
	struct lr_lesson_state *ls = lr_lesson_state_get(s);

	if (!ls) {
		lr_buf_puts(why, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < st->nkeeps; i++) {
		const struct lr_value *v = lr_var_get(s, st->keeps[i]);
		if (!v) {
			lr_buf_printf(why, "'#: keep %s': there is no variable %s after the step's "
			              "statements", st->keeps[i], st->keeps[i]);
			return -1;
		}
		if (keep_one(ls, st->keeps[i], v) < 0) {
			lr_buf_puts(why, "out of memory");
			return -1;
		}
	}
	return 0;
}

/* Binds name to v (taken) for the check, saving the student's value. */
static int bind(struct lr_session *s, struct lr_lesson_scope *sc, const char *name,
                struct lr_value *v)
{
	const struct lr_value *old = lr_var_get(s, name);
	struct lr_value *saved = NULL;

	if (!v || sc->n == LR_SCOPE_MAX || (old && !(saved = lr_value_copy(old))) ||
	    lr_var_reserve(s, 1) < 0) {
		lr_value_destroy(v);
		lr_value_destroy(saved);
		return -1;
	}
	sc->names[sc->n] = name;
	sc->saved[sc->n++] = saved;
	lr_var_set(s, name, v);
	return 0;
}

static struct lr_value *mat_or_empty(const struct lr_matrix *m)
{
	struct lr_matrix *c = m ? lr_mat_copy(m) : lr_mat_create(0, 0);

	return c ? lr_value_mat(c) : NULL;
}

/* run_UV: the newest run's U*V', or [] when there is none. */
static struct lr_value *run_product(const struct lr_run *r)
{
	struct lr_matrix *p = NULL;

	if (!r || !r->res.U || !r->res.V)
		return mat_or_empty(NULL);
	if (lr_mat_mul_bt(r->res.U, r->res.V, &p) != LR_OK)
		return NULL;
	return lr_value_mat(p);
}

/* run_loss: the loss after each epoch done, as a column; [] when none. */
static struct lr_value *run_losses(const struct lr_run *r)
{
	size_t n = r && r->res.loss ? (size_t)r->res.epochs_done : 0;
	struct lr_matrix *m = lr_mat_create(n, n ? 1 : 0);

	if (!m)
		return NULL;
	for (size_t i = 0; i < n; i++)
		m->data[i] = r->res.loss[i];
	return lr_value_mat(m);
}

/* run_mask: 1 where the run's matrix was observed, 0 where hidden. */
static struct lr_value *run_observed(const struct lr_run *r)
{
	size_t m = r ? r->A->rows : 0, n = r ? r->A->cols : 0;
	struct lr_matrix *k = lr_mat_create(m, n);

	if (!k)
		return NULL;
	for (size_t i = 0; i < m * n; i++)
		k->data[i] = r->A->mask ? r->A->mask[i] != 0 : !isnan(r->A->data[i]);
	return lr_value_mat(k);
}

static int bind_run(struct lr_session *s, struct lr_lesson_scope *sc)
{
	const struct lr_run *r = lr_session_last_run(s);

	return bind(s, sc, "run_epochs", lr_value_scalar(r ? (double)r->opts.epochs : 0)) ||
	       bind(s, sc, "run_lr", lr_value_scalar(r ? r->opts.lr : 0)) ||
	       bind(s, sc, "run_rank", lr_value_scalar(r ? (double)r->opts.rank : 0)) ||
	       bind(s, sc, "run_seed", lr_value_scalar(r ? (double)r->opts.seed : -1)) ||
	       bind(s, sc, "run_A", mat_or_empty(r ? r->A : NULL)) ||
	       bind(s, sc, "run_UV", run_product(r)) || bind(s, sc, "run_loss", run_losses(r)) ||
	       bind(s, sc, "run_mask", run_observed(r)) ? -1 : 0;
}

int lr_lesson_scope_enter(struct lr_session *s, struct lr_lesson_scope *sc)
{
	struct lr_lesson_state *ls = s->lesson;

	sc->n = 0;
	for (size_t i = 0; ls && i < ls->nkept; i++)
		if (bind(s, sc, ls->kept[i].name, lr_value_copy(ls->kept[i].v)) < 0) {
			lr_lesson_scope_leave(s, sc);
			return -1;
		}
	if (bind_run(s, sc) < 0) {
		lr_lesson_scope_leave(s, sc);
		return -1;
	}
	return 0;
}

void lr_lesson_scope_leave(struct lr_session *s, struct lr_lesson_scope *sc)
{
	/* newest first, so a name bound twice ends as the student had it */
	while (sc->n > 0) {
		sc->n--;
		lr_var_clear(s, sc->names[sc->n]);
		if (sc->saved[sc->n]) {
			if (lr_var_reserve(s, 1) == 0)
				lr_var_set(s, sc->names[sc->n], sc->saved[sc->n]);
			else
				lr_value_destroy(sc->saved[sc->n]);
		}
	}
}
