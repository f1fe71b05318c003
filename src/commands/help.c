/* Help texts. A command's text is reached through its entry in the command
 * tables; the topics here are the rest. Keep them in step with README.md
 * (the language reference says the same at more length); the man page's
 * lists are generated from the tables. Suite help_sync
 * (tests/lang/test_help_sync.c) checks that every command and function is
 * in all three. */
#include "help.h"

#include <string.h>
#include "builtins.h"
#include "parser.h"

const char lr_help_overview[] =
"lowrank: low-rank matrix factorisation, by SGD and by truncated SVD.\n"
"\n"
"  A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; 2.9407 0.5301 2.2620]\n"
"  sgd A 2          factorise A ~ U*V' with rank 2 by stochastic gradient descent\n"
"  svd A 2          the truncated SVD: U*S*V', the best rank-2 approximation\n"
"  loss             how close SGD came to the Eckart-Young-Mirsky optimum\n"
"  plot             the loss per epoch, with the SVD bound as a floor\n"
"\n"
"Help topics (type 'help TOPIC'):\n"
"  syntax      numbers, matrices, indexing, statements, comments\n"
"  operators   + - * / .* ./ ^ .^ ' and comparisons\n"
"  control     if, for, while, do, switch, try, break, error, warning\n"
"  functions   the list of functions (then 'help NAME')\n"
"  sgd svd loss mask plot   the factorisation commands\n"
"  explore     the rank explorer: error, energy and storage for each rank k\n"
"  commands    every command: format, who, clear, seed, limit, view, quit\n"
"  printf      formatted output for scripts\n"
"  images      imread, imwrite, imshow: matrices as pictures\n"
"  csvwrite    csvwrite, dlmwrite, csvread, loss_history: numbers as text\n"
"  lessons     the lessons and their commands\n";

static const char syntax[] =
"Syntax (GNU Octave's, for this subset):\n"
"  3  -0.5  1e-3  nan  inf  pi  eps    numbers\n"
"  [1 2; 3 4]   [1, 2; 3, 4]          a matrix; ';' or a newline starts a row\n"
"  [A B]   [A; B]                      side by side, on top of each other\n"
"  1:3   1:2:9                         ranges (row vectors)\n"
"  A(2,1)  A(2,:)  A(:,1)  A(end,1)    indexing, from 1; A(k) counts down columns\n"
"  A(2,1) = 5                          assignment into an index (grows A)\n"
"  v(v > 0)   A(A < 0) = 0             a logical index is a mask: where it is true\n"
"  A(:, 2) = []   v(v == 0) = []       deletion (a literal [] on the right)\n"
"  x = expr     expr                   bind a name, or bind ans\n"
"  x = 3;                              a trailing ';' hides the result\n"
"  a = 1, b = 2; c = 3                 several statements on a line\n"
"  # comment    % comment\n"
"  'text'   \"text with \\n escapes\"     strings: rows of characters, s(1), [s t]\n"
"  [U, S, V] = svd(A)                  several outputs; [~, i] = max(x)\n";

static const char operators[] =
"Operators, from lowest to highest precedence:\n"
"  ||  &&  |  &                        logical (true 1, false 0)\n"
"  < <= > >= == ~= !=                  comparisons, elementwise: logical values\n"
"  :                                   range\n"
"  + -                                 elementwise, with broadcasting\n"
"  * / \\ .* ./ .\\                      matrix product, right and left division\n"
"                                      (A \\ b solves A*x = b), elementwise\n"
"  - + ! (unary)\n"
"  ^ .^                                power of a square matrix / elementwise\n"
"  ' .'                                transpose\n"
"Broadcasting: a scalar, a row or a column stretches to match the other operand.\n"
"Logical values (true, false, comparisons) show as 1 and 0 and count as numbers in\n"
"arithmetic; as an index they are a mask. A string in arithmetic is its character\n"
"codes: 'a' + 1 is 98.\n";

