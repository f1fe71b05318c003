addpath('lib');
exist('lib_square')
x = 3;
exist('x')
exist('nothing_here_xyz')
