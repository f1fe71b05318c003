v = [1 2 3];
try
  while v & [1 1 1]
    v = v - 1;
  end
  v
catch err
  disp(err.message)
end
