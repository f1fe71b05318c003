/* LAPACK failing, which real matrices almost never make it do: the link
 * wraps the lazy LAPACK entry points (-Wl,--wrap, see meson.build) so that
 * dgesdd can report that it did not converge (info > 0), dgesvd too, or the
 * library be missing. The SVD must fall back from dgesdd to dgesvd with the
 * same result, and when both fail the core returns LR_ERR_LAPACK with
 * nothing allocated and the language reports an error, never an abort, with
 * every variable kept. */
#include "check.h"
#include "script.h"
#include "lapack.h"
#include "lowrank/svd.h"
#include "session_impl.h"

enum mode { REAL, NO_CONVERGENCE, MISSING };
static enum mode gesdd_mode, gesvd_mode;
static long gesdd_calls, gesvd_calls;

lapack_int __real_lr_lazy_dgesdd_work(int layout, char jobz, lapack_int m, lapack_int n,
	double *a, lapack_int lda, double *s, double *u, lapack_int ldu, double *vt,
	lapack_int ldvt, double *work, lapack_int lwork, lapack_int *iwork);
lapack_int __wrap_lr_lazy_dgesdd_work(int layout, char jobz, lapack_int m, lapack_int n,
	double *a, lapack_int lda, double *s, double *u, lapack_int ldu, double *vt,
	lapack_int ldvt, double *work, lapack_int lwork, lapack_int *iwork);
lapack_int __real_lr_lazy_dgesvd_work(int layout, char jobu, char jobvt, lapack_int m,
	lapack_int n, double *a, lapack_int lda, double *s, double *u, lapack_int ldu,
	double *vt, lapack_int ldvt, double *work, lapack_int lwork);
lapack_int __wrap_lr_lazy_dgesvd_work(int layout, char jobu, char jobvt, lapack_int m,
	lapack_int n, double *a, lapack_int lda, double *s, double *u, lapack_int ldu,
	double *vt, lapack_int ldvt, double *work, lapack_int lwork);

/* The workspace query (lwork = -1) still answers, as LAPACK's does; the
 * computation then fails as the mode says. */
static int fails(enum mode mode, lapack_int lwork, lapack_int n, lapack_int *info)
{
	if (mode == MISSING)
		*info = LR_LAPACK_MISSING;
	else if (mode == NO_CONVERGENCE && lwork != -1)
		*info = n > 1 ? n - 1 : 1;        /* superdiagonals that did not converge */
	else
		return 0;
	return 1;
}

lapack_int __wrap_lr_lazy_dgesdd_work(int layout, char jobz, lapack_int m, lapack_int n,
	double *a, lapack_int lda, double *s, double *u, lapack_int ldu, double *vt,
	lapack_int ldvt, double *work, lapack_int lwork, lapack_int *iwork)
{
	lapack_int info;
	gesdd_calls++;
	if (fails(gesdd_mode, lwork, n, &info))
		return info;
	return __real_lr_lazy_dgesdd_work(layout, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work,
	                                  lwork, iwork);
}

lapack_int __wrap_lr_lazy_dgesvd_work(int layout, char jobu, char jobvt, lapack_int m,
	lapack_int n, double *a, lapack_int lda, double *s, double *u, lapack_int ldu,
	double *vt, lapack_int ldvt, double *work, lapack_int lwork)
{
	lapack_int info;
	gesvd_calls++;
	if (fails(gesvd_mode, lwork, n, &info))
		return info;
	return __real_lr_lazy_dgesvd_work(layout, jobu, jobvt, m, n, a, lda, s, u, ldu, vt, ldvt,
	                                  work, lwork);
}

static const double notebook[] = {
	0.3374, 0.6005, 0.1735,
	3.3359, 0.0492, 1.8374,
	2.9407, 0.5301, 2.2620,
};

static void set_modes(enum mode sdd, enum mode svd)
{
	gesdd_mode = sdd, gesvd_mode = svd;
	gesdd_calls = gesvd_calls = 0;
}

