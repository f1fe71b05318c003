/* Dense linear algebra through LAPACK and BLAS; see lowrank/linalg.h.
 *
 * We call the column-major _work drivers ourselves (LAPACKE's row-major
 * wrappers transpose into buffers they malloc themselves, out of reach of
 * lr_malloc's failure injection, and its high-level calls refuse NaN where
 * Octave lets it flow into the result). A row-major m×n array read
 * column-major is the n×m transpose; each function says which matrix LAPACK
 * sees. */
#include "lowrank/linalg.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "lapack.h"
#include "lowrank/alloc.h"
#include "linalg_impl.h"
#include "svd_lapack.h"

typedef lapack_int lint;

/* Sizes LAPACK and the BLAS can index: their integers are ints here. */
static int fits_int(size_t n)
{
	return n <= (size_t)INT_MAX;
}

struct lr_matrix *lr_la_create(size_t rows, size_t cols, enum lr_status *st)
{
	struct lr_matrix *m = NULL;

	if (cols && rows > lr_mat_max_elems / cols)
		*st = LR_ERR_TOO_BIG;
	else if (!(m = lr_mat_create(rows, cols)))
		*st = LR_ERR_NOMEM;
	else
		*st = LR_OK;
	return m;
}

/* ---- The product ------------------------------------------------------------ */

/* One tile of C: rows [i, i + h) and columns [j, j + w) of A B. A vector
 * result (the whole C one column or one row, whatever the tile) goes to
 * dgemv, which the BLAS does faster than a one-wide dgemm; a tile of a
 * matrix result always to dgemm, with the threads of the whole product, so
 * that every entry is summed as one call would (see the unit test). */
static enum lr_status mul_tile(const struct lr_matrix *A, const struct lr_matrix *B,
                               struct lr_matrix *C, size_t i, size_t j, size_t h, size_t w)
{
	int k = (int)A->cols, n = (int)B->cols, rc;
	const double *a = A->data + i * A->cols, *b = B->data + j;
	double *c = C->data + i * C->cols + j;
	double flops = 2.0 * (double)C->rows * (double)C->cols * k;

	if (C->cols == 1)      /* C(:, j) = A b(:, j): b is a strided column */
		rc = lr_blas_dgemv('N', (int)h, k, 1.0, a, k, b, n, 0.0, c, n);
	else if (C->rows == 1) /* C(i, :) = a(i, :) B, i.e. Bᵀ a(i, :)ᵀ */
		rc = lr_blas_dgemv('T', k, (int)w, 1.0, b, n, a, 1, 0.0, c, 1);
	else
		rc = lr_blas_dgemm_part(flops, 'N', 'N', (int)h, (int)w, k, 1.0, a, k, b, n, 0.0,
		                        c, n);
	return rc ? LR_ERR_LAPACK : LR_OK;
}

void lr_linalg_mul_tile(size_t m, size_t n, size_t k, size_t *rows, size_t *cols)
{
	/* Whole columns of C while a column panel stays under the budget; then
	 * square-ish tiles no smaller than 256 (smaller ones run the BLAS below
	 * its speed). */
	double per_col = 2.0 * (double)m * (double)k;
	size_t w = n, h = m;

	if (per_col * (double)n > LR_LINALG_TILE_FLOPS) {
		w = (size_t)(LR_LINALG_TILE_FLOPS / (per_col > 1.0 ? per_col : 1.0));
		w = w < 256 ? 256 : w / 64 * 64;
		if (w >= 256 * 2 || w >= n)
			h = m;
		else
			h = (size_t)(LR_LINALG_TILE_FLOPS / (2.0 * (double)k * (double)w));
		h = h < 256 ? 256 : h;
	}
	*rows = h > m ? m : h;
	*cols = w > n ? n : w;
}

enum lr_status lr_linalg_mul_tiled(const struct lr_matrix *A, const struct lr_matrix *B,
                                   size_t rows, size_t cols, const struct lr_poll *poll,
                                   struct lr_matrix **out)
{
	enum lr_status st;
	struct lr_matrix *C;

