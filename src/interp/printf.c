/* printf with GNU Octave's rules; see printf.h. Each behaviour below was
 * checked against Octave 7.3's sprintf.
 *
 * The template: escapes are replaced first (\n \t \r \a \b \f \v \\ \" \'
 * \ooo \xHH; an unknown escape gives its character, a lone trailing \ stays)
 * unless the caller says they were replaced already (a double-quoted
 * template, read by the lexer), then the template is walked. Literal text is copied; each conversion takes
 * the next element of the arguments:
 *   - a matrix gives its elements one at a time in column-major order; an
 *     empty matrix or string is one element that prints nothing (but %s and
 *     %c still pad it to their width);
 *   - a string gives its bytes one at a time as character codes, except
 *     that %s takes the rest of the string at once and %c one character
 *     (a whole UTF-8 sequence);
 *   - %s given a matrix takes the longest run of whole numbers 0..255 from
 *     the current element on, as characters; %c takes one such number as a
 *     character.
 * The template is reused while elements remain; output stops at the first
 * conversion that finds no element left (so sprintf('%d %d\n', [1 2 3]) is
 * "1 2\n3 "). With no arguments at all the text before the first conversion
 * is printed and nothing else. A template without conversions prints once.
 *
 * Conversion of a number: NaN and Inf print as NaN, Inf, -Inf (+NaN with
 * the + flag) padded to the width, precision ignored. %d %i given a
 * non-integer (or one above 2^63) switch to %g with the same flags, width
 * and precision; %u %o %x %X also for negative numbers or above 2^64.
 * Integers outside the 64-bit range saturate. %c of a whole number >= 256
 * writes that code point in UTF-8.
 *
 * Deliberate differences from Octave 7.3: %s of a number that is not a
 * character code prints it like %d would (Octave 7.3 prints nothing); a
 * string's width and precision count UTF-8 characters, not bytes, and %c
 * takes a whole UTF-8 character from a string; an unknown escape is not
 * warned about. */
#include "lr_printf.h"
#include "limit.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Widths and precisions above this are refused: they could only be a
 * mistake and would make a huge output. */
#define MAX_FIELD 1000

/* One conversion of the template, "%-08.3ld" and so on. */
struct spec {
	const char *text;   /* borrowed: from the '%' */
	size_t len;         /* bytes of the spec, '%' and conversion included */
	char flags[6];      /* the distinct flags of "-+ 0#", NUL-terminated */
	int width, prec;    /* -1 absent, -2 star, else the value */
	char conv;          /* d i u o x X f e E g G c s, or '%' */
};

/* Where the walk is in the list of arguments. */
struct cursor {
	const struct lr_value *const *args;
	int nargs;
	int ai;             /* current argument */
	size_t ei;          /* next element of it */
};

/* One element taken from the arguments. */
struct item {
	enum { IT_EMPTY, IT_NUM, IT_STR, IT_CODES } kind;
	double x;                       /* IT_NUM */
	const char *s;                  /* IT_STR: borrowed bytes */
	const struct lr_matrix *m;      /* IT_CODES: codes m[k0 .. k0+n) */
	size_t k0, n;                   /* IT_STR, IT_CODES: length */
	unsigned char ch;               /* IT_STR with s NULL: one code from a number */
};

static int fail(char *msg, size_t msglen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;

	if (msg && msglen) {
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* ---- escapes -------------------------------------------------------- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the escape after a backslash at s[*i] (s[*i] is the character
 * after the backslash) and advances *i past it. */
static char escape(const char *s, size_t n, size_t *i)
{
	char c = s[(*i)++];
	unsigned v = 0;
	int k;

	switch (c) {
	case 'n': return '\n';
	case 't': return '\t';
	case 'r': return '\r';
	case 'a': return '\a';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'v': return '\v';
	case 'x':  /* one or two hex digits; none gives NUL, as Octave */
		for (k = 0; k < 2 && *i < n && hexval(s[*i]) >= 0; k++)
			v = v * 16 + (unsigned)hexval(s[(*i)++]);
		return (char)v;
	default:
		if (c >= '0' && c <= '7') {  /* up to three octal digits */
			v = (unsigned)(c - '0');
			for (k = 1; k < 3 && *i < n && s[*i] >= '0' && s[*i] <= '7'; k++)
				v = v * 8 + (unsigned)(s[(*i)++] - '0');
			return (char)(v & 0xFF);
		}
		return c;  /* \\ \" \' and unknown escapes: the character */
	}
}

static void unescape(struct lr_buf *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			lr_buf_putc(t, escape(s, n, &i));
		} else {
			lr_buf_putc(t, s[i++]);
		}
	}
	if (!t->data)
		lr_buf_add(t, "", 0);
}

