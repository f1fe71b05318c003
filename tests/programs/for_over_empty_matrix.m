for c = zeros(2, 0)
  disp('never');
end
c
