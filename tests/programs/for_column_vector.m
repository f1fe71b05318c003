for x = [1; 2; 3]
  x
end
