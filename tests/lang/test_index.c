/* Tests of indexing through a whole session (index.c): logical masks, their
 * shapes and errors, assignment through them, deletion, and strings indexed
 * as rows of characters. Expected shapes and values are GNU Octave 7.3's. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "parser.h"
#include "session_impl.h"
#include "session_open.h"
#include "session_script.h"

static struct lr_error err;

/* Runs src in s, on after an error; 0 when every statement ran (the last
 * error in err). */
static int run(struct lr_session *s, const char *src)
{
	return script_run(s, src, 1, &err);
}

/* Variable name of s is a rows×cols matrix (logical or not) holding the
 * given entries row by row. */
static void check_var(const char *file, int line, struct lr_session *s, const char *name,
                      int logical, size_t rows, size_t cols, const double *want)
{
	const struct lr_value *v = lr_var_get(s, name);

	if (!v || v->kind != LR_VAL_MAT) {
		fprintf(stderr, "%s:%d: %s is not a matrix variable\n", file, line, name);
		check_failures++;
		return;
	}
	if (v->logical != logical || v->m->rows != rows || v->m->cols != cols) {
		fprintf(stderr, "%s:%d: %s is %s %zu×%zu, expected %s %zu×%zu\n", file, line, name,
		        v->logical ? "logical" : "double", v->m->rows, v->m->cols,
		        logical ? "logical" : "double", rows, cols);
		check_failures++;
		return;
	}
	for (size_t i = 0; i < rows * cols; i++)
		if (v->m->data[i] != want[i]) {
			fprintf(stderr, "%s:%d: %s entry %zu is %g, expected %g\n", file, line, name, i,
			        v->m->data[i], want[i]);
			check_failures++;
		}
}
#define VAR(s, name, logical, r, c, ...) check_var(__FILE__, __LINE__, (s), (name), (logical), \
	(r), (c), (const double[]){ 0, __VA_ARGS__ } + 1)
#define VAR_EMPTY(s, name, logical, r, c) check_var(__FILE__, __LINE__, (s), (name), \
	(logical), (r), (c), NULL)

/* Running src fails with a message containing want, and leaves x alone. */
static void fails(struct lr_session *s, const char *src, const char *want)
{
	if (run(s, src) == 0) {
		fprintf(stderr, "'%s' ran, expected the error '%s'\n", src, want);
		check_failures++;
	} else if (!strstr(err.msg, want)) {
		fprintf(stderr, "'%s' failed with '%s', expected '%s'\n", src, err.msg, want);
		check_failures++;
	}
}

static void str_var(const char *file, int line, struct lr_session *s, const char *name,
                    const char *want)
{
	const struct lr_value *v = lr_var_get(s, name);

	if (!v || v->kind != LR_VAL_STR || v->slen != strlen(want) || memcmp(v->s, want, v->slen)) {
		fprintf(stderr, "%s:%d: %s is not the string '%s'\n", file, line, name, want);
		check_failures++;
	}
}
#define STR(s, name, want) str_var(__FILE__, __LINE__, (s), (name), (want))

static void mask_shapes(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "v = [1 2 3]; A = [1 -2; -3 4]; c = [1; 2; 3];"
	             "a = v(v > 1); b = v(logical([1; 0; 1])); d = A(A < 0);"
	             "e = A(logical([1 0 1])); f = A(logical([1; 0; 1])); g = c(c > 1);"
	             "h = v(true); k = v(false); l = v(logical([1 0 1 0])); m = A(A > 5);"
	             "n = v(v > 5); t = v > 1") == 0);
	VAR(s, "a", 0, 1, 2, 2, 3);
	VAR(s, "b", 0, 1, 2, 1, 3);
	VAR(s, "d", 0, 2, 1, -3, -2);
	VAR(s, "e", 0, 1, 2, 1, -2);
	VAR(s, "f", 0, 2, 1, 1, -2);
	VAR(s, "g", 0, 2, 1, 2, 3);
	VAR(s, "h", 0, 1, 1, 1);
	VAR_EMPTY(s, "k", 0, 0, 0);
	VAR(s, "l", 0, 1, 2, 1, 3);
	VAR_EMPTY(s, "m", 0, 0, 1);
	VAR_EMPTY(s, "n", 0, 1, 0);
	VAR(s, "t", 1, 1, 3, 0, 1, 1);
	/* two masks, and a mask next to ':' */
	CHECK(run(s, "B = [1 0 3; 0 0 6]; p = B(:, any(B)); q = B(logical([1 0]), logical([1 0 1]));"
	             "r = t(2:3)") == 0);
	VAR(s, "p", 0, 2, 2, 1, 3, 0, 6);
	VAR(s, "q", 0, 1, 2, 1, 3);
	VAR(s, "r", 1, 1, 2, 1, 1);   /* indexing a logical keeps it logical */
	lr_session_destroy(s);
}

