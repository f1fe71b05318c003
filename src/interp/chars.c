/* Strings as Octave's char row vectors. A string stays an LR_VAL_STR (its
 * bytes, as Octave's chars are bytes); where Octave would compute with it,
 * it becomes the row of its character codes: 'a' + 1 is 98, s == 'l' a
 * logical row, s(end:-1:1) the codes indexed and made a string again.
 * Only rows exist: a result of several rows (s(:), s') is refused. */
#include "chars.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "limit.h"

struct lr_matrix *lr_str_codes(const struct lr_value *v)
{
	struct lr_matrix *m = lr_mat_create(lr_value_str_rows(v), v->slen);   /* '' is 0×0 */

	for (size_t i = 0; m && i < v->slen; i++)
		m->data[i] = (unsigned char)v->s[i];
	return m;
}

int lr_val_numeric(struct lr_session *s, struct lr_pos pos, struct lr_val *v)
{
	struct lr_value *c;

	if (v->v->kind == LR_VAL_MAT)
		return 0;
	if (v->v->kind == LR_VAL_FN) {
		lr_val_drop(v);
		return lr_fail(s, pos, "a function handle is not a value to compute with: call it, "
		               "as f(x)");
	}
	if (v->v->kind == LR_VAL_CELL) {
		lr_val_drop(v);
		return lr_fail(s, pos, "a cell array is not a value to compute with: take an "
		               "element, as c{k}");
	}
	c = lr_value_mat(lr_str_codes(v->v));
	lr_val_drop(v);
	if (!c)
		return lr_fail(s, pos, "out of memory");
	v->v = v->own = c;
	return 0;
}

int lr_str_from_codes(struct lr_session *s, struct lr_pos pos, const struct lr_matrix *m,
                      struct lr_value **out)
{
	char *b;
	char why[96];

	if (m->rows > 1 && m->cols > 0)
		return lr_fail(s, pos, "the characters would make a %zu×%zu char matrix: only strings "
		               "of one row are supported", m->rows, m->cols);
	b = lr_malloc(m->rows * m->cols + 1);
	if (!b)
		return lr_fail(s, pos, "out of memory");
	for (size_t i = 0; i < m->rows * m->cols; i++) {
		unsigned char ch;
		if (lr_char_code(m->data[i], 1, &ch, why, sizeof why) < 0) {
			lr_free(b);
			return lr_fail(s, pos, "%s", why);
		}
		b[i] = (char)ch;
	}
	*out = lr_value_str(b, m->rows * m->cols);
	lr_free(b);
	return *out ? 0 : lr_fail(s, pos, "out of memory");
}

/* Part i of a literal row holding a string: its bytes, or a number's
 * character (truncated, as Octave converts in a concatenation). */
static int add_part(struct lr_session *s, const struct lr_node *at, const struct lr_value *v,
                    struct lr_buf *b)
{
	char why[96];

	if (v->kind == LR_VAL_STR) {
		lr_buf_add(b, v->s, v->slen);
		return 0;
	}
	if (v->m->rows > 1 && v->m->cols > 0)
		return lr_fail(s, at->pos, "a %zu×%zu matrix cannot join a string side by side: only "
		               "strings of one row are supported", v->m->rows, v->m->cols);
	for (size_t i = 0; i < v->m->rows * v->m->cols; i++) {
		unsigned char ch;
		if (lr_char_code(v->m->data[i], 0, &ch, why, sizeof why) < 0)
			return lr_fail(s, at->pos, "%s", why);
		lr_buf_putc(b, (char)ch);
	}
	return 0;
}

int lr_chars_join(struct lr_session *s, const struct lr_node *n, struct lr_value **vals,
                  struct lr_val *out)
{
	struct lr_buf b;
	int dq = 1;
	double total = 0;

	/* a string's characters count as elements of the element limit */
	for (size_t i = 0; i < n->nkids; i++)
		total += vals[i]->kind == LR_VAL_STR ? (double)vals[i]->slen
		                                     : (double)vals[i]->m->rows * vals[i]->m->cols;
	if (total > (double)lr_mat_max_elems) {
		char msg[sizeof s->err->msg];
		lr_limit_elems_msg(msg, sizeof msg, "the string would have %.15g characters", total);
		return lr_fail(s, n->pos, "%s", msg);
	}
	lr_buf_init(&b);
	for (size_t i = 0; i < n->nkids; i++) {
		if (add_part(s, n->kids[i], vals[i], &b) < 0) {
			lr_buf_finish(&b);
			return -1;
		}
		/* double-quoted when every string part is (Octave's rule) */
		dq = dq && (vals[i]->kind != LR_VAL_STR || vals[i]->dq);
	}
	out->own = b.failed ? NULL : lr_value_str(b.data ? b.data : "", b.len);
	out->v = out->own;
	if (out->own)
		out->own->dq = dq;
	lr_buf_finish(&b);
	if (!out->v)
		return lr_fail(s, n->pos, "out of memory");
	/* Octave warns once for a join with any number in it, even []: ['x = ' 5]
	 * is the character of code 5, rarely what was meant (num2str is). */
	for (size_t i = 0; i < n->nkids; i++)
		if (vals[i]->kind != LR_VAL_STR) {
			lr_warn(s, "implicit conversion from numeric to char");
			break;
		}
	return 0;
}
