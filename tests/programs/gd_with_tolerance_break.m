x = 10; eta = 0.2; k = 0;
while true
  g = 2 * x;
  if abs(g) < 1e-6, break; end
  x -= eta * g;
  k++;
  if k > 1000, error('no convergence'); end
end
printf('%d steps, x=%.3g\n', k, x);
