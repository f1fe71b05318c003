X = [1 2; 3 4; 5 6];
y = [1; 2; 3];
lambda = 0.1;
w = (X' * X + lambda * eye(2)) \ (X' * y);
printf('%.5f\n', w);
