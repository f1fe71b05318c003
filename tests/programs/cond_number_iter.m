A = [1 2; 3 4];
for k = 1:3
  B = A^k;
  printf('%d: %g\n', k, B(1,1));
end
