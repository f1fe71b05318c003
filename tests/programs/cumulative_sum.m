v = [1 2 3 4 5];
c = zeros(size(v));
c(1) = v(1);
for k = 2:numel(v)
  c(k) = c(k-1) + v(k);
end
c
cumsum(v)
