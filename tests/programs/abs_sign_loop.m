for x = [-2 0 3]
  printf('%d %d\n', abs(x), sign(x));
end
