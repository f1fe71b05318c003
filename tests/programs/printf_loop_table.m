for i = 1:3
  fprintf('%d squared is %d\n', i, i^2);
end
