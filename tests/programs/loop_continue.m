for i = 1:6
  if mod(i, 2) == 0
    continue
  end
  disp(i)
end
