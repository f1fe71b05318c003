v = 1:10;
while numel(v) > 3
  v(end) = [];
end
v
