A = ones(3);
A(logical(eye(3))) = 5
