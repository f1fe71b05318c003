/* Unit tests of the growable text buffer. */
#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/buf.h"

static void append(void)
{
	struct lr_buf b;
	lr_buf_init(&b);
	CHECK(b.len == 0 && !b.failed);
	lr_buf_puts(&b, "A is ");
	lr_buf_printf(&b, "%zu×%d", (size_t)3, 3);
	lr_buf_putc(&b, '!');
	lr_buf_add(&b, "xyz", 2);
	CHECK(strcmp(b.data, "A is 3×3!xy") == 0 && b.len == strlen("A is 3×3!xy"));
	lr_buf_fill(&b, '-', 3);
	CHECK(strcmp(b.data + b.len - 4, "y---") == 0);
	lr_buf_reset(&b);
	CHECK(b.len == 0 && b.data[0] == '\0' && b.cap > 0);
	lr_buf_add(&b, "", 0);
	CHECK(b.len == 0 && b.data[0] == '\0');
	lr_buf_finish(&b);
	CHECK(!b.data && b.len == 0 && b.cap == 0);
}

static void growth(void)
{
	struct lr_buf b;
	lr_buf_init(&b);
	long before = lr_alloc_count();
	for (int i = 0; i < 100000; i++)
		lr_buf_printf(&b, "%d,", i % 10);
	CHECK(b.len == 200000 && !b.failed);
	CHECK(b.data[199998] == '9' && b.data[200000] == '\0');
	CHECK(lr_alloc_count() - before < 20);    /* geometric, not linear */
	lr_buf_fill(&b, 'x', 1000000);
	CHECK(b.len == 1200000 && b.data[1199999] == 'x');
	lr_buf_finish(&b);
}

static void utf8(void)
{
	struct lr_buf b;
	lr_buf_init(&b);
	lr_buf_utf8(&b, 'A');
	lr_buf_utf8(&b, 0xD7);      /* × */
	lr_buf_utf8(&b, 0x2248);    /* ≈ */
	lr_buf_utf8(&b, 0x1F600);
	CHECK(strcmp(b.data, "A\xC3\x97\xE2\x89\x88\xF0\x9F\x98\x80") == 0);
	lr_buf_reset(&b);
	lr_buf_utf8(&b, 0xD800);    /* a surrogate is not a character */
	lr_buf_utf8(&b, 0x110000);
	CHECK(strcmp(b.data, "\xEF\xBF\xBD\xEF\xBF\xBD") == 0);
	lr_buf_finish(&b);
}

static void take(void)
{
	struct lr_buf b;
	lr_buf_init(&b);
	char *e = lr_buf_take(&b);
	CHECK(e && *e == '\0');
	lr_free(e);
	lr_buf_puts(&b, "hello");
	char *s = lr_buf_take(&b);
	CHECK(s && strcmp(s, "hello") == 0);
	CHECK(!b.data && b.len == 0 && !b.failed);
	lr_free(s);
	lr_buf_finish(&b);
}

/* The first failed allocation latches: later appends do nothing, and take
 * gives NULL instead of incomplete text. */
static void failure(void)
{
	struct lr_buf b;
	lr_buf_init(&b);
	lr_buf_puts(&b, "ok");
	lr_alloc_fail_after(1);
	lr_buf_fill(&b, 'x', 1000);
	lr_alloc_fail_after(-1);
	CHECK(b.failed && b.len == 2 && strcmp(b.data, "ok") == 0);
	lr_buf_puts(&b, "more");
	lr_buf_printf(&b, "%d", 5);
	CHECK(b.failed && b.len == 2);
	char *s = lr_buf_take(&b);
	CHECK(s == NULL && b.failed);
	lr_buf_finish(&b);
	CHECK(!b.failed);
}

/* A leading byte order mark goes, with the NUL; anything else stays. */
static void bom(void)
{
	char a[] = "\xEF\xBB\xBFx = 1", b[] = "x\xEF\xBB\xBF", c[] = "\xEF\xBB";
	CHECK(lr_utf8_skip_bom(a, strlen(a)) == 5 && !strcmp(a, "x = 1"));
	CHECK(lr_utf8_skip_bom(b, strlen(b)) == 4 && !strcmp(b, "x\xEF\xBB\xBF"));
	CHECK(lr_utf8_skip_bom(c, strlen(c)) == 2 && !strcmp(c, "\xEF\xBB"));
	CHECK(lr_utf8_skip_bom(NULL, 0) == 0);
}

SUBTEST_MAIN(T(append), T(growth), T(utf8), T(take), T(failure), T(bom))
