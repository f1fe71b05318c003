/* Evaluation of expressions. Values of variables are borrowed, not copied,
 * until something needs to own them. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "builtins.h"
#include "chars.h"
#include "cvalue.h"
#include "fn_complex.h"
#include "limit.h"
#include "ops.h"
#include "range.h"
#include "parser.h"
#include "cell.h"
#include "fn_handle.h"
#include "function.h"
#include "session_impl.h"

static void own(struct lr_val *out, struct lr_value *v)
{
	out->v = v;
	out->own = v;
}

static int nomem(struct lr_session *s, struct lr_pos pos)
{
	return lr_fail(s, pos, "out of memory");
}

const char *lr_shape(const struct lr_matrix *m, char *buf, size_t n)
{
	snprintf(buf, n, "%zu×%zu", m->rows, m->cols);
	return buf;
}

/* A number for a message: NaN, Inf and -Inf spelled as the language does. */
static const char *num_text(double x, char *buf, size_t n)
{
	if (isnan(x))
		snprintf(buf, n, "NaN");
	else if (isinf(x))
		snprintf(buf, n, "%sInf", x < 0 ? "-" : "");
	else
		snprintf(buf, n, "%.15g", x);
	return buf;
}

/* How an operand is named in messages: its own text when short, as in
 * "A is 3×3 but B is 2×3", else by its role. */
static void operand_name(const struct lr_session *s, const struct lr_node *n,
                         const char *role, char *buf, size_t len)
{
	size_t from = n->pos.offset, to = n->end;

	if (s->src && to > from && to - from <= 24 && !memchr(s->src + from, '\n', to - from))
		snprintf(buf, len, "%.*s", (int)(to - from), s->src + from);
	else
		snprintf(buf, len, "the %s%soperand", role, *role ? " " : "");
}

int lr_eval_matrix(struct lr_session *s, const struct lr_node *n, const char *what,
                   struct lr_val *out)
{
	if (lr_eval(s, n, out) < 0)
		return -1;
	if (out->v->kind != LR_VAL_MAT) {
		const char *kind = lr_value_kind_name(out->v);
		lr_val_drop(out);
		return lr_fail(s, n->pos, "%s must be a matrix, found a %s", what, kind);
	}
	if (out->v->im) {
		lr_val_drop(out);
		return lr_fail(s, n->pos, "%s must be real, found a complex value", what);
	}
	return 0;
}

/* Evaluates operand i of a binary operator; a string is taken as the row
 * of its character codes, as Octave does ('a' + 1 is 98). */
static int operand(struct lr_session *s, const struct lr_node *n, size_t i, struct lr_val *out)
{
	if (lr_eval(s, n->kids[i], out) < 0)
		return -1;
	return lr_val_numeric(s, n->kids[i]->pos, out);
}

/* Comparisons and & | give logical values, as in Octave. */
static int gives_logical(enum lr_binop op)
{
	switch (op) {
	case LR_OP_LT: case LR_OP_LE: case LR_OP_GT: case LR_OP_GE: case LR_OP_EQ: case LR_OP_NE:
	case LR_OP_AND: case LR_OP_OR:
		return 1;
	default:
		return 0;
	}
}

/* The message for operands whose shapes do not fit the operator. */
static int shape_error(struct lr_session *s, const struct lr_node *n, const char *an,
                       const char *sa, const char *bn, const char *sb)
{
	const char *op = lr_binop_name((enum lr_binop)n->op);

	switch ((enum lr_binop)n->op) {
	case LR_OP_POW:
		return lr_fail(s, n->oppos, "'^' needs a square matrix, but %s is %s; use .^ for "
		               "the power of each element", an, sa);
	case LR_OP_MUL:
		return lr_fail(s, n->oppos, "%s is %s but %s is %s: '*' needs as many columns on "
		               "the left as rows on the right (use .* for elementwise)", an, sa, bn, sb);
	case LR_OP_DIV:
		return lr_fail(s, n->oppos, "%s is %s but %s is %s: '/' needs as many columns on "
		               "the left as on the right (use ./ for elementwise)", an, sa, bn, sb);
	case LR_OP_LDIV:
		return lr_fail(s, n->oppos, "%s is %s but %s is %s: '\\' needs as many rows on "
		               "the left as on the right (use .\\ for elementwise)", an, sa, bn, sb);
	default:
		return lr_fail(s, n->oppos, "%s is %s but %s is %s: '%s' needs the same shape, or "
		               "a scalar, row or column that stretches to the other", an, sa, bn, sb,
		               op);
	}
}

