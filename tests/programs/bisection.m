a = 1; b = 2;
while b - a > 1e-8
  m = (a + b) / 2;
  if m^2 - 2 > 0
    b = m;
  else
    a = m;
  end
end
printf('%.6f\n', (a+b)/2);
