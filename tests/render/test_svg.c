/* Tests of the SVG figures (render/svg.c): goldens of the whole text for
 * a fixed loss curve with a floor and for a spectrum (golden/svg_*.svg,
 * LR_UPDATE_GOLDEN=1 rewrites them), escaping, and the pieces a slide
 * needs: a labelled axis each way, a legend, a title, readable fonts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "lowrank/alloc.h"
#include "svg.h"

static void golden(const char *name, const struct lr_buf *b)
{
	char path[256], *want = NULL;
	FILE *f;
	long n;

	snprintf(path, sizeof path, "golden/%s", name);
	if (getenv("LR_UPDATE_GOLDEN") && !strcmp(getenv("LR_UPDATE_GOLDEN"), "1")) {
		f = fopen(path, "wb");
		CHECK(f && fwrite(b->data, 1, b->len, f) == b->len && fclose(f) == 0);
		return;
	}
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	want = calloc(1, (size_t)n + 1);
	CHECK(want && fread(want, 1, (size_t)n, f) == (size_t)n);
	fclose(f);
	CHECK(want && !strcmp(want, b->data));
	if (want && strcmp(want, b->data))
		fprintf(stderr, "%s differs; got:\n%s\n", path, b->data);
	free(want);
}

static void svg_loss(void)
{
	static double loss[60], hidden[60];
	struct lr_series s[2] = { { "loss on observed entries", loss, 60 },
	                          { "error on hidden entries", hidden, 60 } };
	struct lr_plot_opts o = { "SGD loss of A (6×5), k = 2", 0, 1, 0.1219,
	                          "Eckart–Young floor 0.1219", "epoch" };
	struct lr_buf b;

	for (int i = 0; i < 60; i++) {
		loss[i] = 0.1219 + 30 * exp(-i / 8.0);
		hidden[i] = i == 20 ? NAN : 0.5 + 20 * exp(-i / 12.0);
	}
	lr_buf_init(&b);
	lr_svg_lines(&b, s, 2, &o, "sum of squared errors (log scale)");
	CHECK(!b.failed);
	golden("svg_loss.svg", &b);
	CHECK(strstr(b.data, ">epoch</text>") && strstr(b.data, "log scale)</text>"));
	CHECK(strstr(b.data, "font-size=\"15\"") && strstr(b.data, "font-size=\"18\""));
	CHECK(strstr(b.data, ">Eckart–Young floor 0.1219</text>"));
	/* the NaN breaks the hidden error's line in two */
	{
		const char *p = b.data;
		int lines = 0;
		while ((p = strstr(p, "<polyline")) != NULL) {
			lines++;
			p++;
		}
		CHECK(lines == 3);
	}
	lr_buf_finish(&b);
}

static void svg_spectrum(void)
{
	double s[8] = { 9, 5, 2.5, 1, 0.5, 0.25, 0.1, 0 };
	struct lr_buf b;

	lr_buf_init(&b);
	lr_svg_spectrum(&b, s, 8, 3, "Singular values of A <8×8>");
	golden("svg_spectrum.svg", &b);
	CHECK(strstr(b.data, ">k = 3</text>") != NULL);
	CHECK(strstr(b.data, "A &lt;8×8&gt;") != NULL);   /* escaped */
	lr_buf_finish(&b);
}

static void svg_many_bars(void)
{
	double s[300];
	struct lr_buf b;

	for (int i = 0; i < 300; i++)
		s[i] = 300 - i;
	lr_buf_init(&b);
	lr_svg_spectrum(&b, s, 300, 20, "many");
	CHECK(strstr(b.data, "the first 120 of 300 shown") != NULL);
	lr_buf_finish(&b);
}

static void svg_escape(void)
{
	struct lr_buf b;

	lr_buf_init(&b);
	lr_svg_text(&b, "a<b & \"c\">");
	CHECK(!strcmp(b.data, "a&lt;b &amp; &quot;c&quot;&gt;"));
	lr_buf_finish(&b);
}

SUBTEST_MAIN(T(svg_loss), T(svg_spectrum), T(svg_many_bars), T(svg_escape))
