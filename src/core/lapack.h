/* LAPACK and BLAS, loaded when first needed; private to src/core (nothing
 * above the core may reach LAPACK: it asks linalg.h, svd.h, matrix.h). Linking OpenBLAS costs 7–10 ms at every
 * start of the program (its own initialisation), more than the rest of a
 * short script; so the core calls LAPACKE through these wrappers, which
 * dlopen liblapacke on the first call. Include this instead of <lapacke.h>:
 * the LAPACKE_*_work names below are redirected to the wrappers. When the
 * library cannot be loaded, a wrapper returns LR_LAPACK_MISSING (< 0), which
 * callers report as an illegal-argument LAPACK failure. */
#ifndef LOWRANK_LAPACK_H
#define LOWRANK_LAPACK_H

#include <lapacke.h>

#define LR_LAPACK_MISSING (-9999)

/* 1 if LAPACK is loaded or can be; the reason in *why (static text) if not. */
int lr_lapack_available(const char **why);

/* The threads OpenBLAS was given for the latest call: 1 for small problems,
 * every core for large ones; 0 when the count is not ours to choose (the
 * user set OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS or OMP_NUM_THREADS, or
 * the library is not OpenBLAS) or nothing was called yet. */
int lr_lapack_threads(void);

/* X(name, parameters, arguments, flops): the last is an estimate of the
 * floating-point operations the call does, from its own parameters and
 * lapack.c's cube(m, n), m·n·min(m, n) as a double; it decides how many
 * threads OpenBLAS is given (see lapack.c). */
