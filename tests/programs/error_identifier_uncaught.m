error('pkg:id', 'bad value %s', 'here');
