for t = 0:0.25:1
  fprintf('%.2f\n', t);
end
