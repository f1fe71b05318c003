labels = [2 1 3 2];
Y = zeros(numel(labels), 3);
for i = 1:numel(labels)
  Y(i, labels(i)) = 1;
end
Y