/* ---- parsing a conversion ------------------------------------------- */

/* Reads a width or precision written in digits; *v is capped so that it
 * cannot overflow (the cap is reported as too large anyway). */
static void read_number(const char *s, size_t n, size_t *i, int *v)
{
	long acc = 0;

	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		acc = acc * 10 + (s[(*i)++] - '0');
		if (acc > 100000000)
			acc = 100000000;
	}
	*v = (int)acc;
}

static void add_flag(struct spec *sp, char c)
{
	size_t k = strlen(sp->flags);

	if (!strchr(sp->flags, c) && k + 1 < sizeof sp->flags) {
		sp->flags[k] = c;
		sp->flags[k + 1] = '\0';
	}
}

/* Length of the UTF-8 sequence starting with byte c (1 if not a lead). */
static size_t utf8_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* A message-safe copy of a spec (control characters escaped). */
static void spec_quote(char *dst, size_t cap, const char *s, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < n && j + 5 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			j += (size_t)snprintf(dst + j, cap - j, "\\n");
		else if (c < 0x20 || c == 0x7F)
			j += (size_t)snprintf(dst + j, cap - j, "\\x%02X", c);
		else
			dst[j++] = (char)c;
	}
	dst[j] = '\0';
}

static int check_field(const char *what, int v, char *msg, size_t msglen)
{
	if (v > MAX_FIELD)
		return fail(msg, msglen, "printf: %s %d is too large (at most %d)",
		            what, v, MAX_FIELD);
	return 0;
}

/* Parses the conversion starting at the '%' at t[*i]; advances *i past it.
 * Returns 0, or -1 with a message for an unknown or incomplete one. */
static int parse_spec(const char *t, size_t n, size_t *i, struct spec *sp,
                      char *msg, size_t msglen)
{
	size_t start = (*i)++;
	char q[64];

	memset(sp, 0, sizeof *sp);
	sp->text = t + start;
	sp->width = sp->prec = -1;
	while (*i < n && t[*i] != '\0' && strchr("-+ 0#", t[*i]))
		add_flag(sp, t[(*i)++]);
	if (*i < n && t[*i] == '*') {
		sp->width = -2;
		(*i)++;
	} else if (*i < n && t[*i] >= '0' && t[*i] <= '9') {
		read_number(t, n, i, &sp->width);
	}
	if (*i < n && t[*i] == '.') {
		(*i)++;
		if (*i < n && t[*i] == '*') {
			sp->prec = -2;
			(*i)++;
		} else {
			read_number(t, n, i, &sp->prec);
		}
	}
	if (*i < n && (t[*i] == 'h' || t[*i] == 'l' || t[*i] == 'L'))
		(*i)++;  /* a length modifier: accepted and ignored, as Octave */
	if (*i >= n) {
		spec_quote(q, sizeof q, t + start, n - start);
		return fail(msg, msglen,
		            "printf: incomplete conversion '%s' at the end of the format", q);
	}
	sp->conv = t[*i];
	*i += utf8_len((unsigned char)t[*i]);
	if (*i > n)
		*i = n;
	sp->len = *i - start;
	if (!strchr("diuoxXfeEgGcs%", sp->conv) || sp->conv == '\0') {
		spec_quote(q, sizeof q, t + start, sp->len);
		return fail(msg, msglen, "printf: unknown conversion '%s' in the format", q);
	}
	if (check_field("width", sp->width, msg, msglen) < 0
	    || check_field("precision", sp->prec, msg, msglen) < 0)
		return -1;
	return 0;
}

/* Checks every conversion of the template before anything is printed and
 * counts those that take arguments. */
static int validate(const char *t, size_t n, int *nconv, char *msg, size_t msglen)
{
	struct spec sp;

	*nconv = 0;
	for (size_t i = 0; i < n;) {
		if (t[i] != '%') {
			i++;
			continue;
		}
		if (parse_spec(t, n, &i, &sp, msg, msglen) < 0)
			return -1;
		if (sp.conv != '%')
			(*nconv)++;
	}
	return 0;
}

