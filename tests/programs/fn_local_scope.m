1;
function r = g(x)
  a = 100;
  r = x + a;
end
a = 1;
b = g(2)
a
