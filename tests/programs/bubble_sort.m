v = [5 3 8 1 9 2];
n = numel(v);
for i = 1:n-1
  for j = 1:n-i
    if v(j) > v(j+1)
      t = v(j); v(j) = v(j+1); v(j+1) = t;
    end
  end
end
v
