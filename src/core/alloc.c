/* The one allocator of the program, with a failure-injection hook for tests.
 *
 * Every request counts as one allocation, whether it succeeds or not, so a
 * test can walk n = 1, 2, ... and make each allocation of an operation fail
 * in turn. Zero-byte requests are rounded up to one byte so that NULL always
 * means failure, never "malloc(0) chose to return NULL". */
#include "lowrank/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Atomic because a front end may train on one thread while drawing on
 * another; the cost is negligible next to malloc itself. */
static atomic_long alloc_count;
static atomic_long fail_from = -1;   /* count at which failures start; -1: never */

/* Counts one allocation and says whether it must fail. */
static int injected_failure(void)
{
	long n = atomic_fetch_add(&alloc_count, 1) + 1;
	long from = atomic_load(&fail_from);
	return from >= 0 && n >= from;
}

void lr_alloc_fail_after(long n)
{
	if (n < 1)
		atomic_store(&fail_from, -1);
	else
		atomic_store(&fail_from, atomic_load(&alloc_count) + n);
}

long lr_alloc_count(void)
{
	return atomic_load(&alloc_count);
}

void *lr_malloc(size_t size)
{
	if (injected_failure())
		return NULL;
	return malloc(size ? size : 1);
}

void *lr_calloc(size_t count, size_t size)
{
	if (injected_failure())
		return NULL;
	if (size && count > SIZE_MAX / size)
		return NULL;
	if (count == 0 || size == 0)
		count = size = 1;
	return calloc(count, size);
}

void *lr_realloc(void *p, size_t size)
{
	if (injected_failure())
		return NULL;
	return realloc(p, size ? size : 1);
}

void *lr_mallocarray(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		injected_failure();   /* still one request, for a stable count */
		return NULL;
	}
	return lr_malloc(count * size);
}

void lr_free(void *p)
{
	free(p);
}

char *lr_strdup(const char *s)
{
	return lr_strndup(s, strlen(s));
}

char *lr_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = lr_malloc(len + 1);
	if (!d)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}
