v = [3 -1 4 -1 5 -9 2 6];
count = 0;
for x = v
  if x < 0
    count++;
  end
end
count
sum(v < 0)
