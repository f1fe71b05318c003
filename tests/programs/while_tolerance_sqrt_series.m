s = 0; k = 0; term = 1;
while abs(term) > 1e-10
  term = (-1)^k / (2*k + 1);
  s = s + term;
  k = k + 1;
  if k > 100, break; end
end
printf('%.6f %d\n', 4 * s, k);
