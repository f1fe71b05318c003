A = [1 2; 3 4; 5 6];
[Q, R] = qr(A, 0);
printf('%.6f\n', norm(Q*R - A) < 1e-12);
size(Q)
