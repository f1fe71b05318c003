for c = 'hi'
  disp(c)
end
