/* A remainder as the rounding rule decides (remainder.h). */
#include "remainder.h"

int lr_fmt_remainder(struct lr_buf *out, double x, int zero, int note, enum lr_numfmt f)
{
	/* a computed 0 gets the note too: whether the noise comes out as 0
	 * or as 1e-17 depends on the CPU's kernel, and the text must not */
	if (!zero) {
		lr_fmt_number(out, x, f);
		return 0;
	}
	lr_buf_puts(out, note ? "0 " LR_ROUNDING_NOTE : "0");
	return 1;
}
