A = [1 2; 3 4];
try
  A(A > 1) = [1 2];
catch err
  disp(err.message)
end