#define LR_LAZY_DECLS(X) \
	X(dgesdd_work, (int layout, char jobz, lapack_int m, lapack_int n, double *a, \
		lapack_int lda, double *s, double *u, lapack_int ldu, double *vt, lapack_int ldvt, \
		double *work, lapack_int lwork, lapack_int *iwork), \
		(layout, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork), \
		cube(m, n) * (jobz == 'N' ? 3 : 8)) \
	X(dgesvd_work, (int layout, char jobu, char jobvt, lapack_int m, lapack_int n, \
		double *a, lapack_int lda, double *s, double *u, lapack_int ldu, double *vt, \
		lapack_int ldvt, double *work, lapack_int lwork), \
		(layout, jobu, jobvt, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork), \
		cube(m, n) * (jobu == 'N' && jobvt == 'N' ? 3 : 8)) \
	X(dgecon_work, (int layout, char norm, lapack_int n, const double *a, lapack_int lda, \
		double anorm, double *rcond, double *work, lapack_int *iwork), \
		(layout, norm, n, a, lda, anorm, rcond, work, iwork), \
		2.0 * n * n) \
	X(dgelsd_work, (int layout, lapack_int m, lapack_int n, lapack_int nrhs, double *a, \
		lapack_int lda, double *b, lapack_int ldb, double *s, double rcond, \
		lapack_int *rank, double *work, lapack_int lwork, lapack_int *iwork), \
		(layout, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork), \
		cube(m, n) * 4) \
	X(dgetrf_work, (int layout, lapack_int m, lapack_int n, double *a, lapack_int lda, \
		lapack_int *ipiv), (layout, m, n, a, lda, ipiv), \
		cube(m, n) * 2 / 3) \
	X(dgetri_work, (int layout, lapack_int n, double *a, lapack_int lda, \
		const lapack_int *ipiv, double *work, lapack_int lwork), \
		(layout, n, a, lda, ipiv, work, lwork), \
		cube(n, n) * 4 / 3) \
	X(dgetrs_work, (int layout, char trans, lapack_int n, lapack_int nrhs, const double *a, \
		lapack_int lda, const lapack_int *ipiv, double *b, lapack_int ldb), \
		(layout, trans, n, nrhs, a, lda, ipiv, b, ldb), \
		2.0 * n * n * nrhs) \
	X(dgeqrf_work, (int layout, lapack_int m, lapack_int n, double *a, lapack_int lda, \
		double *tau, double *work, lapack_int lwork), \
		(layout, m, n, a, lda, tau, work, lwork), \
		cube(m, n) * 2) \
	X(dorgqr_work, (int layout, lapack_int m, lapack_int n, lapack_int k, double *a, \
		lapack_int lda, const double *tau, double *work, lapack_int lwork), \
		(layout, m, n, k, a, lda, tau, work, lwork), \
		4.0 * m * n * k) \
	X(dgeqp3_work, (int layout, lapack_int m, lapack_int n, double *a, lapack_int lda, \
		lapack_int *jpvt, double *tau, double *work, lapack_int lwork), \
		(layout, m, n, a, lda, jpvt, tau, work, lwork), \
		cube(m, n) * 2) \
	X(dtrtrs_work, (int layout, char uplo, char trans, char diag, lapack_int n, \
		lapack_int nrhs, const double *a, lapack_int lda, double *b, lapack_int ldb), \
		(layout, uplo, trans, diag, n, nrhs, a, lda, b, ldb), \
		1.0 * n * n * nrhs) \
	X(dtrcon_work, (int layout, char norm, char uplo, char diag, lapack_int n, \
		const double *a, lapack_int lda, double *rcond, double *work, lapack_int *iwork), \
		(layout, norm, uplo, diag, n, a, lda, rcond, work, iwork), \
		2.0 * n * n) \
	X(dpotrf_work, (int layout, char uplo, lapack_int n, double *a, lapack_int lda), \
		(layout, uplo, n, a, lda), \
		cube(n, n) / 3) \
	X(dpocon_work, (int layout, char uplo, lapack_int n, const double *a, lapack_int lda, \
		double anorm, double *rcond, double *work, lapack_int *iwork), \
		(layout, uplo, n, a, lda, anorm, rcond, work, iwork), \
		2.0 * n * n) \
	X(dpotrs_work, (int layout, char uplo, lapack_int n, lapack_int nrhs, const double *a, \
		lapack_int lda, double *b, lapack_int ldb), \
		(layout, uplo, n, nrhs, a, lda, b, ldb), \
		2.0 * n * n * nrhs) \
	X(dsyev_work, (int layout, char jobz, char uplo, lapack_int n, double *a, \
		lapack_int lda, double *w, double *work, lapack_int lwork), \
		(layout, jobz, uplo, n, a, lda, w, work, lwork), \
		cube(n, n) * (jobz == 'N' ? 4.0 / 3 : 9)) \
	X(dsyevd_work, (int layout, char jobz, char uplo, lapack_int n, double *a, \
		lapack_int lda, double *w, double *work, lapack_int lwork, lapack_int *iwork, \
		lapack_int liwork), \
		(layout, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork), \
		cube(n, n) * (jobz == 'N' ? 4.0 / 3 : 9)) \
	X(dgeevx_work, (int layout, char balanc, char jobvl, char jobvr, char sense, \
		lapack_int n, double *a, lapack_int lda, double *wr, double *wi, double *vl, \
		lapack_int ldvl, double *vr, lapack_int ldvr, lapack_int *ilo, lapack_int *ihi, \
		double *scale, double *abnrm, double *rconde, double *rcondv, double *work, \
		lapack_int lwork, lapack_int *iwork), \
		(layout, balanc, jobvl, jobvr, sense, n, a, lda, wr, wi, vl, ldvl, vr, ldvr, ilo, \
		ihi, scale, abnrm, rconde, rcondv, work, lwork, iwork), \
		cube(n, n) * (jobvr == 'N' ? 10 : 25)) \
	X(zgesv_work, (int layout, lapack_int n, lapack_int nrhs, lapack_complex_double *a, \
		lapack_int lda, lapack_int *ipiv, lapack_complex_double *b, lapack_int ldb), \
		(layout, n, nrhs, a, lda, ipiv, b, ldb), \
		cube(n, n) * 8 / 3 + 8.0 * n * n * nrhs) \
	X(zgeevx_work, (int layout, char balanc, char jobvl, char jobvr, char sense, \
		lapack_int n, lapack_complex_double *a, lapack_int lda, lapack_complex_double *w, \
		lapack_complex_double *vl, lapack_int ldvl, lapack_complex_double *vr, \
		lapack_int ldvr, lapack_int *ilo, lapack_int *ihi, double *scale, double *abnrm, \
		double *rconde, double *rcondv, lapack_complex_double *work, lapack_int lwork, \
		double *rwork), \
		(layout, balanc, jobvl, jobvr, sense, n, a, lda, w, vl, ldvl, vr, ldvr, ilo, ihi, \
		scale, abnrm, rconde, rcondv, work, lwork, rwork), \
		cube(n, n) * 100) \
	X(zheev_work, (int layout, char jobz, char uplo, lapack_int n, lapack_complex_double *a, \
		lapack_int lda, double *w, lapack_complex_double *work, lapack_int lwork, \
		double *rwork), \
		(layout, jobz, uplo, n, a, lda, w, work, lwork, rwork), \
		cube(n, n) * 16) \
	X(dgebal_work, (int layout, char job, lapack_int n, double *a, lapack_int lda, \
		lapack_int *ilo, lapack_int *ihi, double *scale), \
		(layout, job, n, a, lda, ilo, ihi, scale), \
		10.0 * n * n) \
	X(zgebal_work, (int layout, char job, lapack_int n, lapack_complex_double *a, \
		lapack_int lda, lapack_int *ilo, lapack_int *ihi, double *scale), \
		(layout, job, n, a, lda, ilo, ihi, scale), \
		20.0 * n * n) \
	X(zgees_work, (int layout, char jobvs, char sort, LAPACK_Z_SELECT1 select, lapack_int n, \
		lapack_complex_double *a, lapack_int lda, lapack_int *sdim, \
		lapack_complex_double *w, lapack_complex_double *vs, lapack_int ldvs, \
		lapack_complex_double *work, lapack_int lwork, double *rwork, lapack_logical *bwork), \
		(layout, jobvs, sort, select, n, a, lda, sdim, w, vs, ldvs, work, lwork, rwork, bwork), \
		cube(n, n) * 100) \
	X(dsygv_work, (int layout, lapack_int itype, char jobz, char uplo, lapack_int n, \
		double *a, lapack_int lda, double *b, lapack_int ldb, double *w, double *work, \
		lapack_int lwork), \
		(layout, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork), \
		cube(n, n) * (jobz == 'N' ? 3 : 12)) \
	X(dggev_work, (int layout, char jobvl, char jobvr, lapack_int n, double *a, \
		lapack_int lda, double *b, lapack_int ldb, double *alphar, double *alphai, \
		double *beta, double *vl, lapack_int ldvl, double *vr, lapack_int ldvr, \
		double *work, lapack_int lwork), \
		(layout, jobvl, jobvr, n, a, lda, b, ldb, alphar, alphai, beta, vl, ldvl, vr, ldvr, \
		work, lwork), \
		cube(n, n) * 66)

