x = 1;
do
  xold = x;
  x = x - (x^2 - 5) / (2 * x);
until abs(x - xold) < 1e-12
printf('%.10f\n', x);
