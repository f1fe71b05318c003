/* The session a front end opens: the interpreter's session with every
 * command table registered. This is the one place that lists the tables;
 * a new file of commands adds its table here. */
#include "command_tables.h"
#include "lesson.h"
#include "session_impl.h"

const struct lr_command *const lr_command_tables[] = {
	lr_base_commands, lr_lesson_commands, lr_workspace_commands, lr_figure_commands,
	lr_data_commands, NULL
};

struct lr_session *lr_session_create(const struct lr_output *out)
{
	struct lr_session *s = lr_session_create_bare(out);

	if (s)
		lr_session_set_commands(s, lr_command_tables);
	return s;
}

int lr_is_command(const char *name)
{
	return lr_command_find(lr_command_tables, name) != NULL;
}
