u = [1; 2; 2];
P = (u * u') / (u' * u);
x = [3; 0; 0];
p = P * x
printf('%.6f\n', norm(P * P - P) < 1e-12);
