/* The one allocator of the program. Everything that allocates goes through
 * these, so a test can make the n-th allocation fail and check that every
 * failure is reported rather than crashed on (as Lua's test build does). */
#ifndef LOWRANK_ALLOC_H
#define LOWRANK_ALLOC_H

#include <stddef.h>

/* malloc/calloc/realloc/free with overflow-checked sizes. Return NULL on
 * failure (or injected failure). lr_free(NULL) is a no-op. */
void *lr_malloc(size_t size);
void *lr_calloc(size_t count, size_t size);
void *lr_realloc(void *p, size_t size);
void *lr_mallocarray(size_t count, size_t size);
void lr_free(void *p);
char *lr_strdup(const char *s);
char *lr_strndup(const char *s, size_t n);

/* Test hook: the n-th allocation from now (1-based) and every one after it
 * fail; n < 0 switches injection off. */
void lr_alloc_fail_after(long n);
/* Number of allocations made since start (for the failure-injection test). */
long lr_alloc_count(void);

#endif
