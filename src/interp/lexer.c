/* The lexer; see lexer.h. Whitespace rules inside brackets follow GNU
 * Octave: a blank between two things that can be values separates elements,
 * and a sign glued to what follows it after a blank starts a new element. */
#include "lexer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/buf.h"
#include "limit.h"

void lr_lex_init_at(struct lr_lexer *lx, const char *src, size_t len, int first_line,
                    int max_nest)
{
	/* Field by field: the nest array need not be cleared, and a batch run
	 * starts a lexer for every line. */
	lx->src = src;
	lx->len = len;
	lx->i = 0;
	lx->line = first_line;
	lx->line_start = 0;
	lx->depth = 0;
	lx->prev = LR_TOK_NEWLINE;
	lx->params_closed = 0;
	lx->pending_comma = 0;
	lx->comment_depth = 0;
	lx->blocks = 0;
	lx->err[0] = '\0';
	memset(&lx->errpos, 0, sizeof lx->errpos);
	lx->max_nest = max_nest < 1 ? 1 : max_nest > LR_LEX_MAX_NEST ? LR_LEX_MAX_NEST : max_nest;
}

void lr_lex_init(struct lr_lexer *lx, const char *src, size_t len)
{
	lr_lex_init_at(lx, src, len, 1, LR_LIMIT_DEPTH_DEFAULT);
}

static const char *const tok_names[] = {
	"the end of the input", "the end of the line", "number", "name", "string",
	"'('", "')'", "'['", "']'", "','", "';'", "'='", "':'",
	"'+'", "'-'", "'*'", "'/'", "'.*'", "'./'", "'^'", "'.^'", "'''",
	"'.''", "'=='", "'~='", "'<'", "'<='", "'>'", "'>='", "'&'", "'|'",
	"'&&'", "'||'", "'!'", "'\\'", "'.\\'", "an operator assignment", "'@'", "'{'", "'}'", "error"
};

const char *lr_tok_name(enum lr_tok k)
{
	return tok_names[k];
}

static int peek(const struct lr_lexer *lx, size_t ahead)
{
	size_t j = lx->i + ahead;
	return j < lx->len ? (unsigned char)lx->src[j] : -1;
}

static struct lr_pos here(const struct lr_lexer *lx)
{
	struct lr_pos p = { lx->line, (int)(lx->i - lx->line_start) + 1, lx->i };
	return p;
}

static int in_brackets(const struct lr_lexer *lx)
{
	return lx->depth > 0 && (lx->nest[lx->depth - 1] == '[' || lx->nest[lx->depth - 1] == '{');
}

static int in_parens(const struct lr_lexer *lx)
{
	return lx->depth > 0 && (lx->nest[lx->depth - 1] == '(' || lx->nest[lx->depth - 1] == '@');
}

/* Tokens after which a value has ended, so that a following quote is a
 * transpose and a following value inside brackets is a new element. */
static int ends_value(int k)
{
	return k == LR_TOK_NUMBER || k == LR_TOK_IDENT || k == LR_TOK_STRING ||
	       k == LR_TOK_RPAREN || k == LR_TOK_RBRACKET || k == LR_TOK_RBRACE ||
	       k == LR_TOK_TRANSPOSE || k == LR_TOK_DOTTRANSPOSE;
}

/* Whether the text at the cursor starts a new value inside brackets, given
 * that a blank came before it. */
static int starts_value(const struct lr_lexer *lx)
{
	int c = peek(lx, 0), d = peek(lx, 1);

	if (c < 0)
		return 0;
	if (isalnum(c) || c == '_' || c == '(' || c == '[' || c == '{' || c == '\'' || c == '"' ||
	    c == '@' || c >= 0x80)
		return 1;
	if (c == '.' && d >= 0 && isdigit(d))
		return 1;
	if ((c == '+' || c == '-') && d >= 0 && !isspace(d) && d != '=' && d != c)
		return 1;
	if ((c == '~' || c == '!') && d != '=')
		return 1;
	return 0;
}

static void newline(struct lr_lexer *lx)
{
	lx->i++;
	lx->line++;
	lx->line_start = lx->i;
}

