v = [1 2 3];
w = v(v > 10)
size(w)
