s = 0;
for i = 1:4
  s = s + i
end
