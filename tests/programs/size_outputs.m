A = ones(3, 5);
[r, c] = size(A)
n = numel(A)
