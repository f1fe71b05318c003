for k = -3:3
  printf('%d %d\n', mod(k, 3), rem(k, 3));
end
