1;
function [s, p] = sumprod(v)
  s = sum(v);
  p = prod(v);
end
[a, b] = sumprod([1 2 3 4])
