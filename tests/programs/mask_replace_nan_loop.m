A = [1 NaN; NaN 4];
A(isnan(A)) = 0
