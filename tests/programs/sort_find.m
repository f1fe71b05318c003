v = [3 1 4 1 5 9 2 6];
sort(v, 'descend')
[s, i] = sort(v);
i
find(v > 3, 2)
cumsum(v)(end)
