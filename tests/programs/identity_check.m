n = 3; I = zeros(n);
for i = 1:n, I(i,i) = 1; end
isequal(I, eye(3))
