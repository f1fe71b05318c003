A = magic(4);
for k = 1:2
  A(A > 10) = 0;
end
A
