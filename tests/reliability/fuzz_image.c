/* libFuzzer target: arbitrary bytes through the picture reader
 * (lr_img_decode: PNG by libpng, JPEG by libjpeg-turbo, PGM/PPM and BMP by
 * hand), with the element limit turned down to 1e6 pixels so that a
 * header claiming a huge picture is refused and every input is fast. A
 * decoded picture must have the size it says and levels 0..255. Built
 * with -fsanitize=fuzzer (run_fuzz.sh), or replayed over the seed pictures
 * by fuzz_replay.c as a normal test. */
#include <stdint.h>
#include <stdlib.h>
#include "image_io.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lr_mat_max_elems = 1000000;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lr_matrix *m = NULL;
	struct lr_img_error e;
	enum lr_img_status st = lr_img_decode(data, size, &m, &e);

	if ((st == LR_IMG_OK) != (m != NULL))
		abort();
	for (size_t i = 0; m && i < m->rows * m->cols; i++)
		if (!(m->data[i] >= 0 && m->data[i] <= 255))
			abort();
	if (st == LR_IMG_BAD && !e.msg[0])
		abort();     /* every refusal says why */
	lr_mat_destroy(m);
	return 0;
}
