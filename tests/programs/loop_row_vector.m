for x = [10 20 30]
  disp(x)
end