/* dgesdd does not converge: dgesvd gives the same decomposition. */
static void fallback(void)
{
	/* A tall and a wide matrix too: the drivers see A transposed. */
	static const double tall[] = { 1, 2, 3, 4, 5, 6, 7, 8.5, 9, 10, 11, 12.25 };
	const struct { size_t m, n; const double *d; } cases[] = {
		{ 3, 3, notebook }, { 4, 3, tall }, { 3, 4, tall },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct lr_matrix *A = lr_mat_from(cases[c].m, cases[c].n, cases[c].d);
		struct lr_svd ref, got;
		double s[4];
		set_modes(REAL, REAL);
		CHECK(lr_svd_compute(A, &ref) == LR_OK && gesvd_calls == 0);
		set_modes(NO_CONVERGENCE, REAL);
		CHECK(lr_svd_compute(A, &got) == LR_OK);
		CHECK(gesdd_calls >= 1 && gesvd_calls >= 1);     /* it did fall back */
		for (size_t i = 0; i < ref.p; i++)
			CHECK_REL(got.s[i], ref.s[i], 1e-12);
		for (size_t k = 0; k <= ref.p; k++) {
			double r = 0.0;
			CHECK(lr_svd_residual(A, &got, k, &r) == LR_OK);
			CHECK_NEAR(r, lr_svd_tail(&ref, k), 1e-12 * lr_svd_tail(&ref, 0));
		}
		set_modes(NO_CONVERGENCE, REAL);
		CHECK(lr_svd_values(A, s) == LR_OK && gesvd_calls >= 1);
		for (size_t i = 0; i < ref.p; i++)
			CHECK_REL(s[i], ref.s[i], 1e-12);
		lr_svd_finish(&ref);
		lr_svd_finish(&got);
		lr_mat_destroy(A);
	}
	set_modes(REAL, REAL);
}

/* Neither driver converges, or LAPACK cannot be loaded: LR_ERR_LAPACK, the
 * result zeroed (LeakSanitizer and valgrind see that nothing leaks). */
static void no_convergence(void)
{
	struct lr_matrix *A = lr_mat_from(3, 3, notebook);
	struct lr_svd out;
	double s[3];
	const enum mode modes[][2] = {
		{ NO_CONVERGENCE, NO_CONVERGENCE }, { MISSING, REAL }, { NO_CONVERGENCE, MISSING },
	};
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		set_modes(modes[i][0], modes[i][1]);
		CHECK(lr_svd_compute(A, &out) == LR_ERR_LAPACK);
		CHECK(!out.s && !out.U && !out.V);
		CHECK(lr_svd_values(A, s) == LR_ERR_LAPACK);
	}
	set_modes(REAL, REAL);
	lr_mat_destroy(A);
}

static struct capture out_text;
static const struct lr_output out = { &out_text, capture_write, NULL, NULL, NULL };

/* Through the language: each statement that needs an SVD fails with a
 * message and a position, and the variables are as they were. */
static void language(void)
{
	static const char *const stmts[] = {
		"svd A 2", "[U, S, V] = svd(A)", "U = svd(A)", "loss", "explore A 1", "r = rank(A)",
		"n = norm(A)",
	};
	struct lr_session *s = lr_session_create(&out);
	struct lr_error err;
	CHECK(s != NULL);
	/* An SGD run for loss to compare with the SVD it cannot compute. */
	CHECK(script_run(s, "A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; "
	                    "2.9407 0.5301 2.2620]; sgd A 2 epochs=5; "
	                    "U = 1; S = 2; V = 3; n = 4; r = 5;", 0, &err) == 0);
	for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
		set_modes(NO_CONVERGENCE, NO_CONVERGENCE);
		memset(&err, 0, sizeof err);
		int rc = script_run(s, stmts[i], 0, &err);
		set_modes(REAL, REAL);
		if (rc != -1 || !err.msg[0] || err.pos.line != 1) {
			fprintf(stderr, "%s: expected an error with its place, got rc %d: %s\n", stmts[i],
			        rc, err.msg);
			check_failures++;
		}
		const char *names[] = { "U", "S", "V", "n", "r" };
		for (int v = 0; v < 5; v++) {
			const struct lr_value *x = lr_var_get(s, names[v]);
			CHECK(x && x->kind == LR_VAL_MAT && x->m->rows == 1 && x->m->data[0] == v + 1);
		}
	}
	/* And the session works on when LAPACK does again. */
	memset(&err, 0, sizeof err);
	CHECK(script_run(s, "svd A 2", 0, &err) == 0);
	CHECK(lr_var_get(s, "S")->m->rows == 2);
	lr_session_destroy(s);
	free(out_text.data);
}

SUBTEST_MAIN(T(fallback), T(no_convergence), T(language))
