/* The functions that print, and so need the session's output: disp, display, printf,
 * fprintf and sprintf (which gives its text as a string). They belong to the
 * interpreter, not to a command: a script uses them as Octave's. */
#include <stdio.h>
#include <string.h>
#include "cell.h"
#include "fn_handle.h"
#include "imagefn.h"
#include "lr_printf.h"
#include "session_impl.h"

/* printf/fprintf/sprintf/disp. fprintf(1, ...) and fprintf(...) print. */
static int fn_print(struct lr_session *s, const struct lr_node *n, const struct lr_val *args,
                    struct lr_value **outs)
{
	const char *name = n->str;
	size_t first = 0;
	struct lr_buf b;
	char msg[256];
	const struct lr_value *argv[64];

	if (!strcmp(name, "display")) {   /* a variable as its statement shows it; else disp */
		if (n->nkids != 1)
			return lr_fail(s, n->pos, "display: expected 1 argument, found %zu", n->nkids);
		if (n->kids[0]->kind == LR_N_IDENT) {
			lr_show(s, n->kids[0]->str, args[0].v);
			return 0;
		}
	}
	if (!strcmp(name, "disp") || !strcmp(name, "display")) {
		if (n->nkids != 1)
			return lr_fail(s, n->pos, "disp: expected 1 argument, found %zu", n->nkids);
		lr_buf_init(&b);
		if (args[0].v->kind == LR_VAL_CELL) {
			lr_cell_show(&b, NULL, args[0].v, &s->fmt);
		} else if (args[0].v->kind == LR_VAL_FN) {   /* its text, as Octave */
			lr_fnh_text(args[0].v->fh, 0, &b);
			lr_buf_putc(&b, '\n');
		} else if (args[0].v->kind == LR_VAL_STR)
			lr_buf_printf(&b, "%s\n", args[0].v->s);
		else if (args[0].v->im)
			lr_fmt_complex(&b, NULL, args[0].v->m, args[0].v->im, &s->fmt);
		else if (args[0].v->logical)
			lr_fmt_logical(&b, NULL, args[0].v->m, &s->fmt);
		else
			lr_fmt_matrix(&b, NULL, args[0].v->m, &s->fmt);
		lr_write_buf(s, &b);
		lr_buf_finish(&b);
		return 0;
	}
	if (!strcmp(name, "fprintf") && n->nkids > 0 && args[0].v->kind == LR_VAL_MAT) {
		const struct lr_matrix *fd = args[0].v->m;
		if (fd->rows * fd->cols != 1 || fd->data[0] != 1)
			return lr_fail(s, n->kids[0]->pos, "fprintf: only standard output (1) can be "
			               "written to");
		first = 1;
	}
	if (n->nkids <= first || args[first].v->kind != LR_VAL_STR)
		return lr_fail(s, n->nkids > first ? n->kids[first]->pos : n->pos,
		               "%s: expected a format string as argument %zu", name, first + 1);
	if (n->nkids - first - 1 > 64)
		return lr_fail(s, n->pos, "%s: at most 64 values can be formatted at once", name);
	for (size_t i = first + 1; i < n->nkids; i++) {
		if (args[i].v->kind == LR_VAL_FN || args[i].v->kind == LR_VAL_CELL)
			return lr_fail(s, n->kids[i]->pos, "%s: a %s cannot be formatted%s", name,
			               lr_value_kind_name(args[i].v), args[i].v->kind == LR_VAL_FN
			               ? "; func2str(f) gives its text" : "; give its elements, as c{k}");
		if (args[i].v->im)   /* Octave prints the parts in turn: say so rather than guess */
			return lr_fail(s, n->kids[i]->pos, "%s: complex values are not supported; give "
			               "real(z) and imag(z)", name);
		argv[i - first - 1] = args[i].v;
	}
	lr_buf_init(&b);
	if (lr_format_printf_escapes(&b, args[first].v->s, args[first].v->slen,
	                             !args[first].v->dq, argv, (int)(n->nkids - first - 1), msg,
	                             sizeof msg) < 0) {
		lr_buf_finish(&b);
		return lr_fail(s, n->kids[first]->pos, "%s", msg);
	}
	if (!strcmp(name, "sprintf")) {
		outs[0] = b.failed ? NULL : lr_value_str(b.data ? b.data : "", b.len);
		if (outs[0]) {   /* of the format's kind, and 1×0 when empty, as Octave's */
			outs[0]->dq = args[first].v->dq;
			outs[0]->row = 1;
		}
		lr_buf_finish(&b);
		return outs[0] ? 0 : lr_fail(s, n->pos, "out of memory");
	}
	lr_write_buf(s, &b);
	lr_buf_finish(&b);
	return 0;
}

