A = magic(4);
size(A)(1)
A(2,:)(3)
