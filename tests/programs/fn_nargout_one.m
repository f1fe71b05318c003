1;
function [s, p] = sumprod(v)
  s = sum(v);
  p = prod(v);
end
x = sumprod([1 2 3 4])