#define LR_LAZY_PROTO(name, params, args, flops) lapack_int lr_lazy_##name params;
LR_LAZY_DECLS(LR_LAZY_PROTO)
#undef LR_LAZY_PROTO

#define LAPACKE_dgesdd_work lr_lazy_dgesdd_work
#define LAPACKE_dgesvd_work lr_lazy_dgesvd_work
#define LAPACKE_dgecon_work lr_lazy_dgecon_work
#define LAPACKE_dgelsd_work lr_lazy_dgelsd_work
#define LAPACKE_dgetrf_work lr_lazy_dgetrf_work
#define LAPACKE_dgetri_work lr_lazy_dgetri_work
#define LAPACKE_dgetrs_work lr_lazy_dgetrs_work
#define LAPACKE_dgeqrf_work lr_lazy_dgeqrf_work
#define LAPACKE_dorgqr_work lr_lazy_dorgqr_work
#define LAPACKE_dgeqp3_work lr_lazy_dgeqp3_work
#define LAPACKE_dtrtrs_work lr_lazy_dtrtrs_work
#define LAPACKE_dtrcon_work lr_lazy_dtrcon_work
#define LAPACKE_dpotrf_work lr_lazy_dpotrf_work
#define LAPACKE_dpocon_work lr_lazy_dpocon_work
#define LAPACKE_dpotrs_work lr_lazy_dpotrs_work
#define LAPACKE_dsyev_work lr_lazy_dsyev_work
#define LAPACKE_dsyevd_work lr_lazy_dsyevd_work
#define LAPACKE_dgeevx_work lr_lazy_dgeevx_work
#define LAPACKE_zgesv_work lr_lazy_zgesv_work
#define LAPACKE_zgeevx_work lr_lazy_zgeevx_work
#define LAPACKE_zheev_work lr_lazy_zheev_work
#define LAPACKE_dgebal_work lr_lazy_dgebal_work
#define LAPACKE_zgees_work lr_lazy_zgees_work
#define LAPACKE_zgebal_work lr_lazy_zgebal_work
#define LAPACKE_dsygv_work lr_lazy_dsygv_work
#define LAPACKE_dggev_work lr_lazy_dggev_work

/* BLAS through its C interface, row-major as our matrices are: C = alpha
 * op(A) op(B) + beta C (dgemm) and y = alpha op(A) x + beta y (dgemv), op
 * being the transpose when trans is 'T'. Loaded as LAPACK is, from the same
 * library (OpenBLAS behind liblapacke), with the same thread policy (2·m·n·k
 * flops for dgemm). Return 0, or LR_LAPACK_MISSING when the library or the
 * symbol cannot be loaded (nothing is written then). Dimensions must fit an
 * int (the BLAS's own integer). */
int lr_blas_dgemm(char transa, char transb, int m, int n, int k, double alpha,
                  const double *a, int lda, const double *b, int ldb, double beta,
                  double *c, int ldc);
/* The same for one piece of a product of flops in all: the threads are
 * chosen for the whole, because OpenBLAS blocks the sums differently on one
 * thread and on several, and the pieces must add up to what one call gives. */
int lr_blas_dgemm_part(double flops, char transa, char transb, int m, int n, int k,
                       double alpha, const double *a, int lda, const double *b, int ldb,
                       double beta, double *c, int ldc);
double lr_blas_ddot(int n, const double *x, int incx, const double *y, int incy, int *missing);
int lr_blas_dgemv(char trans, int m, int n, double alpha, const double *a, int lda,
                  const double *x, int incx, double beta, double *y, int incy);
/* C = A·B for complex row-major A (m×k), B (k×n), C (m×n), interleaved
 * (re, im) pairs: zgemm, 8·m·n·k flops. 0, or LR_LAPACK_MISSING. */
int lr_blas_zgemm(int m, int n, int k, const double *a, const double *b, double *c);

#endif
