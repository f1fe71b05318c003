try
  x = [1 2 3];
  x(1.5)
catch err
  disp(err.message)
end
