v = [];
for k = 1:5
  v(end+1) = k^2;
end
v
