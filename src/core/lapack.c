/* LAPACK loaded on first use; see lowrank/lapack.h. */
#include <dlfcn.h>
#include <stddef.h>
#include "lowrank/lapack.h"

static void *lib;
static int tried;
static const char *failure = "liblapacke.so.3 could not be loaded";

static void *open_lib(void)
{
	static const char *const names[] = { "liblapacke.so.3", "liblapacke.so" };

	if (!tried) {
		tried = 1;
		for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++)
			lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	}
	return lib;
}

int lr_lapack_available(const char **why)
{
	if (open_lib())
		return 1;
	if (why)
		*why = failure;
	return 0;
}

/* Looks a symbol up once; the function pointer is written through a void
 * pointer, the POSIX way of storing what dlsym returns. */
static int load(const char *name, void **slot)
{
	if (!open_lib())
		return -1;
	*slot = dlsym(lib, name);
	return *slot ? 0 : -1;
}

#define LR_LAZY_DEF(name, params, args) \
	lapack_int lr_lazy_##name params \
	{ \
		static lapack_int (*f) params; \
		if (!f && load("LAPACKE_" #name, (void **)&f) < 0) \
			return LR_LAPACK_MISSING; \
		return f args; \
	}
LR_LAZY_DECLS(LR_LAZY_DEF)