/* a op b when either is complex (cvalue.h); consumes a and b. */
static int complex_binop(struct lr_session *s, const struct lr_node *n, struct lr_val *a,
                         struct lr_val *b, struct lr_val *out)
{
	struct lr_value *r = NULL;
	char msg[200], an[48], bn[48], sa[32], sb[32];
	enum lr_status st;

	msg[0] = '\0';
	st = lr_cx_binary((enum lr_binop)n->op, a->v, b->v, &r, msg, sizeof msg);
	if (st == LR_ERR_SHAPE) {
		operand_name(s, n->kids[0], "left", an, sizeof an);
		operand_name(s, n->kids[1], "right", bn, sizeof bn);
		lr_shape(a->v->m, sa, sizeof sa);
		lr_shape(b->v->m, sb, sizeof sb);
		shape_error(s, n, an, sa, bn, sb);
	} else if (st == LR_ERR_NOMEM) {
		nomem(s, n->oppos);
	} else if (st != LR_OK) {
		lr_fail(s, n->oppos, "%s", msg[0] ? msg : lr_status_str(st));
	}
	lr_val_drop(a);
	lr_val_drop(b);
	if (st != LR_OK)
		return -1;
	own(out, r);
	return 0;
}

/* Applies n's operator to a (its left value, which this consumes) and n's
 * right operand. */
static int apply_binop(struct lr_session *s, const struct lr_node *n, struct lr_val *a_in,
                       struct lr_val *out)
{
	struct lr_val a = *a_in, b = { 0 };
	struct lr_matrix *r = NULL;
	char msg[200], an[48], bn[48], sa[32], sb[32];
	enum lr_status st;

	a_in->v = NULL;
	a_in->own = NULL;
	if (operand(s, n, 1, &b) < 0) {
		lr_val_drop(&a);
		return -1;
	}
	msg[0] = '\0';
	if (a.v->im || b.v->im || ((n->op == LR_OP_EPOW || n->op == LR_OP_POW)
	                           && lr_cx_real_pow_is_complex(a.v->m, b.v->m)))
		return complex_binop(s, n, &a, &b, out);
	st = lr_op_binary((enum lr_binop)n->op, a.v->m, b.v->m, &r, msg, sizeof msg);
	if (st == LR_ERR_SHAPE) {
		operand_name(s, n->kids[0], "left", an, sizeof an);
		operand_name(s, n->kids[1], "right", bn, sizeof bn);
		lr_shape(a.v->m, sa, sizeof sa);
		lr_shape(b.v->m, sb, sizeof sb);
		shape_error(s, n, an, sa, bn, sb);
	} else if (st == LR_ERR_NOMEM) {
		nomem(s, n->oppos);
	} else if (st != LR_OK) {
		lr_fail(s, n->oppos, "%s", msg[0] ? msg : lr_status_str(st));
	} else if (msg[0]) {   /* a warning, as for a singular system */
		lr_warn(s, msg);
	}
	lr_val_drop(&a);
	lr_val_drop(&b);
	if (st != LR_OK)
		return -1;
	own(out, gives_logical((enum lr_binop)n->op) ? lr_value_bool(r) : lr_value_mat(r));
	return out->v ? 0 : nomem(s, n->oppos);
}

/* A chain such as 1+2+3+... is a tree that leans left as deep as the chain
 * is long; it is evaluated along its left edge in a loop, not by recursion,
 * so a long line cannot exhaust the stack. */
static int eval_binop(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	const struct lr_node *p, **spine;
	struct lr_val acc = { 0 };
	size_t depth = 0, i;

	for (p = n; p->kind == LR_N_BINOP; p = p->kids[0])
		depth++;
	spine = lr_mallocarray(depth, sizeof *spine);
	if (!spine)
		return nomem(s, n->pos);
	i = depth;
	for (p = n; p->kind == LR_N_BINOP; p = p->kids[0])
		spine[--i] = p;
	if (operand(s, spine[0], 0, &acc) < 0) {
		lr_free(spine);
		return -1;
	}
	for (i = 0; i < depth; i++) {
		struct lr_val next = { 0 };
		if (apply_binop(s, spine[i], &acc, &next) < 0) {
			lr_free(spine);
			return -1;
		}
		acc = next;
	}
	lr_free(spine);
	*out = acc;
	return 0;
}

