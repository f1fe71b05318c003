1;
function r = val()
  r = 5;
end
val = 3;
val
