/* Call frames and "called from" lines; see frame.h. */
#include "frame.h"

#include <stdio.h>
#include "lowrank/alloc.h"
#include "session_impl.h"

void lr_frame_enter(struct lr_session *s, struct lr_frame *fr, const char *src,
                    struct lr_fndef *fn, const struct lr_anon *anon)
{
	fr->vars = s->vars;
	fr->nvars = s->nvars;
	fr->cap = s->cap;
	fr->src = s->src;
	fr->fn = s->frame_fn;
	fr->anon = s->frame_anon;
	fr->end_extent = s->end_extent;
	s->frame_anon = anon;
	s->vars = NULL;
	s->nvars = s->cap = 0;
	s->src = src;
	s->frame_fn = fn;
	s->end_extent = -1;   /* an 'end' in the callee is its own index's */
	s->call_depth++;
	lr_vars_moved(s);
}

void lr_frame_leave(struct lr_session *s, const struct lr_frame *fr)
{
	for (size_t i = 0; i < s->nvars; i++) {
		lr_free(s->vars[i].name);
		lr_value_destroy(s->vars[i].v);
	}
	lr_free(s->vars);
	s->vars = fr->vars;
	s->nvars = fr->nvars;
	s->cap = fr->cap;
	s->src = fr->src;
	s->frame_fn = fr->fn;
	s->frame_anon = fr->anon;
	s->end_extent = fr->end_extent;
	s->call_depth--;
	s->ctl = LR_CTL_NONE;
	lr_vars_moved(s);
}

void lr_frame_trace(struct lr_error *e, const char *name, const char *file, struct lr_pos at)
{
	struct lr_error_frame *fr;

	if (e->nframes == LR_ERROR_FRAMES) {
		e->nskipped++;
		fr = &e->frames[LR_ERROR_FRAMES - 1];
	} else {
		fr = &e->frames[e->nframes++];
	}
	snprintf(fr->name, sizeof fr->name, "%s", name);
	fr->file = file;
	fr->pos = at;
}
