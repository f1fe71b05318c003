/* The commands of the factorisation course (sgd, svd, loss, mask, unmask,
 * explore, plot) and the session's small ones (format, who, clear, seed,
 * limit, view, help, quit), as one table of entries, lr_base_commands, at
 * the end of the file. A command takes words (`sgd A 2 lr=0.02`), checks
 * them itself and names the word at fault in its errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "command_tables.h"
#include "factor.h"
#include "function.h"
#include "help.h"
#include "imagefn.h"
#include "limit.h"
#include "command_words.h"
#include "plot.h"
#include "sgd_words.h"

int lr_is_name(const char *w)
{
	if (!(*w == '_' || (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z')) ||
	    strlen(w) > 255)
		return 0;
	for (; *w; w++)
		if (!(*w == '_' || (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') ||
		      (*w >= '0' && *w <= '9')))
			return 0;
	return 1;
}

int lr_is_field_name(const char *w)
{
	char part[256];
	const char *dot;

	/* each part between dots a name: err.message, as `catch err` binds it */
	while ((dot = strchr(w, '.')) != NULL) {
		if ((size_t)(dot - w) >= sizeof part)
			return 0;
		memcpy(part, w, (size_t)(dot - w));
		part[dot - w] = '\0';
		if (!lr_is_name(part))
			return 0;
		w = dot + 1;
	}
	return lr_is_name(w);
}

/* ---- sgd ---- */

static const char option_names[] = "epochs, lr, seed, update, order, U or V";
static const struct lr_option sgd_options[] = {
	{ "epochs", NULL }, { "lr", NULL }, { "seed", NULL }, { "update", lr_sgd_update_words },
	{ "order", lr_sgd_order_words }, { "U", NULL }, { "V", NULL }, { NULL, NULL }
};

static int known_option(const char *key)
{
	for (size_t i = 0; sgd_options[i].name; i++)
		if (!strcmp(sgd_options[i].name, key))
			return 1;
	return 0;
}

/* The index of the string v in the NULL-ended list words; -1 when v is not
 * a string or not one of them. */
static int word_index(const struct lr_value *v, const char *const *words)
{
	return v->kind == LR_VAL_STR ? lr_word_index(v->s, words) : -1;
}

/* One name=value option of sgd (command or function form). */
static int sgd_option(struct lr_session *s, struct lr_sgd_request *q, const char *key,
                      const struct lr_value *v, const char *text, struct lr_pos pos,
                      struct lr_value **keep)
{
	int scalar = v->kind == LR_VAL_MAT && v->m->rows * v->m->cols == 1;
	double x = scalar ? v->m->data[0] : NAN;

	if (!strcmp(key, "epochs")) {
		if (!scalar || !(x >= 1) || x != floor(x) || x > 1e15)
			return lr_fail(s, pos, "epochs must be a whole number of at least 1, found %s", text);
		q->o.epochs = (long)x;
	} else if (!strcmp(key, "lr")) {
		if (!scalar || !(x > 0) || !isfinite(x))
			return lr_fail(s, pos, "lr must be a positive finite number, found %s", text);
		q->o.lr = x;
		q->lr_pos = pos;
		q->have_lr = 1;
	} else if (!strcmp(key, "seed")) {
		if (!scalar || !(x >= 0) || x != floor(x) || x > 9e15)
			return lr_fail(s, pos, "seed must be a whole number >= 0, found %s", text);
		q->o.seed = (uint64_t)x;
		q->have_seed = 1;
	} else if (!strcmp(key, "update")) {
		int i = word_index(v, lr_sgd_update_words);
		if (i < 0)
			return lr_fail(s, pos, "update must be sequential or simultaneous, found %s", text);
		q->o.update = (enum lr_sgd_update)i;
	} else if (!strcmp(key, "order")) {
		int i = word_index(v, lr_sgd_order_words);
		if (i < 0)
			return lr_fail(s, pos, "order must be rows or shuffled, found %s", text);
		q->o.order = (enum lr_sgd_order)i;
	} else if (!strcmp(key, "U") || !strcmp(key, "V")) {
		size_t rows = key[0] == 'U' ? q->A->rows : q->A->cols;
		char sh[32];
		if (v->kind != LR_VAL_MAT)
			return lr_fail(s, pos, "%s= must be a matrix, found a string", key);
		if (v->m->rows != rows || v->m->cols != q->o.rank)
			return lr_fail(s, pos, "the start %s must be %zu×%zu (the %s of %s by the "
			               "rank), found %s", key, rows, q->o.rank, key[0] == 'U' ? "rows" : "columns", q->name,
			               lr_shape(v->m, sh, sizeof sh));
		*keep = lr_value_copy(v);
		if (!*keep)
			return lr_fail(s, pos, "out of memory");
		if (key[0] == 'U')
			q->o.U0 = (*keep)->m;
		else
			q->o.V0 = (*keep)->m;
	} else {
		return lr_fail(s, pos, "unknown option '%s'; expected %s", key, option_names);
	}
	return 0;
}

