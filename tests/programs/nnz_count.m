A = [1 0 2; 0 0 3];
nnz(A)
numel(find(A))