/* ---- taking elements ------------------------------------------------ */

static size_t arg_count(const struct lr_value *v)
{
	if (v->kind == LR_VAL_STR)
		return v->slen;
	return v->m ? v->m->rows * v->m->cols : 0;
}

/* Element k of m in column-major order. */
static double col_major(const struct lr_matrix *m, size_t k)
{
	return m->data[(k % m->rows) * m->cols + k / m->rows];
}

static int exhausted(const struct cursor *c)
{
	return c->ai >= c->nargs;
}

static int is_code(double x)
{
	return x >= 0 && x <= 255 && x == floor(x);
}

/* Bytes of the UTF-8 character at s (at most n bytes there): the whole
 * sequence when it is well formed, else 1. */
static size_t utf8_char(const char *s, size_t n)
{
	size_t len = utf8_len((unsigned char)s[0]);

	if (len > n)
		return 1;
	for (size_t k = 1; k < len; k++)
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			return 1;
	return len;
}

/* Moves past the element just taken, to the next argument at the end. */
static void advance(struct cursor *c, size_t used)
{
	c->ei += used;
	if (c->ei >= arg_count(c->args[c->ai])) {
		c->ai++;
		c->ei = 0;
	}
}

/* The next element for a conversion of type conv ('s', 'c' or another).
 * The cursor must not be exhausted. */
static struct item take(struct cursor *c, char conv)
{
	const struct lr_value *v = c->args[c->ai];
	size_t n = arg_count(v);
	struct item it = { 0 };

	if (n == 0) {
		it.kind = IT_EMPTY;
		c->ai++;
		c->ei = 0;
		return it;
	}
	if (v->kind == LR_VAL_STR) {
		it.kind = conv == 's' || conv == 'c' ? IT_STR : IT_NUM;
		it.s = v->s + c->ei;
		it.n = conv == 's' ? n - c->ei : conv == 'c' ? utf8_char(it.s, n - c->ei) : 1;
		it.x = (unsigned char)v->s[c->ei];
		advance(c, it.n);
		return it;
	}
	it.kind = IT_NUM;
	it.x = col_major(v->m, c->ei);
	if (conv == 's') {
		size_t k = c->ei;
		while (k < n && is_code(col_major(v->m, k)))
			k++;
		if (k > c->ei) {
			it.kind = IT_CODES;
			it.m = v->m;
			it.k0 = c->ei;
			it.n = k - c->ei;
		}
	} else if (conv == 'c' && is_code(it.x)) {
		it.kind = IT_STR;
		it.ch = (unsigned char)it.x;  /* s stays NULL: the byte is ch */
		it.n = 1;
	}
	advance(c, it.kind == IT_CODES ? it.n : 1);
	return it;
}

/* ---- printing ------------------------------------------------------- */

static unsigned char item_byte(const struct item *it, size_t k)
{
	if (it->kind == IT_CODES)
		return (unsigned char)col_major(it->m, it->k0 + k);
	if (it->s == NULL)
		return it->ch;
	return (unsigned char)it->s[k];
}

/* Text (a string, character codes, or nothing) padded to the width; width
 * and precision count UTF-8 characters. */
static void put_text(struct lr_buf *out, const struct spec *sp, int width, int prec,
                     const struct item *it)
{
	size_t n = it->kind == IT_EMPTY ? 0 : it->n, used = 0, chars = 0;

	/* Bytes to print: whole characters, at most prec of them. */
	while (used < n) {
		if ((item_byte(it, used) & 0xC0) != 0x80) {
			if (prec >= 0 && chars == (size_t)prec)
				break;
			chars++;
		}
		used++;
	}
	size_t pad = width > 0 && (size_t)width > chars ? (size_t)width - chars : 0;
	int left = strchr(sp->flags, '-') != NULL;
	if (!left)
		lr_buf_fill(out, ' ', pad);
	for (size_t k = 0; k < used; k++)
		lr_buf_putc(out, (char)item_byte(it, k));
	if (left)
		lr_buf_fill(out, ' ', pad);
}

/* Builds "%<flags><width>.<prec><len><conv>" leaving out the flags in
 * drop; width or precision < 0 are left out. */
