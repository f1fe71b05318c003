v = [1 2 3 4 5 6];
for k = numel(v):-1:1
  if mod(v(k), 2) == 0
    v(k) = [];
  end
end
v
