X = [1 2; 3 4; 5 9];
mu = mean(X)
Xc = X - mu
