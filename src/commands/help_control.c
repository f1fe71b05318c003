/* The help page of control flow: `help control`, and `help if`, `help for`,
 * ... for each keyword, `help error`, `help warning`. Kept in step with the
 * README's "Control flow" section and the man page. */
#include "help.h"

const char lr_help_control[] =
"Control flow, as GNU Octave 7 runs it (a block is one statement: at the prompt\n"
"it goes on at the '..' prompt until its end):\n"
"  if x > 0, y = 1; elseif x < 0, y = -1; else, y = 0; end    (or endif)\n"
"  for i = 1:10 ... end          a range, the elements of a row vector, or the\n"
"                                columns of a matrix, one per step (or endfor)\n"
"  while n > 1 ... end           (or endwhile)\n"
"  do ... until n > 10           the body runs at least once\n"
"  break  continue               leave the loop, or go on with its next step\n"
"  switch s                      a number or a string, matched as isequal does\n"
"    case 1 ...   case {2, 3} ...   case 'abc' ...   otherwise ...\n"
"  end                           (or endswitch)\n"
"  try ... catch err ... end     err.message and err.identifier hold the error\n"
"  error('fmt', values...)       stops with a message (one argument: as it is;\n"
"                                error('pkg:id', 'fmt', ...) sets err.identifier)\n"
"  warning('fmt', values...)     prints 'warning: ...' to standard error and goes on;\n"
"                                warning('off', 'all') and warning('on', 'all')\n"
"  return                        ends the script (at the prompt: the line)\n"
"  x += 1  x -= 1  x *= 2  x /= 2    x = x + 1 and so on; also A(i, j) += 1\n"
"  x++  x--  v(k)++              statements: x += 1, x -= 1\n"
"  size(A)(1)   A(2, :)(3)       an index of a call's or an index's value\n"
"Conditions are true when nonempty and all nonzero; NaN is an error. Ctrl-C or Esc\n"
"stops a running loop; the variables keep the values they had at that moment.\n"
"Errors inside a block name the line and column of the statement that failed.\n";

const char lr_help_clock[] =
"tic  toc  id = tic  t = toc  toc(id)\n"
"  tic starts a timer; toc prints 'Elapsed time is N seconds.' (t = toc gives N).\n"
"clc\n"
"  clears the output area of the REPL (batch mode prints nothing, as octave-cli).\n"
"exist('name')  exist('name', 'var'|'builtin'|'file'|'dir')\n"
"  1 a variable, 5 a function or command, 2 a file, 7 a folder, 0 nothing.\n"
"class(x)  isa(x, 'double'|'numeric'|'float'|'char')\n"
"  the type of a value: 'double' (numbers) or 'char' (strings).\n";
