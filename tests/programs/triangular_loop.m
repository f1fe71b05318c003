n = 4;
T = zeros(n);
for i = 1:n
  for j = 1:i
    T(i, j) = i - j + 1;
  end
end
T
isequal(T, tril(T))