static void make_fmt(char *f, size_t cap, const struct spec *sp, const char *drop,
                     int width, int prec, const char *len, char conv)
{
	size_t j = 0;

	f[j++] = '%';
	for (const char *p = sp->flags; *p; p++)
		if (!strchr(drop, *p))
			f[j++] = *p;
	if (width >= 0)
		j += (size_t)snprintf(f + j, cap - j, "%d", width);
	if (prec >= 0)
		j += (size_t)snprintf(f + j, cap - j, ".%d", prec);
	snprintf(f + j, cap - j, "%s%c", len, conv);
}

static void put_nonfinite(struct lr_buf *out, const struct spec *sp, int width, double x)
{
	const char *txt = isnan(x) ? "NaN" : x < 0 ? "-Inf" : "Inf";
	struct item it = { 0 };
	char plus[8];

	if (strchr(sp->flags, '+') && (isnan(x) || x > 0)) {
		snprintf(plus, sizeof plus, "+%s", txt);
		txt = plus;
	}
	it.kind = IT_STR;
	it.s = txt;
	it.n = strlen(txt);
	put_text(out, sp, width, -1, &it);
}

static void put_signed(struct lr_buf *out, const struct spec *sp, int width, int prec,
                       double x)
{
	char f[32];
	long long v = x >= 0x1p63 ? LLONG_MAX : x < -0x1p63 ? LLONG_MIN : (long long)x;

	make_fmt(f, sizeof f, sp, "#", width, prec, "ll", sp->conv == 'i' ? 'd' : sp->conv);
	lr_buf_printf(out, f, v);
}

static void put_unsigned(struct lr_buf *out, const struct spec *sp, int width, int prec,
                         double x)
{
	char f[32];
	unsigned long long v = x >= 0x1p64 ? ULLONG_MAX : (unsigned long long)x;

	make_fmt(f, sizeof f, sp, sp->conv == 'u' ? "#" : "", width, prec, "ll", sp->conv);
	lr_buf_printf(out, f, v);
}

static void put_float(struct lr_buf *out, const struct spec *sp, int width, int prec,
                      double x, char conv)
{
	char f[32];

	make_fmt(f, sizeof f, sp, "", width, prec, "", conv);
	lr_buf_printf(out, f, x);
}

/* %c of a number that is not a character code: a whole number is a code
 * point written in UTF-8 (nothing if it is not one), as Octave's %lc. */
static void put_codepoint(struct lr_buf *out, const struct spec *sp, int width, double x)
{
	struct lr_buf u;
	struct item it = { 0 };

	if (x < 0 || x > 0x10FFFF || (x >= 0xD800 && x <= 0xDFFF))
		return;
	lr_buf_init(&u);
	lr_buf_utf8(&u, (unsigned)x);
	if (u.failed) {
		out->failed = 1;
	} else {
		it.kind = IT_STR;
		it.s = u.data;
		it.n = u.len;
		put_text(out, sp, width, -1, &it);
	}
	lr_buf_finish(&u);
}

/* A number under any conversion (Octave's do_numeric_printf_conv). */
static void put_number(struct lr_buf *out, const struct spec *sp, int width, int prec,
                       double x)
{
	int whole = x == floor(x);

	if (!isfinite(x)) {
		put_nonfinite(out, sp, width, x);
		return;
	}
	switch (sp->conv) {
	case 'd': case 'i': case 'c':
		if (!whole || x > 0x1p63)
			put_float(out, sp, width, prec, x, 'g');
		else if (sp->conv == 'c')
			put_codepoint(out, sp, width, x);
		else
			put_signed(out, sp, width, prec, x);
		break;
	case 'u': case 'o': case 'x': case 'X':
		if (!whole || x < 0 || x > 0x1p64)
			put_float(out, sp, width, prec, x, 'g');
		else
			put_unsigned(out, sp, width, prec, x);
		break;
	case 's': {
		/* Not a character code: shown as %d would, flags and width kept. */
		struct spec d = *sp;
		char *z;
		while ((z = strpbrk(d.flags, "0#")) != NULL)
			memmove(z, z + 1, strlen(z));
		d.conv = 'd';
		put_number(out, &d, width, -1, x);
		break;
	}
	default:
		put_float(out, sp, width, prec, x, sp->conv);
		break;
	}
}

/* ---- the walk ------------------------------------------------------- */

