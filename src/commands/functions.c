/* The function forms of the commands: [U, V] = sgd(A, k, ...), svd(A, k),
 * mask(A, M), unmask(A), loss(), quit(N) and exit(N). Each is the `call` of
 * its command's entry (commands.c), so the evaluator finds them in the
 * session's command table. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "factor.h"

static int eval_args(struct lr_session *s, const struct lr_node *n, struct lr_val *args)
{
	for (size_t i = 0; i < n->nkids; i++)
		if (lr_eval(s, n->kids[i], &args[i]) < 0) {
			while (i-- > 0)
				lr_val_drop(&args[i]);
			return -1;
		}
	return 0;
}

static void drop_args(struct lr_val *args, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lr_val_drop(&args[i]);
}

static int need_matrix(struct lr_session *s, const struct lr_node *n, size_t i,
                       const struct lr_val *args, const char *what)
{
	if (args[i].v->kind != LR_VAL_MAT)
		return lr_fail(s, n->kids[i]->pos, "%s: %s must be a matrix, found a string", n->str,
		               what);
	return 0;
}

static int whole(struct lr_session *s, const struct lr_node *n, size_t i,
                 const struct lr_val *args, const char *what, double *k)
{
	const struct lr_matrix *m;

	if (need_matrix(s, n, i, args, what) < 0)
		return -1;
	m = args[i].v->m;
	if (m->rows * m->cols != 1 || !(m->data[0] >= 1) || m->data[0] != floor(m->data[0]) ||
	    m->data[0] > 1e9)
		return lr_fail(s, n->kids[i]->pos, "%s: %s must be a whole number >= 1", n->str, what);
	*k = m->data[0];
	return 0;
}

static void node_name(const struct lr_node *k, char *buf, size_t n)
{
	if (k->kind == LR_N_IDENT && strlen(k->str) < n)
		snprintf(buf, n, "%s", k->str);
	else
		snprintf(buf, n, "the matrix");
}

/* [U, V] = sgd(A, k, 'name', value, ...) */
static int fn_sgd(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
                  int nargout, struct lr_value **outs)
{
	struct lr_sgd_request q;
	struct lr_value *keep[2] = { 0 };
	struct lr_run *run;
	double k;
	int rc = -1;

	if (n->nkids < 2 || n->nkids % 2)
		return lr_fail(s, n->pos, "sgd: expected sgd(A, k) followed by 'name', value pairs");
	if (nargout > 2)
		return lr_fail(s, n->pos, "sgd gives at most 2 outputs (U and V), but %d were asked "
		               "for", nargout);
	lr_sgd_request_init(&q);
	q.pos = n->kids[0]->pos;
	q.rank_pos = n->kids[1]->pos;
	q.lr_pos = n->pos;
	node_name(n->kids[0], q.name, sizeof q.name);
	if (need_matrix(s, n, 0, args, "A") < 0 || whole(s, n, 1, args, "the rank", &k) < 0)
		return -1;
	q.A = args[0].v->m;
	q.o.rank = (size_t)k;
	for (size_t i = 2; i < n->nkids; i += 2) {
		if (args[i].v->kind != LR_VAL_STR) {
			lr_fail(s, n->kids[i]->pos, "sgd: expected an option name such as 'epochs'");
			goto done;
		}
		if (sgd_option_value(s, &q, args[i].v->s, args[i + 1].v, n->kids[i + 1],
		                     &keep[args[i].v->s[0] == 'V']) < 0)
			goto done;
	}
	if (lr_sgd_request_run(s, &q, &run) < 0)
		goto done;
	lr_session_keep_run(s, run);
	outs[0] = lr_value_mat(lr_mat_copy(run->res.U));
	if (nargout > 1)
		outs[1] = lr_value_mat(lr_mat_copy(run->res.V));
	if (!outs[0] || (nargout > 1 && !outs[1])) {
		lr_value_destroy(outs[0]);
		lr_value_destroy(outs[1]);
		outs[0] = outs[1] = NULL;
		lr_fail(s, n->pos, "out of memory");
		goto done;
	}
	rc = 0;
done:
	lr_value_destroy(keep[0]);
	lr_value_destroy(keep[1]);
	return rc;
}