	if (A->cols != B->rows)
		return LR_ERR_SHAPE;
	if (!fits_int(A->rows) || !fits_int(A->cols) || !fits_int(B->cols))
		return LR_ERR_TOO_BIG;
	if (!(C = lr_la_create(A->rows, B->cols, &st)))
		return st;
	/* An empty operand leaves C zero: (m×0)(0×n) is zeros(m, n). */
	for (size_t j = 0; st == LR_OK && A->cols && j < C->cols; j += cols)
		for (size_t i = 0; st == LR_OK && i < C->rows; i += rows) {
			if (poll && poll->stop && (i || j) && poll->stop(poll->ctx)) {
				st = LR_ERR_STOPPED;
				break;
			}
			st = mul_tile(A, B, C, i, j, C->rows - i < rows ? C->rows - i : rows,
			              C->cols - j < cols ? C->cols - j : cols);
		}
	if (st != LR_OK) {
		lr_mat_destroy(C);
		return st;
	}
	*out = C;
	return LR_OK;
}

/* 1 if B is exactly Aᵀ (A' * A, A * A'). */
static int is_transpose(const struct lr_matrix *A, const struct lr_matrix *B)
{
	if (A->rows != B->cols || A->cols != B->rows)
		return 0;
	for (size_t i = 0; i < A->rows; i++)
		for (size_t j = 0; j < A->cols; j++)
			if (LR_AT(A, i, j) != LR_AT(B, j, i))
				return 0;
	return 1;
}

void lr_linalg_mirror_upper(struct lr_matrix *C)
{
	for (size_t i = 0; i < C->rows; i++)
		for (size_t j = 0; j < i; j++)
			LR_AT(C, i, j) = LR_AT(C, j, i);
}

enum lr_status lr_linalg_mul(const struct lr_matrix *A, const struct lr_matrix *B,
                             const struct lr_poll *poll, struct lr_matrix **out)
{
	size_t rows, cols;
	enum lr_status st;

	lr_linalg_mul_tile(A->rows, B->cols, A->cols, &rows, &cols);
	st = lr_linalg_mul_tiled(A, B, rows ? rows : 1, cols ? cols : 1, poll, out);
	if (st == LR_OK && is_transpose(A, B))
		lr_linalg_mirror_upper(*out);
	return st;
}

/* ---- LU and solves ----------------------------------------------------------- */

/* The 1-norm (largest absolute column sum) of the n×n column-major a; NaN
 * if it holds a NaN. */
static double norm1(const double *a, size_t n)
{
	double best = 0.0;

	for (size_t j = 0; j < n; j++) {
		double s = 0.0;
		for (size_t i = 0; i < n; i++)
			s += fabs(a[j * n + i]);
		if (isnan(s))
			return s;
		if (s > best)
			best = s;
	}
	return best;
}

/* 1 when a reciprocal condition number means singular to machine
 * precision, as Octave tests it (it adds nothing to 1, or is NaN). */
int lr_la_negligible(double rcond)
{
	volatile double one = rcond + 1.0;   /* not kept in a wider register */

	return one == 1.0 || isnan(rcond);
}

/* LU-factors the n×n column-major lu in place (dgetrf) and estimates its
 * reciprocal condition number (dgecon) into *rcond. LR_ERR_SINGULAR for an
 * exact zero pivot (*rcond 0). A NaN or Inf norm has no meaningful
 * condition number: *rcond is NaN then. */
static enum lr_status lu_factor(double *lu, lint n, lint *ipiv, double *rcond)
{
	double anorm = norm1(lu, (size_t)n);
	double *work = lr_mallocarray((size_t)n, 4 * sizeof(double));
	lint *iwork = lr_mallocarray((size_t)n, sizeof(lint)), info;
	enum lr_status st = LR_OK;

	*rcond = 0.0;
	if (!work || !iwork) {
		st = LR_ERR_NOMEM;
		goto done;
	}
	info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, n, n, lu, n, ipiv);
	if (info == 0 && isfinite(anorm))
		info = LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', n, lu, n, anorm, rcond,
		                           work, iwork);
	else if (info == 0)
		*rcond = NAN;
	if (info < 0)
		st = LR_ERR_LAPACK;
	else if (info > 0)
		st = LR_ERR_SINGULAR;
done:
	lr_free(work);
	lr_free(iwork);
	return st;
}