static void bind_run(struct lr_session *s, struct lr_run *run)
{
	struct lr_value *U = lr_value_mat(lr_mat_copy(run->res.U));
	struct lr_value *V = lr_value_mat(lr_mat_copy(run->res.V));

	if (U && V && lr_var_reserve(s, 2) == 0) {
		lr_var_set(s, "U", U);
		lr_var_set(s, "V", V);
	} else {
		lr_value_destroy(U);
		lr_value_destroy(V);
	}
}

/* One name=value word of `sgd A k ...` into q; a start U or V is kept in
 * keep[0] or keep[1] (the caller's). The value is an expression, or for
 * update= and order= a bare word too. */
static int sgd_option_word(struct lr_session *s, const struct lr_word *w, const char *usage,
                           struct lr_sgd_request *q, struct lr_value **keep)
{
	char *eq = strchr(w->text, '=');
	struct lr_val v = { 0 };
	struct lr_pos vpos = w->pos;
	int rc;

	if (!eq || eq == w->text)
		return lr_fail(s, w->pos, "expected an option name=value, found '%s'; usage: %s",
		               w->text, usage);
	*eq = '\0';
	vpos.col += (int)(eq - w->text) + 1;
	vpos.offset += (size_t)(eq - w->text) + 1;
	if (!known_option(w->text))
		rc = lr_fail(s, w->pos, "unknown option '%s'; expected %s", w->text, option_names);
	else if (!eq[1])
		rc = lr_fail(s, vpos, "expected a value after '%s=', found nothing", w->text);
	else if ((!strcmp(w->text, "update") || !strcmp(w->text, "order")) &&
	         eq[1] != '\'' && eq[1] != '"') {   /* a bare word, or a quoted string */
		v.own = lr_value_str(eq + 1, strlen(eq + 1));
		v.v = v.own;
		rc = v.v ? 0 : lr_fail(s, w->pos, "out of memory");
	} else
		rc = lr_eval_text(s, eq + 1, vpos, &v);
	if (rc == 0)
		rc = sgd_option(s, q, w->text, v.v, eq + 1, vpos, &keep[w->text[0] == 'V']);
	*eq = '=';
	lr_val_drop(&v);
	return rc;
}

static int cmd_sgd(struct lr_session *s, const struct lr_stmt *st)
{
	static const char usage[] = "sgd A k [epochs=N] [lr=X] [seed=N] "
		"[update=sequential|simultaneous] [order=rows|shuffled] [U=U0] [V=V0]";
	struct lr_sgd_request q;
	struct lr_val A = { 0 };
	struct lr_value *keep[2] = { 0 };
	struct lr_run *run = NULL;
	double k;
	int rc = -1;

	if (lr_want_words(s, st, 2, 9, usage) < 0)
		return -1;
	lr_sgd_request_init(&q);
	q.pos = st->words[0].pos;
	q.lr_pos = st->name_pos;
	q.rank_pos = st->words[1].pos;
	lr_word_name(&st->words[0], q.name, sizeof q.name);
	if (lr_word_matrix(s, &st->words[0], "the matrix to factorise", &A) < 0)
		return -1;
	q.A = A.v->m;
	if (lr_rank_word(s, &st->words[1], &st->words[0], q.name, q.A, &k) < 0)
		goto done;
	q.o.rank = (size_t)k;
	for (size_t i = 2; i < st->nwords; i++)
		if (sgd_option_word(s, &st->words[i], usage, &q, keep) < 0)
			goto done;
	if (lr_sgd_request_run(s, &q, &run) < 0)
		goto done;
	lr_session_keep_run(s, run);
	bind_run(s, run);
	lr_sgd_report(s, run, st->quiet);
	rc = 0;
done:
	lr_val_drop(&A);
	lr_value_destroy(keep[0]);
	lr_value_destroy(keep[1]);
	return rc;
}

