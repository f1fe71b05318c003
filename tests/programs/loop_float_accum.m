s = 0;
for k = 1:10
  s = s + 0.1;
end
s == 1
abs(s - 1) < 1e-12
printf('%.17g\n', s);
