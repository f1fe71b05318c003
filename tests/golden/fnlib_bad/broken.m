function r = broken(x)
  r = x +* 2;
end
