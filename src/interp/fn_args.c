/* The helpers of the function files (builtins.c, fn_linalg.c): errors,
 * arguments and results; see fn_args.h. */
#include "fn_args.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "limit.h"


/* Writes the message, names the argument at fault (-1: the whole call) and
 * returns -1, so that a function can `return fail(...)`. */
int lr_fn_fail(struct lr_call *c, int arg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	c->bad_arg = arg;
	return -1;
}

/* fail() for a result over the element limit: WHAT, then the limit and
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

int lr_fn_nomem(struct lr_call *c, const char *name)
{
	return lr_fn_fail(c, -1, "%s: out of memory", name);
}

/* A number for a message, spelled as Octave prints it: NaN, Inf, -Inf, or
 * %g. Returns one of four rotating buffers, so a message can hold several. */
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

/* "a string", "a 2×3 matrix", "[]" — what an argument was, for messages. */
const char *lr_fn_describe(const struct lr_value *v, char *buf, size_t n)
{
	if (v->kind == LR_VAL_STR)
		return "a string";
	if (!v->m->rows && !v->m->cols)
		return "[]";
	snprintf(buf, n, "a %zu×%zu matrix", v->m->rows, v->m->cols);
	return buf;
}

/* Argument i as a matrix, or NULL with the error set (a string is refused). */
const struct lr_matrix *lr_fn_arg_mat(struct lr_call *c, const char *name, int i)
{
	const struct lr_value *v = c->args[i];

	if (v->kind != LR_VAL_MAT) {
		lr_fn_fail(c, i, "%s: argument %d must be a matrix, found a string", name, i + 1);
		return NULL;
	}
	return v->m;
}

/* Argument i as one number. */
int lr_fn_arg_num(struct lr_call *c, const char *name, int i, double *x)
{
	const struct lr_value *v = c->args[i];
	char buf[64];

	if (!lr_value_is_scalar(v))
		return lr_fn_fail(c, i, "%s: argument %d must be a number, found %s", name, i + 1,
		            lr_fn_describe(v, buf, sizeof buf));
	*x = v->m->data[0];
	return 0;
}

/* Argument i as a whole number (NaN and Inf refused). */
int lr_fn_arg_whole(struct lr_call *c, const char *name, int i, double *x)
{
	if (lr_fn_arg_num(c, name, i, x) < 0)
		return -1;
	if (!isfinite(*x) || *x != floor(*x))
		return lr_fn_fail(c, i, "%s: argument %d must be a whole number, found %s", name,
		            i + 1, lr_fn_num(*x));
	return 0;
}

/* A dimension argument (1 = down the columns, 2 = along the rows, 3 and up
 * leave the matrix as it is), as Octave's DIM. */
int lr_fn_arg_dim(struct lr_call *c, const char *name, int i, int *dim)
{
	double d;

	if (lr_fn_arg_num(c, name, i, &d) < 0)
		return -1;
	if (!(d >= 1.0) || d != floor(d))
		return lr_fn_fail(c, i, "%s: dimension must be a positive whole number, found %s",
		            name, lr_fn_num(d));
	*dim = d > 3.0 ? 3 : (int)d;
	return 0;
}

/* A rows×cols zero matrix for function name, or NULL with the error set. */
struct lr_matrix *lr_fn_mk(struct lr_call *c, const char *name, size_t rows, size_t cols)
{
	struct lr_matrix *m;

	if (cols && rows > lr_mat_max_elems / cols) {
		lr_fn_fail_big(c, -1, "%s: the result would be %zu×%zu", name, rows, cols);
		return NULL;
	}
	m = lr_mat_create(rows, cols);
	if (!m)
		lr_fn_nomem(c, name);
	return m;
}

/* Hands m to output i (taking ownership; NULL m means the error is set). */
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


int lr_fn_nargout(const struct lr_call *c)
{
	return c->nargout > 1 ? c->nargout : 1;
}

int lr_fn_warn(struct lr_call *c, const char *text)
{
	snprintf(c->warning, sizeof c->warning, "%s", text);
	return 0;
}
