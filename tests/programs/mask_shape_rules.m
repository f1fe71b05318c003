x = 1:5;
x(x > 2) = []
c = (1:5)';
c(c > 2) = []
A = magic(3);
A(A > 5)
A(:, logical([1 0 1]))
A(logical([1 0]), :)
v = [1 2 3];
v(logical([1 0 0 0 0 0]))