static void skip_line(struct lr_lexer *lx)
{
	while (lx->i < lx->len && lx->src[lx->i] != '\n')
		lx->i++;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Whether the current line is, blanks aside, only '%' or '#'
 * followed by brace: a block comment's opening ('{') or closing ('}') line,
 * as Octave reads them. Anything else on the line makes it an ordinary
 * comment, so "x = 1 %{" does not open a block. */
static int block_mark(const struct lr_lexer *lx, char brace)
{
	size_t j = lx->line_start;

	while (j < lx->len && is_blank((unsigned char)lx->src[j]))
		j++;
	if (j + 1 >= lx->len || (lx->src[j] != '%' && lx->src[j] != '#') || lx->src[j + 1] != brace)
		return 0;
	for (j += 2; j < lx->len && lx->src[j] != '\n'; j++)
		if (!is_blank((unsigned char)lx->src[j]))
			return 0;
	return 1;
}

/* Skips the lines of the open block comments (comment_depth of them) from
 * the start of a line, up to the end of the line that closes the last,
 * leaving its newline to be read as usual. Blocks nest, as in Octave. If
 * the text runs out first, comment_depth stays set: a reader fed line by
 * line resumes here, and at the end of the input the block just ends, as
 * in Octave (no error). */
static void skip_block(struct lr_lexer *lx)
{
	for (;;) {
		if (block_mark(lx, '{'))
			lx->comment_depth++;
		else if (block_mark(lx, '}'))
			lx->comment_depth--;
		skip_line(lx);
		if (lx->comment_depth == 0 || lx->i >= lx->len)
			return;
		newline(lx);
	}
}

/* Skips blanks, comments and "..." continuations. Returns 1 if anything
 * was skipped. Newlines are skipped only inside parentheses. */
static int skip_space(struct lr_lexer *lx)
{
	size_t start = lx->i;

	/* Resuming at a line start inside a block comment (lr_lex_scan_more). */
	if (lx->comment_depth > 0 && lx->i < lx->len)
		skip_block(lx);
	for (;;) {
		int c = peek(lx, 0);
		if (lx->comment_depth > 0) {
			break;   /* the text ended inside a block comment */
		} else if (is_blank(c)) {
			lx->i++;
		} else if (c == '\n' && in_parens(lx)) {
			newline(lx);
		} else if ((c == '#' || c == '%') && block_mark(lx, '{')) {
			skip_block(lx);
		} else if (c == '#' || c == '%') {
			skip_line(lx);
		} else if (c == '.' && peek(lx, 1) == '.' && peek(lx, 2) == '.') {
			skip_line(lx);
			if (lx->i < lx->len)
				newline(lx);
		} else {
			break;
		}
	}
	return lx->i > start;
}

static struct lr_token make(struct lr_lexer *lx, enum lr_tok k, struct lr_pos p, size_t len)
{
	struct lr_token t;

	memset(&t, 0, sizeof t);
	t.kind = k;
	t.pos = p;
	t.text = lx->src + p.offset;
	t.len = len;
	return t;
}

/* An error token always moves the lexer on by at least one character, so a
 * caller that reads on past errors (the parser's recovery, skipping a block)
 * cannot meet the same error forever (an out-of-memory string did). */
static struct lr_token error_at(struct lr_lexer *lx, struct lr_pos p, const char *msg)
{
	if (lx->i <= p.offset && p.offset < lx->len)
		lx->i = p.offset + 1;
	snprintf(lx->err, sizeof lx->err, "%s", msg);
	lx->errpos = p;
	return make(lx, LR_TOK_ERROR, p, 1);
}

static struct lr_token lex_number(struct lr_lexer *lx, struct lr_pos p)
{
	char tmp[128];
	size_t j = lx->i, n;

	while (j < lx->len && isdigit((unsigned char)lx->src[j]))
		j++;
	/* A '.' belongs to the number unless it starts an operator (1.*x, 1./x, 1.\x, 1.^x, 1.'). */
	if (j < lx->len && lx->src[j] == '.' &&
	    !(j + 1 < lx->len && strchr("*/\\^'", lx->src[j + 1]))) {
		j++;
		while (j < lx->len && isdigit((unsigned char)lx->src[j]))
			j++;
	}
	if (j < lx->len && strchr("eEdD", lx->src[j])) {
		size_t k = j + 1;
		if (k < lx->len && (lx->src[k] == '+' || lx->src[k] == '-'))
			k++;
		if (k < lx->len && isdigit((unsigned char)lx->src[k])) {
			while (k < lx->len && isdigit((unsigned char)lx->src[k]))
				k++;
			j = k;
		}
	}
	n = j - lx->i;
	if (n >= sizeof tmp)
		return error_at(lx, p, "the number is too long (over 127 characters)");
	memcpy(tmp, lx->src + lx->i, n);
	tmp[n] = '\0';
	for (size_t k = 0; k < n; k++)
		if (tmp[k] == 'd' || tmp[k] == 'D')
			tmp[k] = 'e';
	if (j < lx->len && (isalpha((unsigned char)lx->src[j]) || lx->src[j] == '_')) {
		size_t w = j;
		char msg[160];
		while (w < lx->len && (isalnum((unsigned char)lx->src[w]) || lx->src[w] == '_'))
			w++;
		lx->i = j;
		if (w == j + 1 && strchr("ijIJ", lx->src[j])) {   /* 4i, 2.5j: imaginary */
			lx->i = w;
			struct lr_token t = make(lx, LR_TOK_NUMBER, p, w - (j - n));
			t.num = strtod(tmp, NULL);
			t.imag = 1;
			return t;
		}
		if (strchr("eEdD", lx->src[j]) && (w == j + 1 || !isalpha((unsigned char)lx->src[j + 1])))
			snprintf(msg, sizeof msg, "expected the digits of the exponent after '%.*s%c'",
			         (int)(n > 20 ? 20 : n), lx->src + (j - n), lx->src[j]);
		else
			snprintf(msg, sizeof msg, "expected an operator or a separator after the "
			         "number %.*s, found '%.*s'", (int)(n > 20 ? 20 : n), lx->src + (j - n),
			         (int)(w - j > 20 ? 20 : w - j), lx->src + j);
		return error_at(lx, here(lx), msg);
	}
	lx->i = j;
	struct lr_token t = make(lx, LR_TOK_NUMBER, p, n);
	t.num = strtod(tmp, NULL);
	return t;
}

/* The escape after a backslash in a double-quoted string, as Octave's lexer
 * reads it: \a \b \f \n \r \t \v \\ \" \', one to three octal digits,
 * \x and hex digits (the value taken modulo 256, as Octave does); any other
 * character stands for itself (Octave warns). *j is just past the
 * backslash and is moved past the escape. -1 for an octal value over 255. */
static int dq_escape(const char *src, size_t len, size_t *j)
{
	static const char from[] = "abfnrtv", to[] = "\a\b\f\n\r\t\v";
	char e = src[*j];
	const char *k = strchr(from, e);
	unsigned v = 0;

	if (e && k) {
		(*j)++;
		return (unsigned char)to[k - from];
	}
	if (e >= '0' && e <= '7') {
		for (int d = 0; d < 3 && *j < len && src[*j] >= '0' && src[*j] <= '7'; d++)
			v = v * 8 + (unsigned)(src[(*j)++] - '0');
		return v > 255 ? -1 : (int)v;
	}
	if (e == 'x' && *j + 1 < len && isxdigit((unsigned char)src[*j + 1])) {
		for ((*j)++; *j < len && isxdigit((unsigned char)src[*j]); (*j)++)
			v = (v * 16 + (unsigned)(isdigit((unsigned char)src[*j]) ? src[*j] - '0'
			                         : (src[*j] | 0x20) - 'a' + 10)) & 0xff;
		return (int)v;
	}
	(*j)++;
	return (unsigned char)e;
}

static struct lr_token lex_string(struct lr_lexer *lx, struct lr_pos p)
{
	char q = lx->src[lx->i];
	size_t j = lx->i + 1, n = 0;
	char *out = lr_malloc(lx->len - lx->i + 1);

	if (!out)
		return error_at(lx, p, "out of memory");
	for (;;) {
		if (j >= lx->len || lx->src[j] == '\n') {
			lr_free(out);
			lx->i = j;
			snprintf(lx->err, sizeof lx->err,
			         "unterminated string: expected %c before the end of the line", q);
			lx->errpos = p;
			return make(lx, LR_TOK_ERROR, p, 1);
		}
		char c = lx->src[j++];
		if (c == q) {
			if (j < lx->len && lx->src[j] == q) {  /* '' or "" is a quote */
				out[n++] = q;
				j++;
				continue;
			}
			break;
		}
		if (c == '\\' && q == '"' && j < lx->len && lx->src[j] != '\n') {
			size_t at = j - 1;
			int e = dq_escape(lx->src, lx->len, &j);
			if (e < 0) {
				lr_free(out);
				struct lr_pos ep = { p.line, p.col + (int)(at - lx->i), at };
				lx->i = j;
				return error_at(lx, ep, "an octal escape in a string must be at most \\377");
			}
			c = (char)e;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	struct lr_token t = make(lx, LR_TOK_STRING, p, j - lx->i);
	t.str = out;
	t.strlen = n;
	lx->i = j;
	return t;
}


static struct lr_token stray(struct lr_lexer *lx, struct lr_pos p)
{
	unsigned char c = (unsigned char)lx->src[lx->i];
	size_t used = 1;
	char msg[128];

	if (c >= 0x80) {
		long cp;
		used = lr_utf8_decode((const unsigned char *)lx->src + lx->i, lx->len - lx->i, &cp);
		if (cp < 0)
			snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02x", c);
		else
			snprintf(msg, sizeof msg, "unexpected character '%.*s' (U+%04lX)",
			         (int)used, lx->src + lx->i, cp);
	} else if (isprint(c)) {
		snprintf(msg, sizeof msg, "unexpected character '%c'", c);
	} else {
		snprintf(msg, sizeof msg, "unexpected control character 0x%02x", c);
	}
	lx->i += used;
	return error_at(lx, p, msg);
}

static struct lr_token open_bracket(struct lr_lexer *lx, struct lr_pos p, char c)
{
	if (lx->depth >= lx->max_nest) {
		char msg[sizeof lx->err];
		lr_limit_msg(msg, sizeof msg, LR_LIMIT_DEPTH, lx->max_nest,
		             "brackets are nested too deeply");
		return error_at(lx, p, msg);
	}
	/* the parameters of @(x) are marked: after their ')' a body starts,
	 * where a quote opens a string (@() 'abc') */
	lx->nest[lx->depth++] = c == '(' && lx->prev == LR_TOK_AT ? '@' : c;
	lx->i++;
	return make(lx, c == '(' ? LR_TOK_LPAREN : c == '{' ? LR_TOK_LBRACE : LR_TOK_LBRACKET, p, 1);
}

static struct lr_token close_bracket(struct lr_lexer *lx, struct lr_pos p, char c)
{
	lx->params_closed = lx->depth > 0 && lx->nest[lx->depth - 1] == '@';
	if (lx->depth > 0)
		lx->depth--;
	lx->i++;
	return make(lx, c == ')' ? LR_TOK_RPAREN : c == '}' ? LR_TOK_RBRACE : LR_TOK_RBRACKET, p, 1);
}

/* Whether the text at the cursor is Octave's increment statement's `++` or
 * `--`: after a name or a closing parenthesis, outside brackets, and followed
 * only by blanks up to the end of the statement (so `1 ++ 2` stays 1 + +2). */
static int is_increment(const struct lr_lexer *lx)
{
	size_t j = lx->i + 2;

	if (lx->i + 2 > lx->len || lx->src[lx->i + 1] != lx->src[lx->i] ||
	    (lx->src[lx->i] != '+' && lx->src[lx->i] != '-') || in_brackets(lx) ||
	    (lx->prev != LR_TOK_IDENT && lx->prev != LR_TOK_RPAREN))
		return 0;
	while (j < lx->len && (lx->src[j] == ' ' || lx->src[j] == '\t'))
		j++;
	return j == lx->len || strchr(";,\r\n%#", lx->src[j]) != NULL;
}

/* Operators of one or two characters. */
static struct lr_token lex_operator(struct lr_lexer *lx, struct lr_pos p, int spaced)
{
	static const struct { const char *s; enum lr_tok k; } ops[] = {
		{ "==", LR_TOK_EQ }, { "~=", LR_TOK_NE }, { "!=", LR_TOK_NE },
		{ "<=", LR_TOK_LE }, { ">=", LR_TOK_GE }, { "&&", LR_TOK_ANDAND },
		{ "||", LR_TOK_OROR }, { ".*", LR_TOK_DOTSTAR }, { "./", LR_TOK_DOTSLASH },
		{ ".\\", LR_TOK_DOTBACKSLASH }, { "\\", LR_TOK_BACKSLASH },
		{ ".^", LR_TOK_DOTCARET }, { ".'", LR_TOK_DOTTRANSPOSE },
		{ "+=", LR_TOK_OPASSIGN }, { "-=", LR_TOK_OPASSIGN }, { "*=", LR_TOK_OPASSIGN },
		{ "/=", LR_TOK_OPASSIGN },
		{ "+", LR_TOK_PLUS }, { "-", LR_TOK_MINUS }, { "*", LR_TOK_STAR },
		{ "/", LR_TOK_SLASH }, { "^", LR_TOK_CARET }, { "<", LR_TOK_LT },
		{ ">", LR_TOK_GT }, { "&", LR_TOK_AND }, { "|", LR_TOK_OR },
		{ "!", LR_TOK_NOT }, { "~", LR_TOK_NOT }, { "=", LR_TOK_ASSIGN },
		{ ":", LR_TOK_COLON }, { "@", LR_TOK_AT }, { ",", LR_TOK_COMMA }, { ";", LR_TOK_SEMI },
	};
	(void)spaced;
	if (is_increment(lx)) {   /* x++ is read as x += 1 */
		lx->i += 2;
		return make(lx, LR_TOK_OPASSIGN, p, 2);
	}
	for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		size_t n = strlen(ops[k].s);
		if (lx->i + n <= lx->len && memcmp(lx->src + lx->i, ops[k].s, n) == 0) {
			lx->i += n;
			return make(lx, ops[k].k, p, n);
		}
	}
	return stray(lx, p);
}

static struct lr_token lex_token(struct lr_lexer *lx, int spaced)
{
	struct lr_pos p = here(lx);
	int c = peek(lx, 0);

	if (c < 0)
		return make(lx, LR_TOK_EOF, p, 0);
	if (c == '\n') {
		newline(lx);
		return make(lx, in_brackets(lx) ? LR_TOK_SEMI : LR_TOK_NEWLINE, p, 1);
	}
	if (isdigit(c) || (c == '.' && isdigit(peek(lx, 1))))
		return lex_number(lx, p);
	if (isalpha(c) || c == '_') {
		size_t j = lx->i;
		while (j < lx->len && (isalnum((unsigned char)lx->src[j]) || lx->src[j] == '_' ||
		                       (lx->src[j] == '.' && j + 1 < lx->len &&
		                        isalpha((unsigned char)lx->src[j + 1]))))
			j++;   /* err.message: a field is read as part of the name */
		struct lr_token t = make(lx, LR_TOK_IDENT, p, j - lx->i);
		lx->i = j;
		return t;
	}
	if (c == '"')
		return lex_string(lx, p);
	if (c == '\'') {
		/* A quote right after a value is a transpose; elsewhere it opens a
		 * string. Inside brackets a blank before it means a string. */
		if (ends_value(lx->prev) && !(spaced && in_brackets(lx))) {
			lx->i++;
			return make(lx, LR_TOK_TRANSPOSE, p, 1);
		}
		return lex_string(lx, p);
	}
	if (c == '(' || c == '[' || c == '{')
		return open_bracket(lx, p, (char)c);
	if (c == ')' || c == ']' || c == '}')
		return close_bracket(lx, p, (char)c);
	return lex_operator(lx, p, spaced);
}

/* What a word at the start of a statement leaves behind it: after a keyword
 * that a condition or value follows (if 'a', case 'x') a quote opens a
 * string, not a transpose; after else, do, try, ... a new statement starts. */
static int keyword_prev(const char *w, size_t n)
{
	static const char *const before_value[] = { "if", "elseif", "while", "switch", "case",
	                                            "until", "for", "parfor" };
	static const char *const before_stmt[] = { "else", "otherwise", "do", "try", "end",
	                                           "endif", "endfor", "endwhile", "endswitch",
	                                           "end_try_catch", "endparfor" };

	for (size_t i = 0; i < sizeof before_value / sizeof before_value[0]; i++)
		if (strlen(before_value[i]) == n && !memcmp(before_value[i], w, n))
			return LR_TOK_ASSIGN;
	for (size_t i = 0; i < sizeof before_stmt / sizeof before_stmt[0]; i++)
		if (strlen(before_stmt[i]) == n && !memcmp(before_stmt[i], w, n))
			return LR_TOK_NEWLINE;
	return LR_TOK_IDENT;
}

struct lr_token lr_lex_next(struct lr_lexer *lx)
{
	struct lr_token t;
	int spaced = skip_space(lx);

	/* Inside brackets a blank between two values separates elements. */
	if (spaced && in_brackets(lx) && ends_value(lx->prev) && starts_value(lx)) {
		t = make(lx, LR_TOK_COMMA, here(lx), 0);
		lx->prev = LR_TOK_COMMA;
		return t;
	}
	t = lex_token(lx, spaced);
	t.space_before = spaced;
	if (t.kind == LR_TOK_IDENT && lx->depth == 0 &&
	    (lx->prev == LR_TOK_NEWLINE || lx->prev == LR_TOK_SEMI || lx->prev == LR_TOK_COMMA)) {
		int k = lr_keyword_nesting(t.text, t.len);
		if (k > 0 || lx->blocks > 0)
			lx->blocks += k;
		lx->prev = keyword_prev(t.text, t.len);
		return t;
	}
	lx->prev = t.kind;
	if (t.kind == LR_TOK_RPAREN && lx->params_closed)
		lx->prev = LR_TOK_AT;   /* not the end of a value: what follows starts one */
	return t;
}

int lr_lex_brace(const struct lr_token *t)
{
	return t->kind == LR_TOK_LBRACE || t->kind == LR_TOK_RBRACE;
}

int lr_keyword_nesting(const char *name, size_t len)
{
	static const char *const open[] = { "if", "for", "parfor", "while", "do", "switch",
	                                    "try", "function" };
	static const char *const close[] = { "end", "endif", "endfor", "endparfor", "endwhile",
	                                     "endswitch", "end_try_catch", "until",
	                                     "endfunction" };

	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++)
		if (strlen(open[i]) == len && !memcmp(open[i], name, len))
			return 1;
	for (size_t i = 0; i < sizeof close / sizeof close[0]; i++)
		if (strlen(close[i]) == len && !memcmp(close[i], name, len))
			return -1;
	return 0;
}

int lr_lex_incomplete(const char *src, size_t len)
{
	struct lr_lexer lx;
	struct lr_token t;

	lr_lex_init(&lx, src, len);
	do {
		t = lr_lex_next(&lx);
		lr_free(t.str);
		if (t.kind == LR_TOK_ERROR && !lr_lex_brace(&t))
			return 0;  /* an error will be reported when the text runs */
	} while (t.kind != LR_TOK_EOF);
	if (lx.depth > 0 || lx.comment_depth > 0 || lx.blocks > 0)
		return 1;
	/* A line ending in "..." continues. */
	while (len > 0 && (src[len - 1] == '\n' || src[len - 1] == ' ' || src[len - 1] == '\t'))
		len--;
	return len >= 3 && memcmp(src + len - 3, "...", 3) == 0;
}

void lr_lex_scan_init(struct lr_lex_scan *sc, int max_nest)
{
	lr_lex_init_at(&sc->lx, NULL, 0, 1, max_nest);
	sc->failed = 0;
}

/* The lexer is resumed where the last call stopped: before the blanks,
 * comments and continuations that ended the text, since what follows them
 * decides what they mean (a blank before a value in brackets separates
 * elements). It stands there again when the new text ends. */
int lr_lex_scan_more(struct lr_lex_scan *sc, const char *src, size_t len)
{
	struct lr_lexer *lx = &sc->lx;

	lx->src = src;
	lx->len = len;
	while (!sc->failed) {
		size_t i = lx->i, line_start = lx->line_start;
		int line = lx->line, prev = lx->prev;
		struct lr_token t = lr_lex_next(lx);
		lr_free(t.str);
		if (t.kind == LR_TOK_ERROR && !lr_lex_brace(&t)) {
			sc->failed = 1;
		} else if (t.kind == LR_TOK_EOF && lx->comment_depth > 0) {
			/* Inside a block comment the lexer stays at the end, a line
			 * start, so that each line of the block is read only once. */
			lx->prev = prev;
			break;
		} else if (t.kind == LR_TOK_EOF) {
			lx->i = i;
			lx->line_start = line_start;
			lx->line = line;
			lx->prev = prev;
			break;
		}
	}
	if (sc->failed)
		return 0;
	/* Text left unlexed at the end is blanks and comments that the lexer
	 * skipped up to the end of the text: it ended in a continuation "..."
	 * (or inside parentheses), not a newline of its own. */
	return lx->depth > 0 || lx->comment_depth > 0 || lx->blocks > 0 || lx->i < len;
}
