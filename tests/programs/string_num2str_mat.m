x = [1 2 3];
disp(['x = ' mat2str(x)])
int2str(2.7)
