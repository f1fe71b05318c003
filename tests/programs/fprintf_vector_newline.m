x = [1.5 2.5 3.5];
fprintf('%.1f\n', x);
fprintf('Values: %s\n', num2str(x));
