v = [1 2 3];
try
  v(0)
catch err
  disp(err.message)
end
