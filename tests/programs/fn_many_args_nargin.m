1;
function show_nargin(a, b, c)
  printf('nargin=%d\n', nargin);
end
show_nargin()
show_nargin(1)
show_nargin(1, 2, 3)
