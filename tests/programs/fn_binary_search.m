1;
function idx = bsearch(v, x)
  lo = 1; hi = numel(v); idx = -1;
  while lo <= hi
    mid = floor((lo + hi) / 2);
    if v(mid) == x
      idx = mid; return;
    elseif v(mid) < x
      lo = mid + 1;
    else
      hi = mid - 1;
    end
  end
end
bsearch([1 3 5 7 9 11], 7)
bsearch([1 3 5 7 9 11], 4)
