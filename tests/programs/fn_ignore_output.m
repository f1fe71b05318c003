1;
function [a, b, c] = three()
  a = 1; b = 2; c = 3;
end
[~, y] = three()
[p, ~, q] = three()
