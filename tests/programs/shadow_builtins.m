sum = 0;
for k = 1:4
  sum = sum + k;
end
sum
v = [5 6 7];
max = v(1);
for k = 2:3
  if v(k) > max, max = v(k); end
end
max
for i = 1:2
  z = i * 2;
end
z
w = 3 + 2i
e = 5;
e * 2
clear sum
sum([1 2 3])
