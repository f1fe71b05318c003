A = [1 1; 1 0];
F = eye(2);
for k = 1:10
  F = F * A;
end
F(1,2)
