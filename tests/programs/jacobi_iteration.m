A = [4 1; 2 5]; b = [1; 2];
x = zeros(2, 1);
for k = 1:60
  xn = zeros(2, 1);
  for i = 1:2
    s = b(i);
    for j = 1:2
      if j ~= i
        s = s - A(i,j) * x(j);
      end
    end
    xn(i) = s / A(i,i);
  end
  x = xn;
end
printf('%.6f\n', x);
