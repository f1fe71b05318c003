/* deal: copies of its inputs as outputs, as Octave's. Students swap and
 * update several variables at once with it: [a, b] = deal(b, mod(a, b)). */
#include "fn_args.h"

/* [a, b, ...] = deal(x, y, ...) gives each its own input; deal(x) gives x
 * to every output; other counts are Octave's error. */
static int fn_deal(struct lr_call *c)
{
	int nout = lr_fn_nargout(c) < 1 ? 1 : lr_fn_nargout(c);

	if (c->nargin > 1 && c->nargin != nout)
		return lr_fn_fail(c, -1, "deal: nargin > 1 and nargin != nargout");
	for (int i = 0; i < nout; i++) {
		c->outs[i] = lr_value_copy(c->args[c->nargin > 1 ? i : 0]);
		if (!c->outs[i]) {
			for (int j = 0; j < i; j++) {
				lr_value_destroy(c->outs[j]);
				c->outs[j] = NULL;
			}
			return lr_fn_nomem(c, "deal");
		}
	}
	return 0;
}

static const struct lr_builtin table[] = {
	{ "deal", 1, LR_MAX_OUTS, LR_MAX_OUTS, fn_deal, "[a, b] = deal(x, y), [a, b] = deal(x)",
	  "each output a copy of its input (or all of the one input)" },
};

/* Registered in builtin_tables.c. */
const struct lr_builtin_table lr_builtins_deal = LR_BUILTIN_TABLE(table);
