/* Writes a 4000×3000 colour JPEG (quality 90) of smooth shapes and noise,
 * photograph-like in its coding cost, for the imread benchmark.
 * Usage: make_jpeg FILE */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>

int main(int argc, char **argv)
{
	enum { W = 4000, H = 3000 };
	static unsigned char row[W * 3];
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	FILE *f;

	if (argc != 2 || !(f = fopen(argv[1], "wb")))
		return 2;
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = W;
	c.image_height = H;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 90, TRUE);
	jpeg_start_compress(&c, TRUE);
	srand(1);
	for (int y = 0; y < H; y++) {
		for (int x = 0; x < W; x++) {
			double v = 128 + 60 * sin(x * 0.01) * cos(y * 0.013) + 40 * sin((x + y) * 0.05) +
			           rand() % 30;
			for (int k = 0; k < 3; k++) {
				int t = (int)(v + k * 20);
				row[3 * x + k] = (unsigned char)(t < 0 ? 0 : t > 255 ? 255 : t);
			}
		}
		JSAMPROW r = row;
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	return fclose(f) == 0 ? 0 : 1;
}
