/* Benchmarks of pictures: imread of a large JPEG; explore's first frame on
 * the 512×512 photograph (the SVD and the picture mode drawn at 200×60)
 * against the full SVD alone; each + step after it (a rank-one update and
 * the frame). Prints `BENCH name=... key=value runs=N` lines as bench.c.
 * Usage: bench_picture PHOTO [BIG.jpg] [--quick] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "image_io.h"
#include "lowrank/svd.h"
#include "parser.h"
#include "session_open.h"
#include "session_script.h"
#include "views.h"

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp);
	return t[n / 2];
}

/* Runs src in s as batch mode would; a failure is said (the timings
 * would be of nothing). */
static int run(struct lr_session *s, const char *src)
{
	struct lr_error err;
	int rc = script_run(s, src, 0, &err);

	if (rc < 0)
		fprintf(stderr, "bench_picture: %s\n", err.msg);
	return rc;
}

static void frame(struct lr_grid *g, struct lr_session *s, struct lr_picture *pic, size_t k)
{
	struct lr_panel p;

	memset(&p, 0, sizeof p);
	p.view = LR_VIEW_MATRICES;
	p.focus = LR_FOCUS_SVD;
	p.svd = lr_session_last_svd(s);
	p.k = k;
	p.picture = pic;
	p.live_floor = NAN;
	lr_panel_draw(g, &p);
}

int main(int argc, char **argv)
{
	enum { RUNS = 7, STEPS = 40 };
	int quick = argc > 1 && !strcmp(argv[argc - 1], "--quick");
	int runs = quick ? 1 : RUNS;
	double t_svd[RUNS], t_first[RUNS], t_step[RUNS], t_read[RUNS];
	char src[4200];
	struct lr_grid g;

	if (argc < 2)
		return 2;
	lr_grid_init(&g, 200, 60);
	for (int r = 0; r < runs; r++) {
		struct lr_session *s = lr_session_create(&script_quiet);
		struct lr_matrix *A = NULL;
		struct lr_img_error e;
		struct lr_svd d;
		struct lr_picture pic;
		double t0;

		lr_img_read(argv[1], &A, &e);
		t0 = now_s();
		if (!A || lr_svd_compute(A, &d) != LR_OK)
			return 1;
		t_svd[r] = now_s() - t0;
		lr_svd_finish(&d);
		lr_mat_destroy(A);
		snprintf(src, sizeof src, "I = imread('%s');\n", argv[1]);
		run(s, src);
		lr_picture_init(&pic);
		pic.on = 1;
		pic.mode = LR_COLOUR_256;
		t0 = now_s();
		run(s, "explore I 5\n");   /* as the terminal: the SVD, then the frame */
		frame(&g, s, &pic, 5);
		t_first[r] = now_s() - t0;
		t0 = now_s();
		for (int i = 0; i < STEPS; i++)
			frame(&g, s, &pic, 6 + (size_t)i);
		t_step[r] = (now_s() - t0) / STEPS;
		lr_picture_finish(&pic);
		lr_session_destroy(s);
	}
	printf("BENCH name=svd_full_512 s=%.4f runs=%d\n", median(t_svd, runs), runs);
	printf("BENCH name=explore_first_frame_512_200x60 s=%.4f ratio_to_svd=%.2f runs=%d\n",
	       median(t_first, runs), median(t_first, runs) / median(t_svd, runs), runs);
	printf("BENCH name=explore_step_512_200x60 ms=%.3f runs=%d\n", 1e3 * median(t_step, runs),
	       runs);
	if (argc > 2 && argv[2][0] != '-') {
		for (int r = 0; r < runs; r++) {
			struct lr_matrix *A = NULL;
			struct lr_img_error e;
			double t0 = now_s();
			if (lr_img_read(argv[2], &A, &e) != LR_IMG_OK) {
				fprintf(stderr, "bench_picture: %s: %s\n", argv[2], e.msg);
				return 1;
			}
			t_read[r] = now_s() - t0;
			if (r == 0)
				printf("# %s: %zux%zu\n", argv[2], A->cols, A->rows);
			lr_mat_destroy(A);
		}
		printf("BENCH name=imread_jpeg s=%.4f runs=%d\n", median(t_read, runs), runs);
	}
	lr_grid_finish(&g);
	return 0;
}
