t = tic;
x = 0;
for i = 1:10, x += i; end
e = toc(t);
disp(e >= 0)
x
