/* Unit tests of matrices, masks and products. */
#include <stdint.h>

#include "check.h"
#include "lowrank/alloc.h"
#include "lowrank/matrix.h"
#include "lowrank/status.h"

static void create(void)
{
	struct lr_matrix *m = lr_mat_create(2, 3);
	CHECK(m && m->rows == 2 && m->cols == 3 && m->data && !m->mask);
	for (size_t i = 0; m && i < 6; i++)
		CHECK(m->data[i] == 0.0);
	LR_AT(m, 1, 2) = 5.0;
	CHECK(m->data[5] == 5.0);
	lr_mat_destroy(m);
	lr_mat_destroy(NULL);

	struct lr_matrix *e = lr_mat_create(0, 4);
	CHECK(e && e->rows == 0 && e->cols == 4 && !e->data);
	struct lr_matrix *c = lr_mat_copy(e);
	CHECK(c && c->rows == 0 && c->cols == 4 && !c->data);
	CHECK(lr_mat_count_observed(e) == 0 && !lr_mat_has_hidden(e));
	lr_mat_destroy(c);
	lr_mat_destroy(e);

	static const double d[] = { 1, 2, 3, 4, 5, 6 };
	struct lr_matrix *f = lr_mat_from(3, 2, d);
	CHECK(f && f->rows == 3 && LR_AT(f, 2, 1) == 6.0 && LR_AT(f, 1, 0) == 3.0);
	lr_mat_destroy(f);
}

static void limit(void)
{
	size_t old = lr_mat_max_elems;
	CHECK(old == 100000000);
	CHECK(!lr_mat_create(SIZE_MAX / 2, 3));     /* rows*cols overflows */
	CHECK(!lr_mat_create(10001, 10000));        /* over the default limit */
	lr_mat_max_elems = 6;
	struct lr_matrix *ok = lr_mat_create(2, 3);
	CHECK(ok != NULL);
	CHECK(!lr_mat_create(7, 1));
	struct lr_matrix *a = lr_mat_create(3, 1), *b = lr_mat_create(1, 3), *c = NULL;
	CHECK(lr_mat_mul(a, b, &c) == LR_ERR_TOO_BIG && !c);   /* 3×3 > 6 */
	lr_mat_max_elems = old;
	lr_mat_destroy(ok);
	lr_mat_destroy(a);
	lr_mat_destroy(b);
}

static void copy(void)
{
	static const double d[] = { 1, 2, 3, 4 }, md[] = { 1, 0, 0, 1 };
	struct lr_matrix *a = lr_mat_from(2, 2, d), *M = lr_mat_from(2, 2, md);
	CHECK(lr_mat_set_mask(a, M) == LR_OK);
	struct lr_matrix *c = lr_mat_copy(a);
	CHECK(c && c->mask && c->mask != a->mask && c->data != a->data);
	CHECK(c && memcmp(c->data, d, sizeof d) == 0);
	CHECK(c && c->mask[0] == 1 && c->mask[1] == 0 && c->mask[2] == 0 && c->mask[3] == 1);
	lr_mat_destroy(c);
	lr_mat_destroy(a);
	lr_mat_destroy(M);
}

static void transpose(void)
{
	static const double d[] = { 1, 2, 3, 4, 5, 6 }, md[] = { 1, 1, 0, 1, 1, 1 };
	struct lr_matrix *a = lr_mat_from(2, 3, d), *M = lr_mat_from(2, 3, md);
	CHECK(lr_mat_set_mask(a, M) == LR_OK);
	struct lr_matrix *t = lr_mat_transpose(a);
	CHECK(t && t->rows == 3 && t->cols == 2);
	for (size_t i = 0; t && i < 2; i++)
		for (size_t j = 0; j < 3; j++) {
			CHECK(LR_AT(t, j, i) == LR_AT(a, i, j));
			CHECK(t->mask[j * 2 + i] == a->mask[i * 3 + j]);
		}
	CHECK(t && !lr_mat_observed(t, 2, 0) && lr_mat_observed(t, 0, 1));
	lr_mat_destroy(t);
	lr_mat_destroy(a);
	lr_mat_destroy(M);
}

