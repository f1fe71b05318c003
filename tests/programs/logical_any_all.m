A = [0 1; 0 0];
any(A)
all(A)
any(A(:))
A(:, any(A))