const char lr_help_sgd[] =
"sgd A k [epochs=1000] [lr=X] [seed=N] [update=sequential|simultaneous]\n"
"        [order=rows|shuffled] [U=U0] [V=V0]\n"
"  Factorises A ~ U*V' (U m-by-k, V n-by-k) by the notebook's SGD and binds U\n"
"  and V. Each epoch visits the entries row by row; for each observed entry\n"
"    e = A(r,c) - U(r,:)*V(c,:)'\n"
"    U(r,:) += lr*e*V(c,:)\n"
"    V(c,:) += lr*e*U(r,:)      (sequential: the U row just updated)\n"
"  update=simultaneous uses the old U row (the textbook gradient step);\n"
"  order=shuffled visits the entries in a new random order every epoch.\n"
"  U and V start uniform in [0,1) from the seed (drawn from the session's\n"
"  generator unless seed= is given; 'seed N' resets it). Hidden entries (the\n"
"  mask, or NaN) take no part. Prints U, V and the loss: the sum of squared\n"
"  errors over the observed entries. Function form: [U, V] = sgd(A, k, 'lr', 0.02).\n"
"  Without lr=, the learning rate is 0.01, or 1/norm(A, 'fro') (over the\n"
"  observed entries) rounded down to one digit when that is smaller: a norm\n"
"  above 100, as a photograph's (imread's 512x512 ascent.png: 1e-05), whose\n"
"  larger steps would diverge. A diverged run says which lr to try.\n";

const char lr_help_svd[] =
"svd A [k] [method=auto|full|subspace]\n"
"  The truncated SVD: binds U (m-by-k), S (k-by-k diagonal) and V (n-by-k), so\n"
"  that U*S*V' is the best rank-k approximation of A. Prints them and every\n"
"  singular value, the kept ones marked, the bound sum(s(k+1:end).^2), the energy\n"
"  kept and the storage k(m+n+1) against m*n. Function forms: s = svd(A) (all\n"
"  singular values), [U, S, V] = svd(A) (full), svd(A, 'econ') (thin), svd(A, 0)\n"
"  (thin for a tall A, full otherwise, as Octave); the rank-k form is svds:\n"
"  [U, S, V] = svds(A, k), svds(A, k, 'method', 'full').\n"
"  method=auto (the default) computes only the k leading singular values, by\n"
"  randomized subspace iteration, when that is much faster: min(m, n) >= 1000\n"
"  and k <= min(m, n)/50. The others are then not listed, and the bound is\n"
"  measured as ||A - A_k||^2. method=full computes every singular value;\n"
"  method=subspace asks for the iteration on any size (a small matrix or a flat\n"
"  spectrum still gets the full SVD, with a note).\n";

const char lr_help_svds[] =
"s = svds(A, k), [U, S, V] = svds(A, k), svds(A, k, 'method', M), svds(A)\n"
"  The k largest singular values (6 when k is not given) and their vectors, as\n"
"  Octave's svds: the truncated SVD of 'svd A k' as a function (U m-by-k, S\n"
"  k-by-k, V n-by-k), kept for loss and plot as the command's is. method= as for\n"
"  svd. (svd(A, k) was this function before; it is now Octave's svd(A, 0).)\n";

const char lr_help_explore[] =
"explore A [k] [method=auto|full|subspace]\n"
"  The rank explorer. Computes the SVD of A (as 'svd A k' does, k = 1 unless\n"
"  given) and prints, for k = 1 to min(m, n) (at most 10 rows): the error of the\n"
"  best rank-k approximation, sum of s(i)^2 for i > k = ||A - A_k||^2, the\n"
"  relative error ||A - A_k|| / ||A||, the energy kept and the storage k(m+n+1)\n"
"  against m*n. On a terminal the panel shows the Spectrum view, where + and -\n"
"  (on an empty prompt) step k and the cut-off, the numbers and the rank-k\n"
"  approximation follow. Binds no variables; 'loss' and the panel use the SVD.\n"
"  method= as for svd: with only the leading values computed (at least 10), the\n"
"  table is exact and + stops at the last computed one.\n";

const char lr_help_loss[] =
"loss\n"
"  Compares the newest sgd with the SVD of the same matrix and rank (computing\n"
"  whichever is missing): the SGD loss, the SVD loss, the Eckart-Young-Mirsky\n"
"  bound sum of s(i)^2 for i > k, and the gap. No rank-k matrix beats the bound,\n"
"  so SGD approaches it and never goes below. For a masked matrix the bound does\n"
"  not apply: it shows the loss on observed entries and the error on hidden ones.\n"
"  Function form: loss() = [sgd_loss svd_loss bound gap].\n";

const char lr_help_mask[] =
"mask A M     hide the entries of A where M is 0 (M has A's shape, 1 = observed)\n"
"mask A       show the mask of A (NaN entries are always hidden)\n"
"unmask A     observe every entry that is not NaN\n"
"  A hidden entry keeps its value, shown in [brackets]: sgd learns without it,\n"
"  and reports its error on the hidden entries, which tells how well it completes\n"
"  the matrix. Function forms: B = mask(A, M), B = unmask(A).\n";

