/* Values of the language; see value.h. */
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "fn_handle.h"

struct lr_value *lr_value_mat(struct lr_matrix *m)
{
	struct lr_value *v;

	if (!m)
		return NULL;
	v = lr_calloc(1, sizeof *v);
	if (!v) {
		lr_mat_destroy(m);
		return NULL;
	}
	v->kind = LR_VAL_MAT;
	v->m = m;
	return v;
}

struct lr_value *lr_value_scalar(double x)
{
	struct lr_matrix *m = lr_mat_create(1, 1);

	if (!m)
		return NULL;
	m->data[0] = x;
	return lr_value_mat(m);
}

struct lr_value *lr_value_bool(struct lr_matrix *m)
{
	struct lr_value *v = lr_value_mat(m);

	if (v)
		v->logical = 1;
	return v;
}

struct lr_value *lr_value_str(const char *s, size_t n)
{
	struct lr_value *v = lr_calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->kind = LR_VAL_STR;
	v->s = lr_malloc(n + 1);   /* not strndup: a string may hold NUL bytes */
	if (!v->s) {
		lr_free(v);
		return NULL;
	}
	memcpy(v->s, s, n);
	v->s[n] = '\0';
	v->slen = n;
	return v;
}

struct lr_value *lr_value_cell(size_t rows, size_t cols)
{
	struct lr_value *v = lr_calloc(1, sizeof *v);

	if (!v)
		return NULL;
	v->kind = LR_VAL_CELL;
	v->c = lr_calloc(1, sizeof *v->c);
	if (v->c)
		v->c->v = lr_calloc(rows * cols + 1, sizeof *v->c->v);
	if (!v->c || !v->c->v) {
		lr_value_destroy(v);
		return NULL;
	}
	v->c->rows = rows;
	v->c->cols = cols;
	v->c->depth = 1;
	return v;
}

const char *lr_value_kind_name(const struct lr_value *v)
{
	static const char *const names[] = { "matrix", "string", "function handle", "cell array" };

	return names[v->kind];
}

static struct lr_value *cell_copy(const struct lr_value *v)
{
	size_t n = v->c->rows * v->c->cols;
	struct lr_value *c = lr_value_cell(v->c->rows, v->c->cols);

	for (size_t i = 0; c && i < n; i++)
		if (!(c->c->v[i] = lr_value_copy(v->c->v[i]))) {
			lr_value_destroy(c);
			return NULL;
		}
	if (c)
		c->c->depth = v->c->depth;
	return c;
}

struct lr_value *lr_value_copy(const struct lr_value *v)
{
	if (v->kind == LR_VAL_CELL)
		return cell_copy(v);
	if (v->kind == LR_VAL_FN) {   /* a handle never changes: the copy shares it */
		struct lr_value *c = lr_calloc(1, sizeof *c);
		if (c) {
			c->kind = LR_VAL_FN;
			c->fh = v->fh;
			v->fh->refs++;
		}
		return c;
	}
	if (v->kind == LR_VAL_STR) {
		struct lr_value *c = lr_value_str(v->s, v->slen);
		if (c) {
			c->dq = v->dq;
			c->row = v->row;
		}
		return c;
	}
	struct lr_value *c = lr_value_mat(lr_mat_copy(v->m));
	if (c) {
		c->logical = v->logical;
		if (v->im && !(c->im = lr_mat_copy(v->im))) {
			lr_value_destroy(c);
			return NULL;
		}
	}
	return c;
}

void lr_value_destroy(struct lr_value *v)
{
	if (!v)
		return;
	lr_mat_destroy(v->m);
	lr_mat_destroy(v->im);
	lr_free(v->s);
	if (v->c) {
		for (size_t i = 0; v->c->v && i < v->c->rows * v->c->cols; i++)
			lr_value_destroy(v->c->v[i]);
		lr_free(v->c->v);
		lr_free(v->c);
	}
	if (v->fh && --v->fh->refs == 0)
		v->fh->destroy(v->fh);
	lr_free(v);
}

int lr_value_is_scalar(const struct lr_value *v)
{
	return v->kind == LR_VAL_MAT && v->m->rows == 1 && v->m->cols == 1;
}

int lr_char_code(double x, int round_it, unsigned char *out, char *why, size_t n)
{
	double c = round_it ? round(x) : trunc(x);

	if (isnan(x)) {
		snprintf(why, n, "invalid conversion from NaN to character");
		return -1;
	}
	if (!(c >= 0 && c <= 255)) {
		snprintf(why, n, "a character code must be from 0 to 255, found %.15g", x);
		return -1;
	}
	*out = (unsigned char)c;
	return 0;
}
