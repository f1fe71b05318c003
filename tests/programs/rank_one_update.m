u = [1; 2]; v = [3; 4];
A = zeros(2);
for k = 1:3
  A = A + u * v';
end
A
