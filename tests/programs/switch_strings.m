names = 'abc';
for c = names
  switch c
    case 'a'
      printf('alpha\n');
    case {'b', 'c'}
      printf('b or c\n');
  end
end
