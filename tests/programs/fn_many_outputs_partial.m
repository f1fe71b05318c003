1;
function [a, b, c, d] = four()
  a = 1; b = 2; c = 3; d = 4;
end
[w, x, y, z] = four();
printf('%d %d %d %d\n', w, x, y, z);
[p, q] = four()
