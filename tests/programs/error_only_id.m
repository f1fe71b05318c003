try
  error('Octave:some-id', 'with id');
catch err
  disp(err.identifier);
end
