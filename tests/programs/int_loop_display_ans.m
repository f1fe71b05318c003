for k = 1:2
  k
  k^2
end
