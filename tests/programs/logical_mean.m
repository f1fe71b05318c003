v = [1 2 3 4] > 2;
mean(v)
sum(v) / numel(v)
class(v + 1)
