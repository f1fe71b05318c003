if 'abc'
  disp('string is true');
end
if ~isempty(strfind('banana', 'nan'))
  disp('found');
end
