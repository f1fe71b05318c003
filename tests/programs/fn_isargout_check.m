1;
function [s, c] = sc(x)
  s = sin(x);
  if nargout > 1
    c = cos(x);
    disp('computed cos');
  end
end
a = sc(0);
[a, b] = sc(0);
