1;
function [a, b] = f()
  printf('nargout = %d\n', nargout);
  a = 1; b = 2;
end
f();
x = f();
[x, y] = f();
