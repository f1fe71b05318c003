addpath('lib');
lib_hanoi(3, 'A', 'C', 'B')
