A = [4 1 0; 1 3 1; 0 1 2];
lams = zeros(1, 2);
B = A;
for m = 1:2
  x = ones(3, 1);
  for k = 1:300
    x = B * x;
    x = x / norm(x);
  end
  lams(m) = x' * B * x;
  B = B - lams(m) * (x * x');
end
printf('%.6f\n', lams);
