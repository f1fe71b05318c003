u = [1 2 3]; v = [4 5 6];
s = 0;
for k = 1:numel(u)
  s += u(k) * v(k);
end
s
dot(u, v)
u * v'