static int eval_unop(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	struct lr_val a = { 0 };
	struct lr_matrix *r = NULL;
	enum lr_status st;
	int logical;

	if (lr_eval(s, n->kids[0], &a) < 0)
		return -1;
	if (a.v->kind == LR_VAL_STR && n->op == LR_OP_TRANSPOSE) {
		if (a.v->slen > 1) {   /* a column of characters is a char matrix */
			lr_val_drop(&a);
			return lr_fail(s, n->pos, "the transpose of a string is a column of characters, "
			               "a char matrix: only strings of one row are supported");
		}
		*out = a;
		return 0;
	}
	if (lr_val_numeric(s, n->kids[0]->pos, &a) < 0)   /* -'a' is -97, as Octave */
		return -1;
	/* ! makes a logical; a transpose keeps the class; - makes a double */
	if (a.v->im) {
		struct lr_value *z = NULL;
		st = lr_cx_unary((enum lr_unop)n->op, a.v, &z);
		lr_val_drop(&a);
		if (st != LR_OK)
			return nomem(s, n->pos);
		own(out, z);
		return 0;
	}
	logical = n->op == LR_OP_NOT || ((n->op == LR_OP_TRANSPOSE || n->op == LR_OP_DOTTRANSPOSE)
	                                 && a.v->logical);
	st = lr_op_unary((enum lr_unop)n->op, a.v->m, &r);
	lr_val_drop(&a);
	if (st == LR_ERR_ARG)
		return lr_fail(s, n->pos, "%s", LR_OP_MSG_NAN_LOGICAL);
	if (st != LR_OK)
		return nomem(s, n->pos);
	own(out, logical ? lr_value_bool(r) : lr_value_mat(r));
	return out->v ? 0 : nomem(s, n->pos);
}

/* The truth of a value for && and ||: nonempty and all nonzero. */
static int truth(struct lr_session *s, const struct lr_node *n, int *t)
{
	struct lr_val a = { 0 };
	const struct lr_matrix *m;

	if (lr_eval(s, n, &a) < 0 || lr_val_numeric(s, n->pos, &a) < 0)   /* 'a' by its code */
		return -1;
	m = a.v->m;
	if (m->rows * m->cols == 0) {
		lr_val_drop(&a);
		return lr_fail(s, n->pos, "an empty matrix has no truth value for && or ||");
	}
	*t = 1;
	for (size_t i = 0; i < m->rows * m->cols; i++) {
		if (isnan(m->data[i])) {
			lr_val_drop(&a);
			return lr_fail(s, n->pos, "NaN has no truth value for && or ||");
		}
		if (m->data[i] == 0 && !(a.v->im && a.v->im->data[i] != 0))
			*t = 0;
	}
	lr_val_drop(&a);
	return 0;
}

static int eval_logic(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	int t;

	if (truth(s, n->kids[0], &t) < 0)
		return -1;
	if ((n->kind == LR_N_ANDAND && t) || (n->kind == LR_N_OROR && !t))
		if (truth(s, n->kids[1], &t) < 0)
			return -1;
	own(out, lr_value_scalar(t));
	if (out->own)
		out->own->logical = 1;
	return out->v ? 0 : nomem(s, n->pos);
}

static int scalar_of(struct lr_session *s, const struct lr_node *n, const char *what, double *x)
{
	struct lr_val a = { 0 };
	char sh[32];

	if (lr_eval_matrix(s, n, what, &a) < 0)
		return -1;
	if (a.v->m->rows * a.v->m->cols != 1) {
		lr_fail(s, n->pos, "%s must be a scalar, found a %s matrix", what,
		        lr_shape(a.v->m, sh, sizeof sh));
		lr_val_drop(&a);
		return -1;
	}
	*x = a.v->m->data[0];
	lr_val_drop(&a);
	return 0;
}

