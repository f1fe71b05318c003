try
  try
    error('my:id', 'inner %d', 1);
  catch err
    rethrow(err);
  end
catch e2
  disp(e2.identifier)
  disp(e2.message)
end
