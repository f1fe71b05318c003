addpath('lib');
r = lib_square(7)
[q, w] = lib_minmax([4 -2 9])
