1;
function r = bad(x)
  r = x(10);
end
bad([1 2 3])
