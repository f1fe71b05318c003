1;
function C = matmul(A, B)
  [m, n] = size(A);
  p = columns(B);
  C = zeros(m, p);
  for i = 1:m
    for j = 1:p
      C(i, j) = A(i, :) * B(:, j);
    end
  end
end
matmul([1 2; 3 4], [5; 6])
