try
  x = undefined_thing + 1;
catch
  disp('caught');
end