int lr_eval_range_parts(struct lr_session *s, const struct lr_node *n, double *a,
                        double *step, double *b, size_t *count)
{
	double k;

	*step = 1;
	if (scalar_of(s, n->kids[0], "the start of a range", a) < 0)
		return -1;
	if (n->nkids == 3 && scalar_of(s, n->kids[1], "the step of a range", step) < 0)
		return -1;
	if (scalar_of(s, n->kids[n->nkids - 1], "the end of a range", b) < 0)
		return -1;
	k = lr_range_count(*a, *step, *b);
	if (isinf(k)) {
		char ta[32], tb[32];
		return lr_fail(s, n->pos, "the range from %s to %s has infinitely many elements",
		               num_text(*a, ta, sizeof ta), num_text(*b, tb, sizeof tb));
	}
	if (!(k <= (double)lr_mat_max_elems)) {
		char msg[sizeof s->err->msg];
		lr_limit_elems_msg(msg, sizeof msg, "the range has %.15g elements", k);
		return lr_fail(s, n->pos, "%s", msg);
	}
	*count = (size_t)k;
	return 0;
}

/* range := start:stop or start:step:stop, a row vector as Octave makes it. */
static int eval_range(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	double a, step, b;
	size_t count;
	struct lr_matrix *m;

	if (lr_eval_range_parts(s, n, &a, &step, &b, &count) < 0)
		return -1;
	if (lr_range_make(a, step, b, (double)count, &m) != LR_OK)
		return nomem(s, n->pos);
	own(out, lr_value_mat(m));
	return out->v ? 0 : nomem(s, n->pos);
}

/* Joins the values of one matrix-literal row side by side (or, with
 * vertical, on top of each other). Octave's rule for empty parts: next to
 * a nonempty part they are skipped; when every part is empty the result
 * keeps their shape ([1:0] is 1×0, [Z; Z] of 0×3 parts is 0×3), [] (0×0)
 * alone skipped, and the others must agree across. */
static int concat(struct lr_session *s, struct lr_value **parts, const struct lr_node **nodes,
                  size_t np, int vertical, size_t row, struct lr_value **out)
{
	size_t along = 0, across = 0, first = (size_t)-1;
	struct lr_matrix *m;
	int masked = 0, any = 0;

	for (size_t i = 0; i < np; i++)
		any |= parts[i]->m->rows * parts[i]->m->cols > 0;
	for (size_t i = 0; i < np; i++) {
		const struct lr_matrix *p = parts[i]->m;
		size_t a = vertical ? p->rows : p->cols, c = vertical ? p->cols : p->rows;
		if (any ? p->rows * p->cols == 0 : p->rows == 0 && p->cols == 0)
			continue;
		if (first == (size_t)-1) {
			first = i;
			across = c;
		} else if (c != across) {
			if (vertical)
				return lr_fail(s, nodes[i]->pos, "rows %zu and %zu have %zu and %zu columns",
				               first + 1, i + 1, across, c);
			return lr_fail(s, nodes[i]->pos,
			               "elements %zu and %zu of row %zu have %zu and %zu rows",
			               first + 1, i + 1, row + 1, across, c);
		}
		along += a;
		masked |= p->mask != NULL;
	}
	if ((double)along * (double)across > (double)lr_mat_max_elems) {
		char msg[sizeof s->err->msg];
		lr_limit_elems_msg(msg, sizeof msg, "the matrix would be %zu×%zu",
		                   vertical ? along : across, vertical ? across : along);
		return lr_fail(s, nodes[0]->pos, "%s", msg);
	}
	m = vertical ? lr_mat_create(along, across) : lr_mat_create(across, along);
	if (!m)
		return nomem(s, nodes[0]->pos);
	if (masked) {
		m->mask = lr_malloc(m->rows * m->cols + 1);
		if (!m->mask) {
			lr_mat_destroy(m);
			return nomem(s, nodes[0]->pos);
		}
		memset(m->mask, 1, m->rows * m->cols);
	}
	size_t off = 0;
	for (size_t i = 0; i < np; i++) {
		const struct lr_matrix *p = parts[i]->m;
		if (p->rows * p->cols == 0)
			continue;
		for (size_t r = 0; r < p->rows; r++)
			for (size_t c = 0; c < p->cols; c++) {
				size_t rr = vertical ? off + r : r, cc = vertical ? c : off + c;
				LR_AT(m, rr, cc) = LR_AT(p, r, c);
				if (p->mask)
					m->mask[rr * m->cols + cc] = p->mask[r * p->cols + c];
			}
		off += vertical ? p->rows : p->cols;
	}
	*out = lr_value_mat(m);
	return *out ? 0 : nomem(s, nodes[0]->pos);
}

/* concat, and when a part is complex, the imaginary parts joined the same
 * way (a real part contributing zeros). */
