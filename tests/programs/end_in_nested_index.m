v = 10:10:100;
v(min(end, 5))
v(end-2:end)
v(v(1)/10)
A = magic(4);
A(end, end)
A(end)
A(end, :)
