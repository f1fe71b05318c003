A = [1 2; 3 4]; B = [5 6; 7 8];
C = zeros(2);
for i = 1:2
  for j = 1:2
    for k = 1:2
      C(i,j) += A(i,k) * B(k,j);
    end
  end
end
C
isequal(C, A*B)