static void mask_errors(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "v = [1 2 3]; B = [1 2 3; 4 5 6]") == 0);
	fails(s, "x = v(logical([1 0 1 1]))", "v(4): out of bound 3 (dimensions are 1×3)");
	fails(s, "x = B(logical([1 0 1]), 1)", "B(3,_): out of bound 2");
	fails(s, "x = B(1, logical([0 0 0 1]))", "B(_,4): out of bound 3");
	fails(s, "B(B > 1) = [1 2]", "cannot assign a 1×2 value to 5 positions of B");
	fails(s, "B(logical([0 0 0 0 0 0 1])) = 1", "B(7) = X: invalid resizing operation");
	fails(s, "x = logical([1 NaN])", "invalid conversion from NaN to logical");
	fails(s, "t = true(1, 2); t(1) = 2", "t is logical, and 2 is not 0 or 1");
	fails(s, "Z = zeros(3, 0); Z(2) = 1", "Z(2) = X: invalid resizing operation");   /* resize1 */
	VAR(s, "v", 0, 1, 3, 1, 2, 3);   /* the variables are as they were */
	VAR(s, "B", 0, 2, 3, 1, 2, 3, 4, 5, 6);
	VAR_EMPTY(s, "Z", 0, 3, 0);
	lr_session_destroy(s);
}

static void mask_assign(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "A = [1 -2; -3 4]; A(A < 0) = 0; B = [1 -2; -3 4]; B(B < 0) = [10 20];"
	             "v = [1 2 3]; v(logical([0 0 0 0 1])) = 9; q(logical([1 0 1])) = 7;"
	             "r(2) = true; t = true(1, 3); t(2) = 0; d = [1 2 3]; d(2) = true") == 0);
	VAR(s, "A", 0, 2, 2, 1, 0, 0, 4);
	VAR(s, "B", 0, 2, 2, 1, 20, 10, 4);
	VAR(s, "v", 0, 1, 5, 1, 2, 3, 0, 9);
	VAR(s, "q", 0, 1, 3, 7, 0, 7);
	VAR(s, "r", 1, 1, 2, 0, 1);
	VAR(s, "t", 1, 1, 3, 1, 0, 1);
	VAR(s, "d", 0, 1, 3, 1, 1, 3);
	lr_session_destroy(s);
}

static void delete_linear(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "M = [8 1 6; 3 5 7; 4 9 2];"
	             "a = M; a([1 5]) = []; b = M; b(2:4) = []; c = M; c(:) = [];"
	             "d = M; d(9) = []; v = 1:5; v(2) = []; w = [1 0 2 0]; w(w == 0) = [];"
	             "k = (1:4)'; k([1 3]) = []; x = 5; x(1) = []; e = M; e([]) = [];"
	             "f = M; f(logical([1 1 1 1 1 1 1 1 1])) = []; t = [true false true]; t(2) = []") == 0);
	VAR(s, "a", 0, 7, 1, 3, 4, 1, 9, 6, 7, 2);
	VAR(s, "b", 0, 1, 6, 8, 5, 9, 6, 7, 2);
	VAR_EMPTY(s, "c", 0, 0, 0);
	VAR(s, "d", 0, 1, 8, 8, 3, 4, 1, 5, 9, 6, 7);
	VAR(s, "v", 0, 1, 4, 1, 3, 4, 5);
	VAR(s, "w", 0, 1, 2, 1, 2);
	VAR(s, "k", 0, 2, 1, 2, 4);
	VAR_EMPTY(s, "x", 0, 1, 0);
	VAR(s, "e", 0, 3, 3, 8, 1, 6, 3, 5, 7, 4, 9, 2);
	VAR_EMPTY(s, "f", 0, 1, 0);
	VAR(s, "t", 1, 1, 2, 1, 1);
	lr_session_destroy(s);
}

