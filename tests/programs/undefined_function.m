try
  y = notafunction(3);
catch err
  disp(err.message)
end
