A = [2 1 1; 4 3 3; 8 7 9];
n = 3; L = eye(n); U = A;
for k = 1:n-1
  for i = k+1:n
    L(i,k) = U(i,k) / U(k,k);
    U(i,:) = U(i,:) - L(i,k) * U(k,:);
  end
end
L
U
