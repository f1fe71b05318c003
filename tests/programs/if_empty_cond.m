if []
  disp('yes')
else
  disp('empty is false')
end
