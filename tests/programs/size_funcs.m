A = ones(2, 3);
rows(A)
columns(A)
ndims(A)
length(A)
size([])
size(zeros(3, 0))
