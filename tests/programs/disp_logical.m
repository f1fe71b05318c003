disp([1 2 3] > 1)
disp(true)
x = [1 2 3] > 1;
disp(x)