/* ---- svd ---- */

static void bind_svd(struct lr_session *s, const struct lr_svd_run *r)
{
	struct lr_matrix *U, *S, *V;

	if (lr_svd_factors(r, &U, &S, &V) < 0)
		return;
	struct lr_value *u = lr_value_mat(U), *sv = lr_value_mat(S), *v = lr_value_mat(V);
	if (u && sv && v && lr_var_reserve(s, 3) == 0) {
		lr_var_set(s, "U", u);
		lr_var_set(s, "S", sv);
		lr_var_set(s, "V", v);
	} else {
		lr_value_destroy(u);
		lr_value_destroy(sv);
		lr_value_destroy(v);
	}
}

/* `svds A 2` in command syntax: svds is a function (its form is the
 * entry's call), so say how to write it. */
static int cmd_svds(struct lr_session *s, const struct lr_stmt *st)
{
	return lr_fail(s, st->name_pos, "svds is a function: write s = svds(A, k) or "
	               "[U, S, V] = svds(A, k) ('svd A k' is the command)");
}

/* svd A [k] [method=auto|full|subspace]: a word with '=' is the option,
 * the other one after A the rank. */
static int cmd_svd(struct lr_session *s, const struct lr_stmt *st)
{
	static const char usage[] = "svd A [k] [method=auto|full|subspace]";
	struct lr_val A = { 0 };
	struct lr_svd_run *r = NULL;
	const struct lr_word *kw = NULL;
	enum lr_svd_method method = LR_SVD_AUTO;
	char name[32];
	double k;
	int rc = -1;

	if (lr_want_words(s, st, 1, 3, usage) < 0)
		return -1;
	lr_word_name(&st->words[0], name, sizeof name);
	if (lr_word_matrix(s, &st->words[0], "the matrix to decompose", &A) < 0)
		return -1;
	if (lr_svd_words(s, st, usage, &kw, &method) < 0)
		goto done;
	if (lr_rank_word(s, kw, &st->words[0], name, A.v->m, &k) < 0)
		goto done;
	if (lr_svd_request_run(s, A.v->m, name, (size_t)k, (size_t)k, method, st->words[0].pos,
	                       kw ? kw->pos : st->words[0].pos, &r) < 0)
		goto done;
	lr_session_keep_svd(s, r);
	bind_svd(s, r);
	lr_svd_report(s, r, st->quiet);
	{
		struct lr_event ev = { LR_EV_SVD_DONE, NULL, r, NULL };
		lr_emit(s, &ev);
	}
	rc = 0;
done:
	lr_val_drop(&A);
	return rc;
}

static int cmd_loss(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_comparison c;
	struct lr_buf b;

	if (lr_want_words(s, st, 0, 0, "loss") < 0 || lr_compare(s, st->name_pos, &c) < 0)
		return -1;
	lr_buf_init(&b);
	lr_compare_text(&b, &c, s->fmt.numfmt);
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	struct lr_event ev = { LR_EV_LOSS, c.run, c.svd, NULL };
	lr_emit(s, &ev);
	return 0;
}

/* ---- mask ---- */

static int target_var(struct lr_session *s, const struct lr_word *w, const struct lr_value **v)
{
	if (!lr_is_name(w->text))
		return lr_fail(s, w->pos, "expected the name of a matrix variable, found '%s'", w->text);
	*v = lr_var_get(s, w->text);
	if (!*v)
		return lr_fail(s, w->pos, "unknown variable '%s'", w->text);
	if ((*v)->kind != LR_VAL_MAT)
		return lr_fail(s, w->pos, "%s is a string, not a matrix", w->text);
	if ((*v)->im)
		return lr_fail(s, w->pos, "%s is complex: a mask needs a real matrix", w->text);
	return 0;
}

