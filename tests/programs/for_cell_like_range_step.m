for x = 10:-3:0
  printf('%d ', x);
end
printf('\n');
