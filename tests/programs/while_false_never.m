while false
  disp('never');
end
disp('done');
