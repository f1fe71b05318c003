i = 0; s = 0;
while i < 10
  i = i + 1;
  if mod(i, 3) == 0, continue; end
  s = s + i;
end
s