static int concat_cx(struct lr_session *s, struct lr_value **parts, const struct lr_node **nodes,
                     size_t np, int vertical, size_t row, struct lr_value **out)
{
	struct lr_value *ims = NULL, **imp = NULL, *joined = NULL;
	int any = 0, rc = -1;

	for (size_t i = 0; i < np; i++)
		any |= parts[i]->im != NULL;
	if (concat(s, parts, nodes, np, vertical, row, out) < 0)
		return -1;
	if (!any)
		return 0;
	ims = lr_calloc(np, sizeof *ims);
	imp = lr_calloc(np, sizeof *imp);
	for (size_t i = 0; ims && imp && i < np; i++) {
		ims[i].kind = LR_VAL_MAT;
		ims[i].m = parts[i]->im ? parts[i]->im
		           : lr_mat_create(parts[i]->m->rows, parts[i]->m->cols);
		imp[i] = &ims[i];
		if (!ims[i].m) {
			lr_free(imp);
			imp = NULL;
		}
	}
	if (!ims || !imp)
		nomem(s, nodes[0]->pos);
	else if (concat(s, imp, nodes, np, vertical, row, &joined) == 0) {
		lr_mat_clear_mask(joined->m);
		(*out)->im = joined->m;
		joined->m = NULL;
		lr_value_destroy(joined);
		rc = 0;
	}
	for (size_t i = 0; ims && i < np; i++)
		if (ims[i].m != parts[i]->im)
			lr_mat_destroy(ims[i].m);
	lr_free(ims);
	lr_free(imp);
	if (rc < 0) {
		lr_value_destroy(*out);
		*out = NULL;
	}
	return rc;
}

static int eval_matrix(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	struct lr_value **vals = lr_calloc(n->nkids + 1, sizeof *vals);
	struct lr_value **rows = lr_calloc(n->nrows + 1, sizeof *rows);
	size_t nstr = 0, k = 0;
	int rc = -1, logical = 1;

	if (!vals || !rows) {
		nomem(s, n->pos);
		goto done;
	}
	for (size_t i = 0; i < n->nkids; i++) {
		struct lr_val v = { 0 };
		if (n->kids[i]->kind == LR_N_TILDE) {
			lr_fail(s, n->kids[i]->pos, "'~' is only allowed on the left of '='");
			goto done;
		}
		if (lr_eval(s, n->kids[i], &v) < 0 ||
		    lr_fnh_refuse(s, n->kids[i]->pos, &v, "an element of a matrix") < 0)
			goto done;
		vals[i] = v.own ? v.own : lr_value_copy(v.v);
		if (!vals[i]) {
			nomem(s, n->kids[i]->pos);
			goto done;
		}
		nstr += vals[i]->kind == LR_VAL_STR;
		/* logical only when every part is, as Octave: [true []] is double */
		logical = logical && vals[i]->kind == LR_VAL_MAT && vals[i]->logical;
	}
	for (size_t i = 0; nstr && i < n->nkids; i++)
		if (vals[i]->kind == LR_VAL_MAT && vals[i]->im) {
			lr_fail(s, n->kids[i]->pos, "a string and a complex value cannot be joined");
			goto done;
		}
	if (nstr) {
		if (n->nrows == 1)
			rc = lr_chars_join(s, n, vals, out);
		else
			lr_fail(s, n->kids[n->row_len[0]]->pos, "strings can be joined side by side "
			        "only: a matrix of characters with several rows is not supported");
		goto done;
	}
	for (size_t r = 0; r < n->nrows; r++) {
		if (concat_cx(s, vals + k, (const struct lr_node **)n->kids + k, n->row_len[r], 0, r,
		           &rows[r]) < 0)
			goto done;
		k += n->row_len[r];
	}
	if (n->nrows == 0) {
		own(out, lr_value_mat(lr_mat_create(0, 0)));
		rc = out->v ? 0 : nomem(s, n->pos);
		goto done;
	}
	{
		const struct lr_node **firsts = lr_calloc(n->nrows, sizeof *firsts);
		struct lr_value *whole = NULL;
		if (!firsts) {
			nomem(s, n->pos);
			goto done;
		}
		for (size_t r = 0, j = 0; r < n->nrows; j += n->row_len[r], r++)
			firsts[r] = n->kids[j];
		rc = concat_cx(s, rows, firsts, n->nrows, 1, 0, &whole);
		lr_free(firsts);
		if (rc == 0) {
			whole->logical = logical && n->nkids > 0;
			own(out, whole);
		}
	}
done:
	for (size_t i = 0; vals && i < n->nkids; i++)
		lr_value_destroy(vals[i]);
	for (size_t r = 0; rows && r < n->nrows; r++)
		lr_value_destroy(rows[r]);
	lr_free(vals);
	lr_free(rows);
	return rc;
}

