printf('%-8s%8s\n', 'name', 'value');
names = 'abc';
vals = [1.5 22.25 333.125];
for k = 1:3
  printf('%-8c%8.2f\n', names(k), vals(k));
end
