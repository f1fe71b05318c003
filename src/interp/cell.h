/* Cell arrays, as GNU Octave 7 has them in their simplest use: {…}
 * literals, c{k} and c{i, j} (one element), c(k) (a cell of some
 * elements), c{k} = v (growing the cell as Octave does), c(k) = [], their
 * display and the functions of cell.c and cell_fns.c. The value's storage
 * is in value.h (struct lr_cellarr). */
#ifndef LR_CELL_H
#define LR_CELL_H

#include "ast.h"

struct lr_session;
struct lr_val;
struct lr_value;
struct lr_buf;
struct lr_fmt_opts;

/* The deepest nesting of cells in cells a value may have. */
#define LR_CELL_MAX_DEPTH 100

/* {…}: a new cell of the values of an LR_N_CELL node. */
int lr_cell_literal(struct lr_session *s, const struct lr_node *n, struct lr_val *out);
/* c{…} (LR_N_BRACE): the one element the index selects. */
int lr_cell_brace_get(struct lr_session *s, const struct lr_node *n, struct lr_val *out);
/* c(…) of a cell v: a cell of the elements selected, in the index's shape. */
int lr_cell_paren_get(struct lr_session *s, const struct lr_node *call,
                      const struct lr_value *v, struct lr_val *out);
/* c{…} = rhs into old (NULL when the variable does not exist yet): the new
 * cell into *out. */
int lr_cell_brace_set(struct lr_session *s, const struct lr_node *call,
                      const struct lr_value *old, const struct lr_value *rhs,
                      struct lr_value **out);
/* c(…) = []: the cell without the elements selected. */
int lr_cell_delete(struct lr_session *s, const struct lr_node *call,
                   const struct lr_value *old, struct lr_value **out);
/* Sets v's depth from its elements: -1 (nothing set) when it passes
 * LR_CELL_MAX_DEPTH. */
int lr_cell_fix_depth(struct lr_value *v);
/* Shows name = v (name NULL: as disp shows it), as Octave does. */
void lr_cell_show(struct lr_buf *out, const char *name, const struct lr_value *v,
                  const struct lr_fmt_opts *fmt);

/* iscell, cell, cellfun, num2cell, strsplit, strjoin (cell_fns.c): 1 if n
 * names one (it ran, with 0 or -1 in *rc). */
int lr_cell_function(struct lr_session *s, const struct lr_node *n, int nargout,
                     struct lr_value **outs, int *rc);

#endif
