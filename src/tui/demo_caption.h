/* What --demo shows of a lesson file between two statements: the lesson's
 * title, the steps' headings and their text, as a caption above the next
 * statement typed (demo_caption.c). No terminal here, so a unit test reads
 * it. */
#ifndef LR_DEMO_CAPTION_H
#define LR_DEMO_CAPTION_H

#include <stddef.h>
#include "lowrank/buf.h"

/* The caption asks for a pause before the statement: it holds a reference
 * answer's `#: answer`, or a step with no statement of its own (a question
 * the class answers before the next step shows). */
#define LR_DEMO_PAUSE 1

/* 1 when src[0, len) is a lesson file (it has a `#: title` directive). */
int lr_demo_is_lesson(const char *src, size_t len);

/* Appends to out the caption of the lines of src[a, e) (comment and blank
 * lines between two statements): `#: title T` as "== T ==", `#: step H` and
 * `#: exercise H` as "-- H --" ("-- exercise: H --"), `# text` lines as the
 * text ('#' alone a blank line), each line ending in '\n'; hints, checks and
 * the other directives, and `%` comments (the authors'), are left out.
 * Returns LR_DEMO_PAUSE or 0. */
int lr_demo_caption(const char *src, size_t a, size_t e, struct lr_buf *out);

#endif
