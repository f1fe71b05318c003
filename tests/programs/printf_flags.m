printf('%-5d|\n', 3);
printf('%+d\n', 5);
printf('%x %o %X\n', 255, 8, 255);
printf('%c%c\n', 72, 105);
printf('100%%\n');
printf('%5s|%-5s|\n', 'ab', 'cd');
