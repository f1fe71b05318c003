v = [-2.5 -1.5 1.5 2.5];
floor(v)
ceil(v)
round(v)
fix(v)