double *lr_la_column_major(const struct lr_matrix *a)
{
	double *t = lr_mallocarray(a->rows * a->cols > 0 ? a->rows * a->cols : 1, sizeof *t);

	for (size_t i = 0; t && i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++)
			t[j * a->rows + i] = LR_AT(a, i, j);
	return t;
}

void lr_la_from_column_major(struct lr_matrix *x, const double *t, size_t ld)
{
	for (size_t i = 0; i < x->rows; i++)
		for (size_t j = 0; j < x->cols; j++)
			LR_AT(x, i, j) = t[j * ld + i];
}

/* The system as LAPACK takes it: M (n×n) Y = R (n×nrhs), both column-major.
 * For X = B / A (X A = B, i.e. Aᵀ Xᵀ = Bᵀ) A's row-major data is Aᵀ and
 * B's is Bᵀ, so no copy is transposed: Y is Xᵀ, X in row-major order. For
 * X = A \ B both are transposed into column-major copies. */
struct system {
	double *M, *R;
	size_t n, nrhs, ldr;
};

static enum lr_status make_system(enum lr_side side, const struct lr_matrix *A,
                                  const struct lr_matrix *B, size_t ldr, struct system *sys)
{
	size_t rhs_rows = side == LR_LEFT ? B->rows : B->cols;
	sys->nrhs = side == LR_LEFT ? B->cols : B->rows;
	sys->n = side == LR_LEFT ? A->cols : A->rows;
	sys->ldr = ldr;
	sys->M = side == LR_LEFT ? lr_la_column_major(A) : lr_mallocarray(A->rows * A->cols, sizeof(double));
	sys->R = lr_calloc(ldr * sys->nrhs > 0 ? ldr * sys->nrhs : 1, sizeof(double));
	if (!sys->M || !sys->R)
		return LR_ERR_NOMEM;
	if (side == LR_RIGHT)
		memcpy(sys->M, A->data, A->rows * A->cols * sizeof(double));
	/* Column c of the right-hand side: column c of B (left) or row c (right). */
	for (size_t c = 0; c < sys->nrhs; c++)
		for (size_t r = 0; r < rhs_rows; r++)
			sys->R[c * ldr + r] = side == LR_LEFT ? LR_AT(B, r, c) : LR_AT(B, c, r);
	return LR_OK;
}

static void free_system(struct system *sys)
{
	lr_free(sys->M);
	lr_free(sys->R);
}

/* The solution rows×cols from the system's first rows of each column. */
static enum lr_status take_solution(enum lr_side side, const struct system *sys, size_t rows,
                                    size_t cols, struct lr_matrix **X)
{
	enum lr_status st;
	struct lr_matrix *x = lr_la_create(rows, cols, &st);

	if (!x)
		return st;
	if (side == LR_LEFT)
		lr_la_from_column_major(x, sys->R, sys->ldr);
	else
		for (size_t i = 0; i < rows; i++)
			memcpy(x->data + i * cols, sys->R + i * sys->ldr, cols * sizeof(double));
	*X = x;
	return LR_OK;
}

/* Rows and columns of X for A \ B (A m×n, B m×p: X n×p) or B / A (A m×n,
 * B p×n: X p×m); LR_ERR_SHAPE when they do not agree. */
static enum lr_status solution_shape(enum lr_side side, const struct lr_matrix *A,
                                     const struct lr_matrix *B, size_t *rows, size_t *cols)
{
	if (side == LR_LEFT ? A->rows != B->rows : A->cols != B->cols)
		return LR_ERR_SHAPE;
	*rows = side == LR_LEFT ? A->cols : B->rows;
	*cols = side == LR_LEFT ? B->cols : A->rows;
	if (!fits_int(A->rows) || !fits_int(A->cols) || !fits_int(B->rows) || !fits_int(B->cols))
		return LR_ERR_TOO_BIG;
	return LR_OK;
}

/* How Octave's MatrixType sees a square matrix (matrix_real_probe):
 * triangular only with a nonzero diagonal; "Hermitian" (a Cholesky is
 * tried) when symmetric with a positive diagonal and every aᵢⱼ² < aᵢᵢaⱼⱼ. */
enum structure { FULL, UPPER, LOWER, POSITIVE };

static enum structure structure_of(const double *M, size_t n)
{
	int upper = 1, lower = 1, herm = 1;

