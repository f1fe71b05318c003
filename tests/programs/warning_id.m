warning('my:id', 'watch %s', 'out');
disp('next')
