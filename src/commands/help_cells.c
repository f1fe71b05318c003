/* The text of `help cells` (help cellfun, help strsplit, ...): cell arrays. */
#include "help.h"

const char lr_help_cells[] =
	"Cell arrays, as in Octave: a grid of values of any kind.\n"
	"  c = {1, 'abc'; [1 2 3], {2}}   a literal, row by row ({} is empty)\n"
	"  c{2, 1}   c{3}                 one element (counted down the columns)\n"
	"  c(1, :)                        a cell of some elements\n"
	"  c{2, 3} = 5                    assign; the cell grows with [] elements\n"
	"  c(2) = []                      delete elements\n"
	"  numel(c)  size(c)  isempty(c)  iscell(c)  class(c) is 'cell'\n"
	"  cell(m, n)                     a cell of empty [] elements\n"
	"  num2cell(A)                    each element of A in a cell\n"
	"  cellfun(@numel, c)             F on each element: a matrix of the results;\n"
	"  cellfun('isempty', c)          F by name; with 'UniformOutput', false a cell\n"
	"  arrayfun(f, v, 'UniformOutput', false)   the results of f in a cell\n"
	"  strsplit('a b c')  strsplit(s, ',')   the pieces of a string, a cell row\n"
	"  strjoin({'a', 'b'}, '-')       the strings of a cell joined: 'a-b'\n"
	"Not here: c{:} as a list of values, c{i}{j} in one go (take t = c{i}\n"
	"first), [c1, c2] joining cells, structures.\n";
