/* Operators on complex values; see cvalue.h. Elementwise arithmetic
 * follows C's complex arithmetic except where an operand is real: then the
 * real operand scales each part (as Octave's mixed real-complex operators
 * do), so that (Inf + 0i) * 2 is Inf, not NaN. Powers follow the C++
 * library Octave uses: a whole exponent by repeated squaring (so (1+1i)^2
 * is exactly 0 + 2i), otherwise exp(w·log z). Products and solves of
 * matrices go to the core (zgemm, zgesv). */
#include "cvalue.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lowrank/alloc.h"
#include "lowrank/zmatrix.h"
#include "lowrank/cx.h"
#include "limit.h"

struct lr_value *lr_cx_value(struct lr_matrix *re, struct lr_matrix *im, int narrow)
{
	struct lr_value *v;

	if (!re) {
		lr_mat_destroy(im);
		return NULL;
	}
	if (im && narrow) {
		size_t k = 0, n = im->rows * im->cols;
		while (k < n && im->data[k] == 0)
			k++;
		if (k == n) {
			lr_mat_destroy(im);
			im = NULL;
		}
	}
	v = lr_value_mat(re);
	if (!v)
		lr_mat_destroy(im);
	else
		v->im = im;
	return v;
}

/* A zero result of the given shape, with the element limit's message. */
static struct lr_matrix *result(size_t rows, size_t cols, enum lr_status *st,
                                char *msg, size_t msglen)
{
	if (cols && rows > lr_mat_max_elems / cols) {
		lr_limit_elems_msg(msg, msglen, "the result would be %zu×%zu", rows, cols);
		*st = LR_ERR_TOO_BIG;
		return NULL;
	}
	struct lr_matrix *m = lr_mat_create(rows, cols);
	*st = m ? LR_OK : LR_ERR_NOMEM;
	return m;
}

static cx at(const struct lr_value *v, size_t k)
{
	return CMPLX(v->m->data[k], v->im ? v->im->data[k] : 0.0);
}

static cx pow_whole(cx z, long n)
{
	unsigned long u = n < 0 ? -(unsigned long)n : (unsigned long)n;
	cx y = u % 2 ? z : 1.0;

	while (u >>= 1) {
		z = z * z;
		if (u % 2)
			y = y * z;
	}
	return n < 0 ? 1.0 / y : y;
}

/* z^w as Octave computes it (its C++ library's std::pow). */
static cx cx_pow(cx z, cx w, int z_real, int w_real)
{
	double e = creal(w);

	if (w_real && e == nearbyint(e) && fabs(e) < 0x1p31)
		return pow_whole(z, (long)e);
	if (z_real && creal(z) > 0) {
		if (w_real)
			return pow(creal(z), e);
		return cexp(cimag(w) * log(creal(z)) * I) * pow(creal(z), e);
	}
	if (w_real) {
		cx t = clog(z);
		double r = exp(e * creal(t)), th = e * cimag(t);
		return CMPLX(r * cos(th), r * sin(th));
	}
	return z == 0 ? 0 : cexp(w * clog(z));
}

/* Octave's order of complex numbers: by magnitude, then by angle. */
static int cx_cmp(cx a, cx b)
{
	double ma = cabs(a), mb = cabs(b);

	if (ma != mb)
		return ma < mb ? -1 : 1;
	double pa = carg(a), pb = carg(b);
	/* -pi and pi are one angle, as in Octave */
	if (pa == -3.141592653589793238462643383279502884)
		pa = 3.141592653589793238462643383279502884;
	if (pb == -3.141592653589793238462643383279502884)
		pb = 3.141592653589793238462643383279502884;
	return pa < pb ? -1 : pa > pb;
}

static cx elem(enum lr_binop op, cx x, cx y, int xr, int yr)
{
	switch (op) {
	case LR_OP_ADD: return x + y;
	case LR_OP_SUB: return x - y;
	case LR_OP_MUL:
	case LR_OP_EMUL:
		if (yr)
			return CMPLX(creal(x) * creal(y), cimag(x) * creal(y));
		if (xr)
			return CMPLX(creal(x) * creal(y), creal(x) * cimag(y));
		return x * y;
	case LR_OP_DIV:
	case LR_OP_EDIV:
		if (yr)
			return CMPLX(creal(x) / creal(y), cimag(x) / creal(y));
		return x / y;
	case LR_OP_LDIV:
	case LR_OP_ELDIV:   /* x .\ y is y ./ x */
		if (xr)
			return CMPLX(creal(y) / creal(x), cimag(y) / creal(x));
		return y / x;
	case LR_OP_POW:
	case LR_OP_EPOW: return cx_pow(x, y, xr, yr);
	case LR_OP_EQ: return x == y;
	case LR_OP_NE: return x != y;
	case LR_OP_LT: return cx_cmp(x, y) < 0;
	case LR_OP_LE: return cx_cmp(x, y) <= 0;
	case LR_OP_GT: return cx_cmp(x, y) > 0;
	case LR_OP_GE: return cx_cmp(x, y) >= 0;
	case LR_OP_AND: return x != 0 && y != 0;
	case LR_OP_OR: return x != 0 || y != 0;
	}
	return NAN;
}

