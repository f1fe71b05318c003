1;
function r = double_it(x)
  r = 2 * x;
end
double_it(21)
ans + 1