const struct lr_printer lr_printers[] = {
	{ "disp", "disp(X)", "show a value without its name" },
	{ "display", "display(X)", "show a variable as its statement would (name = value); "
	  "any other value as disp" },
	{ "fprintf", "fprintf(FORMAT, ...), fprintf(1, FORMAT, ...)", "as printf" },
	{ "printf", "printf(FORMAT, ...)", "formatted output, with Octave's rules" },
	{ "sprintf", "s = sprintf(FORMAT, ...)", "the text printf would print, as a string" },
	/* flow_fns.c and misc_fns.c run these (lr_flow_function) */
	{ "error", "error(FORMAT, ...), error(ID, FORMAT, ...)",
	  "stop with a message, which try/catch can catch" },
	{ "warning", "warning(FORMAT, ...), warning('off', 'all')",
	  "print 'warning: ...' to standard error and go on" },
	{ "tic", "tic, id = tic", "start a timer" },
	{ "toc", "toc, t = toc, toc(id)", "the seconds since tic" },
	{ "clc", "clc", "clear the REPL's output area" },
	{ "exist", "exist(NAME), exist(NAME, TYPE)",
	  "1 a variable, 5 a function or command, 2 a file, 7 a folder, 0 nothing" },
	{ "addpath", "addpath(FOLDER, ...)",
	  "search FOLDER for function files NAME.m, NAME.lr (before the others added)" },
	{ "rmpath", "rmpath(FOLDER, ...)", "stop searching FOLDER for function files" },
	{ "feval", "feval(NAME, ...), feval(F, ...)",
	  "call the function named by the string NAME, or the function handle F" },
	/* function handles (handle_fns.c, arrayfun.c) */
	{ "func2str", "s = func2str(F)", "the text of the function handle F, as '@(x) x + 1'" },
	{ "str2func", "F = str2func(S)", "the function handle of a name or of '@(x) ...'" },
	{ "is_function_handle", "is_function_handle(X)", "1 if X is a function handle" },
	{ "arrayfun", "arrayfun(F, A, ...), [P, Q] = arrayfun(F, A, ...), arrayfun(..., "
	  "'UniformOutput', false)",
	  "F called on each element of A (and of B, ... the same size): a matrix of the results" },
	/* cell arrays (cell_fns.c, arrayfun.c) */
	{ "cellfun", "cellfun(F, C, ...), cellfun(..., 'UniformOutput', false)",
	  "F called on each element of the cell C: a matrix (or a cell) of the results" },
	{ "iscell", "iscell(X)", "1 if X is a cell array" },
	{ "cell", "cell(n), cell(m, n)", "a cell array of empty [] elements" },
	{ "num2cell", "num2cell(A)", "each element of A in a cell of A's shape" },
	{ "strsplit", "strsplit(S), strsplit(S, D)",
	  "the pieces of S between the delimiters D (a blank), as a cell row" },
	{ "strjoin", "strjoin(C), strjoin(C, D)", "the strings of the cell C joined by D (a blank)" },
	/* pictures (imagefn.c), run by lr_image_function */
	{ "image", "image(A)", "show A as a picture, its values indices of 64 grays" },
	{ "imagesc", "imagesc(A)", "show A as a picture from min(A) black to max(A) white" },
	{ "imread", "I = imread(FILE)", "a PNG, JPEG, PGM/PPM or BMP file as gray levels 0..255" },
	{ "imshow", "imshow(A), imshow(A, []), imshow(A, [lo hi])", "show A as a picture" },
	{ "imwrite", "imwrite(A, FILE)", "write A as an 8-bit gray PNG or PGM" },
	{ NULL, NULL, NULL }
};

int lr_session_function(struct lr_session *s, const struct lr_node *n, int nargout,
                        struct lr_value **outs, int *rc)
{
	struct lr_val args[64];
	size_t i;

	if (lr_flow_function(s, n, nargout, outs, rc))   /* error, warning, tic, toc, ... */
		return 1;
	if (lr_image_function(s, n, nargout, outs, rc))
		return 1;
	for (i = 0; lr_printers[i].name; i++)
		if (!strcmp(n->str, lr_printers[i].name))
			break;
	if (!lr_printers[i].name)
		return 0;
	if (n->nkids > 64) {
		*rc = lr_fail(s, n->pos, "%s: expected at most 64 arguments, found %zu", n->str,
		              n->nkids);
		return 1;
	}
	if (nargout > 0 && strcmp(n->str, "sprintf")) {
		*rc = lr_fail(s, n->pos, "%s prints and gives no value%s", n->str,
		              strncmp(n->str, "disp", 4) ? "; sprintf gives the text as a string" : "");
		return 1;
	}
	memset(args, 0, sizeof args);
	for (i = 0; i < n->nkids; i++)
		if (lr_eval(s, n->kids[i], &args[i]) < 0) {
			while (i-- > 0)
				lr_val_drop(&args[i]);
			*rc = -1;
			return 1;
		}
	*rc = fn_print(s, n, args, outs);
	for (i = 0; i < n->nkids; i++)
		lr_val_drop(&args[i]);
	return 1;
}