static int agree(size_t x, size_t y, size_t *r)
{
	*r = x == 1 ? y : x;
	return x == y || x == 1 || y == 1;
}

static enum lr_status elementwise(enum lr_binop op, const struct lr_value *a,
                                  const struct lr_value *b, struct lr_value **out,
                                  char *msg, size_t msglen)
{
	size_t rows, cols;
	enum lr_status st;
	struct lr_matrix *re, *im = NULL;

	if (!agree(a->m->rows, b->m->rows, &rows) || !agree(a->m->cols, b->m->cols, &cols)) {
		snprintf(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		         a->m->rows, a->m->cols, b->m->rows, b->m->cols);
		return LR_ERR_SHAPE;
	}
	re = result(rows, cols, &st, msg, msglen);
	if (re && !(im = lr_mat_create(rows, cols)))
		st = LR_ERR_NOMEM;
	if (st != LR_OK) {
		lr_mat_destroy(re);
		return st;
	}
	size_t ai = a->m->rows == 1 ? 0 : a->m->cols, aj = a->m->cols == 1 ? 0 : 1;
	size_t bi = b->m->rows == 1 ? 0 : b->m->cols, bj = b->m->cols == 1 ? 0 : 1;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			size_t ka = i * ai + j * aj, kb = i * bi + j * bj;
			int xr = !a->im || a->im->data[ka] == 0, yr = !b->im || b->im->data[kb] == 0;
			cx z = elem(op, at(a, ka), at(b, kb), xr, yr);
			LR_AT(re, i, j) = creal(z);
			LR_AT(im, i, j) = cimag(z);
		}
	*out = lr_cx_value(re, im, 1);
	if (*out && (op == LR_OP_LT || op == LR_OP_LE || op == LR_OP_GT || op == LR_OP_GE ||
	             op == LR_OP_EQ || op == LR_OP_NE || op == LR_OP_AND || op == LR_OP_OR))
		(*out)->logical = 1;
	return *out ? LR_OK : LR_ERR_NOMEM;
}

/* The product of matrices (neither a scalar) through the core's zgemm. */
static enum lr_status product(const struct lr_value *a, const struct lr_value *b,
                              struct lr_value **out, char *msg, size_t msglen)
{
	enum lr_status st;
	struct lr_matrix *re, *im = NULL;

	if (a->m->cols != b->m->rows) {
		snprintf(msg, msglen, "inner dimensions %zu and %zu do not agree", a->m->cols,
		         b->m->rows);
		return LR_ERR_SHAPE;
	}
	re = result(a->m->rows, b->m->cols, &st, msg, msglen);
	if (re && !(im = lr_mat_create(re->rows, re->cols)))
		st = LR_ERR_NOMEM;
	if (st == LR_OK)
		st = lr_z_mul(a->m->rows, a->m->cols, b->m->cols, a->m->data,
		              a->im ? a->im->data : NULL, b->m->data, b->im ? b->im->data : NULL,
		              re->data, im->data);
	if (st != LR_OK) {
		lr_mat_destroy(re);
		lr_mat_destroy(im);
		return st;
	}
	*out = lr_cx_value(re, im, 1);
	return *out ? LR_OK : LR_ERR_NOMEM;
}

/* The plain transpose of a value's parts (im stays NULL for a real one). */
static int transpose_parts(const struct lr_value *v, struct lr_matrix **re,
                           struct lr_matrix **im)
{
	*re = lr_mat_transpose(v->m);
	*im = v->im ? lr_mat_transpose(v->im) : NULL;
	return *re && (!v->im || *im) ? 0 : -1;
}

/* A/B = (Bᵀ \ Aᵀ)ᵀ for a square B, through the core's zgesv. */
static enum lr_status right_divide(const struct lr_value *a, const struct lr_value *b,
                                   struct lr_value **out, char *msg, size_t msglen)
{
	struct lr_matrix *at_re = NULL, *at_im = NULL, *bt_re = NULL, *bt_im = NULL;
	struct lr_matrix *xr = NULL, *xi = NULL;
	size_t n = b->m->rows, m = a->m->rows;
	enum lr_status st = LR_ERR_NOMEM;

