v = [3 4];
norm(v)
norm(v, 1)
norm(v, Inf)
