A = magic(3);
M = A > 4
A(M)'
A(~M) = 0
