A = [3 1 1; -1 3 1];
[U, S, V] = svd(A);
for k = 1:2
  Ak = U(:, 1:k) * S(1:k, 1:k) * V(:, 1:k)';
  printf('k=%d err=%.4f\n', k, norm(A - Ak));
end
