s = sprintf('%.3f', pi)
t = sprintf('%d', [1 2 3])
u = sprintf('%g', 1e-5)
