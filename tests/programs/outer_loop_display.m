for i = 1:2
  A = i * ones(2)
end
