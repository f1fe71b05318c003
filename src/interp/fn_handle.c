/* Function handles: making them (capturing variables), calling them, and
 * the errors of a call, as Octave 7 gives them. An anonymous function runs
 * in a frame of its own holding copies of its captured variables and its
 * arguments, as a user function's call does (function.c); a handle to a
 * named function calls it with values already made, through the same
 * dispatch as a call written in the text. */
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "builtins.h"
#include "fn_handle.h"
#include "frame.h"
#include "function.h"
#include "limit.h"
#include "parser.h"
#include "session_impl.h"

/* Calls between polls of the front end's interrupt, as loops poll. */
#define POLL_EVERY 32

struct lr_anon *lr_anon_ref(struct lr_anon *a)
{
	if (a)
		a->refs++;
	return a;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lr_free(names[i]);
	lr_free(names);
}

int lr_anon_param(const struct lr_anon *a, const char *name)
{
	for (size_t i = 0; i < a->nparams; i++)
		if (!strcmp(a->params[i], name))
			return 1;
	return 0;
}

void lr_anon_release(struct lr_anon *a)
{
	if (!a || --a->refs > 0)
		return;
	free_names(a->params, a->nparams);
	free_names(a->names, a->nnames);
	lr_node_destroy(a->body);
	lr_free(a->text);
	lr_free(a);
}

struct lr_fnh *lr_fnh_ref(struct lr_fnh *h)
{
	if (h)
		h->refs++;
	return h;
}

static void destroy(struct lr_fnh *h)
{
	lr_free(h->name);
	lr_anon_release(h->anon);
	for (size_t i = 0; i < h->ncap; i++) {
		lr_free(h->cap_names[i]);
		lr_value_destroy(h->cap_vals[i]);
	}
	lr_free(h->cap_names);
	lr_free(h->cap_vals);
	lr_fndef_release(h->scope);
	lr_free(h);
}

void lr_fnh_release(struct lr_fnh *h)
{
	if (h && --h->refs == 0)
		destroy(h);
}

struct lr_value *lr_value_fn(struct lr_fnh *h)
{
	struct lr_value *v;

	if (!h)
		return NULL;
	v = lr_calloc(1, sizeof *v);
	if (!v) {
		lr_fnh_release(h);
		return NULL;
	}
	v->kind = LR_VAL_FN;
	v->fh = h;
	return v;
}

/* Copies of the variables of the current frame that a's body names. */
static int capture(struct lr_session *s, struct lr_fnh *h, const struct lr_anon *a)
{
	h->cap_names = lr_calloc(a->nnames + 1, sizeof *h->cap_names);
	h->cap_vals = lr_calloc(a->nnames + 1, sizeof *h->cap_vals);
	if (!h->cap_names || !h->cap_vals)
		return -1;
	for (size_t i = 0; i < a->nnames; i++) {
		const struct lr_value *v = lr_var_get(s, a->names[i]);
		if (!v)
			continue;
		h->cap_names[h->ncap] = lr_strdup(a->names[i]);
		h->cap_vals[h->ncap] = lr_value_copy(v);
		if (!h->cap_names[h->ncap] || !h->cap_vals[h->ncap]) {
			lr_free(h->cap_names[h->ncap]);
			lr_value_destroy(h->cap_vals[h->ncap]);
			return -1;
		}
		h->ncap++;
	}
	return 0;
}

int lr_fnh_make(struct lr_session *s, const struct lr_node *n, struct lr_val *out)
{
	struct lr_fnh *h = lr_calloc(1, sizeof *h);
	int ok;

	if (!h)
		return lr_fail(s, n->pos, "out of memory");
	h->refs = 1;
	h->destroy = destroy;
	h->scope = lr_fndef_ref(s->frame_fn);
	if (n->kind == LR_N_FHANDLE) {
		ok = (h->name = lr_strdup(n->str)) != NULL;
	} else {
		h->anon = lr_anon_ref(n->anon);
		ok = capture(s, h, n->anon) == 0;
	}
	out->own = ok ? lr_value_fn(h) : NULL;
	out->v = out->own;
	if (!ok)
		lr_fnh_release(h);
	return out->v ? 0 : lr_fail(s, n->pos, "out of memory");
}

