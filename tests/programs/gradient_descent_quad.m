x = 5;
eta = 0.1;
for k = 1:100
  g = 2 * (x - 3);
  x = x - eta * g;
end
printf('%.6f\n', x);
