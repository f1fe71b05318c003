sort('hello')
unique([3 1 2 1])
[u, i, j] = unique([5 5 7]);
u
