1;
function r = one(a)
  r = a;
end
try
  one(1, 2)
catch err
  disp(err.message)
end
