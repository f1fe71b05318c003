/* A minimal unit-test harness: each test executable holds several subtests
 * and runs the one named by argv[1], so meson can register each on its own.
 * CHECK failures print the place and the values and make the subtest fail. */
#ifndef LOWRANK_CHECK_H
#define LOWRANK_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	check_failures++; } } while (0)

#define CHECK_NEAR(a, b, tol) do { double a_ = (a), b_ = (b); \
	if (!(fabs(a_ - b_) <= (tol))) { \
	fprintf(stderr, "%s:%d: %s = %.17g, expected %.17g (tol %g)\n", \
		__FILE__, __LINE__, #a, a_, b_, (double)(tol)); check_failures++; } } while (0)

#define CHECK_REL(a, b, rel) do { double a_ = (a), b_ = (b); \
	if (!(fabs(a_ - b_) <= (rel) * fmax(fabs(b_), 1e-300))) { \
	fprintf(stderr, "%s:%d: %s = %.17g, expected %.17g (rel %g)\n", \
		__FILE__, __LINE__, #a, a_, b_, (double)(rel)); check_failures++; } } while (0)

struct subtest { const char *name; void (*fn)(void); };

/* `TEST --registered NAME...`, which every tests meson.build runs with the
 * list it registers: each subtest of SUBTEST_MAIN must be in the list (a
 * name missing there never runs) and each name in the list a subtest.
 * Prints what is missing where; returns the exit status. */
static int check_registered(const char *prog, const struct subtest *t, size_t n, int argc,
                            char **argv)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		int found = 0;
		for (int a = 2; a < argc && !found; a++)
			found = !strcmp(argv[a], t[i].name);
		if (!found) {
			fprintf(stderr, "%s: subtest '%s' is in SUBTEST_MAIN but not registered in "
			        "its meson.build: it never runs\n", prog, t[i].name);
			bad = 1;
		}
	}
	for (int a = 2; a < argc; a++) {
		int found = 0;
		for (size_t i = 0; i < n && !found; i++)
			found = !strcmp(argv[a], t[i].name);
		if (!found) {
			fprintf(stderr, "%s: '%s' is registered in meson.build but is not a subtest "
			        "of SUBTEST_MAIN\n", prog, argv[a]);
			bad = 1;
		}
	}
	return bad;
}

#define SUBTEST_MAIN(...) \
int main(int argc, char **argv) { \
	static const struct subtest tests_[] = { __VA_ARGS__ }; \
	size_t n_ = sizeof tests_ / sizeof tests_[0]; \
	int ran_ = 0; \
	if (argc > 1 && !strcmp(argv[1], "--registered")) \
		return check_registered(argv[0], tests_, n_, argc, argv); \
	for (size_t i_ = 0; i_ < n_; i_++) { \
		if (argc > 1 && strcmp(argv[1], tests_[i_].name) != 0) continue; \
		tests_[i_].fn(); ran_++; \
	} \
	if (!ran_) { fprintf(stderr, "no subtest named %s\n", argc > 1 ? argv[1] : "?"); return 2; } \
	return check_failures ? 1 : 0; \
}
#define T(f) { #f, f }

#endif
