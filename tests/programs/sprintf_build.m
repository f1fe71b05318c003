s = '';
for i = 1:4
  s = [s sprintf('%d,', i)];
end
s = s(1:end-1)
