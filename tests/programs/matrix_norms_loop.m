A = [1 2; 3 4];
for p = [1 2 Inf]
  printf('%g: %.4f\n', p, norm(A, p));
end
printf('fro: %.4f\n', norm(A, 'fro'));
