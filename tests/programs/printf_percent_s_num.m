printf('%s\n', 'text');
printf('%d\n', 3.5);
printf('[%5.2f]\n', pi);
printf('%e\n', 12345.678);