/* The effective mask of m: 1 observed, 0 hidden (by the mask or NaN). */
static struct lr_matrix *mask_of(const struct lr_matrix *m)
{
	struct lr_matrix *M = lr_mat_create(m->rows, m->cols);

	for (size_t i = 0; M && i < m->rows; i++)
		for (size_t j = 0; j < m->cols; j++)
			LR_AT(M, i, j) = lr_mat_observed(m, i, j);
	return M;
}

static int masked_copy(struct lr_session *s, struct lr_pos pos, const char *name,
                       const struct lr_matrix *A, const struct lr_matrix *M,
                       struct lr_value **out)
{
	char sa[32], sm[32];
	struct lr_matrix *c;

	if (M->rows != A->rows || M->cols != A->cols)
		return lr_fail(s, pos, "the mask must have the shape of %s: %s is %s but the mask is %s",
		               name, name, lr_shape(A, sa, sizeof sa), lr_shape(M, sm, sizeof sm));
	for (size_t i = 0; i < M->rows * M->cols; i++)
		if (M->data[i] != 0 && M->data[i] != 1)
			return lr_fail(s, pos, "a mask holds 1 (observed) and 0 (hidden), found %g at "
			               "element %zu", M->data[i], i + 1);
	c = lr_mat_copy(A);
	if (!c || lr_mat_set_mask(c, M) != LR_OK) {
		lr_mat_destroy(c);
		return lr_fail(s, pos, "out of memory");
	}
	*out = lr_value_mat(c);
	return *out ? 0 : lr_fail(s, pos, "out of memory");
}

static int cmd_mask(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_value *A;
	struct lr_val M = { 0 };
	struct lr_value *nv = NULL;

	if (lr_want_words(s, st, 1, 2, "mask A M   or   mask A") < 0 ||
	    target_var(s, &st->words[0], &A) < 0)
		return -1;
	if (st->nwords == 1) {
		struct lr_matrix *m = mask_of(A->m);
		struct lr_buf b;
		char name[48];
		if (!m)
			return lr_fail(s, st->pos, "out of memory");
		snprintf(name, sizeof name, "mask of %s", st->words[0].text);
		lr_buf_init(&b);
		lr_fmt_matrix(&b, name, m, &s->fmt);
		lr_buf_printf(&b, "%zu of %zu entries observed (1), %zu hidden (0)\n",
		              lr_mat_count_observed(A->m), A->m->rows * A->m->cols,
		              A->m->rows * A->m->cols - lr_mat_count_observed(A->m));
		lr_write_buf(s, &b);
		lr_buf_finish(&b);
		lr_mat_destroy(m);
		return 0;
	}
	if (lr_word_matrix(s, &st->words[1], "the mask", &M) < 0)
		return -1;
	int rc = masked_copy(s, st->words[1].pos, st->words[0].text, A->m, M.v->m, &nv);
	lr_val_drop(&M);
	if (rc < 0)
		return -1;
	lr_var_set(s, st->words[0].text, nv);
	if (!st->quiet) {
		const struct lr_matrix *m = lr_var_get(s, st->words[0].text)->m;
		char line[160];
		int n = snprintf(line, sizeof line, "%s: %zu of %zu entries observed\n",
		                 st->words[0].text, lr_mat_count_observed(m), m->rows * m->cols);
		lr_write(s, line, (size_t)n);
	}
	return 0;
}

static int cmd_unmask(struct lr_session *s, const struct lr_stmt *st)
{
	const struct lr_value *A;
	struct lr_value *nv;

	if (lr_want_words(s, st, 1, 1, "unmask A") < 0 || target_var(s, &st->words[0], &A) < 0)
		return -1;
	nv = lr_value_copy(A);
	if (!nv)
		return lr_fail(s, st->pos, "out of memory");
	lr_mat_clear_mask(nv->m);
	lr_var_set(s, st->words[0].text, nv);
	return 0;
}

/* ---- small commands ---- */

