for i = 1:5
  fprintf('%d', i);
  if i < 5, fprintf(', '); end
end
fprintf('\n');
