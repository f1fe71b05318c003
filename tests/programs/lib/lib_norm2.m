function r = lib_norm2(v)
  r = sqrt(sumsq_local(v));
end

function s = sumsq_local(v)
  s = sum(v .^ 2);
end
