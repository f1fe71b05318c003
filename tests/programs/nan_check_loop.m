v = [1 NaN 3 NaN];
n = 0;
for k = 1:numel(v)
  if isnan(v(k)), n++; end
end
n
v(~isnan(v))
