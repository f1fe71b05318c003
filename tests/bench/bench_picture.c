/* Benchmarks of pictures: imread of a large JPEG; explore's first frame on
 * the 512×512 photograph (the SVD and the picture mode drawn at 200×60)
 * against the full SVD alone; each + step after it (a rank-one update and
 * the frame); a frame of the picture mode while sgd trains at k = 20 (A,
 * U·Vᵀ and the residual from the factors), in wall and CPU time. Prints
 * `BENCH name=... key=value runs=N` lines as bench.c, with the lowest and
 * highest of the runs where they vary.
 * Usage: bench_picture PHOTO [BIG.jpg] [--quick]
 *        bench_picture PHOTO --raw=FILE   (writes the photograph's values as
 *        row-major float64, for NumPy and Octave to time the same SVD) */
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

static double clock_s(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double now_s(void)
{
	return clock_s(CLOCK_MONOTONIC);
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

/* After median: the lowest and highest. */
static double low(const double *t)
{
	return t[0];
}

static double high(const double *t, int n)
{
	return t[n - 1];
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

/* A frame of the picture mode during sgd: what the front end draws each
 * live frame, from the newest run's factors. */
static void sgd_frame(struct lr_grid *g, struct lr_session *s, struct lr_picture *pic)
{
	struct lr_panel p;

	memset(&p, 0, sizeof p);
	p.view = LR_VIEW_MATRICES;
	p.focus = LR_FOCUS_SGD;
	p.run = lr_session_last_run(s);
	p.live = 1;
	p.picture = pic;
	p.live_floor = NAN;
	lr_panel_draw(g, &p);
}

/* The wall and CPU time of one sgd frame, over `frames` frames after a
 * first one (which allocates). */
static void time_sgd_frames(struct lr_grid *g, struct lr_session *s, int frames,
                            double *wall, double *cpu)
{
	struct lr_picture pic;
	double t0, c0;

	lr_picture_init(&pic);
	pic.on = 1;
	pic.source = LR_PIC_SGD;
	pic.mode = LR_COLOUR_256;
	sgd_frame(g, s, &pic);
	t0 = now_s();
	c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	for (int i = 0; i < frames; i++)
		sgd_frame(g, s, &pic);
	*cpu = (clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0) / frames;
	*wall = (now_s() - t0) / frames;
	lr_picture_finish(&pic);
}

/* Writes the picture at path as rows×cols float64, row by row, into out. */
static int write_raw(const char *path, const char *out)
{
	struct lr_matrix *A = NULL;
	struct lr_img_error e;
	FILE *f;
	int rc = 1;

	if (lr_img_read(path, &A, &e) != LR_IMG_OK) {
		fprintf(stderr, "bench_picture: %s: %s\n", path, e.msg);
		return 1;
	}
	f = fopen(out, "wb");
	if (f && fwrite(A->data, sizeof *A->data, A->rows * A->cols, f) == A->rows * A->cols)
		rc = 0;
	if (f && fclose(f) != 0)
		rc = 1;
	printf("%zu %zu\n", A->rows, A->cols);
	lr_mat_destroy(A);
	return rc;
}

/* Wall and CPU time (of the process: OpenBLAS's threads too) from a start. */
struct stamp {
	double wall, cpu;
};

static struct stamp stamp_now(void)
{
	struct stamp t = { now_s(), clock_s(CLOCK_PROCESS_CPUTIME_ID) };
	return t;
}

static void stamp_since(const struct stamp *t0, double *wall, double *cpu, double per)
{
	struct stamp t = stamp_now();

	*wall = (t.wall - t0->wall) / per;
	*cpu = (t.cpu - t0->cpu) / per;
}

/* Prints name's median, lowest and highest of x (runs of them), times scale. */
static void report(const char *name, double *x, int runs, double scale)
{
	double m = median(x, runs);

	printf(" %s=%.4g %s_range=%.4g..%.4g", name, scale * m, name, scale * low(x),
	       scale * high(x, runs));
}

int main(int argc, char **argv)
{
	enum { RUNS = 7, STEPS = 40 };
	int quick = argc > 1 && !strcmp(argv[argc - 1], "--quick");
	int runs = quick ? 1 : RUNS;
	double svd_w[RUNS], svd_c[RUNS], first_w[RUNS], first_c[RUNS], step_w[RUNS], step_c[RUNS];
	double ratio_w[RUNS], ratio_c[RUNS], t_read[RUNS], c_read[RUNS], sgd_w[RUNS], sgd_c[RUNS];
	char src[4200];
	struct lr_grid g;

	if (argc < 2)
		return 2;
	if (argc == 3 && !strncmp(argv[2], "--raw=", 6))
		return write_raw(argv[1], argv[2] + 6);
	lr_grid_init(&g, 200, 60);
	for (int r = 0; r < runs; r++) {
		struct lr_session *s = lr_session_create(&script_quiet);
		struct lr_matrix *A = NULL;
		struct lr_img_error e;
		struct lr_svd d;
		struct lr_picture pic;
		struct stamp t0;

		lr_img_read(argv[1], &A, &e);
		t0 = stamp_now();
		if (!A || lr_svd_compute(A, &d) != LR_OK)
			return 1;
		stamp_since(&t0, &svd_w[r], &svd_c[r], 1);
		lr_svd_finish(&d);
		lr_mat_destroy(A);
		snprintf(src, sizeof src, "I = imread('%s');\n", argv[1]);
		run(s, src);
		lr_picture_init(&pic);
		pic.on = 1;
		pic.mode = LR_COLOUR_256;
		t0 = stamp_now();
		run(s, "explore I 5\n");   /* as the terminal: the SVD, then the frame */
		frame(&g, s, &pic, 5);
		stamp_since(&t0, &first_w[r], &first_c[r], 1);
		ratio_w[r] = first_w[r] / svd_w[r];
		ratio_c[r] = first_c[r] / svd_c[r];
		t0 = stamp_now();
		for (int i = 0; i < STEPS; i++)
			frame(&g, s, &pic, 6 + (size_t)i);
		stamp_since(&t0, &step_w[r], &step_c[r], STEPS);
		lr_picture_finish(&pic);
		run(s, "sgd I 20 epochs=2 lr=1e-4 seed=7;\n");
		time_sgd_frames(&g, s, quick ? 2 : STEPS, &sgd_w[r], &sgd_c[r]);
		lr_session_destroy(s);
	}
	/* the medians, and the lowest and highest of the runs: wall time moves
	 * with the machine's load, CPU time much less */
	printf("BENCH name=svd_full_512");
	report("s", svd_w, runs, 1);
	report("cpu_s", svd_c, runs, 1);
	printf(" runs=%d\nBENCH name=explore_first_frame_512_200x60", runs);
	report("s", first_w, runs, 1);
	report("cpu_s", first_c, runs, 1);
	report("ratio_to_svd", ratio_w, runs, 1);
	report("cpu_ratio_to_svd", ratio_c, runs, 1);
	printf(" ratio_of_fastest=%.3g", low(first_w) / low(svd_w));
	printf(" runs=%d\nBENCH name=explore_step_512_200x60", runs);
	report("ms", step_w, runs, 1e3);
	report("cpu_ms", step_c, runs, 1e3);
	printf(" runs=%d\nBENCH name=sgd_picture_frame_512_200x60", runs);
	report("ms", sgd_w, runs, 1e3);
	report("cpu_ms", sgd_c, runs, 1e3);
	printf(" runs=%d\n", runs);
	if (argc > 2 && argv[2][0] != '-') {
		for (int r = 0; r < runs; r++) {
			struct lr_matrix *A = NULL;
			struct lr_img_error e;
			struct stamp t0 = stamp_now();
			if (lr_img_read(argv[2], &A, &e) != LR_IMG_OK) {
				fprintf(stderr, "bench_picture: %s: %s\n", argv[2], e.msg);
				return 1;
			}
			stamp_since(&t0, &t_read[r], &c_read[r], 1);
			if (r == 0)
				printf("# %s: %zux%zu\n", argv[2], A->cols, A->rows);
			lr_mat_destroy(A);
		}
		printf("BENCH name=imread_jpeg");
		report("s", t_read, runs, 1);
		report("cpu_s", c_read, runs, 1);
		printf(" runs=%d\n", runs);
	}
	lr_grid_finish(&g);
	return 0;
}
