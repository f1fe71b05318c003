/* Benchmark case 6: drawing the loss view — a 10,000-epoch curve with the
 * Eckart–Young floor into a 200×60 grid — per frame. Prints the same
 * `BENCH name=... key=value runs=N` line as bench.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "plot.h"

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	enum { EPOCHS = 10000, RUNS = 9, FRAMES = 200 };
	static double loss[EPOCHS], hidden[EPOCHS], t[RUNS];
	int quick = argc > 1 && argv[1][0] == '-';
	struct lr_grid g;
	struct lr_series s[2] = { { "loss on observed entries", loss, EPOCHS },
	                          { "error on hidden entries", hidden, EPOCHS } };
	struct lr_plot_opts o = { "SGD loss", 0, 1, 0.1219, "SVD bound 0.1219", "epoch" };
	int runs = quick ? 1 : RUNS, frames = quick ? 5 : FRAMES;

	/* A noisy decaying curve, as SGD draws it. */
	srand(1);
	for (int i = 0; i < EPOCHS; i++) {
		double noise = 1 + 0.05 * ((double)rand() / RAND_MAX - 0.5);
		loss[i] = (0.1219 + 3 * exp(-i / 800.0)) * noise;
		hidden[i] = (0.9 + 2 * exp(-i / 1500.0)) * noise;
	}
	if (lr_grid_init(&g, 200, 60) < 0)
		return 1;
	for (int ns = 1; ns <= 2; ns++) {
		for (int r = 0; r < runs; r++) {
			double t0 = now_ns();
			for (int f = 0; f < frames; f++) {
				lr_grid_clear(&g);
				lr_plot_lines(&g, s, (size_t)ns, &o);
			}
			t[r] = (now_ns() - t0) / frames / 1e3;
		}
		qsort(t, (size_t)runs, sizeof t[0], cmp);
		printf("BENCH name=draw_loss_200x60_%dseries us_per_frame=%.4g runs=%d epochs=%d\n",
		       ns, t[runs / 2], runs, EPOCHS);
	}
	lr_grid_finish(&g);
	return 0;
}
