v = [3 2 1];
while v
  v = v - 1
end
