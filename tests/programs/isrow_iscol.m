isrow([1 2 3])
iscolumn([1 2 3])
isvector([1 2 3])
isscalar(5)
