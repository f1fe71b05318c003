for k = 1:3
  disp([k, k*2])
end
