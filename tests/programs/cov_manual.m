X = [1 2; 3 4; 5 9];
Xc = X - mean(X);
C = Xc' * Xc / (rows(X) - 1)
cov(X)
