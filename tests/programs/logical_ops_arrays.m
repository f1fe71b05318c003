true(2) & false
xor([1 0], [1 1])
v = [2 5 8];
any(v > 3) && all(v < 10)
nnz(v > 3)