const char lr_help_plot[] =
"plot [all] [ascii]\n"
"  Draws the loss per epoch of the newest sgd on a logarithmic axis, with the\n"
"  SVD bound as a dashed floor and the error on hidden entries when it is known.\n"
"  'plot all' overlays the last runs (up to 4), with their hidden-entry errors\n"
"  while runs and errors together are at most 4 series; 'ascii' draws without\n"
"  Unicode.\n";

const char lr_help_commands[] =
"Commands (a word and its arguments; a ';' at the end hides the output):\n"
"  sgd A k [options]   svd A [k]   loss   mask A [M]   unmask A   plot [all]\n"
"  explore A [k]       each rank's error, energy and storage; + and - step k\n"
"  format short|long   4 decimals, or 15 significant digits\n"
"  who                 the variables and their shapes\n"
"  clear [NAME...]     remove variables (all of them without names)\n"
"  seed N              reset the random generator (rand, randn, sgd's start)\n"
"  limit [NAME N]      show or change the limits on one statement; see 'help limit'\n"
"  save FILE [NAME...]  load FILE  load A FILE.csv|FILE.mtx   see 'help save'\n"
"  print FILE.svg|FILE.png   the figure shown last, for a slide; see 'help print'\n"
"  lessons  lesson N  next  back  check  hint  reveal  skip   see 'help lessons'\n"
"  view matrices|loss|spectrum|compare|image   choose the panel view (terminal\n"
"                      only; image: the Matrices view as pictures)\n"
"  help [TOPIC]        this help\n"
"  quit [STATUS]  exit [STATUS]   also quit(STATUS), exit(STATUS), as in Octave\n";

const char lr_help_limit[] =
"limit   limit NAME N\n"
"  Limits on what one statement may ask for, so that a typo cannot exhaust the\n"
"  machine: over one, the statement is refused at once and the message says\n"
"  which limit and how to raise it. 'limit' lists them; 'limit NAME N' sets\n"
"  one (a whole number from 1 to its maximum) for the statements after it.\n"
"    elements  elements of one matrix, or       default 1e8     at most 1e15\n"
"              characters of one string\n"
"    updates   epochs × entries × k of one sgd  default 1e10    at most 1e18\n"
"    products  multiply-adds m·k·n of one       default 1e12    at most 1e18\n"
"              matrix product (A * B, A ^ k)\n"
"    line      bytes of one statement (a line   default 8 MiB   at most 1 GiB\n"
"              and its continuation lines)\n"
"    depth     nesting of one expression:       default 200     at most 500\n"
"              brackets, parentheses, prefix operators; transposes and\n"
"              && or || in a row may be five times as many\n"
"    recursion calls of your functions nested     default 256     at most 1000\n"
"              in one another (Octave's max_recursion_depth)\n";

static const char t_printf[] =
"printf(FORMAT, ...)   fprintf(FORMAT, ...)   s = sprintf(FORMAT, ...)   disp(X)\n"
"  Octave's rules: %d %i %u %f %e %g %x %o %c %s with flags, widths and\n"
"  precisions; \\n \\t escapes. Matrix arguments give their elements down the\n"
"  columns, and the format repeats until every element is used:\n"
"    printf(\"%d: %.4f\\n\", [1:3; sqrt(1:3)])\n"
"  disp(X) shows a value without its name; display(x) shows a variable as\n"
"  its statement would (x = ...), any other value as disp.\n";

const char lr_help_save[] =
"save FILE            the whole workspace: variables with their masks, the kept\n"
"                     training runs and the last SVD (so loss and plot work after load)\n"
"save FILE A B        only those variables\n"
"load FILE            a workspace file; its variables replace those of the same name\n"
"load A FILE.csv      numbers separated by commas (or blanks); an empty field is NaN\n"
"load A FILE.mtx      a MatrixMarket file\n"
"Files are written to a temporary file and renamed into place, so a crash leaves the\n"
"old file whole; a damaged file is refused with its line and loads nothing.\n";

