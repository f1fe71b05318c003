/* Saving and loading the workspace: to be written (issue 7). */
#include "extra.h"

int lr_workspace_is_command(const char *name)
{
	(void)name;
	return 0;
}

int lr_workspace_command(struct lr_session *s, const struct lr_stmt *st)
{
	return lr_fail(s, st->name_pos, "unknown command '%s'", st->name);
}
