x = 97;
switch x
  case 'a'
    disp('a matched 97')
  otherwise
    disp('no match')
end
