p = 1;
for k = 1:10
  p *= k;
end
p
factorial(10)
