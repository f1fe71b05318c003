a = [1 0];
if a | [0 0]
  disp('true')
else
  disp('false')
end