	for (size_t j = 0; j < n; j++) {
		double d = M[j * n + j];
		upper = upper && d != 0.0;
		herm = herm && d > 0.0;
	}
	lower = upper;
	for (size_t j = 0; j < n && (upper || lower || herm); j++)
		for (size_t i = 0; i < j; i++) {
			double aij = M[j * n + i], aji = M[i * n + j];
			lower = lower && aij == 0.0;
			upper = upper && aji == 0.0;
			herm = herm && aij == aji && aij * aij < M[i * n + i] * M[j * n + j];
		}
	return upper ? UPPER : lower ? LOWER : herm ? POSITIVE : FULL;
}

/* The triangular system by substitution, its condition by dtrcon. */
static enum lr_status solve_triangular(struct system *sys, char uplo, double *rcond)
{
	lint n = (lint)sys->n;
	double *work = lr_mallocarray(sys->n, 3 * sizeof(double));
	lint *iwork = lr_mallocarray(sys->n, sizeof(lint)), info;
	enum lr_status st = work && iwork ? LR_OK : LR_ERR_NOMEM;

	if (st == LR_OK) {
		info = LAPACKE_dtrcon_work(LAPACK_COL_MAJOR, '1', uplo, 'N', n, sys->M, n, rcond,
		                           work, iwork);
		if (info == 0)
			info = LAPACKE_dtrtrs_work(LAPACK_COL_MAJOR, uplo, 'N', 'N', n, (lint)sys->nrhs,
			                           sys->M, n, sys->R, (lint)sys->ldr);
		st = info == 0 ? LR_OK : LR_ERR_LAPACK;
	}
	lr_free(work);
	lr_free(iwork);
	return st;
}

/* Cholesky when the matrix is positive definite: LR_ERR_SINGULAR (nothing
 * solved, M spoiled) when dpotrf finds it is not, for LU to take over. */
static enum lr_status solve_cholesky(struct system *sys, const double *M0, double *rcond)
{
	lint n = (lint)sys->n;
	double anorm = norm1(M0, sys->n);
	double *work = lr_mallocarray(sys->n, 3 * sizeof(double));
	lint *iwork = lr_mallocarray(sys->n, sizeof(lint)), info;
	enum lr_status st = work && iwork ? LR_OK : LR_ERR_NOMEM;

	if (st == LR_OK) {
		info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'U', n, sys->M, n);
		if (info > 0)
			st = LR_ERR_SINGULAR;
		if (info == 0)
			info = LAPACKE_dpocon_work(LAPACK_COL_MAJOR, 'U', n, sys->M, n, anorm, rcond,
			                           work, iwork);
		if (info == 0)
			info = LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', n, (lint)sys->nrhs, sys->M, n,
			                           sys->R, (lint)sys->ldr);
		if (st == LR_OK && info != 0)
			st = LR_ERR_LAPACK;
	}
	lr_free(work);
	lr_free(iwork);
	return st;
}

static enum lr_status solve_lu(struct system *sys, double *rcond)
{
	lint *ipiv = lr_mallocarray(sys->n, sizeof *ipiv);
	enum lr_status st = ipiv ? lu_factor(sys->M, (lint)sys->n, ipiv, rcond) : LR_ERR_NOMEM;

	if (st == LR_OK &&
	    LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'N', (lint)sys->n, (lint)sys->nrhs, sys->M,
	                        (lint)sys->n, ipiv, sys->R, (lint)sys->ldr) != 0)
		st = LR_ERR_LAPACK;
	lr_free(ipiv);
	return st;
}

/* Solves the square system in place by its structure; LR_ERR_SINGULAR for
 * an exact zero pivot, which Octave answers with least squares. */
static enum lr_status solve_square(struct system *sys, double *rcond)
{
	enum structure k = structure_of(sys->M, sys->n);
	double *M0 = NULL, *R0 = NULL;
	size_t bytes = sys->n * sys->n * sizeof(double), rbytes = sys->ldr * sys->nrhs * sizeof(double);
	enum lr_status st;