	if (a->m->cols != b->m->cols) {
		snprintf(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		         a->m->rows, a->m->cols, b->m->rows, b->m->cols);
		return LR_ERR_SHAPE;
	}
	if (b->m->rows != b->m->cols) {
		snprintf(msg, msglen, "division by a non-square complex matrix (a least-squares "
		         "solution) is not supported");
		return LR_ERR_ARG;
	}
	if (transpose_parts(a, &at_re, &at_im) == 0 && transpose_parts(b, &bt_re, &bt_im) == 0
	    && (xr = lr_mat_create(n, m)) && (xi = lr_mat_create(n, m)))
		st = lr_z_solve(n, m, bt_re->data, bt_im ? bt_im->data : NULL, at_re->data,
		                at_im ? at_im->data : NULL, xr->data, xi->data);
	if (st == LR_ERR_ARG)
		snprintf(msg, msglen, "matrix is singular to machine precision");
	lr_mat_destroy(at_re);
	lr_mat_destroy(at_im);
	lr_mat_destroy(bt_re);
	lr_mat_destroy(bt_im);
	if (st == LR_OK) {
		struct lr_value x = { .kind = LR_VAL_MAT, .m = xr, .im = xi };
		st = lr_cx_unary(LR_OP_DOTTRANSPOSE, &x, out);
	}
	lr_mat_destroy(xr);
	lr_mat_destroy(xi);
	return st;
}

/* A\B for a square A, through the core's zgesv. */
static enum lr_status left_divide(const struct lr_value *a, const struct lr_value *b,
                                  struct lr_value **out, char *msg, size_t msglen)
{
	struct lr_matrix *xr = NULL, *xi = NULL;
	size_t n = a->m->rows;
	enum lr_status st = LR_ERR_NOMEM;

	if (a->m->rows != b->m->rows) {
		snprintf(msg, msglen, "nonconformant arguments (%zu×%zu and %zu×%zu)",
		         a->m->rows, a->m->cols, b->m->rows, b->m->cols);
		return LR_ERR_SHAPE;
	}
	if (a->m->rows != a->m->cols) {
		snprintf(msg, msglen, "a complex system with a non-square matrix (a least-squares "
		         "solution) is not supported");
		return LR_ERR_ARG;
	}
	if ((xr = lr_mat_create(n, b->m->cols)) && (xi = lr_mat_create(n, b->m->cols)))
		st = lr_z_solve(n, b->m->cols, a->m->data, a->im ? a->im->data : NULL, b->m->data,
		                b->im ? b->im->data : NULL, xr->data, xi->data);
	if (st == LR_ERR_ARG)
		snprintf(msg, msglen, "matrix is singular to machine precision");
	if (st != LR_OK) {
		lr_mat_destroy(xr);
		lr_mat_destroy(xi);
		return st;
	}
	*out = lr_cx_value(xr, xi, 1);
	return *out ? LR_OK : LR_ERR_NOMEM;
}

/* A square matrix to a whole power, by repeated squaring of products. */
static enum lr_status matrix_power(const struct lr_value *a, double k, struct lr_value **out,
                                   char *msg, size_t msglen)
{
	struct lr_value *y = NULL, *z = lr_value_copy(a), *t;
	unsigned long u = (unsigned long)fabs(k);
	enum lr_status st = z ? LR_OK : LR_ERR_NOMEM;
	struct lr_matrix *eye = lr_mat_create(a->m->rows, a->m->rows);

	for (size_t i = 0; eye && i < eye->rows; i++)
		LR_AT(eye, i, i) = 1;
	if (!eye || !(y = lr_value_mat(eye)))
		st = LR_ERR_NOMEM;
	for (; st == LR_OK && u; u >>= 1) {
		if (u % 2) {
			st = product(y, z, &t, msg, msglen);
			if (st == LR_OK) {
				lr_value_destroy(y);
				y = t;
			}
		}
		if (st == LR_OK && u > 1 && (st = product(z, z, &t, msg, msglen)) == LR_OK) {
			lr_value_destroy(z);
			z = t;
		}
	}
	if (st == LR_OK && k < 0) {   /* A^-k = I / A^k */
		struct lr_matrix *e2 = lr_mat_create(a->m->rows, a->m->rows);
		struct lr_value *i2;
		for (size_t i = 0; e2 && i < e2->rows; i++)
			LR_AT(e2, i, i) = 1;
		i2 = lr_value_mat(e2);
		st = i2 ? right_divide(i2, y, &t, msg, msglen) : LR_ERR_NOMEM;
		lr_value_destroy(i2);
		if (st == LR_OK) {
			lr_value_destroy(y);
			y = t;
		}
	}
	lr_value_destroy(z);
	if (st != LR_OK) {
		lr_value_destroy(y);
		return st;
	}
	*out = y;
	return LR_OK;
}

