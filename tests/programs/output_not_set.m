1;
function [a, b] = half(x)
  a = x;
end
try
  [p, q] = half(1);
catch err
  disp(err.message)
end
