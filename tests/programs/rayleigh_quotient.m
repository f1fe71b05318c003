A = [2 1; 1 2];
x = [1; 0];
for k = 1:5
  x = A * x; x = x / norm(x);
  r = x' * A * x;
  printf('%d %.8f\n', k, r);
end
