A = [4 1; 2 3];
x = [1; 0];
lam = 0;
iter = 0;
while true
  iter++;
  y = A * x;
  newlam = norm(y);
  x = y / newlam;
  if abs(newlam - lam) < 1e-10, break; end
  lam = newlam;
end
printf('lambda = %.6f\n', newlam);
printf('converged: %d\n', iter < 100);
