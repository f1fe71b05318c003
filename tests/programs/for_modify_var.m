for i = 1:3
  i = i * 10;
  disp(i)
end
