warning('off', 'all');
warning('silent');
warning('on', 'all');
warning('loud %d', 1);
