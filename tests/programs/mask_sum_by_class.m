y = [1 2 1 3 2 1];
x = [10 20 30 40 50 60];
for c = 1:3
  printf('class %d: %d\n', c, sum(x(y == c)));
end