static int cmd_seed(struct lr_session *s, const struct lr_stmt *st)
{
	double n;

	if (lr_want_words(s, st, 1, 1, "seed N") < 0 ||
	    lr_word_count(s, &st->words[0], "the seed", 0, 9007199254740992.0, &n) < 0)
		return -1;
	lr_rng_seed(&s->rng, (uint64_t)n);
	return 0;
}

static int cmd_format(struct lr_session *s, const struct lr_stmt *st)
{
	if (lr_want_words(s, st, 0, 1, "format short|long") < 0)
		return -1;
	if (st->nwords == 0 || !strcmp(st->words[0].text, "short"))
		s->fmt.numfmt = LR_FMT_SHORT;
	else if (!strcmp(st->words[0].text, "long"))
		s->fmt.numfmt = LR_FMT_LONG;
	else
		return lr_fail(s, st->words[0].pos, "format: expected short or long, found '%s'",
		               st->words[0].text);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct lr_var *)a)->name, ((const struct lr_var *)b)->name);
}

static int cmd_who(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_buf b;

	if (lr_want_words(s, st, 0, 0, "who") < 0)
		return -1;
	if (s->nvars > 1)   /* qsort(NULL, 0, ...) is undefined */
		qsort(s->vars, s->nvars, sizeof *s->vars, by_name);
	lr_vars_moved(s);   /* the variables' caches in statements are stale */
	lr_buf_init(&b);
	if (s->nvars == 0)
		lr_buf_puts(&b, "no variables\n");
	for (size_t i = 0; i < s->nvars; i++) {
		const struct lr_value *v = s->vars[i].v;
		char sh[32];
		if (v->kind == LR_VAL_STR) {
			lr_buf_printf(&b, "  %-10s string (%zu characters)\n", s->vars[i].name, v->slen);
			continue;
		}
		if (v->kind == LR_VAL_FN) {
			lr_buf_printf(&b, "  %-10s function handle\n", s->vars[i].name);
			continue;
		}
		if (v->kind == LR_VAL_CELL) {
			lr_buf_printf(&b, "  %-10s %zu×%zu cell array\n", s->vars[i].name, v->c->rows,
			              v->c->cols);
			continue;
		}
		lr_buf_printf(&b, "  %-10s %s", s->vars[i].name, lr_shape(v->m, sh, sizeof sh));
		if (v->logical)
			lr_buf_puts(&b, "  logical");
		if (lr_mat_has_hidden(v->m))
			lr_buf_printf(&b, "  (%zu hidden)", v->m->rows * v->m->cols -
			              lr_mat_count_observed(v->m));
		lr_buf_putc(&b, '\n');
	}
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	return 0;
}

static int cmd_clear(struct lr_session *s, const struct lr_stmt *st)
{
	if (st->nwords == 0 || (st->nwords == 1 && !strcmp(st->words[0].text, "all"))) {
		while (s->nvars)
			lr_var_clear(s, s->vars[0].name);
		return 0;
	}
	for (size_t i = 0; i < st->nwords; i++)   /* check every name before removing any */
		if (!lr_is_name(st->words[i].text))
			return lr_fail(s, st->words[i].pos, "clear: expected a variable name, found '%s'",
			               st->words[i].text);
	for (size_t i = 0; i < st->nwords; i++)
		lr_var_clear(s, st->words[i].text);
	return 0;
}

static int cmd_quit(struct lr_session *s, const struct lr_stmt *st)
{
	double n = 0;

	if (lr_want_words(s, st, 0, 1, "quit [STATUS]") < 0)
		return -1;
	if (st->nwords == 1 && lr_word_count(s, &st->words[0], "the exit status", 0, 255, &n) < 0)
		return -1;
	s->exit_status = (int)n;
	s->quit = 1;
	return 0;
}

