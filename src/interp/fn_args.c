/* Arguments and results of the files of functions, see fn_args.h. */
#include "fn_args.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "limit.h"

int lr_fn_fail(struct lr_call *c, int arg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	c->bad_arg = arg;
	return -1;
}

int lr_fn_nomem(struct lr_call *c, const char *name)
{
	return lr_fn_fail(c, -1, "%s: out of memory", name);
}

int lr_fn_complex(struct lr_call *c, const char *name, int arg, double x)
{
	return lr_fn_fail(c, arg, "%s: the result for %s would be complex, and complex numbers are "
	                  "not supported yet", name, lr_fn_num(x));
}

const char *lr_fn_num(double x)
{
	static char bufs[4][32];
	static unsigned next;
	char *b = bufs[next++ % 4];

	if (isnan(x))
		return "NaN";
	if (isinf(x))
		return x > 0 ? "Inf" : "-Inf";
	snprintf(b, sizeof bufs[0], "%g", x);
	return b;
}

const char *lr_fn_describe(const struct lr_value *v, char *buf, size_t n)
{
	if (v->kind == LR_VAL_STR)
		return "a string";
	if (!v->m->rows && !v->m->cols)
		return "[]";
	snprintf(buf, n, "a %zu×%zu matrix", v->m->rows, v->m->cols);
	return buf;
}

const struct lr_matrix *lr_fn_mat(struct lr_call *c, const char *name, int i)
{
	if (c->args[i]->kind != LR_VAL_MAT) {
		lr_fn_fail(c, i, "%s: argument %d must be a matrix, found a string", name, i + 1);
		return NULL;
	}
	return c->args[i]->m;
}

int lr_fn_scalar(struct lr_call *c, const char *name, int i, double *x)
{
	const struct lr_value *v = c->args[i];
	char buf[64];

	if (!lr_value_is_scalar(v))
		return lr_fn_fail(c, i, "%s: argument %d must be a number, found %s", name, i + 1,
		                  lr_fn_describe(v, buf, sizeof buf));
	*x = v->m->data[0];
	return 0;
}

int lr_fn_whole(struct lr_call *c, const char *name, int i, double *x)
{
	if (lr_fn_scalar(c, name, i, x) < 0)
		return -1;
	if (!isfinite(*x) || *x != floor(*x))
		return lr_fn_fail(c, i, "%s: argument %d must be a whole number, found %s", name,
		                  i + 1, lr_fn_num(*x));
	return 0;
}

const char *lr_fn_str(const struct lr_call *c, int i)
{
	return i < c->nargin && c->args[i]->kind == LR_VAL_STR ? c->args[i]->s : NULL;
}

int lr_fn_dim(struct lr_call *c, const char *name, int i, int *dim)
{
	const struct lr_value *v = c->args[i];
	double d;

	if (!lr_value_is_scalar(v) || !((d = v->m->data[0]) >= 1.0) || d != floor(d))
		return lr_fn_fail(c, i, "%s: DIM must be a valid dimension", name);
	*dim = d > 3.0 ? 3 : (int)d;
	return 0;
}

int lr_fn_default_dim(const struct lr_matrix *a)
{
	return a->rows != 1 ? 1 : 2;
}

size_t lr_fn_numel(const struct lr_matrix *m)
{
	return m->rows * m->cols;
}

int lr_fn_is_vector(const struct lr_matrix *m)
{
	return m->rows == 1 || m->cols == 1;
}

int lr_fn_nargout(const struct lr_call *c)
{
	return c->nargout > 1 ? c->nargout : 1;
}

struct lr_matrix *lr_fn_mk(struct lr_call *c, const char *name, double rows, double cols)
{
	struct lr_matrix *m;

	if (!(rows * cols <= (double)lr_mat_max_elems) || rows > 0x1p53 || cols > 0x1p53) {
		lr_limit_elems_msg(c->msg, sizeof c->msg, "%s: the result would be %.0f×%.0f", name,
		                   rows, cols);
		c->bad_arg = -1;
		return NULL;
	}
	m = lr_mat_create((size_t)rows, (size_t)cols);
	if (!m)
		lr_fn_nomem(c, name);
	return m;
}

int lr_fn_put(struct lr_call *c, const char *name, int i, struct lr_matrix *m)
{
	if (!m)
		return -1;
	c->outs[i] = lr_value_mat(m);
	return c->outs[i] ? 0 : lr_fn_nomem(c, name);
}

int lr_fn_put_num(struct lr_call *c, const char *name, int i, double x)
{
	c->outs[i] = lr_value_scalar(x);
	return c->outs[i] ? 0 : lr_fn_nomem(c, name);
}

int lr_fn_put_bool(struct lr_call *c, const char *name, int t)
{
	struct lr_matrix *m = lr_mat_create(1, 1);

	if (!m)
		return lr_fn_nomem(c, name);
	m->data[0] = t != 0;
	c->outs[0] = lr_value_bool(m);
	return c->outs[0] ? 0 : lr_fn_nomem(c, name);
}

int lr_fn_put_all(struct lr_call *c, const char *name, struct lr_matrix **m, int n)
{
	for (int i = 0; i < n; i++)
		if (lr_fn_put(c, name, i, m[i]) < 0) {
			while (++i < n)
				lr_mat_destroy(m[i]);
			return -1;
		}
	return 0;
}

/* lr_fn_fail for a result over the element limit: WHAT, then the limit and
 * how to raise it, in the words every size refusal uses (limit.h). */
int lr_fn_fail_big(struct lr_call *c, int arg, const char *fmt, ...)
{
	char what[sizeof c->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	lr_limit_elems_msg(c->msg, sizeof c->msg, "%s", what);
	c->bad_arg = arg;
	return -1;
}

int lr_fn_warn(struct lr_call *c, const char *text)
{
	snprintf(c->warning, sizeof c->warning, "%s", text);
	return 0;
}