	if (k == UPPER || k == LOWER)
		return solve_triangular(sys, k == UPPER ? 'U' : 'L', rcond);
	if (k == POSITIVE) {   /* keep the system: a failed Cholesky leaves it spoiled */
		M0 = lr_malloc(bytes);
		R0 = lr_malloc(rbytes ? rbytes : 1);
		if (!M0 || !R0) {
			st = LR_ERR_NOMEM;
			goto done;
		}
		memcpy(M0, sys->M, bytes);
		memcpy(R0, sys->R, rbytes);
		st = solve_cholesky(sys, M0, rcond);
		if (st != LR_ERR_SINGULAR)
			goto done;
		memcpy(sys->M, M0, bytes);
		memcpy(sys->R, R0, rbytes);
	}
	st = solve_lu(sys, rcond);
done:
	lr_free(M0);
	lr_free(R0);
	return st;
}

/* Octave's rcond (Matrix::rcond): by the structure, as the solve. */
static enum lr_status rcond_of(double *M, size_t n, double *rc)
{
	enum structure k = structure_of(M, n);
	double anorm = norm1(M, n), *work = lr_mallocarray(n, 4 * sizeof(double));
	lint *iwork = lr_mallocarray(n, sizeof(lint)), *ipiv = lr_mallocarray(n, sizeof(lint));
	lint info = 0;
	enum lr_status st = work && iwork && ipiv ? LR_OK : LR_ERR_NOMEM;

	*rc = 0.0;
	if (st == LR_OK && (k == UPPER || k == LOWER))
		info = LAPACKE_dtrcon_work(LAPACK_COL_MAJOR, '1', k == UPPER ? 'U' : 'L', 'N',
		                           (lint)n, M, (lint)n, rc, work, iwork);
	else if (st == LR_OK && isinf(anorm))
		*rc = 0.0;
	else if (st == LR_OK && isnan(anorm))
		*rc = NAN;
	else if (st == LR_OK) {
		if (k == POSITIVE) {
			double *c = lr_mallocarray(n * n, sizeof *c);
			if (!c)
				st = LR_ERR_NOMEM;
			else
				memcpy(c, M, n * n * sizeof *c);
			if (c && LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'U', (lint)n, c, (lint)n) == 0) {
				info = LAPACKE_dpocon_work(LAPACK_COL_MAJOR, 'U', (lint)n, c, (lint)n, anorm, rc,
				                           work, iwork);
				k = UPPER;   /* done */
			}
			lr_free(c);
		}
		if (st == LR_OK && k != UPPER) {
			info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, (lint)n, (lint)n, M, (lint)n, ipiv);
			if (info == 0)
				info = LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', (lint)n, M, (lint)n, anorm,
				                           rc, work, iwork);
			else if (info > 0)
				info = 0, *rc = 0.0;
		}
	}
	if (st == LR_OK && info != 0)
		st = LR_ERR_LAPACK;
	lr_free(work);
	lr_free(iwork);
	lr_free(ipiv);
	return st;
}

enum lr_status lr_linalg_rcond(const struct lr_matrix *A, double *rcond)
{
	double *M;
	enum lr_status st;

	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!fits_int(A->rows))
		return LR_ERR_TOO_BIG;
	*rcond = INFINITY;   /* Octave: rcond([]) is Inf */
	if (!A->rows)
		return LR_OK;
	if (!(M = lr_la_column_major(A)))
		return LR_ERR_NOMEM;
	st = rcond_of(M, A->rows, rcond);
	lr_free(M);
	return st;
}

enum lr_status lr_linalg_solve(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, int *singular)
{
	return lr_linalg_solve_rcond(side, A, B, X, singular, NULL);
}

enum lr_status lr_linalg_solve_rcond(enum lr_side side, const struct lr_matrix *A,
                                     const struct lr_matrix *B, struct lr_matrix **X,
                                     int *singular, double *rcond)
{
	struct system sys = { NULL, NULL, 0, 0, 0 };
	size_t rows, cols;
	double rc = 1.0;
	enum lr_status st = A->rows == A->cols ? solution_shape(side, A, B, &rows, &cols)
	                                       : LR_ERR_SHAPE;

	if (singular)
		*singular = 0;
	if (st == LR_OK && (!A->rows || !rows || !cols)) {   /* empty sums: zeros */
		struct lr_matrix *x = lr_la_create(rows, cols, &st);
		if (x)
			*X = x;
		return st;
	}
	if (st == LR_OK)
		st = make_system(side, A, B, A->rows, &sys);
	if (st == LR_OK)
		st = solve_square(&sys, &rc);
	if (st == LR_OK)
		st = take_solution(side, &sys, rows, cols, X);
	free_system(&sys);
	if (singular && (st == LR_ERR_SINGULAR || (st == LR_OK && lr_la_negligible(rc))))
		*singular = 1;
	if (rcond)
		*rcond = st == LR_ERR_SINGULAR ? 0.0 : rc;
	if (st == LR_ERR_SINGULAR)
		return lr_linalg_lstsq(side, A, B, X, NULL);
	return st;
}