/* A * width or precision from the arguments: a whole number 0..1000. */
static int star_value(struct cursor *c, const char *what, int *v, char *msg, size_t msglen)
{
	struct item it = take(c, 'd');

	if (it.kind == IT_EMPTY)
		return fail(msg, msglen, "printf: a * %s must be a number, not an empty value",
		            what);
	if (!(it.x >= 0) || it.x != floor(it.x))
		return fail(msg, msglen,
		            "printf: a * %s must be a whole number >= 0, not %g", what, it.x);
	if (it.x > MAX_FIELD)
		return fail(msg, msglen, "printf: %s %.0f is too large (at most %d)",
		            what, it.x, MAX_FIELD);
	*v = (int)it.x;
	return 0;
}

/* Runs one conversion. Returns 1 if it printed, 0 if the arguments ran out
 * (the output stops there), -1 on an error. */
static int run_spec(struct lr_buf *out, const struct spec *sp, struct cursor *c,
                    char *msg, size_t msglen)
{
	int width = sp->width, prec = sp->prec;

	if (width == -2) {
		if (exhausted(c))
			return 0;
		if (star_value(c, "width", &width, msg, msglen) < 0)
			return -1;
	}
	if (prec == -2) {
		if (exhausted(c))
			return 0;
		if (star_value(c, "precision", &prec, msg, msglen) < 0)
			return -1;
	}
	if (exhausted(c))
		return 0;
	struct item it = take(c, sp->conv);
	if (sp->conv == 's' || sp->conv == 'c') {
		if (it.kind != IT_NUM) {
			put_text(out, sp, width, prec, &it);
			return 1;
		}
	} else if (it.kind == IT_EMPTY) {
		return 1;
	}
	put_number(out, sp, width, prec, it.x);
	return 1;
}

/* Walks the unescaped template until the elements are used up. */
static int run(struct lr_buf *out, const char *t, size_t n, int nconv,
               struct cursor *c, char *msg, size_t msglen)
{
	size_t i = 0, base = out->len;
	struct spec sp;

	for (;;) {
		size_t lit = i;
		/* the text is a string: its characters count as elements (each
		 * piece added is at most a literal or a 1000-wide field) */
		if (out->len - base > lr_mat_max_elems) {
			lr_limit_elems_msg(msg, msglen, "printf: the text would have more than %zu "
			                   "characters", lr_mat_max_elems);
			return -1;
		}
		while (i < n && t[i] != '%')
			i++;
		lr_buf_add(out, t + lit, i - lit);
		if (i >= n) {
			if (nconv == 0 || exhausted(c))
				return 0;
			i = 0;  /* elements remain: reuse the template */
			continue;
		}
		if (parse_spec(t, n, &i, &sp, msg, msglen) < 0)
			return -1;
		if (sp.conv == '%') {
			lr_buf_putc(out, '%');
			continue;
		}
		int r = run_spec(out, &sp, c, msg, msglen);
		if (r <= 0)
			return r;
	}
}

int lr_format_printf(struct lr_buf *out, const char *fmt, size_t fmtlen,
                     const struct lr_value *const *args, int nargs,
                     char *msg, size_t msglen)
{
	return lr_format_printf_escapes(out, fmt, fmtlen, 1, args, nargs, msg, msglen);
}

int lr_format_printf_escapes(struct lr_buf *out, const char *fmt, size_t fmtlen, int escapes,
                             const struct lr_value *const *args, int nargs,
                             char *msg, size_t msglen)
{
	struct lr_buf t;
	struct cursor c = { args, nargs < 0 ? 0 : nargs, 0, 0 };
	size_t start = out->len;
	int nconv, r = -1;

	for (int i = 0; i < nargs; i++)
		if (args[i]->kind == LR_VAL_FN || args[i]->kind == LR_VAL_CELL) {
			snprintf(msg, msglen, args[i]->kind == LR_VAL_FN ? "a function handle cannot be "
			         "formatted; func2str(f) gives its text" : "a cell array cannot be "
			         "formatted; give its elements, as c{k}");
			return -1;
		}
	lr_buf_init(&t);
	if (escapes)
		unescape(&t, fmt, fmtlen);
	else
		lr_buf_add(&t, fmt, fmtlen);
	if (t.failed)
		r = fail(msg, msglen, "printf: out of memory");
	else if (validate(t.data, t.len, &nconv, msg, msglen) == 0)
		r = run(out, t.data, t.len, nconv, &c, msg, msglen);
	lr_buf_finish(&t);
	if (r < 0 && out->len > start) {
		out->len = start;  /* an error prints nothing */
		out->data[start] = '\0';
	}
	return r < 0 ? -1 : 0;
}