/* s = svds(A, k), [U, S, V] = svds(A, k) and svds(A, k, 'method', M) with a
 * whole k >= 1 (Octave's svds: the k largest singular values; k = 6 or
 * min(m, n) when not given): the truncated SVD, computed as `svd A k
 * method=M` would, and kept for `loss` and `plot` as the command's is. */
static int fn_svd_k(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
                    int nargout, struct lr_value **outs)
{
	struct lr_svd_run *r;
	struct lr_matrix *U, *S, *V;
	enum lr_svd_method method = LR_SVD_AUTO;
	char name[32];
	double k;

	if (n->nkids == 1) {
		size_t p = args[0].v->m->rows < args[0].v->m->cols ? args[0].v->m->rows
		                                                     : args[0].v->m->cols;
		k = p < 6 ? (double)p : 6.0;
		if (k < 1)
			return lr_fail(s, n->kids[0]->pos, "svds: A has no singular values (it is "
			               "%zu×%zu)", args[0].v->m->rows, args[0].v->m->cols);
	} else if (whole(s, n, 1, args, "the rank", &k) < 0) {
		return -1;
	}
	if (n->nkids == 3)
		return lr_fail(s, n->kids[2]->pos, "svds: expected 'method' and its value as "
		               "arguments 3 and 4 (svds(A, k, 'method', M))");
	if (n->nkids == 4) {
		if (args[2].v->kind != LR_VAL_STR || strcmp(args[2].v->s, "method"))
			return lr_fail(s, n->kids[2]->pos, "svds: expected 'method' as argument 3, the "
			               "only option of svds(A, k, 'method', M)");
		if (args[3].v->kind != LR_VAL_STR)
			return lr_fail(s, n->kids[3]->pos, "svds: the method must be 'auto', 'full' or "
			               "'subspace', found a matrix");
		if (lr_svd_method_parse(args[3].v->s, &method) < 0)
			return lr_fail(s, n->kids[3]->pos, "svds: the method must be 'auto', 'full' or "
			               "'subspace', found '%s'", args[3].v->s);
	}
	node_name(n->kids[0], name, sizeof name);
	if (lr_svd_request_run(s, args[0].v->m, name, (size_t)k, (size_t)k, method, n->kids[0]->pos,
	                       n->kids[n->nkids > 1 ? 1 : 0]->pos, &r) < 0)
		return -1;
	lr_session_keep_svd(s, r);
	if (lr_svd_factors(r, &U, &S, &V) < 0)
		return lr_fail(s, n->pos, "out of memory");
	if (nargout <= 1) {   /* s = svds(A, k): the k largest singular values */
		struct lr_matrix *sv = lr_mat_create((size_t)k, 1);
		for (size_t i = 0; sv && i < (size_t)k; i++)
			sv->data[i] = r->svd.s[i];
		lr_mat_destroy(U);
		lr_mat_destroy(S);
		lr_mat_destroy(V);
		outs[0] = lr_value_mat(sv);
		return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
	}
	outs[0] = lr_value_mat(U);
	outs[1] = lr_value_mat(S);
	if (nargout > 2)
		outs[2] = lr_value_mat(V);
	else
		lr_mat_destroy(V);
	if (!outs[0] || !outs[1] || (nargout > 2 && !outs[2])) {
		for (int i = 0; i < 3; i++) {
			lr_value_destroy(outs[i]);
			outs[i] = NULL;
		}
		return lr_fail(s, n->pos, "out of memory");
	}
	return 0;
}

