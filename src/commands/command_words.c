/* Reading the words of a command: see command_words.h. */
#include "command_words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int lr_word_matrix(struct lr_session *s, const struct lr_word *w, const char *what,
                   struct lr_val *out)
{
	if (lr_eval_text(s, w->text, w->pos, out) < 0)
		return -1;
	if (out->v->kind != LR_VAL_MAT) {
		const char *kind = lr_value_kind_name(out->v);
		lr_val_drop(out);
		return lr_fail(s, w->pos, "%s must be a matrix, found a %s", what, kind);
	}
	if (out->v->im) {   /* the commands' numerics are real */
		lr_val_drop(out);
		return lr_fail(s, w->pos, "%s must be real, found a complex matrix", what);
	}
	return 0;
}

int lr_word_count(struct lr_session *s, const struct lr_word *w, const char *what,
                  double lo, double hi, double *out)
{
	struct lr_val v = { 0 };
	double x;

	if (lr_word_matrix(s, w, what, &v) < 0)
		return -1;
	if (v.v->m->rows * v.v->m->cols != 1) {
		lr_val_drop(&v);
		return lr_fail(s, w->pos, "%s must be a number, found a matrix", what);
	}
	x = v.v->m->data[0];
	lr_val_drop(&v);
	if (!(x >= lo && x <= hi) || x != floor(x))
		return lr_fail(s, w->pos, "%s must be a whole number from %.16g to %.16g, found %s",
		               what, lo, hi, w->text);
	*out = x;
	return 0;
}

int lr_word_number(struct lr_session *s, const struct lr_word *w, const char *what,
                   double *out)
{
	struct lr_val v = { 0 };

	if (lr_word_matrix(s, w, what, &v) < 0)
		return -1;
	if (v.v->m->rows * v.v->m->cols != 1) {
		lr_val_drop(&v);
		return lr_fail(s, w->pos, "%s must be a number, found a matrix", what);
	}
	*out = v.v->m->data[0];
	lr_val_drop(&v);
	return 0;
}

int lr_want_words(struct lr_session *s, const struct lr_stmt *st, size_t lo, size_t hi,
                  const char *usage)
{
	char want[48];

	if (st->nwords >= lo && st->nwords <= hi)
		return 0;
	size_t n = st->nwords < lo ? lo : hi;

	snprintf(want, sizeof want, "%s%zu word%s",
	         lo == hi ? "" : st->nwords < lo ? "at least " : "at most ", n, n == 1 ? "" : "s");
	if (n == 0)
		snprintf(want, sizeof want, "no words");
	if (st->nwords < lo)
		return lr_fail(s, st->nwords ? st->words[st->nwords - 1].pos : st->name_pos,
		               "%s: expected %s after '%s', found %zu; usage: %s", st->name, want,
		               st->name, st->nwords, usage);
	return lr_fail(s, st->words[hi].pos, "%s: expected %s after '%s', found the extra word "
	               "'%s'; usage: %s", st->name, want, st->name, st->words[hi].text, usage);
}

void lr_word_name(const struct lr_word *w, char *buf, size_t n)
{
	if (lr_is_name(w->text) && strlen(w->text) < n)
		snprintf(buf, n, "%s", w->text);
	else
		snprintf(buf, n, "the matrix");
}

int lr_rank_word(struct lr_session *s, const struct lr_word *w, const struct lr_word *aw,
                 const char *name, const struct lr_matrix *A, double *k)
{
	size_t p = A->rows < A->cols ? A->rows : A->cols;
	char what[96], sh[32];

	lr_shape(A, sh, sizeof sh);
	if (p == 0)
		return lr_fail(s, aw->pos, "%s is empty (%s): there is nothing to factorise", name, sh);
	*k = (double)p;
	if (!w)
		return 0;
	snprintf(what, sizeof what, "the rank for %s (%s)", name, sh);
	return lr_word_count(s, w, what, 1, (double)p, k);
}

int lr_svd_words(struct lr_session *s, const struct lr_stmt *st, const char *usage,
                 const struct lr_word **kw, enum lr_svd_method *method)
{
	*kw = NULL;
	for (size_t i = 1; i < st->nwords; i++) {
		if (i == 1 && !strchr(st->words[i].text, '='))
			*kw = &st->words[i];
		else if (lr_svd_option_word(s, &st->words[i], usage, method) < 0)
			return -1;
	}
	return 0;
}
