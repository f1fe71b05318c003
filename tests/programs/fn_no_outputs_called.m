1;
function hello(name)
  printf('Hello, %s!\n', name);
end
hello('world')
