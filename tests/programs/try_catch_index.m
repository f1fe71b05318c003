v = [1 2 3];
try
  v(5)
catch err
  disp(err.message)
end
