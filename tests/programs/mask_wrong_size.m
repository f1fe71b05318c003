v = [1 2 3];
try
  v(logical([1 0 1 1 1]))
catch err
  disp(err.message)
end