/* *found is 1 for a number, 2 for true and false (logical), else 0. */
static double named_constant(const char *name, int *found)
{
	*found = 1;
	if (!strcmp(name, "pi"))
		return 3.141592653589793238462643383279502884;
	if (!strcmp(name, "e"))
		return 2.718281828459045235360287471352662498;
	if (!strcmp(name, "nan") || !strcmp(name, "NaN") || !strcmp(name, "NA"))
		return NAN;
	if (!strcmp(name, "inf") || !strcmp(name, "Inf"))
		return INFINITY;
	if (!strcmp(name, "eps"))
		return 2.220446049250313e-16;
	*found = 2;
	if (!strcmp(name, "true"))
		return 1;
	if (!strcmp(name, "false"))
		return 0;
	*found = 0;
	return 0;
}

int lr_is_named_constant(const char *name)
{
	int found;

	named_constant(name, &found);
	return found || (strlen(name) == 1 && strchr("ijIJ", name[0]));
}

/* The number x·i (narrowed: 0i is a real 0, as in Octave). */
static int imaginary(struct lr_session *s, const struct lr_node *n, double x, struct lr_val *out)
{
	struct lr_matrix *re = lr_mat_create(1, 1), *im = lr_mat_create(1, 1);

	if (im)
		im->data[0] = x;
	own(out, lr_cx_value(re, im, 1));
	return out->v ? 0 : nomem(s, n->pos);
}

static int eval_ident(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	const struct lr_value *v = lr_var_get(s, n->str);
	int found;
	double c;

	if (v) {
		out->v = v;
		out->own = NULL;
		return 0;
	}
	if (strlen(n->str) == 1 && strchr("ijIJ", n->str[0]))   /* the imaginary unit */
		return imaginary(s, n, 1, out);
	c = named_constant(n->str, &found);
	if (found) {
		own(out, lr_value_scalar(c));
		if (out->own)
			out->own->logical = found == 2;
		return out->v ? 0 : nomem(s, n->pos);
	}
	/* A function named alone is called with no arguments (rand, pi, ...). */
	struct lr_value *outs[LR_MAX_OUTS] = { 0 };
	struct lr_node call = *n;
	call.kind = LR_N_CALL;
	call.nkids = 0;
	if (lr_fn_local_name(s, n->str))
		return lr_fail(s, n->pos, "'%s' undefined", n->str);
	if (lr_fn_find(s, n->str) || s->fn_failed || lr_builtin_find(n->str) || lr_session_command(s, n->str) || lr_session_fn_name(n->str)) {
		int rc = lr_eval_multi(s, &call, 1, outs);
		if (rc == 0)
			own(out, outs[0]);
		return rc;
	}
	if (!strcmp(n->str, "end"))
		return lr_fail(s, n->pos, "'end' is only allowed inside an index, as in A(end)");
	return lr_fail(s, n->pos, "unknown variable or function '%s'", n->str);
}

/* base(args): an index of the value of a call or an index, as size(A)(1). */
static int eval_chained(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	struct lr_val base = { 0 };
	struct lr_node call = *n;
	char name[48];
	int rc;

	if (lr_eval(s, n->kids[0], &base) < 0)
		return -1;
	operand_name(s, n->kids[0], "indexed", name, sizeof name);
	call.kind = LR_N_CALL;
	call.str = name;
	call.strlen = strlen(name);
	call.kids = n->kids + 1;
	call.nkids = n->nkids - 1;
	rc = lr_index_get(s, &call, base.v, out);
	if (rc == 0 && !out->own) {   /* a part borrowed from the temporary base */
		struct lr_value *c = lr_value_copy(out->v);
		if (!c)
			rc = nomem(s, n->pos);
		own(out, c);
	}
	lr_val_drop(&base);
	return rc;
}

