1;
function r = one(a)
  r = a;
end
try
  [p, q] = one(1);
catch err
  disp(err.message)
end
