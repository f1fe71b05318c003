x = 1;
if x == 1
  disp('returning');
  return;
end
disp('not reached');
