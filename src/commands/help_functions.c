/* The text of `help functions-of-your-own` (help function, help addpath,
 * help rmpath, help nargin, help feval): user functions and function files. */
#include "help.h"

const char lr_help_user_functions[] =
	"Functions of your own, as in Octave:\n"
	"  function r = f(x)            one output\n"
	"  function [a, b] = f(x, y)    several: [p, q] = f(1, 2)\n"
	"  function f()                 none\n"
	"    ...\n"
	"  end                          or endfunction\n"
	"Typed at the prompt (the '..' prompt continues until 'end') or written\n"
	"in a script, after any statement; defining a name again replaces it.\n"
	"A function sees only its inputs and its own variables. Inside it,\n"
	"nargin and nargout say how many inputs and outputs the call gave and\n"
	"asked for; inputs left out are undefined until assigned; 'return'\n"
	"leaves it. Calls nest at most 256 deep ('limit recursion N').\n"
	"Function files: NAME.m or NAME.lr in the current folder, or in a\n"
	"folder given to addpath('folder'), hold function NAME (the file's\n"
	"first function; the others are its subfunctions); a changed file is\n"
	"read again. rmpath('folder') removes a folder. 'help NAME' shows the\n"
	"comment block under a function's first line; exist('NAME') is 103 for\n"
	"a function typed or defined in a script and 2 for a function file.\n"
	"feval('f', x, y) calls the function named by a string, as f(x, y);\n"
	"@f is a handle to it ('help handles').\n";
