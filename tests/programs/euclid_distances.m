X = [0 0; 3 4; 6 8];
n = rows(X);
D = zeros(n);
for i = 1:n
  for j = 1:n
    D(i, j) = norm(X(i, :) - X(j, :));
  end
end
D
