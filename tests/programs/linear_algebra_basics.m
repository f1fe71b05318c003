A = [4 -2; 1 1];
det(A)
inv(A)
rank(A)
trace(A)
A \ [2; 3]
