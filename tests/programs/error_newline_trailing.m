try
  error('no traceback\n');
catch e
  printf('[%s]\n', e.message);
end