/* After the body of h failed, called at at from caller (NULL: the top):
 * the error quotes the body's text (the session keeps the definition
 * until the next error) and names "@<anonymous>" among the calls. */
static void trace_error(struct lr_session *s, const struct lr_fnh *h, struct lr_pos at,
                        const struct lr_fndef *caller)
{
	struct lr_error *e = s->err;
	const char *file = h->scope ? h->scope->file : NULL;

	if (!e->src) {
		e->src = h->anon->text;
		e->srclen = h->anon->textlen;
		e->file = file;
		lr_frame_trace(e, "@<anonymous>", file, e->pos);
		lr_anon_release(s->err_anon);
		s->err_anon = lr_anon_ref(h->anon);
	} else if (h->scope && e->nframes > 0) {
		/* a function the body called named the body's frame by its scope */
		snprintf(e->frames[e->nframes - 1].name, sizeof e->frames[0].name, "@<anonymous>");
	} else {
		lr_frame_trace(e, "@<anonymous>", file, e->top);
	}
	if (caller)
		lr_frame_trace(e, caller->name, caller->file, at);
	else
		e->top = at;
}

/* The position of argument i of a call at, or of the call itself. */
static struct lr_pos arg_pos(const struct lr_node *at, size_t i)
{
	return i < at->nkids ? at->kids[i]->pos : at->pos;
}

static int check_anon(struct lr_session *s, const struct lr_anon *a, const struct lr_node *at,
                      size_t nargs)
{
	if (nargs > a->nparams)
		return lr_fail(s, arg_pos(at, a->nparams), "@<anonymous>: function called with too "
		               "many inputs (it takes %zu, found %zu)", a->nparams, nargs);
	if (s->call_depth >= s->lim.max_recursion) {
		char msg[256];
		lr_limit_msg(msg, sizeof msg, LR_LIMIT_RECURSION, s->lim.max_recursion,
		             "max_recursion_depth exceeded: calls nested %d deep", s->call_depth + 1);
		return lr_fail(s, at->pos, "%s", msg);
	}
	if (--s->poll <= 0) {
		s->poll = POLL_EVERY;
		if (lr_interrupted(s))
			return lr_fail(s, at->pos, "interrupted; the variables keep the values they had");
	}
	return 0;
}

/* Binds the captured variables and the arguments in the new frame. */
static int bind(struct lr_session *s, const struct lr_fnh *h, const struct lr_value *const *args,
                size_t nargs)
{
	for (size_t i = 0; i < h->ncap; i++) {
		struct lr_value *v = lr_value_copy(h->cap_vals[i]);
		if (!v || lr_var_put(s, h->cap_names[i], v) < 0)
			return -1;
	}
	for (size_t i = 0; i < nargs; i++) {
		struct lr_value *v;
		if (!strcmp(h->anon->params[i], "~"))
			continue;
		v = lr_value_copy(args[i]);
		if (!v || lr_var_put(s, h->anon->params[i], v) < 0)
			return -1;
	}
	return 0;
}

static int call_anon(struct lr_session *s, struct lr_fnh *h, const struct lr_node *at,
                     const struct lr_value *const *args, size_t nargs, int nargout,
                     struct lr_value **outs)
{
	struct lr_frame fr;
	int rc;

	if (check_anon(s, h->anon, at, nargs) < 0)
		return -1;
	lr_frame_enter(s, &fr, h->anon->text, h->scope, h->anon);
	rc = bind(s, h, args, nargs);
	if (rc < 0)
		lr_fail(s, at->pos, "out of memory");
	else if ((rc = lr_eval_multi(s, h->anon->body, nargout, outs)) < 0)
		trace_error(s, h, at->pos, fr.fn);
	lr_frame_leave(s, &fr);
	return rc;
}

/* 1 if name is a function anything can call: a user function, one the
 * session runs, a command with a function form, a builtin. */
