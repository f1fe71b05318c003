A = [1 1 0; 1 0 1; 0 1 1];
[m, n] = size(A);
Q = zeros(m, n);
for j = 1:n
  v = A(:, j);
  for i = 1:j-1
    v = v - (Q(:, i)' * A(:, j)) * Q(:, i);
  end
  Q(:, j) = v / norm(v);
end
printf('%8.4f %8.4f %8.4f\n', Q');
printf('%.6f\n', norm(Q'*Q - eye(3)) < 1e-12);
