A = eye(2);
A *= 3
A += 1
