for i = 1:2
  i + 10
end
