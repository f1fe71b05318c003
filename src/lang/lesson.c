/* Lessons: to be written (issue 5). */
#include "extra.h"

int lr_lesson_is_command(const char *name)
{
	(void)name;
	return 0;
}

int lr_lesson_command(struct lr_session *s, const struct lr_stmt *st)
{
	return lr_fail(s, st->name_pos, "unknown command '%s'", st->name);
}
