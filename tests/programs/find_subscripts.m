A = [1 5; 7 2];
find(A > 2)'
[r, c] = find(A > 2)
[m, i] = max(A(:));
[rr, cc] = ind2sub(size(A), i)
sub2ind(size(A), 2, 1)
