x = 1;
error('Something failed: %d', 3);
