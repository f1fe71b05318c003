L = [1 0 0; 2 1 0; 3 4 1]; b = [1; 4; 15];
y = zeros(3,1);
for i = 1:3
  y(i) = b(i) - L(i,1:i-1) * y(1:i-1);
end
y
