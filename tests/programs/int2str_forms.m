int2str([1.5 2.5 3.5])
int2str(-0.5)
