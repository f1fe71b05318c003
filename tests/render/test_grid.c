/* Tests of the character grid: allocation, clipping, UTF-8 in and out. */
#include "check.h"

#include "grid.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"

/* The grid as text (caller frees with lr_free). */
static char *text_of(const struct lr_grid *g)
{
	struct lr_buf b;
	lr_buf_init(&b);
	lr_grid_to_text(g, &b);
	CHECK(!b.failed);
	if (!b.data)
		return lr_strdup("");
	return lr_buf_take(&b);
}

static uint32_t ch_at(const struct lr_grid *g, int x, int y)
{
	const struct lr_cell *c = lr_grid_at(g, x, y);
	return c ? c->ch : 0xFFFFFFFFu;
}

static void init_clear(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 5, 3) == 0);
	CHECK(g.w == 5 && g.h == 3 && g.cells);
	for (int i = 0; i < 15; i++)
		CHECK(g.cells[i].ch == ' ' && g.cells[i].style == LR_STY_NORMAL);
	lr_grid_put(&g, 1, 1, 'x', LR_STY_BOLD);
	lr_grid_clear(&g);
	CHECK(ch_at(&g, 1, 1) == ' ' && lr_grid_at(&g, 1, 1)->style == LR_STY_NORMAL);
	lr_grid_finish(&g);
	CHECK(g.cells == NULL && g.w == 0 && g.h == 0);
	lr_grid_finish(&g);   /* twice is harmless */
}

static void init_empty(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 0, 7) == 0);
	CHECK(g.w == 0 && g.h == 0 && g.cells == NULL);
	lr_grid_put(&g, 0, 0, 'x', 0);
	CHECK(lr_grid_text(&g, 0, 0, "abc", 0) == 3);
	char *s = text_of(&g);
	CHECK(strcmp(s, "") == 0);
	lr_free(s);
	lr_grid_finish(&g);
	CHECK(lr_grid_init(&g, -3, -1) == 0 && g.cells == NULL);
	lr_grid_finish(&g);
}

static void init_alloc_fail(void)
{
	struct lr_grid g;
	lr_alloc_fail_after(1);
	int rc = lr_grid_init(&g, 10, 10);
	lr_alloc_fail_after(-1);
	CHECK(rc == -1);
	CHECK(g.cells == NULL && g.w == 0 && g.h == 0);
	lr_grid_put(&g, 1, 1, 'x', 0);   /* still safe to use */
	lr_grid_finish(&g);
}

static void put_clips(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 3, 2) == 0);
	int xs[] = { -1, 3, 0, 0, -100, 1000 }, ys[] = { 0, 0, -1, 2, -100, 1000 };
	for (int i = 0; i < 6; i++)
		lr_grid_put(&g, xs[i], ys[i], 'x', 0);
	for (int i = 0; i < 6; i++)
		CHECK(g.cells[i].ch == ' ');
	lr_grid_put(&g, 2, 1, 'z', LR_STY_KEPT);
	CHECK(g.cells[5].ch == 'z' && g.cells[5].style == LR_STY_KEPT);
	lr_grid_finish(&g);
}

static void at(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 4, 2) == 0);
	CHECK(lr_grid_at(&g, 3, 1) == &g.cells[7]);
	CHECK(lr_grid_at(&g, 4, 0) == NULL && lr_grid_at(&g, 0, 2) == NULL);
	CHECK(lr_grid_at(&g, -1, 0) == NULL && lr_grid_at(&g, 0, -1) == NULL);
	lr_grid_finish(&g);
}

static void text_ascii(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 10, 2) == 0);
	CHECK(lr_grid_text(&g, 2, 1, "loss", LR_STY_TITLE) == 6);
	CHECK(ch_at(&g, 2, 1) == 'l' && ch_at(&g, 5, 1) == 's' && ch_at(&g, 6, 1) == ' ');
	CHECK(lr_grid_at(&g, 3, 1)->style == LR_STY_TITLE);
	CHECK(lr_grid_text(&g, 0, 0, "", 0) == 0);
	CHECK(lr_grid_text(&g, 4, 0, NULL, 0) == 4);
	lr_grid_finish(&g);
}

static void text_utf8(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 10, 1) == 0);
	/* σ (2 bytes), ─ (3 bytes), 𝄞 (4 bytes), é */
	CHECK(lr_grid_text(&g, 0, 0, "\xCF\x83\xE2\x94\x80\xF0\x9D\x84\x9E" "e\xC3\xA9", 0) == 5);
	CHECK(ch_at(&g, 0, 0) == 0x3C3);
	CHECK(ch_at(&g, 1, 0) == 0x2500);
	CHECK(ch_at(&g, 2, 0) == 0x1D11E);
	CHECK(ch_at(&g, 3, 0) == 'e');
	CHECK(ch_at(&g, 4, 0) == 0xE9);
	lr_grid_finish(&g);
}

/* Each ill-formed subsequence is one U+FFFD, as the Unicode standard's
 * "maximal subpart" practice asks. */
