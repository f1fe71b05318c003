try
  [1 2 3] + [1 2]
catch err
  disp(err.message)
end
