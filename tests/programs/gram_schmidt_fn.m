1;
function Q = gs(A)
  [m, n] = size(A);
  Q = zeros(m, n);
  for j = 1:n
    v = A(:, j);
    for i = 1:j-1
      v -= (Q(:, i)' * v) * Q(:, i);
    end
    Q(:, j) = v / norm(v);
  end
end
Q = gs([3 1; 4 2]);
printf('%.4f %.4f\n', Q');