int lr_eval(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	out->v = NULL;
	out->own = NULL;
	switch (n->kind) {
	case LR_N_NUM:
		own(out, lr_value_scalar(n->num));
		return out->v ? 0 : nomem(s, n->pos);
	case LR_N_IMAG:
		return imaginary(s, n, n->num, out);
	case LR_N_STR:
		own(out, lr_value_str(n->str, n->strlen));
		if (out->own)
			out->own->dq = n->op;
		return out->v ? 0 : nomem(s, n->pos);
	case LR_N_IDENT:
		return eval_ident(s, n, out);
	case LR_N_END:
		if (s->end_extent < 0)
			return lr_fail(s, n->pos, "'end' is only allowed inside an index");
		own(out, lr_value_scalar(s->end_extent));
		return out->v ? 0 : nomem(s, n->pos);
	case LR_N_COLON:
		return lr_fail(s, n->pos, "':' alone is only allowed as an index");
	case LR_N_TILDE:
		return lr_fail(s, n->pos, "'~' is only allowed on the left of '='");
	case LR_N_BINOP:
		return eval_binop(s, n, out);
	case LR_N_UNOP:
		return eval_unop(s, n, out);
	case LR_N_ANDAND:
	case LR_N_OROR:
		return eval_logic(s, n, out);
	case LR_N_RANGE:
		return eval_range(s, n, out);
	case LR_N_MATRIX:
		return eval_matrix(s, n, out);
	case LR_N_INDEX:
		return eval_chained(s, n, out);
	case LR_N_ANON:
	case LR_N_FHANDLE:
		return lr_fnh_make(s, n, out);
	case LR_N_VALUE:
		out->v = n->val;
		return 0;
	case LR_N_CELL:
		return lr_cell_literal(s, n, out);
	case LR_N_BRACE:
		return lr_cell_brace_get(s, n, out);
	case LR_N_CALL: {
		const struct lr_value *v = lr_var_get(s, n->str);
		struct lr_value *outs[LR_MAX_OUTS] = { 0 };
		if (v)
			return lr_index_get(s, n, v, out);
		if (lr_eval_multi(s, n, 1, outs) < 0)
			return -1;
		if (!outs[0])
			return lr_fail(s, n->pos, "%s() gives no value to use here", n->str);
		own(out, outs[0]);
		return 0;
	}
	}
	return lr_fail(s, n->pos, "internal error: unknown node");
}

static int call_builtin(struct lr_session *s, const struct lr_node *n,
                        const struct lr_builtin *b, int nargout, struct lr_value **outs)
{
	struct lr_val *args = lr_calloc(n->nkids + 1, sizeof *args);
	const struct lr_value **argv = lr_calloc(n->nkids + 1, sizeof *argv);
	struct lr_call c;
	int rc = -1;

	if (!args || !argv) {
		nomem(s, n->pos);
		goto done;
	}
	if ((int)n->nkids < b->min_in || (int)n->nkids > b->max_in) {
		char want[48];
		if (b->min_in == b->max_in)
			snprintf(want, sizeof want, "%d argument%s", b->min_in, b->min_in == 1 ? "" : "s");
		else
			snprintf(want, sizeof want, "%d to %d arguments", b->min_in, b->max_in);
		lr_fail(s, (int)n->nkids > b->max_in ? n->kids[b->max_in]->pos : n->pos,
		        "%s: expected %s, found %zu (usage: %s)", b->name, want, n->nkids, b->usage);
		goto done;
	}
	if (nargout > b->max_out) {
		lr_fail(s, n->pos, "%s gives at most %d output%s, but %d were asked for", b->name,
		        b->max_out, b->max_out == 1 ? "" : "s", nargout);
		goto done;
	}
	for (size_t i = 0; i < n->nkids; i++) {
		if (lr_eval(s, n->kids[i], &args[i]) < 0)
			goto done;
		argv[i] = args[i].v;
	}
	if (lr_fnh_builtin(s, b, n, argv, nargout, outs, &rc))
		goto done;
	const char *name = b->name;
	int bad = 0;
	enum lr_cx_how how;
	if (!(b = lr_cx_dispatch(b, argv, (int)n->nkids, &how, &bad))) {
		lr_fail(s, n->kids[bad]->pos, LR_CX_REFUSE_FMT, name, "argument");
		goto done;
	}
	memset(&c, 0, sizeof c);
	c.rng = &s->rng;
	c.nargin = (int)n->nkids;
	c.args = argv;
	c.nargout = nargout;
	c.bad_arg = -1;
	if (lr_cx_call(b, how, &c) < 0) {
		struct lr_pos at = c.bad_arg >= 0 && (size_t)c.bad_arg < n->nkids
			? n->kids[c.bad_arg]->pos : n->pos;
		lr_fail(s, at, "%s", c.msg[0] ? c.msg : "failed");
		for (int i = 0; i < LR_MAX_OUTS; i++)
			lr_value_destroy(c.outs[i]);
		goto done;
	}
	if (c.warning[0])
		lr_warn(s, c.warning);
	lr_logical_class(b->name, &c);
	for (int i = 0; i < LR_MAX_OUTS; i++) {
		if (i < (nargout > 0 ? nargout : 1))
			outs[i] = c.outs[i];
		else
			lr_value_destroy(c.outs[i]);
	}
	rc = 0;
done:
	for (size_t i = 0; args && i < n->nkids; i++)
		lr_val_drop(&args[i]);
	lr_free(args);
	lr_free(argv);
	return rc;
}

