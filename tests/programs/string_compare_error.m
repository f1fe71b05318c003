try
  if 'abc' == 'abcd'
    disp('same');
  end
catch err
  disp(err.message);
end
