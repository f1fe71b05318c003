try
  error('50% done');
catch e
  disp(e.message)
end
