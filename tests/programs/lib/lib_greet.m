function lib_greet(name)
  if nargin == 0
    name = 'stranger';
  end
  printf('hello %s\n', name);
end
