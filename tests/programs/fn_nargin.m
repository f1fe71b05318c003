1;
function r = addone(x, y)
  if nargin < 2
    y = 1;
  end
  r = x + y;
end
addone(5)
addone(5, 10)
