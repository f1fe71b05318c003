try
  try
    error('inner');
  catch e1
    error('outer: %s', e1.message);
  end
catch e2
  disp(e2.message)
end
