A = [1 1 1; 1e-8 0 0; 0 1e-8 0; 0 0 1e-8];
[m, n] = size(A);
Q = A;
for j = 1:n
  for i = 1:j-1
    Q(:, j) = Q(:, j) - (Q(:, i)' * Q(:, j)) * Q(:, i);
  end
  Q(:, j) = Q(:, j) / norm(Q(:, j));
end
printf('%.2e\n', norm(Q' * Q - eye(n)) < 1e-6);
