/* When the panel draws the next frame of a training: a bound on the share
 * of the training's CPU time the frames take, whatever the machine's load.
 *
 * A frame is due when two things hold: at least min_ns of wall time has
 * passed since the last one began (at most 25 frames a second, 4 for
 * pictures), and the training has had at least `ratio` times the last
 * frame's CPU time since that frame ended. The second is what holds the
 * share: pacing by wall time alone gave a loaded machine, where a second
 * of wall time holds a fifth of a second of the training's CPU, five times
 * the frames per epoch (the picture mode cost 14 % of the training at load
 * 8-10 against 6 % quiet). With ratio r, the frames take at most 1/(r + 1)
 * of the thread's CPU time between the first frame and the last.
 *
 * The check made every epoch reads only the monotonic clock (a few ns, no
 * system call); the thread's CPU clock, a system call of about a
 * microsecond, is read only once the wall-time bound has passed, and when
 * the CPU time is short the next look is put off by what is missing (CPU
 * time cannot run faster than the wall clock): once a frame on a quiet
 * machine, some 15 times a frame when the thread gets a fifth of a core
 * (each look finds a fifth of the missing time done), against frames of
 * milliseconds. No terminal here: the benchmark (tests/bench/bench_live.c)
 * paces its frames with it too. */
#ifndef LR_LIVE_PACE_H
#define LR_LIVE_PACE_H

/* The front end's pacing (src/tui/session_out.c; the benchmark uses the
 * same): at most 25 frames a second, pictures 4 (U·Vᵀ and its
 * resamplings, about 4-5 ms of CPU at 200×60 for 512×512 with the copy to
 * the terminal); the training's CPU time between frames at least 19 times
 * a frame's, so the frames take at most 5 % of it. */
#define LR_PACE_FRAME_NS 40000000L
#define LR_PACE_PICTURE_NS (6 * LR_PACE_FRAME_NS)
#define LR_PACE_RATIO 19

/* The pacing of one training's frames; plain data, no finish needed. */
struct lr_pace {
	long min_ns;        /* wall time from the start of a frame to the next, at least */
	long ratio;         /* the training's CPU time between frames, at least ratio × a
	                       frame's */
	long next_ns;       /* monotonic: no frame before this */
	long cpu_begin;     /* the thread's CPU time when the frame under way began */
	long cpu_end;       /* when the last frame ended */
	long frame_cpu;     /* the last frame's CPU time (0 before the first) */
};

/* The monotonic clock and the calling thread's CPU time, in ns. */
long lr_pace_clock_ns(void);
long lr_pace_cpu_ns(void);

/* Starts pacing at now_ns: the first frame is due at once. */
void lr_pace_start(struct lr_pace *p, long min_ns, long ratio, long now_ns);

/* Whether a frame is due at now_ns; cpu_ns reads the thread's CPU time
 * (lr_pace_cpu_ns, or a test's clock), called only when the wall-time
 * bound has passed. */
int lr_pace_due(struct lr_pace *p, long now_ns, long (*cpu_ns)(void));

/* A frame begins at now_ns (wall) and cpu_ns (the thread's CPU time); it
 * ends at cpu_ns. */
void lr_pace_begin(struct lr_pace *p, long now_ns, long cpu_ns);
void lr_pace_end(struct lr_pace *p, long cpu_ns);

#endif
