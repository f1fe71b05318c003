reshape(1:6, 2, 3)
reshape(1:6, [], 2)
kron([1 2], [1; 1])
