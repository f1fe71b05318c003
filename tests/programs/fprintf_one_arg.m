fprintf('just text\n');
fprintf(1, 'to stdout %d\n', 5);
