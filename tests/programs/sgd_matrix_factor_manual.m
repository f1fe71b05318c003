R = [5 3; 4 2; 1 1];
U = 0.1 * ones(3, 1);
V = 0.1 * ones(2, 1);
eta = 0.05;
for epoch = 1:200
  for i = 1:3
    for j = 1:2
      e = R(i, j) - U(i) * V(j);
      u = U(i);
      U(i) = U(i) + eta * e * V(j);
      V(j) = V(j) + eta * e * u;
    end
  end
end
printf('%.3f\n', norm(R - U * V', 'fro'));
