try
  if NaN, disp('x'), end
catch err
  disp('nan condition caught');
end