static const char t_images[] =
"I = imread(FILE)       a PNG, JPEG, PGM/PPM or BMP file as gray levels 0..255\n"
"                       (a colour picture by rgb2gray's weights)\n"
"imwrite(A, FILE)       an 8-bit gray PNG (FILE.png) or PGM (FILE.pgm)\n"
"imshow(A)              show A as a picture; imshow(A, []) from min to max,\n"
"                       imshow(A, [lo hi]) from lo to hi\n"
"imagesc(A)             as imshow(A, []); image(A): A's values index 64 grays\n"
"  One scale everywhere: a matrix whose largest value is at most 1 goes from 0\n"
"  (black) to 1 (white), any other from 0 to 255, so imwrite(imread(F), G) keeps\n"
"  every pixel. In batch mode imshow prints the picture in the characters\n"
"  ' .:-=+*#%@' (dark to light); on a terminal it shows it in the panel.\n"
"  Try: I = imread('lessons/data/ascent.png'); explore I 20\n";

struct topic {
	const char *name;
	const char *text;
};

/* The topics that are not a command's word (those are in the command
 * tables, whose entries point at the texts above). */
static const struct topic topics[] = {
	{ "syntax", syntax }, { "operators", operators }, { "commands", lr_help_commands },
	{ "printf", t_printf }, { "fprintf", t_printf }, { "sprintf", t_printf },
	{ "images", t_images }, { "imread", t_images }, { "imwrite", t_images },
	{ "imshow", t_images }, { "image", t_images }, { "imagesc", t_images },
	{ "disp", t_printf }, { "display", t_printf }, { "control", lr_help_control }, { "error", lr_help_control },
	{ "warning", lr_help_control }, { "tic", lr_help_clock }, { "toc", lr_help_clock },
	{ "clc", lr_help_clock }, { "exist", lr_help_clock },
	{ "function", lr_help_user_functions }, { "endfunction", lr_help_user_functions },
	{ "addpath", lr_help_user_functions }, { "rmpath", lr_help_user_functions },
	{ "nargin", lr_help_user_functions }, { "nargout", lr_help_user_functions },
	{ "feval", lr_help_handles }, { "handles", lr_help_handles },
	{ "func2str", lr_help_handles }, { "str2func", lr_help_handles },
	{ "is_function_handle", lr_help_handles }, { "arrayfun", lr_help_handles },
	{ "cells", lr_help_cells }, { "cell", lr_help_cells }, { "cellfun", lr_help_cells },
	{ "iscell", lr_help_cells }, { "num2cell", lr_help_cells }, { "strsplit", lr_help_cells },
	{ "strjoin", lr_help_cells },
};

/* Each table is a family (builtins.h): its title, then its functions. */
static void list_functions(struct lr_buf *out)
{
	lr_buf_puts(out, "Functions ('help NAME' for one):\n");
	for (size_t t = 0; lr_builtin_tables[t]; t++) {
		const struct lr_builtin_table *tb = lr_builtin_tables[t];
		lr_buf_printf(out, "%s:\n", tb->title ? tb->title : "More functions");
		for (size_t i = 0; i < tb->n; i++)
			lr_buf_printf(out, "  %-11s %s\n", tb->entries[i].name, tb->entries[i].summary);
	}
	lr_buf_puts(out, "Commands with a function form, and output:\n"
	                 "  sgd, svds, mask, unmask, loss, printf, fprintf, sprintf, disp:\n"
	                 "              see 'help sgd', 'help printf', ...\n"
	                 "  imread, imwrite, imshow, image, imagesc: see 'help images'\n"
	                 "  csvwrite, dlmwrite, csvread, loss_history: see 'help csvwrite'\n");
}

int lr_help(struct lr_buf *out, const struct lr_command *const *tables, const char *topic)
{
	const struct lr_builtin *b;
	const struct lr_command *c;

	if (!topic) {
		lr_buf_puts(out, lr_help_overview);
		return 0;
	}
	for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++)
		if (!strcmp(topics[i].name, topic)) {
			lr_buf_puts(out, topics[i].text);
			return 0;
		}
	for (size_t i = 0; lr_keywords[i]; i++)
		if (!strcmp(lr_keywords[i], topic)) {
			lr_buf_puts(out, lr_help_control);
			return 0;
		}
	c = lr_command_find(tables, topic);
	if (c) {
		lr_buf_puts(out, c->help);
		return 0;
	}
	if (!strcmp(topic, "functions")) {
		list_functions(out);
		return 0;
	}
	b = lr_builtin_find(topic);
	if (!b)
		return -1;
	lr_buf_printf(out, "%s\n  %s\n", b->usage, b->summary);
	return 0;
}
