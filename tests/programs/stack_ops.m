stack = [];
for x = [3 1 4]
  stack(end+1) = x;
end
while numel(stack) > 0
  printf('%d ', stack(end));
  stack(end) = [];
end
printf('\n');
