try
  y = qqq;
catch err
  disp(err.message)
end
