/* User functions: the session's table of them and calling one in a frame
 * of its own. A call swaps in an empty set of variables (the function sees
 * only its arguments and what it assigns), runs the body, takes the
 * outputs and swaps the caller's variables back; the caches in the trees
 * hold a layout generation, which lr_vars_moved renews at each swap, so a
 * cache filled in one frame is never trusted in another. */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "fn_handle.h"
#include "function.h"
#include "frame.h"
#include "limit.h"
#include "session_impl.h"

struct lr_fndef *lr_fndef_ref(struct lr_fndef *f)
{
	if (f)
		f->refs++;
	return f;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lr_free(names[i]);
	lr_free(names);
}

void lr_fndef_release(struct lr_fndef *f)
{
	if (!f || --f->refs > 0)
		return;
	lr_free(f->name);
	free_names(f->params, f->nparams);
	free_names(f->outs, f->nouts);
	for (size_t i = 0; i < f->nbody; i++)
		lr_stmt_destroy(f->body[i]);
	lr_free(f->body);
	lr_free(f->help);
	lr_free(f->src);
	lr_free(f->file);
	for (size_t i = 0; i < f->nsubs; i++)
		lr_fndef_release(f->subs[i]);
	lr_free(f->subs);
	lr_free(f);
}

int lr_fn_define(struct lr_session *s, struct lr_fndef *f)
{
	struct lr_fndef **t;

	for (size_t i = 0; i < s->nfns; i++)
		if (!strcmp(s->fns[i]->name, f->name)) {
			lr_fndef_release(s->fns[i]);
			s->fns[i] = lr_fndef_ref(f);
			return 0;
		}
	t = lr_realloc(s->fns, (s->nfns + 1) * sizeof *t);
	if (!t)
		return -1;
	s->fns = t;
	s->fns[s->nfns++] = lr_fndef_ref(f);
	return 0;
}

struct lr_fndef *lr_fn_find(struct lr_session *s, const char *name)
{
	const struct lr_fndef *root = s->frame_fn;

	s->fn_failed = 0;
	if (root && root->parent)
		root = root->parent;
	for (size_t i = 0; root && i < root->nsubs; i++)
		if (!strcmp(root->subs[i]->name, name))
			return root->subs[i];
	for (size_t i = 0; i < s->nfns; i++)
		if (!strcmp(s->fns[i]->name, name))
			return s->fns[i];
	/* a file does not hide the program's own functions (Octave's would,
	 * with a warning): a folder of lessons or scripts named like them
	 * must not break them */
	if (lr_builtin_find(name) || lr_session_fn_name(name) || lr_session_command(s, name))
		return NULL;
	return lr_fn_file_find(s, name);
}

const char *lr_fn_name_at(const struct lr_session *s, size_t i)
{
	return i < s->nfns ? s->fns[i]->name : NULL;
}

int lr_fn_local_name(const struct lr_session *s, const char *name)
{
	const struct lr_fndef *f = s->frame_fn;

	if (s->frame_anon)   /* an anonymous function's frame: its parameters only */
		return lr_anon_param(s->frame_anon, name);
	for (size_t i = 0; f && i < f->nparams; i++)
		if (!strcmp(f->params[i], name))
			return 1;
	for (size_t i = 0; f && i < f->nouts; i++)
		if (!strcmp(f->outs[i], name))
			return 1;
	return 0;
}

/* After the body of f failed, called at call from caller (NULL: the top
 * level): the error names f's text the first time, and each call adds its
 * line. */
static void trace_error(struct lr_session *s, const struct lr_fndef *f,
                        const struct lr_node *call, const struct lr_fndef *caller)
{
	struct lr_error *e = s->err;

	if (!e->src) {
		e->src = f->src;
		e->srclen = f->srclen;
		e->file = f->file;
		lr_frame_trace(e, f->name, f->file, e->pos);
	}
	if (caller)
		lr_frame_trace(e, caller->name, caller->file, call->pos);
	else
		e->top = call->pos;
}

/* Binds the inputs (copies of args) and nargin, nargout in the new frame. */
static int bind_inputs(struct lr_session *s, const struct lr_fndef *f,
                       const struct lr_value *const *args, size_t nargs, int nargout)
{
	for (size_t i = 0; i < nargs; i++) {
		struct lr_value *v = lr_value_copy(args[i]);
		if (!v || lr_var_put(s, f->params[i], v) < 0)
			return -1;
	}
	struct lr_value *a = lr_value_scalar((double)nargs), *b = lr_value_scalar(nargout);
	if (!a || lr_var_put(s, "nargin", a) < 0) {
		lr_value_destroy(b);
		return -1;
	}
	if (!b || lr_var_put(s, "nargout", b) < 0)
		return -1;
	return 0;
}

/* Takes the outputs of the frame about to end: output i of f for each one
 * asked for (the first even when none is, as ans). */
static int take_outputs(struct lr_session *s, const struct lr_fndef *f,
                        const struct lr_node *call, int nargout, struct lr_value **outs)
{
	size_t want = nargout > 0 ? (size_t)nargout : 1;

	for (size_t i = 0; i < want && i < f->nouts; i++) {
		struct lr_value **slot = lr_var_slot(s, f->outs[i]);
		if (!slot) {
			if (nargout == 0)
				return 0;   /* nothing to show: Octave leaves ans alone */
			lr_fail(s, call->pos, "'%s' undefined: %s returned without setting its "
			        "output %zu", f->outs[i], f->name, i + 1);
			while (i-- > 0) {
				lr_value_destroy(outs[i]);
				outs[i] = NULL;
			}
			return -1;
		}
		outs[i] = *slot;   /* the frame's variable is given away */
		*slot = NULL;
		lr_var_clear(s, f->outs[i]);
	}
	return 0;
}

