for i = 1:2
  for j = 1:2
    p = i * j
  end
end
