try
  A = [1 2; 3 4];
  B = A * [1 2 3];
catch err
  disp(err.message)
end
