n = 3;
while n > 0
  printf('%d...', n);
  n--;
end
printf('liftoff\n');
