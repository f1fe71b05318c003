a = [1 2 3];
b = a + 1e-15;
isequal(a, b)
all(abs(a - b) < 1e-12)
