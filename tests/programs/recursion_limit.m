1;
function r = forever(n)
  r = forever(n + 1);
end
try
  forever(1);
catch err
  disp(err.message)
end
