A = [0 2 1; 1 1 1; 2 1 0]; b = [3; 3; 3];
n = 3; Ab = [A b];
for k = 1:n-1
  [~, p] = max(abs(Ab(k:n, k)));
  p = p + k - 1;
  Ab([k p], :) = Ab([p k], :);
  for i = k+1:n
    Ab(i, :) -= Ab(i, k) / Ab(k, k) * Ab(k, :);
  end
end
x = zeros(n, 1);
for i = n:-1:1
  x(i) = (Ab(i, end) - Ab(i, i+1:n) * x(i+1:n)) / Ab(i, i);
end
x
