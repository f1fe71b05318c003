/* The pacing of a training's frames: see live_pace.h. */
#include "live_pace.h"

#include <time.h>

static long ns_of(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

long lr_pace_clock_ns(void)
{
	return ns_of(CLOCK_MONOTONIC);
}

long lr_pace_cpu_ns(void)
{
	return ns_of(CLOCK_THREAD_CPUTIME_ID);
}

void lr_pace_start(struct lr_pace *p, long min_ns, long ratio, long now_ns)
{
	p->min_ns = min_ns;
	p->ratio = ratio;
	p->next_ns = now_ns;
	p->cpu_begin = p->cpu_end = p->frame_cpu = 0;
}

int lr_pace_due(struct lr_pace *p, long now_ns, long (*cpu_ns)(void))
{
	long lack;

	if (now_ns < p->next_ns)
		return 0;
	if (!p->frame_cpu)
		return 1;
	lack = p->cpu_end + p->ratio * p->frame_cpu - cpu_ns();
	if (lack <= 0)
		return 1;
	p->next_ns = now_ns + lack;    /* no sooner can the thread have had it */
	return 0;
}

void lr_pace_begin(struct lr_pace *p, long now_ns, long cpu_ns)
{
	p->next_ns = now_ns + p->min_ns;
	p->cpu_begin = cpu_ns;
}

void lr_pace_end(struct lr_pace *p, long cpu_ns)
{
	p->frame_cpu = cpu_ns - p->cpu_begin;
	if (p->frame_cpu < 1)
		p->frame_cpu = 1;          /* a frame was drawn: the CPU bound holds from now */
	p->cpu_end = cpu_ns;
}
