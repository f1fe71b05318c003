function [m, s] = stats(v)
% STATS  the mean and the spread of a vector, by two subfunctions.
  m = mean_of(v);
  s = spread(v, m);
end

function m = mean_of(v)
  m = sum(v) / numel(v);
end

function s = spread(v, m)
  s = sqrt(sum((v - m) .^ 2) / (numel(v) - 1));
end
