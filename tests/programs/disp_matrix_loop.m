for k = 1:2
  disp(eye(2) * k)
end
