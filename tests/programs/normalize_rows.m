A = [3 4; 6 8; 1 0];
for i = 1:rows(A)
  A(i,:) = A(i,:) / norm(A(i,:));
end
A
