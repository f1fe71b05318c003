1;
function [mu, sd] = stats(v)
  mu = mean(v);
  sd = sqrt(sum((v - mu).^2) / (numel(v) - 1));
end
function report(v)
  [m, s] = stats(v);
  printf('mean %.3f sd %.3f\n', m, s);
end
report([2 4 4 4 5 5 7 9])
