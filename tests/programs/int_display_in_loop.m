for v = [1.5 2 1e6 1e-3]
  v
end
