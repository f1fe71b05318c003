v = [4 9 2 7 9 1];
[m, idx] = max(v)
best = -Inf; at = 0;
for k = 1:numel(v)
  if v(k) > best
    best = v(k); at = k;
  end
end
[best, at]
