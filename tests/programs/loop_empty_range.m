for i = 1:0
  disp('never')
end
i
