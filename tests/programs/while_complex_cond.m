a = 10; b = 1;
while a > b && b < 5
  a--; b++;
end
[a b]
