1;
function nothing()
  x = 1;
end
try
  y = nothing();
catch err
  disp(err.message)
end
