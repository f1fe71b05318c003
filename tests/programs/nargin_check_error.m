1;
function r = needs2(a, b)
  r = a + b;
end
try
  needs2(1)
catch err
  disp(err.message)
end
