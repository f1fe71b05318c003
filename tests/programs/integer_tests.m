for x = [2 2.5 -3]
  printf('%g %d\n', x, mod(x, 1) == 0);
end
floor(log10(12345))
abs(-3:3)
