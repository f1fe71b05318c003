A = zeros(3);
for i = 1:3
  for j = 1:3
    A(i,j) = i + 10*j;
  end
end
A
