addpath('lib');
lib_norm2([3 4])
