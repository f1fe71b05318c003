A = [1 2; 3 4];
for k = 1:numel(A)
  printf('%d ', A(k));
end
printf('\n');
