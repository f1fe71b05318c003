for v = [0.1 1e-5 123456 1234567 -0.5 100]
  printf('%g\n', v);
end
