warning('careful: %d', 5);
disp('after')
