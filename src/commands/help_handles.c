/* The text of `help handles` (help func2str, help arrayfun, ...): function
 * handles and anonymous functions. */
#include "help.h"

const char lr_help_handles[] =
	"Function handles and anonymous functions, as in Octave:\n"
	"  f = @(x) A * x        an anonymous function: A's value now is kept in f\n"
	"  f(v)                  call it; @(x, y) ... takes two, @() ... none\n"
	"  g = @(x) f(x) + 1     handles nest; g = @sin, @myfun name a function\n"
	"  feval(f, v)           the same as f(v); feval('sin', 0) by name\n"
	"  func2str(f)           its text, '@(x) A * x' ('sin' for @sin)\n"
	"  str2func('@(t) t*2')  the handle of a text or of a name\n"
	"  is_function_handle(f) 1 for a handle; class(f) is 'function_handle'\n"
	"  arrayfun(f, v)        f on each element of v: a matrix the shape of v;\n"
	"                        arrayfun(f, A, B) takes elements in pairs, and\n"
	"                        [p, q] = arrayfun(...) gathers two outputs\n"
	"An anonymous function sees only its parameters and the variables it\n"
	"named when it was made (a later change to A does not reach it). Calls\n"
	"of handles count against 'limit recursion' as function calls do, and\n"
	"Ctrl-C stops them. A handle is shown as Octave shows it, its body\n"
	"written again with spaced operators: @(x) x .^ 2 + 1.\n"
	"arrayfun(f, v, 'UniformOutput', false) gathers the results in a cell\n"
	"array ('help cells'). Not here: varargin.\n";
