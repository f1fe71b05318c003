1;
function [a, b] = two()
  a = 1;
  b = 2;
end
two()
[p, q] = two();
disp([p q])
