1;
function r = sq(x)
  r = x .^ 2;
end
function r = sumsq(v)
  r = sum(sq(v));
end
function r = rms(v)
  r = sqrt(sumsq(v) / numel(v));
end
rms([3 4])
