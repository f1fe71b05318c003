try
  error('Result: bad');
catch err
  printf('[%s] [%s]\n', err.identifier, err.message);
end
