a = [1 1];
if a && 1
  disp('nonscalar and');
end
