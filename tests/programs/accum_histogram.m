data = [1 3 2 3 3 1];
counts = zeros(1, 3);
for d = data
  counts(d) = counts(d) + 1;
end
counts
bar_str = '';
for c = 1:3
  printf('%d: %s\n', c, repmat('*', 1, counts(c)));
end
