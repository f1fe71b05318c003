fprintf('%d: %s\n', 1, 'a');
fprintf('%s=%d\n', 'x', 3, 'y', 4);
fprintf('%d %d\n', [1 2; 3 4]);