/* dgelsd on the system's M (rows×cols, column-major) and R, sizing the
 * workspace by a query first; the rank found into *rank. */
static enum lr_status gelsd(struct system *sys, lint rows, lint cols, size_t *rank)
{
	double *s = lr_mallocarray((size_t)(rows < cols ? rows : cols), sizeof *s), *work = NULL;
	double wq = 0.0;
	lint iq = 0, r = 0, *iwork = NULL, info;
	enum lr_status st = LR_ERR_NOMEM;

	if (!s)
		goto done;
	info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, rows, cols, (lint)sys->nrhs, sys->M, rows,
	                           sys->R, (lint)sys->ldr, s, -1.0, &r, &wq, -1, &iq);
	if (info != 0 || !(wq < 0x1p62)) {
		st = LR_ERR_LAPACK;
		goto done;
	}
	work = lr_mallocarray((size_t)wq + 1, sizeof *work);
	iwork = lr_mallocarray((size_t)(iq > 1 ? iq : 1), sizeof *iwork);
	if (!work || !iwork)
		goto done;
	info = LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, rows, cols, (lint)sys->nrhs, sys->M, rows,
	                           sys->R, (lint)sys->ldr, s, -1.0, &r, work, (lint)wq, iwork);
	st = info == 0 ? LR_OK : LR_ERR_LAPACK;
	if (rank)
		*rank = (size_t)r;
done:
	lr_free(s);
	lr_free(work);
	lr_free(iwork);
	return st;
}

enum lr_status lr_linalg_lstsq(enum lr_side side, const struct lr_matrix *A,
                               const struct lr_matrix *B, struct lr_matrix **X, size_t *rank)
{
	struct system sys = { NULL, NULL, 0, 0, 0 };
	size_t rows, cols;
	/* As LAPACK sees it the matrix is M×N: A (left) or Aᵀ (right). */
	size_t M = side == LR_LEFT ? A->rows : A->cols, N = side == LR_LEFT ? A->cols : A->rows;
	enum lr_status st = solution_shape(side, A, B, &rows, &cols);

	if (rank)
		*rank = 0;
	if (st != LR_OK)
		return st;
	if (!A->rows || !A->cols || !rows || !cols || !lr_mat_all_finite(A) ||
	    !lr_mat_all_finite(B)) {
		struct lr_matrix *x = lr_la_create(rows, cols, &st);
		/* Empty sums are 0; anything with a NaN or Inf is NaN. */
		for (size_t i = 0; x && A->rows && A->cols && i < rows * cols; i++)
			x->data[i] = NAN;
		if (x)
			*X = x;
		return st;
	}
	st = make_system(side, A, B, M > N ? M : N, &sys);
	if (st == LR_OK)
		st = gelsd(&sys, (lint)M, (lint)N, rank);
	if (st == LR_OK)
		st = take_solution(side, &sys, rows, cols, X);
	free_system(&sys);
	return st;
}

/* dgetri on the factored n×n lu, with its workspace query. */
static enum lr_status getri(double *lu, lint n, const lint *ipiv)
{
	double wq = 0.0, *work;
	lint info = LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, lu, n, ipiv, &wq, -1);

	if (info != 0 || !(wq < 0x1p62))
		return LR_ERR_LAPACK;
	if (!(work = lr_mallocarray((size_t)wq + 1, sizeof *work)))
		return LR_ERR_NOMEM;
	info = LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, lu, n, ipiv, work, (lint)wq + 1);
	lr_free(work);
	return info == 0 ? LR_OK : LR_ERR_LAPACK;
}

