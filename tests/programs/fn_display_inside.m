1;
function r = noisy(x)
  y = x * 2
  r = y + 1;
end
z = noisy(3)
