function g = make_scaler(k)
% MAKE_SCALER  a handle that scales by k through a subfunction.
  g = @(x) scale(x, k);
end

function y = scale(x, k)
  y = k * x;
end
