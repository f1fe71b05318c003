/* An expression printed again as Octave 7 prints the body of an anonymous
 * function (func2str, the display of a handle): Octave does not keep the
 * text but walks the tree, so `x.^2+1` comes back as `x .^ 2 + 1`, a call
 * as `f (x)`, `~x` as `!x`, a matrix as `[1, 2; 3, 4]`; the parentheses of
 * the text are kept, numbers come back as they were written. */
#include <string.h>
#include "lowrank/buf.h"
#include "fn_handle.h"
#include "ops.h"

struct unparse {
	const char *src;
	size_t srclen;
	struct lr_buf *out;
	int depth;           /* nodes open: a chain of a million operators is cut short
	                        rather than exhaust the stack */
};

static void node(struct unparse *u, const struct lr_node *n);

static const char *binop_text(int op)
{
	return op == LR_OP_NE ? "!=" : lr_binop_name((enum lr_binop)op);
}

/* A literal's text as written, without the parentheses around it. */
static void literal(struct unparse *u, const struct lr_node *n)
{
	size_t from = n->pos.offset, to = n->end;

	if (to > u->srclen || from >= to)
		return;
	while (from < to && strchr("(+ \t", u->src[from]))   /* a unary plus is node()'s */
		from++;
	while (to > from && (u->src[to - 1] == ')' || u->src[to - 1] == ' ' ||
	                     u->src[to - 1] == '\t'))
		to--;
	lr_buf_add(u->out, u->src + from, to - from);
}

/* A double-quoted string's escapes written back, as Octave shows it. */
static void dq_string(struct unparse *u, const char *s, size_t n)
{
	lr_buf_putc(u->out, '"');
	for (size_t i = 0; i < n; i++) {
		const char *e = strchr("\n\t\\\"\r\a", s[i]);
		if (s[i] && e)
			lr_buf_printf(u->out, "\\%c", "nt\\\"ra"[e - "\n\t\\\"\r\a"]);
		else
			lr_buf_putc(u->out, s[i]);
	}
	lr_buf_putc(u->out, '"');
}

static void list(struct unparse *u, struct lr_node *const *kids, size_t n, const char *sep)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			lr_buf_puts(u->out, sep);
		node(u, kids[i]);
	}
}

static void matrix(struct unparse *u, const struct lr_node *n)
{
	size_t k = 0;

	lr_buf_putc(u->out, n->kind == LR_N_CELL ? '{' : '[');
	for (size_t r = 0; r < n->nrows; r++) {
		if (r)
			lr_buf_puts(u->out, "; ");
		list(u, n->kids + k, n->row_len[r], ", ");
		k += n->row_len[r];
	}
	lr_buf_putc(u->out, n->kind == LR_N_CELL ? '}' : ']');
}

static void anon(struct unparse *u, const struct lr_anon *a, const char *gap)
{
	lr_buf_puts(u->out, "@(");
	for (size_t i = 0; i < a->nparams; i++)
		lr_buf_printf(u->out, "%s%s", i ? ", " : "", a->params[i]);
	lr_buf_printf(u->out, ")%s", gap);
	lr_unparse(a->body, a->text, a->textlen, u->out);
}

/* The node without its parentheses. */
static void bare(struct unparse *u, const struct lr_node *n)
{
	static const char *const unops[] = { "-", "!", "'", ".'" };

	switch (n->kind) {
	case LR_N_NUM: case LR_N_IMAG:
		literal(u, n);
		break;
	case LR_N_STR:
		if (n->op)
			dq_string(u, n->str, n->strlen);
		else
			lr_buf_printf(u->out, "'%.*s'", (int)n->strlen, n->str);
		break;
	case LR_N_IDENT:
		lr_buf_puts(u->out, n->str);
		break;
	case LR_N_COLON: lr_buf_putc(u->out, ':'); break;
	case LR_N_END: lr_buf_puts(u->out, "end"); break;
	case LR_N_TILDE: lr_buf_putc(u->out, '~'); break;
	case LR_N_BINOP: case LR_N_ANDAND: case LR_N_OROR:
		node(u, n->kids[0]);
		lr_buf_printf(u->out, " %s ", n->kind == LR_N_ANDAND ? "&&"
		              : n->kind == LR_N_OROR ? "||" : binop_text(n->op));
		node(u, n->kids[1]);
		break;
	case LR_N_UNOP:
		if (n->op == LR_OP_NEG || n->op == LR_OP_NOT)
			lr_buf_puts(u->out, unops[n->op]);
		node(u, n->kids[0]);
		if (n->op == LR_OP_TRANSPOSE || n->op == LR_OP_DOTTRANSPOSE)
			lr_buf_puts(u->out, unops[n->op]);
		break;
	case LR_N_RANGE:
		list(u, n->kids, n->nkids, ":");
		break;
	case LR_N_MATRIX: case LR_N_CELL:
		matrix(u, n);
		break;
	case LR_N_BRACE:
		lr_buf_printf(u->out, "%s {", n->str);
		list(u, n->kids, n->nkids, ", ");
		lr_buf_putc(u->out, '}');
		break;
	case LR_N_CALL:
		lr_buf_printf(u->out, "%s (", n->str);
		list(u, n->kids, n->nkids, ", ");
		lr_buf_putc(u->out, ')');
		break;
	case LR_N_INDEX:
		node(u, n->kids[0]);
		lr_buf_puts(u->out, " (");
		list(u, n->kids + 1, n->nkids - 1, ", ");
		lr_buf_putc(u->out, ')');
		break;
	case LR_N_ANON:
		anon(u, n->anon, "");   /* Octave prints an inner one without the blank */
		break;
	case LR_N_FHANDLE:
		lr_buf_printf(u->out, "@%s", n->str);
		break;
	case LR_N_VALUE:
		break;
	}
}

/* The parser drops a unary plus but leaves the node starting at it, which
 * is how Octave's text keeps it (@(x) +x); a node whose first operand
 * starts there too leaves the plus to that operand. */
static int unary_plus(const struct unparse *u, const struct lr_node *n)
{
	return u->src && n->pos.offset < u->srclen && u->src[n->pos.offset] == '+' &&
	       !(n->nkids && n->kids[0]->pos.offset == n->pos.offset);
}

static void node(struct unparse *u, const struct lr_node *n)
{
	if (u->depth > 20000) {
		lr_buf_puts(u->out, "...");
		return;
	}
	u->depth++;
	if (unary_plus(u, n))
		lr_buf_putc(u->out, '+');
	for (int i = 0; i < n->parens; i++)
		lr_buf_putc(u->out, '(');
	bare(u, n);
	for (int i = 0; i < n->parens; i++)
		lr_buf_putc(u->out, ')');
	u->depth--;
}

void lr_unparse(const struct lr_node *n, const char *src, size_t srclen, struct lr_buf *out)
{
	struct unparse u = { src, srclen, out, 0 };

	node(&u, n);
}

void lr_fnh_text(const struct lr_fnh *h, int bare_name, struct lr_buf *out)
{
	struct unparse u = { NULL, 0, out, 0 };

	if (h->name)
		lr_buf_printf(out, "%s%s", bare_name ? "" : "@", h->name);
	else
		anon(&u, h->anon, " ");
}
