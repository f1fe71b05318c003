1;
function r = firstneg(v)
  r = 0;
  for k = 1:numel(v)
    if v(k) < 0
      r = k;
      return;
    end
  end
end
firstneg([3 4 -1 2 -5])
firstneg([1 2])
