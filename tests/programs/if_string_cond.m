s = 'abc';
if strcmp(s, 'abc') && numel(s) == 3
  disp('match')
end
