A = magic(5);
t = 0;
for i = 1:size(A,1)
  t += A(i,i);
end
t
trace(A)
