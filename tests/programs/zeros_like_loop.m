A = magic(3);
B = zeros(size(A));
for k = 1:numel(A)
  B(k) = A(k) * 2;
end
B
