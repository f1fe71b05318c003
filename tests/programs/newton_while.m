f = 0; x = 2; n = 0;
while abs(x^3 - 2*x - 5) > 1e-12
  x = x - (x^3 - 2*x - 5) / (3*x^2 - 2);
  n = n + 1;
end
printf('%.10f after %d steps\n', x, n);
