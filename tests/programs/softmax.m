z = [1 2 3];
p = exp(z - max(z));
p = p / sum(p);
printf('%.4f ', p); printf('\n');
