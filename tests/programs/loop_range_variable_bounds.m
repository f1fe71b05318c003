n = 3;
for i = n:-1:1
  for j = i:n
    printf('%d%d ', i, j);
  end
end
printf('\n');
