s = 3;
try
  s.a
catch err
  disp('error caught');
end
