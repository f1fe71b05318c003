1;
function r = scale(v, f)
  if nargin < 2 || isempty(f)
    f = 2;
  end
  r = v * f;
end
scale([1 2])
scale([1 2], [])
scale([1 2], 10)
