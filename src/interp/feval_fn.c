/* feval(NAME, args...) and feval(f, args...): calls the function named by a
 * string, or the function handle f, as Octave's feval does. */
#include <string.h>
#include "lowrank/alloc.h"
#include "fn_handle.h"
#include "function.h"
#include "session_impl.h"

int lr_feval_function(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc)
{
	struct lr_val name = { 0 };
	struct lr_node call;

	if (strcmp(n->str, "feval"))
		return 0;
	if (n->nkids == 0) {
		*rc = lr_fail(s, n->pos, "feval: expected the name of a function (usage: "
		              "feval('name', args...))");
		return 1;
	}
	if (lr_eval(s, n->kids[0], &name) < 0) {
		*rc = -1;
		return 1;
	}
	call = *n;
	if (name.v->kind == LR_VAL_FN) {
		call.kids = n->kids + 1;
		call.nkids = n->nkids - 1;
		call.pos = n->kids[0]->pos;
		*rc = lr_fnh_call_node(s, name.v->fh, &call, nargout, outs);
		lr_val_drop(&name);
		return 1;
	}
	if (name.v->kind != LR_VAL_STR || !lr_fn_plain_name(name.v->s)) {
		lr_val_drop(&name);
		*rc = lr_fail(s, n->kids[0]->pos, "feval: expected the name of a function as a "
		              "string, or a function handle");
		return 1;
	}
	/* the call as if written NAME(args...), at the place of the name */
	call = *n;
	call.kind = LR_N_CALL;
	call.str = name.v->s;
	call.strlen = name.v->slen;
	call.kids = n->kids + 1;
	call.nkids = n->nkids - 1;
	call.pos = n->kids[0]->pos;
	call.hint.gen = 0;
	if (lr_var_get(s, call.str))
		*rc = lr_fail(s, n->kids[0]->pos, "feval: '%s' is a variable, not a function",
		              call.str);
	else
		*rc = lr_eval_multi(s, &call, nargout, outs);
	lr_val_drop(&name);
	return 1;
}
