addpath('lib');
lib_greet()
lib_greet('Ada')
