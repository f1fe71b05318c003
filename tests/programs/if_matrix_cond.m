if [1 1 1]
  disp('all true')
end
if [1 0 1]
  disp('no')
else
  disp('some false')
end