/* Fills x with Inf: Octave's inverse of an exactly singular matrix. */
static void fill_inf(struct lr_matrix *x)
{
	for (size_t i = 0; i < x->rows * x->cols; i++)
		x->data[i] = INFINITY;
}

enum lr_status lr_linalg_inv(const struct lr_matrix *A, struct lr_matrix **X, int *singular,
                             double *rcond)
{
	struct lr_matrix *x;
	lint *ipiv;
	double rc = 0.0;
	enum lr_status st;

	if (singular)
		*singular = 0;
	if (A->rows != A->cols)
		return LR_ERR_SHAPE;
	if (!fits_int(A->rows))
		return LR_ERR_TOO_BIG;
	/* Read column-major the copy is Aᵀ; inverting it in place gives
	 * (A⁻¹)ᵀ, which read back row-major is A⁻¹. */
	if (!(x = lr_mat_copy(A)))
		return LR_ERR_NOMEM;
	lr_mat_clear_mask(x);
	if (!A->rows) {
		*X = x;
		return LR_OK;
	}
	ipiv = lr_mallocarray(A->rows, sizeof *ipiv);
	st = ipiv ? lu_factor(x->data, (lint)A->rows, ipiv, &rc) : LR_ERR_NOMEM;
	if (st == LR_OK && isnan(rc))
		st = LR_ERR_SINGULAR;   /* NaN or Inf in A: Octave's dgetrf finds a zero pivot */
	if (st == LR_OK)
		st = getri(x->data, (lint)A->rows, ipiv);
	lr_free(ipiv);
	if (st == LR_ERR_SINGULAR) {
		rc = 0.0;
		fill_inf(x);
		st = LR_OK;
	}
	if (rcond)
		*rcond = rc;
	if (singular)
		*singular = st == LR_OK && lr_la_negligible(rc);
	if (st != LR_OK) {
		lr_mat_destroy(x);
		return st;
	}
	*X = x;
	return LR_OK;
}

/* ---- The full SVD ---------------------------------------------------------------- */

static void set_identity(struct lr_matrix *m)
{
	for (size_t i = 0; i < m->rows && i < m->cols; i++)
		LR_AT(m, i, i) = 1.0;
}

/* LAPACK works on a column-major copy of A, as Octave's svd does (the same
 * input gives the same signs): U comes back column-major and is
 * transposed; Vᵀ column-major, with leading dimension V's columns, is V's
 * row-major data as it stands. */
enum lr_status lr_linalg_svd(const struct lr_matrix *A, int econ, int gesvd_first,
                             struct lr_matrix **U, double **s, struct lr_matrix **V)
{
	size_t m = A->rows, n = A->cols, p = m < n ? m : n;
	size_t uc = econ ? p : m, vc = econ ? p : n;
	struct lr_matrix *u, *v;
	double *sv, *a = NULL, *ucol = NULL, *src = NULL;
	enum lr_status st = LR_OK;

	if (!lr_mat_all_finite(A))
		return LR_ERR_NONFINITE;
	if (m > INT_MAX / 8 || n > INT_MAX / 8)
		return LR_ERR_TOO_BIG;
	u = lr_la_create(m, uc, &st);
	v = u ? lr_la_create(n, vc, &st) : NULL;
	sv = lr_mallocarray(p ? p : 1, sizeof *sv);
	if (u && v && !sv)
		st = LR_ERR_NOMEM;
	if (st == LR_OK && !p) {   /* the factors of an empty matrix are identities */
		set_identity(u);
		set_identity(v);
	} else if (st == LR_OK) {
		a = lr_mallocarray(m * n, sizeof *a);
		ucol = lr_mallocarray(m * uc, sizeof *ucol);
		src = lr_la_column_major(A);
		if (!a || !ucol || !src)
			st = LR_ERR_NOMEM;
		if (st == LR_OK)
			st = lr_svd_lapack(econ ? 'S' : 'A', gesvd_first, m, n, src, a, sv, ucol, v->data);
		if (st == LR_OK)
			lr_la_from_column_major(u, ucol, m);
	}
	lr_free(a);
	lr_free(ucol);
	lr_free(src);
	if (st != LR_OK) {
		lr_mat_destroy(u);
		lr_mat_destroy(v);
		lr_free(sv);
		return st;
	}
	*U = u, *s = sv, *V = v;
	return LR_OK;
}
