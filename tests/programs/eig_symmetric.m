A = [2 0; 0 3];
eig(A)
[V, D] = eig([2 1; 1 2]);
diag(D)'
