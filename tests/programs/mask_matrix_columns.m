A = [1 0 3; 0 0 6];
A(:, any(A))
A(:, all(A))
A(any(A, 2), :)
