A = [1 2; 3 4];
for i = 1:2
  disp(sprintf('%d ', A(i, :)));
end
