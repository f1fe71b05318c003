try
  error('mypkg:myid', 'value was %g', 2.5);
catch e
  disp(e.identifier);
  disp(e.message);
end