static int scalar(const struct lr_value *v)
{
	return v->m->rows == 1 && v->m->cols == 1;
}

static enum lr_status power(const struct lr_value *a, const struct lr_value *b,
                            struct lr_value **out, char *msg, size_t msglen)
{
	if (scalar(a) && scalar(b))
		return elementwise(LR_OP_POW, a, b, out, msg, msglen);
	if (!scalar(b) || (b->im && b->im->data[0] != 0)) {
		snprintf(msg, msglen, "a complex matrix power needs a square matrix and a real "
		         "whole exponent");
		return LR_ERR_ARG;
	}
	if (a->m->rows != a->m->cols) {
		snprintf(msg, msglen, "matrix power needs a square matrix (%zu×%zu)", a->m->rows,
		         a->m->cols);
		return LR_ERR_SHAPE;
	}
	double k = b->m->data[0];
	if (k != nearbyint(k) || fabs(k) >= 0x1p31) {
		snprintf(msg, msglen, "matrix power needs a whole exponent, found %.15g", k);
		return LR_ERR_ARG;
	}
	return matrix_power(a, k, out, msg, msglen);
}

enum lr_status lr_cx_binary(enum lr_binop op, const struct lr_value *a,
                            const struct lr_value *b, struct lr_value **out,
                            char *msg, size_t msglen)
{
	switch (op) {
	case LR_OP_MUL:
		if (scalar(a) || scalar(b))
			break;
		return product(a, b, out, msg, msglen);
	case LR_OP_DIV:
		if (scalar(b))
			break;
		return right_divide(a, b, out, msg, msglen);
	case LR_OP_LDIV:
		if (scalar(a))
			return elementwise(LR_OP_ELDIV, a, b, out, msg, msglen);
		return left_divide(a, b, out, msg, msglen);
	case LR_OP_POW:
		return power(a, b, out, msg, msglen);
	case LR_OP_AND:
	case LR_OP_OR:
		if (lr_mat_has_nan(a->m) || lr_mat_has_nan(b->m) || (a->im && lr_mat_has_nan(a->im))
		    || (b->im && lr_mat_has_nan(b->im))) {
			snprintf(msg, msglen, "%s", LR_OP_MSG_NAN_LOGICAL);
			return LR_ERR_ARG;
		}
		break;
	default:
		break;
	}
	return elementwise(op, a, b, out, msg, msglen);
}

enum lr_status lr_cx_unary(enum lr_unop op, const struct lr_value *a, struct lr_value **out)
{
	struct lr_matrix *re, *im;
	size_t n = a->m->rows * a->m->cols;

	if (op == LR_OP_TRANSPOSE || op == LR_OP_DOTTRANSPOSE) {
		re = lr_mat_transpose(a->m);
		im = a->im ? lr_mat_transpose(a->im) : lr_mat_create(a->m->cols, a->m->rows);
	} else {
		re = lr_mat_create(a->m->rows, a->m->cols);
		im = lr_mat_create(a->m->rows, a->m->cols);
	}
	if (!re || !im) {
		lr_mat_destroy(re);
		lr_mat_destroy(im);
		return LR_ERR_NOMEM;
	}
	lr_mat_clear_mask(re);
	lr_mat_clear_mask(im);
	for (size_t k = 0; k < n; k++) {
		double x = a->m->data[k], y = a->im ? a->im->data[k] : 0;
		switch (op) {
		case LR_OP_NEG:
			re->data[k] = -x;
			im->data[k] = -y;
			break;
		case LR_OP_NOT:
			re->data[k] = x == 0 && y == 0;
			im->data[k] = 0;
			break;
		case LR_OP_TRANSPOSE:   /* the conjugate */
			im->data[k] = -im->data[k];
			break;
		case LR_OP_DOTTRANSPOSE:
			break;
		}
	}
	*out = lr_cx_value(re, im, op != LR_OP_DOTTRANSPOSE && op != LR_OP_TRANSPOSE);
	if (*out && op == LR_OP_NOT)
		(*out)->logical = 1;
	return *out ? LR_OK : LR_ERR_NOMEM;
}

int lr_cx_real_pow_is_complex(const struct lr_matrix *a, const struct lr_matrix *b)
{
	size_t na = a->rows * a->cols, nb = b->rows * b->cols;
	int neg = 0, frac = 0;

	for (size_t k = 0; k < na && !neg; k++)
		neg = a->data[k] < 0;
	for (size_t k = 0; neg && k < nb && !frac; k++)
		frac = isfinite(b->data[k]) && b->data[k] != nearbyint(b->data[k]);
	return neg && frac;
}
