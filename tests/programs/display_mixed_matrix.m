x = [1e10 1]
y = [1 NaN Inf]
z = [-1.5 2.25]
