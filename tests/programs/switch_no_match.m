x = 7;
switch x
  case 1
    disp('1')
end
disp('done')
