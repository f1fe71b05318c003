for x = 5
  x
end
