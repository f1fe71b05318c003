for v = magic(3)
  disp(sum(v))
end
