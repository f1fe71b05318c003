1;
function r = ispos(x)
  r = x > 0
end
ispos(3);