static void mul(void)
{
	static const double a[] = { 1, 2, 3, 4, 5, 6 };          /* 2×3 */
	static const double b[] = { 7, 8, 9, 10, 11, 12 };       /* 3×2 */
	struct lr_matrix *A = lr_mat_from(2, 3, a), *B = lr_mat_from(3, 2, b), *C = NULL;
	CHECK(lr_mat_mul(A, B, &C) == LR_OK);
	CHECK(C && C->rows == 2 && C->cols == 2);
	CHECK(C && LR_AT(C, 0, 0) == 58 && LR_AT(C, 0, 1) == 64);
	CHECK(C && LR_AT(C, 1, 0) == 139 && LR_AT(C, 1, 1) == 154);
	struct lr_matrix *D = NULL;
	CHECK(lr_mat_mul(A, A, &D) == LR_ERR_SHAPE && D == NULL);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(C);
}

static void mul_bt(void)
{
	static const double a[] = { 1, 2, 3, 4, 5, 6 };          /* 2×3 */
	static const double b[] = { 7, 9, 11, 8, 10, 12 };       /* 2×3 = (3×2 above)ᵀ */
	struct lr_matrix *A = lr_mat_from(2, 3, a), *B = lr_mat_from(2, 3, b), *C = NULL;
	CHECK(lr_mat_mul_bt(A, B, &C) == LR_OK);
	CHECK(C && LR_AT(C, 0, 0) == 58 && LR_AT(C, 0, 1) == 64);
	CHECK(C && LR_AT(C, 1, 0) == 139 && LR_AT(C, 1, 1) == 154);
	struct lr_matrix *B2 = lr_mat_create(2, 2), *D = NULL;
	CHECK(lr_mat_mul_bt(A, B2, &D) == LR_ERR_SHAPE && !D);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(B2);
	lr_mat_destroy(C);
}

static void mul_empty(void)
{
	struct lr_matrix *A = lr_mat_create(3, 0), *B = lr_mat_create(0, 2), *C = NULL;
	CHECK(lr_mat_mul(A, B, &C) == LR_OK);      /* 3×0 · 0×2 = zero 3×2 */
	CHECK(C && C->rows == 3 && C->cols == 2);
	for (size_t i = 0; C && i < 6; i++)
		CHECK(C->data[i] == 0.0);
	lr_mat_destroy(C);
	struct lr_matrix *D = NULL, *Bt = lr_mat_create(2, 0);
	CHECK(lr_mat_mul_bt(A, Bt, &D) == LR_OK && D && D->rows == 3 && D->cols == 2);
	CHECK(D && D->data[5] == 0.0);
	lr_mat_destroy(D);
	struct lr_matrix *E = NULL, *Z = lr_mat_create(0, 3), *Y = lr_mat_create(3, 0);
	CHECK(lr_mat_mul(Z, Y, &E) == LR_OK);   /* 0×3 · 3×0 = 0×0 */
	CHECK(E && E->rows == 0 && E->cols == 0 && !E->data);
	lr_mat_destroy(E);
	lr_mat_destroy(Y);
	lr_mat_destroy(Z);
	lr_mat_destroy(A);
	lr_mat_destroy(B);
	lr_mat_destroy(Bt);
}

static void mask(void)
{
	static const double d[] = { 1, NAN, 3, 4, 5, 6 }, md[] = { 1, 1, 0, 1, 2, 1 };
	struct lr_matrix *a = lr_mat_from(2, 3, d), *M = lr_mat_from(2, 3, md);
	CHECK(lr_mat_count_observed(a) == 5 && lr_mat_has_hidden(a));
	CHECK(!lr_mat_observed(a, 0, 1) && lr_mat_observed(a, 0, 2));
	CHECK(lr_mat_set_mask(a, M) == LR_OK);
	CHECK(a->mask[4] == 1);               /* nonzero means observed */
	CHECK(lr_mat_count_observed(a) == 4);
	CHECK(!lr_mat_observed(a, 0, 2) && !lr_mat_observed(a, 0, 1) && lr_mat_observed(a, 1, 1));
	struct lr_matrix *W = lr_mat_create(3, 2);
	CHECK(lr_mat_set_mask(a, W) == LR_ERR_SHAPE);
	CHECK(lr_mat_count_observed(a) == 4);  /* the old mask is kept */
	lr_mat_clear_mask(a);
	CHECK(!a->mask && lr_mat_count_observed(a) == 5);
	a->data[1] = 2;
	CHECK(!lr_mat_has_hidden(a));
	lr_mat_destroy(a);
	lr_mat_destroy(M);
	lr_mat_destroy(W);
}

