1;
function s = rsum(v)
  if isempty(v)
    s = 0;
  else
    s = v(1) + rsum(v(2:end));
  end
end
rsum([1 2 3 4 5])
