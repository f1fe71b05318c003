printf('%d\n', true);
fprintf('%s\n', 65);
fprintf('%d\n', 'a');
x = sprintf('%d', [])
disp(sprintf('%5.1f|', [1.25 2.5]))
