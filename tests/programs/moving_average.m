x = [1 2 3 4 5 6];
w = 3;
m = zeros(1, numel(x) - w + 1);
for k = 1:numel(m)
  m(k) = mean(x(k:k+w-1));
end
m
