for i = 5:-2:1
  printf('%d ', i);
end
printf('\n');
