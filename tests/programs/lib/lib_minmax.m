function [lo, hi] = lib_minmax(v)
  lo = min(v);
  hi = max(v);
end
