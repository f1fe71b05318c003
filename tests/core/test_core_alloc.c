/* Unit tests of the allocator's failure injection and the status phrases. */
#include <stdint.h>

#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/status.h"

static void counting(void)
{
	long before = lr_alloc_count();
	void *a = lr_malloc(10), *b = lr_calloc(3, 4), *c = lr_mallocarray(2, 8);
	CHECK(a && b && c);
	CHECK(lr_alloc_count() == before + 3);
	for (int i = 0; b && i < 12; i++)
		CHECK(((unsigned char *)b)[i] == 0);
	a = lr_realloc(a, 1000);
	CHECK(a && lr_alloc_count() == before + 4);
	void *z = lr_malloc(0);      /* never NULL on success */
	CHECK(z != NULL);
	lr_free(z);
	lr_free(a);
	lr_free(b);
	lr_free(c);
	lr_free(NULL);
}

static void injection(void)
{
	lr_alloc_fail_after(3);
	void *a = lr_malloc(8), *b = lr_malloc(8), *c = lr_malloc(8), *d = lr_calloc(1, 1);
	CHECK(a && b && !c && !d);
	void *e = lr_realloc(a, 64);
	CHECK(!e);                   /* a is still valid after a failed realloc */
	lr_alloc_fail_after(-1);
	void *f = lr_malloc(8);
	CHECK(f != NULL);
	lr_alloc_fail_after(1);
	CHECK(!lr_strdup("x"));
	lr_alloc_fail_after(0);      /* off as well */
	char *g = lr_strdup("x");
	CHECK(g && strcmp(g, "x") == 0);
	lr_free(a);
	lr_free(b);
	lr_free(f);
	lr_free(g);
}

static void overflow(void)
{
	CHECK(!lr_mallocarray(SIZE_MAX / 2, 3));
	CHECK(!lr_calloc(SIZE_MAX / 2, 3));
	void *p = lr_mallocarray(0, 8);
	CHECK(p != NULL);
	lr_free(p);
}

static void strings(void)
{
	char *a = lr_strdup("matrix");
	char *b = lr_strndup("matrix", 3);
	char *c = lr_strndup("ab", 10);
	CHECK(a && strcmp(a, "matrix") == 0);
	CHECK(b && strcmp(b, "mat") == 0);
	CHECK(c && strcmp(c, "ab") == 0);
	lr_free(a);
	lr_free(b);
	lr_free(c);
}

static void status(void)
{
	CHECK(strcmp(lr_status_str(LR_OK), "success") == 0);
	CHECK(strcmp(lr_status_str(LR_ERR_NOMEM), "out of memory") == 0);
	CHECK(strcmp(lr_status_str(LR_ERR_DIVERGED), "training diverged") == 0);
	for (int s = LR_OK; s <= LR_ERR_STOPPED; s++) {
		const char *t = lr_status_str((enum lr_status)s);
		CHECK(t && *t && strcmp(t, "unknown status") != 0);
		for (int u = LR_OK; u < s; u++)   /* every phrase is distinct */
			CHECK(strcmp(t, lr_status_str((enum lr_status)u)) != 0);
	}
	CHECK(strcmp(lr_status_str((enum lr_status)99), "unknown status") == 0);
}

SUBTEST_MAIN(T(counting), T(injection), T(overflow), T(strings), T(status))
