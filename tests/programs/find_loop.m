v = [0 3 0 5 7];
idx = find(v)
for k = find(v > 4)
  printf('%d at %d\n', v(k), k);
end
