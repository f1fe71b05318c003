x = later_fn(2)
function r = later_fn(a)
  r = a * 10;
end