static int cmd_help(struct lr_session *s, const struct lr_stmt *st)
{
	struct lr_buf b;
	int rc;

	if (lr_want_words(s, st, 0, 1, "help [TOPIC]") < 0)
		return -1;
	lr_buf_init(&b);
	/* a function defined at the prompt comes first, a topic before a file
	 * (a folder of scripts named like topics must not hide them) */
	rc = st->nwords ? lr_fn_help(s, st->words[0].text, st->words[0].pos, 0, &b) : 0;
	if (rc == 0 && lr_help(&b, s->commands, st->nwords ? st->words[0].text : NULL) == 0)
		rc = 1;
	if (rc == 0)
		rc = lr_fn_help(s, st->words[0].text, st->words[0].pos, 1, &b);
	if (rc > 0)
		lr_write_buf(s, &b);
	lr_buf_finish(&b);
	if (rc == 0)
		return lr_fail(s, st->words[0].pos, "help: no topic '%s'; 'help' lists the topics",
		               st->words[0].text);
	return rc < 0 ? -1 : 0;
}

static const char *const views[] = { "matrices", "loss", "spectrum", "compare", "image", NULL };

static int cmd_view(struct lr_session *s, const struct lr_stmt *st)
{
	if (lr_want_words(s, st, 1, 1, "view matrices|loss|spectrum|compare|image") < 0)
		return -1;
	for (size_t i = 0; views[i]; i++)
		if (!strcmp(st->words[0].text, views[i])) {
			struct lr_event ev = { LR_EV_VIEW, NULL, NULL, views[i] };
			/* right after imread: that picture, not an older SVD's */
			if (!strcmp(views[i], "image") && lr_image_show_read(s, st->name_pos) < 0)
				return -1;
			lr_emit(s, &ev);
			return 0;
		}
	return lr_fail(s, st->words[0].pos,
	               "view: expected matrices, loss, spectrum, compare or image, found '%s'",
	               st->words[0].text);
}

/* `limit` lists the limits; `limit NAME N` sets one, from 1 to its maximum
 * (limit.h), taking effect with the next statement. */
static int cmd_limit(struct lr_session *s, const struct lr_stmt *st)
{
	enum lr_limit_kind k;
	double x = 0;

	if (st->nwords == 0) {
		struct lr_buf b;
		lr_buf_init(&b);
		for (int i = 0; i < LR_LIMIT_COUNT; i++)
			lr_buf_printf(&b, "limit %s %.15g\n", lr_limit_name((enum lr_limit_kind)i),
			              lr_session_limit(s, i));
		lr_write_buf(s, &b);
		lr_buf_finish(&b);
		return 0;
	}
	if (lr_want_words(s, st, 2, 2, "limit elements|updates|products|line|depth N") < 0)
		return -1;
	k = lr_limit_find(st->words[0].text);
	if (k == LR_LIMIT_COUNT)
		return lr_fail(s, st->words[0].pos,
		               "limit: expected elements, updates, products, line or depth, found '%s'",
		               st->words[0].text);
	if (lr_word_number(s, &st->words[1], "the limit", &x) < 0)
		return -1;
	if (lr_session_set_limit(s, k, x) < 0)
		return lr_fail(s, st->words[1].pos, "limit %s: expected a whole number from 1 to "
		               "%.15g, found %s", lr_limit_name(k), lr_limit_max(k), st->words[1].text);
	return 0;
}

/* ---- the table ---- */

static const char *const format_args[] = { "short", "long", NULL };
static const char *const method_values[] = { "auto", "full", "subspace", NULL };
static const struct lr_option svd_options[] = { { "method", method_values }, { NULL, NULL } };

/* name, run, call (function form), args, options from word N, complete,
 * synopsis, summary, help. Sorted by name. */
