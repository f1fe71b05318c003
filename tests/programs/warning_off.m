warning('off', 'all');
warning('hidden');
disp('quiet')