static void text_invalid(void)
{
	static const struct { const char *in; int n; uint32_t want[6]; } cases[] = {
		{ "\x80", 1, { 0xFFFD } },                       /* lone continuation */
		{ "a\xFF" "b", 3, { 'a', 0xFFFD, 'b' } },
		{ "\xE2\x82", 1, { 0xFFFD } },                   /* truncated at the end */
		{ "\xE2\x82z", 2, { 0xFFFD, 'z' } },             /* truncated mid-text */
		{ "\xC0\x80", 2, { 0xFFFD, 0xFFFD } },           /* overlong NUL */
		{ "\xE0\x80\x80", 3, { 0xFFFD, 0xFFFD, 0xFFFD } }, /* overlong */
		{ "\xED\xA0\x80", 3, { 0xFFFD, 0xFFFD, 0xFFFD } }, /* surrogate */
		{ "\xF4\x90\x80\x80", 4, { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD } }, /* > U+10FFFF */
		{ "\xF0\x9D\x84", 1, { 0xFFFD } },               /* 3 of 4 bytes */
		{ "\xF5\xC2\xA9", 2, { 0xFFFD, 0xA9 } },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lr_grid g;
		CHECK(lr_grid_init(&g, 8, 1) == 0);
		int end = lr_grid_text(&g, 0, 0, cases[i].in, 0);
		if (end != cases[i].n)
			fprintf(stderr, "case %zu: %d cells, expected %d\n", i, end, cases[i].n);
		CHECK(end == cases[i].n);
		CHECK(lr_grid_text_len(cases[i].in) == cases[i].n);
		for (int j = 0; j < cases[i].n; j++)
			CHECK(ch_at(&g, j, 0) == cases[i].want[j]);
		lr_grid_finish(&g);
	}
}

static void text_control(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 8, 1) == 0);
	CHECK(lr_grid_text(&g, 0, 0, "a\x1b[1m\n\x7f\xC2\x9B", 0) == 8);
	CHECK(ch_at(&g, 0, 0) == 'a');
	CHECK(ch_at(&g, 1, 0) == 0xFFFD);   /* ESC */
	CHECK(ch_at(&g, 2, 0) == '[');
	CHECK(ch_at(&g, 5, 0) == 0xFFFD);   /* newline */
	CHECK(ch_at(&g, 6, 0) == 0xFFFD);   /* DEL */
	CHECK(ch_at(&g, 7, 0) == 0xFFFD);   /* C1 CSI */
	lr_grid_finish(&g);
}

static void text_clips(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 4, 2) == 0);
	CHECK(lr_grid_text(&g, -2, 0, "abcdef", 0) == 4);
	CHECK(ch_at(&g, 0, 0) == 'c' && ch_at(&g, 3, 0) == 'f');
	CHECK(lr_grid_text(&g, 2, 1, "\xCF\x83\xCF\x83\xCF\x83", 0) == 5);
	CHECK(ch_at(&g, 2, 1) == 0x3C3 && ch_at(&g, 3, 1) == 0x3C3);
	CHECK(lr_grid_text(&g, 0, 2, "xyz", 0) == 3);    /* row below: nothing */
	CHECK(lr_grid_text(&g, 0, -1, "xyz", 0) == 3);
	char *s = text_of(&g);
	CHECK(strcmp(s, "cdef\n  \xCF\x83\xCF\x83\n") == 0);
	lr_free(s);
	lr_grid_finish(&g);
}

static void text_len(void)
{
	CHECK(lr_grid_text_len("") == 0);
	CHECK(lr_grid_text_len(NULL) == 0);
	CHECK(lr_grid_text_len("SVD bound 0.1219") == 16);
	CHECK(lr_grid_text_len("kept \xCF\x83" "1\xE2\x80\x93\xCF\x83" "2") == 10);
}

static void to_text_trims(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 6, 3) == 0);
	lr_grid_text(&g, 0, 0, "ab", 0);
	lr_grid_text(&g, 1, 2, "c d", 0);
	char *s = text_of(&g);
	CHECK(strcmp(s, "ab\n\n c d\n") == 0);
	lr_free(s);
	lr_grid_finish(&g);
}

static void to_text_roundtrip(void)
{
	static const char line[] = "\xE2\xA3\x80\xE2\x94\x80 \xCF\x83\xE2\x96\x88\xF0\x9D\x84\x9E";
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 9, 1) == 0);
	lr_grid_text(&g, 0, 0, line, 0);
	char *s = text_of(&g);
	CHECK(strncmp(s, line, sizeof line - 1) == 0 && strcmp(s + sizeof line - 1, "\n") == 0);
	lr_free(s);
	lr_grid_finish(&g);
}

/* Cells set directly with lr_grid_put are made safe on the way out. */
static void to_text_sanitises(void)
{
	struct lr_grid g;
	CHECK(lr_grid_init(&g, 5, 1) == 0);
	lr_grid_put(&g, 0, 0, 0x1B, 0);
	lr_grid_put(&g, 1, 0, 0, 0);
	lr_grid_put(&g, 2, 0, 0xD800, 0);
	lr_grid_put(&g, 3, 0, 0x110000, 0);
	lr_grid_put(&g, 4, 0, 'x', 0);
	char *s = text_of(&g);
	CHECK(strcmp(s, "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBDx\n") == 0);
	lr_free(s);
	lr_grid_finish(&g);
}

SUBTEST_MAIN(T(init_clear), T(init_empty), T(init_alloc_fail), T(put_clips), T(at),
             T(text_ascii), T(text_utf8), T(text_invalid), T(text_control),
             T(text_clips), T(text_len), T(to_text_trims), T(to_text_roundtrip),
             T(to_text_sanitises))
