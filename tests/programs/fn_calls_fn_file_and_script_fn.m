addpath('lib');
1;
function r = wrap(x)
  r = lib_square(x) + 1;
end
wrap(3)
