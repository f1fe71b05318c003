A = [2 1; 1 3];
x = [1; 1];
for k = 1:50
  x = A * x;
  x = x / norm(x);
end
lambda = x' * A * x;
printf('%.6f\n', lambda);
