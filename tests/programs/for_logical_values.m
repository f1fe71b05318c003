for t = [true false]
  t
end
