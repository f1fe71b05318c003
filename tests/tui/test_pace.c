/* The pacing of a training's live frames (src/tui/live_pace.c), with
 * clocks the test moves: a training of epochs of a given CPU time, on a
 * machine where the wall clock runs `load` times as fast as the thread's
 * CPU time (1: quiet; 5: the other programs take four fifths of it). */
#include "check.h"
#include "live_pace.h"

static long cpu_now;            /* the thread's CPU time, ns */
static long cpu_reads;          /* how often the pacing read it */

static long fake_cpu(void)
{
	cpu_reads++;
	return cpu_now;
}

/* What a simulated training gave: frames and their share. */
struct sim {
	long frames, frame_cpu, train_cpu, min_gap_wall, min_gap_cpu;
};

/* Trains for train_ms of CPU in epochs of epoch_us, a frame costing
 * frame_us of CPU, paced with min_ms and ratio. */
static struct sim simulate(double load, long epoch_us, long frame_us, long train_ms, long min_ms,
                           long ratio)
{
	struct lr_pace p;
	struct sim s = { 0, 0, 0, -1, -1 };
	long wall = 1000000000L, last_wall = 0, last_cpu_end = 0;

	cpu_now = 5000000L;
	cpu_reads = 0;
	lr_pace_start(&p, min_ms * 1000000L, ratio, wall);
	while (s.train_cpu < train_ms * 1000000L) {
		cpu_now += epoch_us * 1000;       /* an epoch */
		wall += (long)(load * epoch_us * 1000);
		s.train_cpu += epoch_us * 1000;
		if (!lr_pace_due(&p, wall, fake_cpu))
			continue;
		if (s.frames) {
			long gw = wall - last_wall, gc = cpu_now - last_cpu_end;
			s.min_gap_wall = s.min_gap_wall < 0 || gw < s.min_gap_wall ? gw : s.min_gap_wall;
			s.min_gap_cpu = s.min_gap_cpu < 0 || gc < s.min_gap_cpu ? gc : s.min_gap_cpu;
		}
		lr_pace_begin(&p, wall, cpu_now);
		last_wall = wall;
		cpu_now += frame_us * 1000;       /* the frame */
		wall += (long)(load * frame_us * 1000);
		lr_pace_end(&p, cpu_now);
		last_cpu_end = cpu_now;
		s.frames++;
		s.frame_cpu += frame_us * 1000;
	}
	return s;
}

static void first_at_once(void)
{
	struct lr_pace p;

	cpu_reads = 0;
	lr_pace_start(&p, 240000000L, 19, 777);
	CHECK(lr_pace_due(&p, 777, fake_cpu));
	CHECK(cpu_reads == 0);           /* no frame yet: nothing to pace by */
}

/* Before min_ns has passed, no frame, and the CPU clock is not read. */
static void wall_bound(void)
{
	struct lr_pace p;

	cpu_reads = 0;
	cpu_now = 0;
	lr_pace_start(&p, 40000000L, 19, 0);
	lr_pace_begin(&p, 0, 0);
	lr_pace_end(&p, 100000);          /* a frame of 0.1 ms */
	cpu_now = 39000000L;
	CHECK(!lr_pace_due(&p, 39999999L, fake_cpu));
	CHECK(cpu_reads == 0);
	CHECK(lr_pace_due(&p, 40000000L, fake_cpu));
	CHECK(cpu_reads == 1);
}

/* Past min_ns but short of CPU time: not due, and the next look is put off
 * by what is missing, so the CPU clock is not read every epoch. */
static void cpu_bound_defers(void)
{
	struct lr_pace p;

	cpu_reads = 0;
	cpu_now = 0;
	lr_pace_start(&p, 40000000L, 19, 0);
	lr_pace_begin(&p, 0, 0);
	lr_pace_end(&p, 5000000L);        /* a frame of 5 ms: 95 ms of training before the next */
	cpu_now = 5000000L + 30000000L;   /* 30 ms trained in 100 ms of wall time */
	CHECK(!lr_pace_due(&p, 100000000L, fake_cpu));
	CHECK(cpu_reads == 1);
	CHECK(p.next_ns == 100000000L + 65000000L);
	CHECK(!lr_pace_due(&p, 164999999L, fake_cpu));
	CHECK(cpu_reads == 1);
	cpu_now = 5000000L + 95000000L;
	CHECK(lr_pace_due(&p, 165000000L, fake_cpu));
}

/* Quiet: the wall-time bound decides, frames min_ms apart. */
static void share_quiet(void)
{
	struct sim s = simulate(1.0, 1000, 5000, 20000, 240, 19);

	CHECK(s.min_gap_wall >= 240000000L);
	CHECK(s.frames >= 84 && s.frames <= 87);      /* 20 s of training, 235 ms a frame */
	CHECK(100.0 * s.frame_cpu / s.train_cpu < 2.2);
	CHECK(cpu_reads < s.frames);                  /* once a frame, none for the first */
}

/* Loaded (a second of wall time holds a fifth of a second of CPU): the
 * CPU bound decides, and the frames stay within 1/19 of the training. */
static void share_loaded(void)
{
	struct sim s = simulate(5.0, 1000, 5000, 20000, 240, 19);
	struct sim wall_only = simulate(5.0, 1000, 5000, 20000, 240, 0);

	CHECK(s.min_gap_cpu >= 19 * 5000000L);
	/* the first frame comes at once; after it, each has 19 times its cost */
	CHECK(100.0 * (s.frame_cpu - 5000000L) / s.train_cpu <= 100.0 / 19);
	CHECK(s.frames >= 205 && s.frames <= 212);    /* 20 s of CPU in steps of 95-96 ms */
	CHECK(cpu_reads <= 20 * s.frames);
	/* paced by wall time alone, five times the frames: a fifth of the CPU */
	CHECK(wall_only.frames > 300);
	CHECK(100.0 * wall_only.frame_cpu / wall_only.train_cpu > 10);
}

SUBTEST_MAIN(T(first_at_once), T(wall_bound), T(cpu_bound_defers), T(share_quiet),
             T(share_loaded))