/* The checks made before a call: inputs, outputs, depth and Ctrl-C. */
static int check_call(struct lr_session *s, const struct lr_fndef *f,
                      const struct lr_node *call, size_t nargs, int nargout)
{
	if (nargs > f->nparams)
		return lr_fail(s, call->nkids > f->nparams ? call->kids[f->nparams]->pos : call->pos,
		               "%s: function called with too many inputs (it takes %zu, found %zu)",
		               f->name, f->nparams, nargs);
	if (nargout > (int)f->nouts || nargout > LR_MAX_OUTS)
		return lr_fail(s, call->pos, "%s: function called with too many outputs (it "
		               "gives %zu, %d asked for)", f->name, f->nouts, nargout);
	if (s->call_depth >= s->lim.max_recursion) {
		char msg[256];
		lr_limit_msg(msg, sizeof msg, LR_LIMIT_RECURSION, s->lim.max_recursion,
		             "max_recursion_depth exceeded: calls of %s nested %d deep", f->name,
		             s->call_depth + 1);
		return lr_fail(s, call->pos, "%s", msg);
	}
	/* A slow recursion (fib(40)) runs no loop that would poll Ctrl-C for
	 * it: every few calls poll here, as a loop does every few steps. */
	if (--s->poll <= 0) {
		s->poll = 32;
		if (lr_interrupted(s))
			return lr_fail(s, call->pos, "interrupted; the variables keep the values they "
			               "had");
	}
	return 0;
}

int lr_fn_call_values(struct lr_session *s, struct lr_fndef *f, const struct lr_node *call,
                      const struct lr_value *const *args, size_t nargs, int nargout,
                      struct lr_value **outs)
{
	struct lr_frame fr;
	struct lr_fndef *root = f->parent ? (struct lr_fndef *)f->parent : f;
	int rc = 0;

	if (check_call(s, f, call, nargs, nargout) < 0)
		return -1;
	lr_fndef_ref(f);   /* a redefinition while it runs must not free it */
	lr_fndef_ref(root);
	lr_frame_enter(s, &fr, f->src, f, NULL);
	if (bind_inputs(s, f, args, nargs, nargout) < 0)
		rc = lr_fail(s, call->pos, "out of memory");
	for (size_t i = 0; rc == 0 && i < f->nbody; i++) {
		rc = lr_exec(s, f->body[i]);
		if (rc < 0)
			trace_error(s, f, call, fr.fn);
		if (s->ctl == LR_CTL_RETURN || s->quit)
			break;
	}
	if (rc == 0 && !s->quit) {
		const char *src = s->src;
		s->src = fr.src;   /* a missing output is the caller's error */
		rc = take_outputs(s, f, call, nargout, outs);
		s->src = src;
	}
	lr_frame_leave(s, &fr);
	lr_fndef_release(root);
	lr_fndef_release(f);
	return rc;
}

int lr_fn_call(struct lr_session *s, struct lr_fndef *f, const struct lr_node *call,
               int nargout, struct lr_value **outs)
{
	struct lr_val *args = lr_calloc(call->nkids + 1, sizeof *args);
	const struct lr_value **argv = lr_calloc(call->nkids + 1, sizeof *argv);
	int rc = -1;

	if (!args || !argv) {
		lr_fail(s, call->pos, "out of memory");
		goto done;
	}
	if (check_call(s, f, call, call->nkids, nargout) < 0)
		goto done;
	for (size_t i = 0; i < call->nkids; i++) {
		if (lr_eval(s, call->kids[i], &args[i]) < 0)
			goto done;
		argv[i] = args[i].v;
	}
	rc = lr_fn_call_values(s, f, call, argv, call->nkids, nargout, outs);
done:
	for (size_t i = 0; args && i < call->nkids; i++)
		lr_val_drop(&args[i]);
	lr_free(args);
	lr_free(argv);
	return rc;
}

void lr_fn_table_finish(struct lr_session *s)
{
	for (size_t i = 0; i < s->nfns; i++)
		lr_fndef_release(s->fns[i]);
	lr_free(s->fns);
	s->fns = NULL;
	s->nfns = 0;
	lr_fn_files_finish(s);
	for (size_t i = 0; i < s->npath; i++)
		lr_free(s->path[i]);
	lr_free(s->path);
	s->path = NULL;
	s->npath = 0;
}

int lr_fn_help(struct lr_session *s, const char *name, struct lr_pos at, int files,
               struct lr_buf *out)
{
	struct lr_fndef *f = NULL;

	s->fn_failed = 0;
	for (size_t i = 0; i < s->nfns; i++)
		if (!strcmp(s->fns[i]->name, name))
			f = s->fns[i];
	if (!f && files)
		f = lr_fn_file_find(s, name);
	if (!f)
		return s->fn_failed ? -1 : 0;
	if (!f->help)
		return lr_fail(s, at, "help: '%s' is not documented (a comment block under its "
		               "first line is its help)", name);
	if (f->file)
		lr_buf_printf(out, "'%s' is a function from the file %s\n\n%s\n", name, f->file,
		              f->help);
	else
		lr_buf_printf(out, "'%s' is a command-line function\n\n%s\n", name, f->help);
	return 1;
}
