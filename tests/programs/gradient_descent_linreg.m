X = [1 1; 1 2; 1 3; 1 4];
y = [2; 3; 4; 5];
w = [0; 0];
alpha = 0.05;
for it = 1:5000
  grad = X' * (X * w - y) / 4;
  w = w - alpha * grad;
end
printf('%.4f %.4f\n', w);