/* loss() = [sgd_loss svd_loss bound gap] of the comparison `loss` shows. */
static int fn_loss(struct lr_session *s, const struct lr_node *n, struct lr_value **outs)
{
	struct lr_comparison c;
	struct lr_matrix *m;

	if (n->nkids)
		return lr_fail(s, n->pos, "loss: expected no arguments");
	if (lr_compare(s, n->pos, &c) < 0)
		return -1;
	m = lr_mat_create(1, 4);
	if (!m)
		return lr_fail(s, n->pos, "out of memory");
	m->data[0] = c.sgd_loss;
	m->data[1] = c.svd ? c.svd_loss : NAN;
	m->data[2] = c.svd && !c.masked ? c.bound : NAN;
	m->data[3] = c.svd && !c.masked ? c.sgd_loss - c.bound : NAN;
	outs[0] = lr_value_mat(m);
	return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
}

/* quit(N) and exit(N), Octave's spelling of `quit N`: the status is a whole
 * number from 0 to 255. */
static int fn_quit(struct lr_session *s, const struct lr_node *n, int nargout)
{
	struct lr_val v = { 0 };
	double x = 0;

	if (nargout > 0)
		return lr_fail(s, n->pos, "%s ends the program and gives no value", n->str);
	if (n->nkids > 1)
		return lr_fail(s, n->kids[1]->pos, "%s: expected %s() or %s(STATUS), found %zu "
		               "arguments", n->str, n->str, n->str, n->nkids);
	if (n->nkids == 1) {
		if (lr_eval(s, n->kids[0], &v) < 0)
			return -1;
		const struct lr_value *a = v.v;
		int ok = lr_value_is_scalar(a) && a->m->data[0] >= 0 && a->m->data[0] <= 255 &&
		         a->m->data[0] == floor(a->m->data[0]);
		if (ok)
			x = a->m->data[0];
		lr_val_drop(&v);
		if (!ok)
			return lr_fail(s, n->kids[0]->pos, "%s: the exit status must be a whole number "
			               "from 0 to 255", n->str);
	}
	s->exit_status = (int)x;
	s->quit = 1;
	return 0;
}

int lr_command_call(struct lr_session *s, const struct lr_node *n, int nargout,
                    struct lr_value **outs, int *rc)
{
	struct lr_val args[64];

	if (!strcmp(n->str, "svds") && (n->nkids < 1 || n->nkids > 4)) {
		*rc = lr_fail(s, n->pos, "svds: expected 1 to 4 arguments, found %zu (usage: "
		              "svds(A, k), svds(A, k, 'method', M))", n->nkids);
		return 1;
	}
	if (n->nkids > 64) {
		*rc = lr_fail(s, n->pos, "%s: expected at most 64 arguments, found %zu", n->str,
		              n->nkids);
		return 1;
	}
	if (!strcmp(n->str, "quit") || !strcmp(n->str, "exit")) {
		*rc = fn_quit(s, n, nargout);
		return 1;
	}
	if (nargout > 3 && !strcmp(n->str, "svds")) {
		*rc = lr_fail(s, n->pos, "svds gives at most 3 outputs (U, S and V), but %d were "
		              "asked for", nargout);
		return 1;
	}
	if (!strcmp(n->str, "loss")) {
		*rc = fn_loss(s, n, outs);
		return 1;
	}
	memset(args, 0, sizeof args);
	if (eval_args(s, n, args) < 0) {
		*rc = -1;
		return 1;
	}
	if (!strcmp(n->str, "svds")) {
		*rc = need_matrix(s, n, 0, args, "A") < 0 ? -1 : fn_svd_k(s, n, args, nargout, outs);
	} else if (!strcmp(n->str, "sgd")) {
		*rc = fn_sgd(s, n, args, nargout, outs);
	} else if (!strcmp(n->str, "mask") || !strcmp(n->str, "unmask")) {
		*rc = lr_fn_mask(s, n, args, outs);
	} else {
		*rc = lr_fail(s, n->pos, "%s has no function form", n->str);
	}
	drop_args(args, n->nkids);
	return 1;
}
