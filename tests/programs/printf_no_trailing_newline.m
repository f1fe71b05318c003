printf('a\n');
printf('no newline at the end');
