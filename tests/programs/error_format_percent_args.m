try
  error('value %d of %s is %.2f', 3, 'x', pi);
catch err
  disp(err.message);
end
try
  error('MyPkg:sub:id', 'nested id');
catch err
  disp(err.identifier);
end
