A = [1 2; 3 4];
fprintf('%g ', A); fprintf('\n');
