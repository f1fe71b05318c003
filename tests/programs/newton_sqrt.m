x = 1;
for k = 1:6
  x = x - (x^2 - 2) / (2*x);
end
printf('%.12f\n', x);