int lr_eval_multi(struct lr_session *s, const struct lr_node *n, int nargout,
                  struct lr_value **outs)
{
	const struct lr_builtin *b;
	int rc;

	if (n->kind == LR_N_IDENT && lr_session_fn_name(n->str) && !lr_var_get(s, n->str)) {
		/* `tic` or `toc` alone: a call with as many outputs as asked (none) */
		struct lr_node call = *n;
		call.kind = LR_N_CALL;
		call.nkids = 0;
		return lr_eval_multi(s, &call, nargout, outs);
	}
	if (n->kind == LR_N_IDENT && !lr_var_get(s, n->str) && lr_fn_find(s, n->str)) {
		struct lr_node call = *n;   /* a user function named alone: called */
		call.kind = LR_N_CALL;
		call.nkids = 0;
		return lr_eval_multi(s, &call, nargout, outs);
	}
	if (n->kind == LR_N_CALL) {   /* f(x) of a handle f: as many outputs as asked */
		const struct lr_value *h = lr_var_get(s, n->str);
		if (h && h->kind == LR_VAL_FN)
			return lr_fnh_call_node(s, h->fh, n, nargout, outs);
	}
	if (n->kind == LR_N_CALL && !lr_var_get(s, n->str)) {
		const struct lr_command *c = lr_session_command(s, n->str);
		struct lr_fndef *f = lr_fn_find(s, n->str);
		if (f)
			return lr_fn_call(s, f, n, nargout, outs);
		if (s->fn_failed)
			return -1;
		if (lr_session_function(s, n, nargout, outs, &rc))
			return rc;
		if (c && c->call && c->call(s, n, nargout, outs, &rc))
			return rc;
		b = lr_builtin_find(n->str);
		if (b)
			return call_builtin(s, n, b, nargout, outs);
		if (c)
			return lr_fail(s, n->pos, "%s is a command, not a function: give its words "
			               "without parentheses ('help %s' shows them)", n->str, n->str);
		return lr_fail(s, n->pos, "unknown variable or function '%s'", n->str);
	}
	if (nargout > 1)
		return lr_fail(s, n->pos, "only a function call can give several outputs");
	struct lr_val v = { 0 };
	if (lr_eval(s, n, &v) < 0)
		return -1;
	outs[0] = v.own ? v.own : lr_value_copy(v.v);
	return outs[0] ? 0 : nomem(s, n->pos);
}

int lr_eval_text(struct lr_session *s, const char *text, struct lr_pos pos,
                 struct lr_val *out)
{
	struct lr_parser p;
	struct lr_stmt *st = NULL;
	struct lr_error e;
	const char *saved = s->src;
	int rc;

	lr_parser_init_at(&p, text, strlen(text), NULL, 1, s->lim.max_depth);
	rc = lr_parse_next(&p, &st, &e);
	lr_parser_finish(&p);
	if (rc <= 0 || st->kind != LR_S_EXPR) {
		lr_stmt_destroy(st);
		if (rc < 0) {
			struct lr_pos at = { pos.line, pos.col + e.pos.col - 1, pos.offset + e.pos.offset };
			return lr_fail(s, at, "%s", e.msg);
		}
		return lr_fail(s, pos, "expected a value, found '%s'", text);
	}
	/* Positions inside the word are relative to the word: shift them. */
	s->src = text;
	rc = lr_eval(s, st->expr, out);
	s->src = saved;
	if (rc < 0) {
		s->err->pos.col += pos.col - 1;
		s->err->pos.line = pos.line;
		s->err->pos.offset += pos.offset;
	}
	lr_stmt_destroy(st);
	return rc;
}