const struct lr_command lr_base_commands[] = {
	{ "clear", cmd_clear, NULL, NULL, NULL, 0, NULL, "clear [NAME...]",
	  "remove variables (all of them without names)", lr_help_commands },
	{ "exit", cmd_quit, lr_command_call, NULL, NULL, 0, NULL, "exit [STATUS]",
	  "leave, with status N (as quit)", lr_help_commands },
	{ "explore", lr_cmd_explore, NULL, NULL, svd_options, 2, NULL,
	  "explore A [k] [method=auto|full|subspace]",
	  "each rank's error, energy and storage; + and - step k", lr_help_explore },
	{ "format", cmd_format, NULL, format_args, NULL, 0, NULL, "format short|long",
	  "4 decimals, or 15 significant digits", lr_help_commands },
	{ "help", cmd_help, NULL, NULL, NULL, 0, NULL, "help [TOPIC]",
	  "help on a topic, a command or a function", lr_help_overview },
	{ "limit", cmd_limit, NULL, NULL, NULL, 0, NULL, "limit [NAME N]",
	  "show or change the limits on one statement", lr_help_limit },
	{ "loss", cmd_loss, lr_command_call, NULL, NULL, 0, NULL, "loss",
	  "how close SGD came to the Eckart-Young-Mirsky bound", lr_help_loss },
	{ "mask", cmd_mask, lr_command_call, NULL, NULL, 0, NULL, "mask A [M]",
	  "hide the entries of A where M is 0, or show the mask of A", lr_help_mask },
	{ "plot", lr_cmd_plot, NULL, NULL, NULL, 0, NULL, "plot [all] [ascii]",
	  "the loss per epoch, with the SVD bound as a floor", lr_help_plot },
	{ "quit", cmd_quit, lr_command_call, NULL, NULL, 0, NULL, "quit [STATUS]",
	  "leave, with status N", lr_help_commands },
	{ "seed", cmd_seed, NULL, NULL, NULL, 0, NULL, "seed N",
	  "reset the random generator (rand, randn, sgd's start)", lr_help_commands },
	{ "sgd", cmd_sgd, lr_command_call, NULL, sgd_options, 2, NULL, "sgd A k [options]",
	  "factorise A ~ U*V' with rank k by stochastic gradient descent", lr_help_sgd },
	{ "svd", cmd_svd, NULL, NULL, svd_options, 2, NULL,
	  "svd A [k] [method=auto|full|subspace]",
	  "the truncated SVD U*S*V', the best rank-k approximation", lr_help_svd },
	{ "svds", cmd_svds, lr_command_call, NULL, NULL, 0, NULL,
	  "s = svds(A, k), [U, S, V] = svds(A, k)",
	  "the k largest singular values and vectors (the function form of svd A k)",
	  lr_help_svds },
	{ "unmask", cmd_unmask, lr_command_call, NULL, NULL, 0, NULL, "unmask A",
	  "observe every entry that is not NaN", lr_help_mask },
	{ "view", cmd_view, NULL, views, NULL, 0, NULL,
	  "view matrices|loss|spectrum|compare|image",
	  "choose the panel view (terminal only; image: the Matrices view as pictures)",
	  lr_help_commands },
	{ "who", cmd_who, NULL, NULL, NULL, 0, NULL, "who",
	  "the variables and their shapes", lr_help_commands },
	{ NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL }
};

/* ---- helpers of the function forms (functions.c) ---- */

int sgd_option_value(struct lr_session *s, struct lr_sgd_request *q, const char *key,
                     const struct lr_value *v, const struct lr_node *at, struct lr_value **keep)
{
	char text[64];
	size_t len = at->end > at->pos.offset ? at->end - at->pos.offset : 0;

	if (s->src && len < sizeof text)
		snprintf(text, sizeof text, "%.*s", (int)len, s->src + at->pos.offset);
	else
		snprintf(text, sizeof text, "argument");
	if (!strcmp(key, "lr"))
		q->lr_pos = at->pos;
	return sgd_option(s, q, key, v, text, at->pos, keep);
}

/* B = mask(A, M) and B = unmask(A): copies, A is untouched. */
int lr_fn_mask(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
               struct lr_value **outs)
{
	char name[32];
	int un = !strcmp(n->str, "unmask");

	if (n->nkids != (un ? 1u : 2u))
		return lr_fail(s, n->pos, un ? "unmask: expected unmask(A)" : "mask: expected mask(A, M)");
	for (size_t i = 0; i < n->nkids; i++)
		if (args[i].v->kind != LR_VAL_MAT)
			return lr_fail(s, n->kids[i]->pos, "%s: argument %zu must be a matrix", n->str, i + 1);
	if (un) {
		outs[0] = lr_value_copy(args[0].v);
		if (outs[0])
			lr_mat_clear_mask(outs[0]->m);
		return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
	}
	snprintf(name, sizeof name, "%s", n->kids[0]->kind == LR_N_IDENT ? n->kids[0]->str : "A");
	return masked_copy(s, n->kids[1]->pos, name, args[0].v->m, args[1].v->m, &outs[0]);
}
