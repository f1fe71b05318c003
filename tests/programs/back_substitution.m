U = [2 1 1; 0 3 2; 0 0 4]; b = [5; 8; 8];
n = 3; x = zeros(n, 1);
for i = n:-1:1
  x(i) = (b(i) - U(i, i+1:n) * x(i+1:n)) / U(i,i);
end
x
