for k = 1:2
  disp(mat2str(eye(2) * k));
end