static void delete_grid(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "M = [8 1 6; 3 5 7; 4 9 2]; a = M; a(:, 2) = []; b = M; b(2, :) = [];"
	             "c = M; c(:, :) = []; d = M; d(:, logical([1 0 1])) = []; e = M; e([], 1) = [];"
	             "f = M; f(:, [1 1]) = []; g = M; mask g (g > 2); g(1, :) = []") == 0);
	VAR(s, "a", 0, 3, 2, 8, 6, 3, 7, 4, 2);
	VAR(s, "b", 0, 2, 3, 8, 1, 6, 4, 9, 2);
	VAR_EMPTY(s, "c", 0, 0, 3);
	VAR(s, "d", 0, 3, 1, 1, 5, 9);
	VAR(s, "e", 0, 3, 3, 8, 1, 6, 3, 5, 7, 4, 9, 2);
	VAR(s, "f", 0, 3, 2, 1, 6, 5, 7, 9, 2);
	/* the mask of the rows kept stays */
	const struct lr_matrix *g = lr_var_get(s, "g")->m;
	CHECK(g->rows == 2 && g->mask && !memcmp(g->mask, "\1\1\1\1\1\0", 6));
	lr_session_destroy(s);
}

static void delete_errors(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "A = [1 2; 3 4]; Z = []") == 0);
	fails(s, "A(1, 2) = []", "a null assignment can only have one non-colon index");
	fails(s, "A(10) = []", "A(I) = []: index out of bounds: value 10 out of bound 4");
	fails(s, "A(:, 3) = []", "A(_,I) = []: index out of bounds: value 3 out of bound 2");
	fails(s, "A(3, :) = []", "A(I,_) = []: index out of bounds: value 3 out of bound 2");
	fails(s, "A(1) = Z", "cannot assign a 0×0 value");
	fails(s, "q(1) = []", "q does not exist");
	VAR(s, "A", 0, 2, 2, 1, 2, 3, 4);
	lr_session_destroy(s);
}

static void strings(void)
{
	struct lr_session *s = lr_session_create(&script_quiet);

	CHECK(run(s, "s = 'hello'; a = s(end:-1:1); b = s(s ~= 'l'); c = s == 'l'; d = s(1);"
	             "e = s; e(1) = 'j'; f = s; f(2) = []; g = [s ' ' 'x' 33]; h = s + 1;"
	             "k = 'abc'; k(5) = 'e'") == 0);
	STR(s, "a", "olleh");
	STR(s, "b", "heo");
	VAR(s, "c", 1, 1, 5, 0, 0, 1, 1, 0);
	STR(s, "d", "h");
	STR(s, "e", "jello");
	STR(s, "f", "hllo");
	STR(s, "g", "hello x!");
	VAR(s, "h", 0, 1, 5, 105, 102, 109, 109, 112);
	const struct lr_value *k = lr_var_get(s, "k");
	CHECK(k && k->kind == LR_VAL_STR && k->slen == 5 && !memcmp(k->s, "abc\0e", 5));
	fails(s, "x = s(:)", "5×1 char matrix");
	fails(s, "x = ['a' 256]", "a character code must be from 0 to 255, found 256");
	STR(s, "s", "hello");
	lr_session_destroy(s);
}

SUBTEST_MAIN(
	{ "mask_shapes", mask_shapes },
	{ "mask_errors", mask_errors },
	{ "mask_assign", mask_assign },
	{ "delete_linear", delete_linear },
	{ "delete_grid", delete_grid },
	{ "delete_errors", delete_errors },
	{ "strings", strings },
)