/* Every allocation of copy and transpose fails in turn: NULL, never a crash
 * or a leak (valgrind and ASan check the latter). */
static void alloc_fail(void)
{
	static const double d[] = { 1, 2, 3, 4 }, md[] = { 1, 0, 1, 1 };
	struct lr_matrix *a = lr_mat_from(2, 2, d), *M = lr_mat_from(2, 2, md);
	CHECK(lr_mat_set_mask(a, M) == LR_OK);
	int failures = 0;
	for (long n = 1; n < 10; n++) {
		lr_alloc_fail_after(n);
		struct lr_matrix *c = lr_mat_copy(a), *t = lr_mat_transpose(a);
		lr_alloc_fail_after(-1);
		failures += !c + !t;
		lr_mat_destroy(c);
		lr_mat_destroy(t);
		if (c && t)
			break;
	}
	CHECK(failures >= 3);
	lr_alloc_fail_after(1);
	CHECK(lr_mat_set_mask(a, M) == LR_ERR_NOMEM);
	lr_alloc_fail_after(-1);
	CHECK(a->mask && a->mask[1] == 0);     /* unchanged */
	lr_mat_destroy(a);
	lr_mat_destroy(M);
}

/* lr_mat_same, lr_mat_all_finite, lr_mat_has_nan: the one copy of the
 * small checks (they were repeated in four files). */
static void checks(void)
{
	static const double d[] = { 1, 2, 3, 4 }, e[] = { 1, 2, 3, 5 };
	struct lr_matrix *a = lr_mat_from(2, 2, d), *b = lr_mat_from(2, 2, d);
	struct lr_matrix *c = lr_mat_from(2, 2, e), *r = lr_mat_from(1, 4, d);
	struct lr_matrix *z0 = lr_mat_create(0, 3), *z1 = lr_mat_create(0, 3);
	struct lr_matrix *z2 = lr_mat_create(3, 0);

	CHECK(a && b && c && r && z0 && z1 && z2);
	CHECK(lr_mat_same(a, b) && lr_mat_same(a, a));
	CHECK(!lr_mat_same(a, c));                 /* one value differs */
	CHECK(!lr_mat_same(a, r));                 /* same values, other shape */
	CHECK(lr_mat_same(z0, z1) && !lr_mat_same(z0, z2));
	CHECK(lr_mat_all_finite(a) && lr_mat_all_finite(z0) && !lr_mat_has_nan(a));
	c->data[1] = INFINITY;
	CHECK(!lr_mat_all_finite(c) && !lr_mat_has_nan(c));
	c->data[1] = -INFINITY;
	CHECK(!lr_mat_all_finite(c));
	c->data[3] = NAN;
	CHECK(!lr_mat_all_finite(c) && lr_mat_has_nan(c));
	b->data[0] = NAN;
	CHECK(!lr_mat_same(a, b) && lr_mat_has_nan(b) && !lr_mat_has_nan(z0));
	a->data[0] = NAN;
	CHECK(lr_mat_same(a, b));                  /* the same bits: a kept NaN is the same */
	lr_mat_destroy(a);
	lr_mat_destroy(b);
	lr_mat_destroy(c);
	lr_mat_destroy(r);
	lr_mat_destroy(z0);
	lr_mat_destroy(z1);
	lr_mat_destroy(z2);
}

SUBTEST_MAIN(T(create), T(limit), T(copy), T(transpose), T(mul), T(mul_bt),
             T(mul_empty), T(mask), T(alloc_fail), T(checks))
