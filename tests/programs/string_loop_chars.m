s = 'abc';
for k = 1:numel(s)
  printf('%c-', s(k));
end
printf('\n');