static int callable(struct lr_session *s, const char *name)
{
	return lr_fn_find(s, name) || lr_builtin_find(name) || lr_session_fn_name(name) ||
	       lr_session_command(s, name);
}

/* @name called: the call name(args) made of nodes that hold the values,
 * run in an empty frame, so that a variable of the caller's named like the
 * function cannot hide it. */
static int call_named(struct lr_session *s, struct lr_fnh *h, const struct lr_node *at,
                      const struct lr_value *const *args, size_t nargs, int nargout,
                      struct lr_value **outs)
{
	struct lr_node call, *kids = lr_calloc(nargs + 1, sizeof *kids);
	struct lr_node **kp = lr_calloc(nargs + 1, sizeof *kp);
	struct lr_frame fr;
	int rc = -1;

	if (!kids || !kp) {
		lr_fail(s, at->pos, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nargs; i++) {
		kids[i].kind = LR_N_VALUE;
		kids[i].val = args[i];
		kids[i].pos = arg_pos(at, i);
		kp[i] = &kids[i];
	}
	memset(&call, 0, sizeof call);
	call.kind = LR_N_CALL;
	call.pos = at->pos;
	call.end = at->end;
	call.str = h->name;
	call.strlen = strlen(h->name);
	call.kids = kp;
	call.nkids = nargs;
	lr_frame_enter(s, &fr, s->src, h->scope, h->anon);   /* h->anon is NULL for @name */
	if (!callable(s, h->name)) {
		if (!s->fn_failed)
			lr_fail(s, at->pos, "invalid function handle, unable to find function for @%s",
			        h->name);
	} else {
		rc = lr_eval_multi(s, &call, nargout, outs);
	}
	lr_frame_leave(s, &fr);
done:
	lr_free(kids);
	lr_free(kp);
	return rc;
}

int lr_fnh_call(struct lr_session *s, struct lr_fnh *h, const struct lr_node *at,
                const struct lr_value *const *args, size_t nargs, int nargout,
                struct lr_value **outs)
{
	int rc;

	lr_fnh_ref(h);   /* the call may drop the variable that held it */
	if (h->anon)
		rc = call_anon(s, h, at, args, nargs, nargout, outs);
	else
		rc = call_named(s, h, at, args, nargs, nargout, outs);
	lr_fnh_release(h);
	return rc;
}

int lr_fnh_call_node(struct lr_session *s, struct lr_fnh *h, const struct lr_node *call,
                     int nargout, struct lr_value **outs)
{
	struct lr_val *args = lr_calloc(call->nkids + 1, sizeof *args);
	const struct lr_value **argv = lr_calloc(call->nkids + 1, sizeof *argv);
	int rc = -1;

	lr_fnh_ref(h);
	if (!args || !argv) {
		lr_fail(s, call->pos, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < call->nkids; i++) {
		if (call->kids[i]->kind == LR_N_COLON) {
			lr_fail(s, call->kids[i]->pos, "':' is not a value to pass to a function "
			        "handle");
			goto done;
		}
		if (lr_eval(s, call->kids[i], &args[i]) < 0)
			goto done;
		argv[i] = args[i].v;
	}
	rc = lr_fnh_call(s, h, call, argv, call->nkids, nargout, outs);
done:
	for (size_t i = 0; args && i < call->nkids; i++)
		lr_val_drop(&args[i]);
	lr_free(args);
	lr_free(argv);
	lr_fnh_release(h);
	return rc;
}

int lr_fnh_index(struct lr_session *s, const struct lr_node *call, const struct lr_value *v,
                 struct lr_val *out)
{
	struct lr_value *outs[LR_MAX_OUTS] = { 0 };

	if (lr_fnh_call_node(s, v->fh, call, 1, outs) < 0)
		return -1;
	for (int i = 1; i < LR_MAX_OUTS; i++)
		lr_value_destroy(outs[i]);
	if (!outs[0])
		return lr_fail(s, call->pos, "the function handle's call gives no value to use here");
	out->v = out->own = outs[0];
	return 0;
}
