try
  error('my error %d', 42);
catch e
  disp(e.message);
end
