1;
function [lam, v] = power_method(A, n)
  v = ones(size(A, 1), 1);
  for k = 1:n
    v = A * v;
    v = v / norm(v);
  end
  lam = v' * A * v;
end
[l, v] = power_method([2 0; 0 1], 60);
printf('%.6f\n', l);
printf('%.6f\n', abs(v));
