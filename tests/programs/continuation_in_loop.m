total = 0;
for k = 1:3
  total = total + ...
          k;
end
total
A = [1 2 ...
     3 4]
